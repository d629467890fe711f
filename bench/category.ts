/**
 * `categorySummaryRequests`: the summary requests (single or batched) the demo's category page of
 * forty product badges makes, counted on the wire in Chromium. Part of `npm run bench`; on its own,
 * `node --import tsx bench/category.ts` (after `npm run build`) measures just this.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browsers.js';
import { startDemo } from '../scripts/demo-server.js';

export const CATEGORY_BUDGET = 1;

/** Every badge of the page shows its summary (or that it has none). */
const BADGES_SHOWN = `[...document.querySelectorAll('verity-rating-badge')].every((el) => {
  const base = el.shadowRoot && el.shadowRoot.querySelector('[part="base"]');
  return base && !base.hasAttribute('aria-busy');
})`;

export async function categorySummaryRequests(browser: Browser, baseUrl: string): Promise<number> {
  const page = await browser.newPage();
  try {
    let count = 0;
    page.on('request', (request) => {
      if (/^\/v1\/businesses\/[^/]+\/summar(y|ies)$/.test(new URL(request.url()).pathname)) count += 1;
    });
    await page.goto(`${baseUrl}/category.html`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(BADGES_SHOWN, { timeout: 30_000 });
    const badges = (await page.evaluate(`document.querySelectorAll('verity-rating-badge').length`)) as number;
    if (badges !== 40) throw new Error(`the category page has ${badges} badges, not 40`);
    return count;
  } finally {
    await page.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-category-'));
  const server = await startDemo({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: 'bench',
    rateLimitPerMinute: 0,
    jobs: false,
  });
  const browser = await puppeteer.launch({
    executablePath: findBrowser('chromium').executable,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const count = await categorySummaryRequests(browser, server.url);
    console.log(`categorySummaryRequests: ${count} (budget ${CATEGORY_BUDGET})`);
    process.exitCode = count <= CATEGORY_BUDGET ? 0 : 1;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
