/**
 * The demo's server-rendered product page (`verity-reviews/ssr`): with JavaScript turned off,
 * Chromium shows the badge's stars, average and count and the list's first reviews from the
 * declarative shadow roots alone; the HTML itself carries them for a crawler, with one JSON-LD
 * `Product`. With JavaScript on, in Chromium, Firefox and WebKit, the widgets take over what the
 * server drew without asking the API again, without drawing anything twice, and (in Chromium,
 * which reports layout shifts) without moving the page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browsers.js';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { DEMO_PRODUCTS } from '../../src/mocks/fixtures.js';
import { describeEachEngine, waitFor } from './drivers.js';

const PAGE = '/espresso.html';

/** What a visitor reads in the product's badge and list, from their shadow roots. */
const SHOWN = `(() => {
  const badge = document.querySelector('verity-rating-badge[product]');
  const list = document.querySelector('verity-review-list');
  const text = (root, selector) => root && root.querySelector(selector) ? root.querySelector(selector).textContent.replace(/\\s+/g, ' ').trim() : null;
  const stars = badge && badge.shadowRoot && badge.shadowRoot.querySelector('verity-stars');
  return {
    average: text(badge && badge.shadowRoot, '.average'),
    count: text(badge && badge.shadowRoot, '.count'),
    stars: stars && stars.shadowRoot ? stars.shadowRoot.querySelector('[role="img"]').getAttribute('aria-label') : null,
    listAverage: text(list && list.shadowRoot, '.big-average'),
    cards: list && list.shadowRoot ? [...list.shadowRoot.querySelectorAll('article')].map((a) => a.textContent.replace(/\\s+/g, ' ').trim()) : [],
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
  };
})()`;

interface Shown {
  average: string | null;
  count: string | null;
  stars: string | null;
  listAverage: string | null;
  cards: string[];
  jsonLd: { '@type': string; sku: string; review?: unknown[] }[];
}

describe('the server-rendered product page', () => {
  let server: DemoServer;
  let dataDir: string;
  let serverShown: Shown;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verity-e2e-ssr-'));
    server = await startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminToken: 'e2e-admin',
      rateLimitPerMinute: 0,
      jobs: false,
    });
  });

  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries the stars, the average, the count and the first reviews in its HTML, and one Product', async () => {
    const response = await fetch(`${server.url}${PAGE}`);
    assert.equal(response.status, 200);
    const page = await response.text();
    const summary = (await (
      await fetch(`${server.url}/v1/businesses/nordlys/summary?product=${DEMO_PRODUCTS.espresso}`)
    ).json()) as { rating: { average: number; count: number } };
    const first = (await (
      await fetch(`${server.url}/v1/businesses/nordlys/reviews?product=${DEMO_PRODUCTS.espresso}&sort=newest&limit=10`)
    ).json()) as { items: { body: string; author: { displayName: string } }[] };
    assert.match(page, /<template shadowroot="open" shadowrootmode="open">/);
    assert.ok(page.includes(`Rated ${summary.rating.average} out of 5`), 'the stars’ label');
    assert.ok(page.includes(`${summary.rating.count} verified reviews`), 'the count');
    for (const review of first.items) {
      assert.ok(page.includes(review.body.replace(/&/g, '&amp;').replace(/</g, '&lt;')), review.body);
    }
    assert.equal(page.match(/application\/ld\+json/g)?.length, 1, 'one JSON-LD block');
    assert.match(response.headers.get('content-security-policy') ?? '', /style-src 'self'( 'sha256-[\w+/=]+')+;/);
  });

  describe('with JavaScript turned off, in Chromium', () => {
    let browser: Browser;

    before(async () => {
      browser = await puppeteer.launch({
        executablePath: findBrowser('chromium').executable,
        headless: true,
        args: CHROMIUM_ARGS,
      });
    });
    after(async () => {
      await browser?.close();
    });

    it('shows the stars, the average, the count and the first reviews as text', async () => {
      const page = await browser.newPage();
      try {
        await page.setJavaScriptEnabled(false);
        const scripts: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script' || request.url().includes('/v1/')) scripts.push(request.url());
        });
        await page.goto(`${server.url}${PAGE}`, { waitUntil: 'load' });
        serverShown = (await page.evaluate(SHOWN)) as Shown;
        const [, average] = /^(\d\.\d{1,2}) out of 5$/.exec(serverShown.average ?? '') ?? [];
        assert.ok(average, `the average (${serverShown.average})`);
        assert.equal(serverShown.stars, `Rated ${average} out of 5`);
        assert.match(serverShown.count ?? '', /^\d+ verified reviews$/);
        assert.equal(serverShown.listAverage, average);
        assert.equal(serverShown.cards.length, 10, 'the first page of reviews');
        assert.ok(serverShown.cards.every((card) => card.length > 40));
        assert.equal(
          await page.evaluate(`customElements.get('verity-review-list') === undefined`),
          true,
          'no widget code ran',
        );
        assert.deepEqual(
          scripts.filter((url) => url.includes('/v1/')),
          [],
          'nothing asked the API',
        );
        // The inline styles of the shadow roots are allowed by their hashes: laid out, not bare.
        const height = (await page.evaluate(
          `document.querySelector('verity-review-list').getBoundingClientRect().height`,
        )) as number;
        assert.ok(height > 400, `the list is laid out (${height}px)`);
        assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
      } finally {
        await page.close();
      }
    });

    it('with JavaScript on, takes over without a layout shift', async () => {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width: 1280, height: 1600 });
        await page.evaluateOnNewDocument(`
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        `);
        await page.goto(`${server.url}${PAGE}`, { waitUntil: 'networkidle0' });
        await page.waitForFunction(`customElements.get('verity-review-list') !== undefined`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await page.evaluate('window.__cls'), 0);
      } finally {
        await page.close();
      }
    });
  });

  describeEachEngine((engine, driver) => {
    it('the widgets take over what the server drew, without asking the API again', async () => {
      await driver.goto(`${server.url}${PAGE}`);
      // The form is drawn in the browser only: once it is, every widget code has run.
      await waitFor(
        driver,
        `(() => { const f = document.querySelector('verity-review-form'); return Boolean(f && f.shadowRoot && f.shadowRoot.querySelector('form [name="body"]')); })()`,
        'the review form',
      );
      await waitFor(
        driver,
        `(() => { const b = document.querySelector('verity-rating-badge[product]'); return Boolean(customElements.get('verity-rating-badge') && b.shadowRoot.querySelector('.verified-mark')); })()`,
        'the badge',
      );
      const shown = await driver.run<Shown>(SHOWN);
      assert.equal(shown.cards.length, 10, 'each review once');
      assert.ok(shown.average && shown.count, 'the badge shows its summary');
      if (serverShown) {
        assert.equal(shown.average, serverShown.average);
        assert.equal(shown.count, serverShown.count);
        assert.deepEqual(
          shown.cards.map((card) => card.slice(0, 60)),
          serverShown.cards.map((card) => card.slice(0, 60)),
        );
      }
      assert.equal(shown.jsonLd.length, 1, `one JSON-LD block (${engine})`);
      assert.equal(shown.jsonLd[0]!.sku, DEMO_PRODUCTS.espresso);
      assert.equal(shown.jsonLd[0]!.review?.length, 10);
      const api = await driver.run<string[]>(
        `performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new URL(n).pathname.startsWith('/v1/'))`,
      );
      // The header's shop badge is server-rendered too: the page asks the API nothing.
      assert.deepEqual(api, []);
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });
  });
});
