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
import { format, resolveConfig } from 'prettier';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browsers.js';
import { startDemo } from '../scripts/demo-server.js';
import type { DemoServer } from '../scripts/demo-server.js';
import { PENDING_REVIEWS, benchDashboard } from './dashboard.js';
import type { DashboardBench } from './dashboard.js';
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

/** The median, the smallest and the largest of some runs. */
function spread(runs: number[]): { median: number; min: number; max: number; runs: number[] } {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs };
}

/**
 * Scripting time of the update that renders a first page of 50 review cards: the median of 7
 * renders in one page, in each of `LIST_RUNS` fresh pages; the result is the median of those.
 */
const LIST_RUNS = 5;
async function listRender50Once(browser: Browser, url: string): Promise<number> {
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

async function listRender50(browser: Browser, url: string): Promise<ReturnType<typeof spread>> {
  const runs: number[] = [];
  for (let i = 0; i < LIST_RUNS; i += 1) runs.push(await listRender50Once(browser, url));
  return spread(runs);
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

/** The middle of a list of numbers (the lower middle of an even count). */
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export interface LighthouseRuns {
  /** Medians of the runs. */
  withWidgets: number;
  withoutWidgets: number;
  tbtWith: number;
  tbtWithout: number;
  /** Each run's numbers, in the order they ran (with and without alternate). */
  runs: { with: { score: number; tbt: number }[]; without: { score: number; tbt: number }[] };
}

/**
 * Lighthouse `LIGHTHOUSE_RUNS` times on the product page with the widgets and as many without,
 * alternating, so a slow moment of the machine hits both alike; one run alone is as noisy as the
 * machine (18 to 159 ms of TBT on the same build).
 */
async function lighthouseRuns(withUrl: string, withoutUrl: string, port: number): Promise<LighthouseRuns> {
  const runs: LighthouseRuns['runs'] = { with: [], without: [] };
  for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
    runs.with.push(await lighthouse(withUrl, port));
    runs.without.push(await lighthouse(withoutUrl, port));
  }
  return {
    withWidgets: median(runs.with.map((r) => r.score)),
    withoutWidgets: median(runs.without.map((r) => r.score)),
    tbtWith: median(runs.with.map((r) => r.tbt)),
    tbtWithout: median(runs.without.map((r) => r.tbt)),
    runs,
  };
}

const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

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
  listRender50Ms: 8,
  /** Total blocking time the widgets add to the product page: median with − median without. */
  tbtAddedMs: 30,
  /** The same budget as the end-to-end test of the built dashboard. */
  inboxGzipBytes: 60_000,
  inboxInteractiveMs: 1000,
} as const;

/** The measurements, by name: `npm run bench -- --only=listRender50` runs just those named. */
const MEASURES = ['sizes', 'requests', 'cls', 'listRender50', 'category', 'lighthouse', 'dashboard'] as const;
type Measure = (typeof MEASURES)[number];

function chosenMeasures(): Set<Measure> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(MEASURES);
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(MEASURES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown measurement ${unknown.join(', ')}; known: ${MEASURES.join(', ')}`);
  return new Set(names as Measure[]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results.json is read back as written
type Results = Record<string, any>;

function table(results: Results): { table: string; failures: string[] } {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lighthouse = results.lighthouse as Partial<LighthouseRuns> | undefined;
  const dashboard = results.dashboard as DashboardBench | undefined;
  const tbtAdded = (lighthouse?.tbtWith ?? 0) - (lighthouse?.tbtWithout ?? 0);
  const runsRange = (of: Partial<LighthouseRuns> | undefined, key: 'score' | 'tbt') => {
    if (!of?.runs) return '';
    const span = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
    return ` (${span(of.runs.with.map((r) => r[key]))} / ${span(of.runs.without.map((r) => r[key]))})`;
  };
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
    [
      'API requests: home / product page',
      `${results.demoRequests?.home} / ${results.demoRequests?.product}`,
      'no duplicates',
      true,
    ],
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
      'Render a first page of 50 reviews (scripting, median)',
      results.listRender50Spread
        ? `${results.listRender50Ms} ms (${results.listRender50Spread.min}–${results.listRender50Spread.max})`
        : `${results.listRender50Ms} ms`,
      `≤ ${BUDGETS.listRender50Ms} ms`,
      results.listRender50Ms <= BUDGETS.listRender50Ms,
    ],
    [
      'Summary requests of a category page with 40 product badges',
      String(results.categorySummaryRequests),
      `≤ ${CATEGORY_BUDGET}`,
      results.categorySummaryRequests <= CATEGORY_BUDGET,
    ],
    [
      `Lighthouse performance: with / without widgets (median of ${lighthouse?.runs?.with.length ?? 1}; range)`,
      `${lighthouse?.withWidgets} / ${lighthouse?.withoutWidgets}${runsRange(lighthouse, 'score')}`,
      '',
      true,
    ],
    [
      `Total blocking time: with / without widgets (median of ${lighthouse?.runs?.with.length ?? 1}; range)`,
      `${lighthouse?.tbtWith} / ${lighthouse?.tbtWithout} ms${runsRange(lighthouse, 'tbt')}`,
      '',
      true,
    ],
    [
      'Total blocking time the widgets add (median with − median without)',
      `${tbtAdded} ms`,
      `≤ ${BUDGETS.tbtAddedMs} ms`,
      tbtAdded <= BUDGETS.tbtAddedMs,
    ],
    [
      `Dashboard inbox, all JS (min+gzip, ${dashboard?.inboxJsFiles} files)`,
      kb(dashboard?.inboxGzipBytes ?? 0),
      `≤ ${kb(BUDGETS.inboxGzipBytes)}`,
      (dashboard?.inboxGzipBytes ?? Infinity) <= BUDGETS.inboxGzipBytes,
    ],
    [
      `Dashboard inbox interactive, ${PENDING_REVIEWS.toLocaleString('en')} pending (${dashboard?.inboxReviewsLoaded} loaded; median, range)`,
      `${dashboard?.inboxInteractiveMs} ms (${dashboard?.inboxInteractiveSpreadMs?.join('–')})`,
      `≤ ${BUDGETS.inboxInteractiveMs} ms`,
      (dashboard?.inboxInteractiveMs ?? Infinity) <= BUDGETS.inboxInteractiveMs,
    ],
  ];
  const text = [
    '| measure | result | budget | |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([name, value, budget, ok]) => `| ${name} | ${value} | ${budget} | ${budget ? (ok ? 'ok' : '**over**') : ''} |`,
    ),
  ].join('\n');
  const failures = rows
    .filter(([, , budget, ok]) => budget && !ok)
    .map(([name, value, budget]) => `${name}: ${value} (budget ${budget})`);
  return { table: text, failures };
}

async function main(): Promise<void> {
  const measures = chosenMeasures();
  const resultsUrl = new URL('bench/results.json', root);
  // A partial run keeps every number it did not measure.
  const previous: Results = measures.size < MEASURES.length ? JSON.parse(readFileSync(resultsUrl, 'utf8')) : {};
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-'));
  const start = (apiDelayMs: number) =>
    startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir: `${dataDir}/${apiDelayMs}`,
      adminToken: 'bench',
      rateLimitPerMinute: 0,
      apiDelayMs,
      jobs: false,
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
    const measured: Results = { measuredAt: new Date().toISOString() };
    if (measures.has('sizes')) Object.assign(measured, sizes());
    if (measures.size > 1 || !measures.has('sizes')) server = await start(0);
    if (measures.has('requests')) {
      const home = await requests(browser, `${server!.url}/`);
      const product = await requests(browser, `${server!.url}/espresso.html`);
      measured.demoRequests = { home: home.total, product: product.total };
      measured.duplicateRequests = home.duplicates + product.duplicates;
    }
    if (measures.has('cls')) {
      slow = await start(500);
      const shift = Math.max(await cls(browser, `${slow.url}/`), await cls(browser, `${slow.url}/espresso.html`));
      measured.cls = Math.round(shift * 1000) / 1000;
      // The product page is server-rendered (verity-reviews/ssr): the widgets take over what it drew.
      measured.clsServerRendered = Math.round((await cls(browser, `${slow.url}/espresso.html`)) * 1000) / 1000;
    }
    if (measures.has('listRender50')) {
      const render = await listRender50(browser, `${server!.url}/`);
      measured.listRender50Ms = render.median;
      measured.listRender50Spread = render;
    }
    if (measures.has('category'))
      measured.categorySummaryRequests = await categorySummaryRequests(browser, server!.url);
    if (measures.has('lighthouse')) {
      const port = Number(new URL(browser.wsEndpoint()).port);
      measured.lighthouse = await lighthouseRuns(
        `${server!.url}/espresso.html`,
        `${server!.url}/espresso-without-widgets.html`,
        port,
      );
    }
    if (measures.has('dashboard')) measured.dashboard = await benchDashboard(browser, `${dataDir}/dashboard`);
    const results: Results = { ...previous, ...measured };
    writeFileSync(resultsUrl, `${JSON.stringify(results, null, 2)}\n`);

    const { table: text, failures } = table(results);
    const readmeUrl = new URL('README.md', root);
    const readme = readFileSync(readmeUrl, 'utf8');
    const section = `<!-- bench:start -->\n${text}\n\nMeasured ${results.measuredAt.slice(0, 10)} in Chromium on 2 cores (\`npm run bench\`).\n<!-- bench:end -->`;
    // Through prettier, as every Markdown file of the project: the table's columns are aligned.
    const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section);
    const config = (await resolveConfig(readmeUrl.pathname)) ?? {};
    writeFileSync(readmeUrl, await format(updated, { ...config, filepath: readmeUrl.pathname }));

    console.log(text);
    for (const failure of failures) console.log(`FAIL ${failure}`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server?.close();
    await slow?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
