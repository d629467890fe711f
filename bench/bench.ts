/**
 * `npm run bench`: measures the quality bars of SPEC §5 in a real Chromium and writes them to
 * bench/results.json and the README's table. Run `npm run build` first. Numbers over their
 * budget are printed as failures (the benchmark is not part of `npm test`: tests check
 * behaviour, this command measures speed and size).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browsers.js';
import { startDemo } from '../scripts/demo-server.js';
import type { DemoServer } from '../scripts/demo-server.js';
import { CATEGORY_BUDGET, categorySummaryRequests } from './category.js';

const root = new URL('..', import.meta.url);
const cdn = new URL('dist/cdn/', root);
const chunksDir = new URL('chunks/', cdn);
const gzip = (file: URL) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The chunks a set of entry chunks load, following static imports. */
function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(new URL(file, chunksDir), 'utf8');
    for (const match of source.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) walk(match[1]!);
  };
  entries.forEach(walk);
  return seen;
}

function sizes() {
  const loader = gzip(new URL('verity.js', cdn));
  const total = (entries: string[]) =>
    [...closure(entries)].reduce((sum, file) => sum + gzip(new URL(file, chunksDir)), loader);
  const widgets = ['rating-badge.js', 'review-list.js', 'review-quote.js', 'review-form.js', 'provider.js'];
  const chunks: Record<string, number> = { 'verity.js': loader };
  for (const file of readdirSync(chunksDir)
    .filter((f) => f.endsWith('.js'))
    .sort())
    chunks[`chunks/${file}`] = gzip(new URL(file, chunksDir));
  return {
    badgePageGzipBytes: total(['core.js', 'rating-badge.js']),
    allGzipBytes: total(['core.js', ...widgets]),
    chunks,
  };
}

async function withPage<T>(
  browser: Browser,
  fn: (page: Awaited<ReturnType<Browser['newPage']>>) => Promise<T>,
): Promise<T> {
  const page = await browser.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

const READY = `(() => [...document.querySelectorAll('verity-rating-badge, verity-review-list, verity-review-quote')].every((el) =>
  el.shadowRoot && (el.shadowRoot.querySelector('.average, article, blockquote'))))()`;

async function requests(browser: Browser, url: string): Promise<{ total: number; duplicates: number }> {
  return withPage(browser, async (page) => {
    const seen: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/')) seen.push(request.url());
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(READY, { timeout: 30_000 });
    return { total: seen.length, duplicates: seen.length - new Set(seen).size };
  });
}

/** The page's cumulative layout shift while the widgets load with a slow API. */
async function cls(browser: Browser, url: string): Promise<number> {
  return withPage(browser, async (page) => {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(`
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    `);
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(READY, { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    return page.evaluate('window.__cls') as Promise<number>;
  });
}

/** Scripting time of the update that renders a first page of 50 review cards (median of 7). */
async function listRender50(browser: Browser, url: string): Promise<number> {
  return withPage(browser, async (page) => {
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(READY, { timeout: 30_000 });
    // A string, not a function: the page must run it exactly as written.
    return page.evaluate(`(async () => {
      const List = customElements.get('verity-review-list');
      const original = List.prototype.update;
      const make = () => {
        const el = document.createElement('verity-review-list');
        el.setAttribute('page-size', '50');
        return el;
      };
      const load = (el) =>
        new Promise((resolve) => {
          el.addEventListener('verity-load', () => resolve(), { once: true });
          document.body.append(el);
        });
      // Warm the shared client's cache, so only rendering is measured.
      const warm = make();
      await load(warm);
      warm.remove();
      const times = [];
      for (let i = 0; i < 7; i += 1) {
        let longest = 0;
        List.prototype.update = function (changed) {
          const started = performance.now();
          original.call(this, changed);
          longest = Math.max(longest, performance.now() - started);
        };
        const el = make();
        await load(el);
        await el.updateComplete;
        List.prototype.update = original;
        times.push(longest);
        el.remove();
      }
      times.sort((a, b) => a - b);
      return Math.round(times[3] * 10) / 10;
    })()`) as Promise<number>;
  });
}

async function lighthouse(url: string, port: number): Promise<{ score: number; tbt: number }> {
  const { default: run } = await import('lighthouse');
  const result = await run(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = result!.lhr;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: Math.round(Number(lhr.audits['total-blocking-time']?.numericValue ?? 0)),
  };
}

/** The product page as it would be without Verity: no script tag, no widget tags. */
function withoutWidgets(): string {
  return readFileSync(new URL('demo/espresso.html', root), 'utf8')
    .replace(/<script[^>]*verity\.js[^>]*><\/script>/, '')
    .replace(/<verity-[\w-]+[^>]*>[\s\S]*?<\/verity-[\w-]+>/g, '');
}

const BUDGETS = {
  badgePageGzipBytes: 15 * 1024,
  allGzipBytes: 40 * 1024,
  duplicateRequests: 0,
  cls: 0,
  listRender50Ms: 16,
} as const;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-'));
  const start = (apiDelayMs: number) =>
    startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir: `${dataDir}/${apiDelayMs}`,
      adminToken: 'bench',
      rateLimitPerMinute: 0,
      apiDelayMs,
      extraPages: { '/espresso-without-widgets.html': withoutWidgets() },
    });
  let server: DemoServer | undefined;
  let slow: DemoServer | undefined;
  const browser = await puppeteer.launch({
    executablePath: findBrowser('chromium').executable,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    server = await start(0);
    slow = await start(500);
    const home = await requests(browser, `${server.url}/`);
    const product = await requests(browser, `${server.url}/espresso.html`);
    const shift = Math.max(await cls(browser, `${slow.url}/`), await cls(browser, `${slow.url}/espresso.html`));
    // The product page is server-rendered (verity-reviews/ssr): the widgets take over what it drew.
    const ssrShift = await cls(browser, `${slow.url}/espresso.html`);
    const render = await listRender50(browser, `${server.url}/`);
    const category = await categorySummaryRequests(browser, server.url);
    const port = Number(new URL(browser.wsEndpoint()).port);
    const withWidgets = await lighthouse(`${server.url}/espresso.html`, port);
    const without = await lighthouse(`${server.url}/espresso-without-widgets.html`, port);

    const results = {
      measuredAt: new Date().toISOString(),
      ...sizes(),
      demoRequests: { home: home.total, product: product.total },
      duplicateRequests: home.duplicates + product.duplicates,
      cls: Math.round(shift * 1000) / 1000,
      clsServerRendered: Math.round(ssrShift * 1000) / 1000,
      listRender50Ms: render,
      categorySummaryRequests: category,
      lighthouse: {
        withWidgets: withWidgets.score,
        withoutWidgets: without.score,
        tbtWith: withWidgets.tbt,
        tbtWithout: without.tbt,
      },
    };
    writeFileSync(new URL('bench/results.json', root), `${JSON.stringify(results, null, 2)}\n`);

    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const rows: [string, string, string, boolean][] = [
      [
        'Badge page, all JS (min+gzip)',
        kb(results.badgePageGzipBytes),
        `≤ ${kb(BUDGETS.badgePageGzipBytes)}`,
        results.badgePageGzipBytes <= BUDGETS.badgePageGzipBytes,
      ],
      [
        'All widgets, all JS (min+gzip)',
        kb(results.allGzipBytes),
        `≤ ${kb(BUDGETS.allGzipBytes)}`,
        results.allGzipBytes <= BUDGETS.allGzipBytes,
      ],
      ['API requests: home / product page', `${home.total} / ${product.total}`, 'no duplicates', true],
      [
        'Duplicate API requests',
        String(results.duplicateRequests),
        '0',
        results.duplicateRequests === BUDGETS.duplicateRequests,
      ],
      ['CLS with a 500 ms API delay', String(results.cls), '0', results.cls <= BUDGETS.cls],
      [
        'CLS of the server-rendered product page',
        String(results.clsServerRendered),
        '0',
        results.clsServerRendered <= BUDGETS.cls,
      ],
      [
        'Render a first page of 50 reviews (scripting)',
        `${render} ms`,
        `< ${BUDGETS.listRender50Ms} ms`,
        render < BUDGETS.listRender50Ms,
      ],
      [
        'Summary requests of a category page with 40 product badges',
        String(category),
        `≤ ${CATEGORY_BUDGET}`,
        category <= CATEGORY_BUDGET,
      ],
      ['Lighthouse performance: with / without widgets', `${withWidgets.score} / ${without.score}`, '', true],
      ['Total blocking time: with / without widgets', `${withWidgets.tbt} / ${without.tbt} ms`, '', true],
    ];
    const table = [
      '| measure | result | budget | |',
      '| --- | --- | --- | --- |',
      ...rows.map(
        ([name, value, budget, ok]) => `| ${name} | ${value} | ${budget} | ${budget ? (ok ? 'ok' : '**over**') : ''} |`,
      ),
    ].join('\n');
    const readmeUrl = new URL('README.md', root);
    const readme = readFileSync(readmeUrl, 'utf8');
    const section = `<!-- bench:start -->\n${table}\n\nMeasured ${results.measuredAt.slice(0, 10)} in Chromium on 2 cores (\`npm run bench\`).\n<!-- bench:end -->`;
    writeFileSync(readmeUrl, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));

    console.log(table);
    const failures = rows.filter(([, , budget, ok]) => budget && !ok);
    for (const [name, value, budget] of failures) console.log(`FAIL ${name}: ${value} (budget ${budget})`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server?.close();
    await slow?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
