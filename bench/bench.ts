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
import { groupTable, moduleTable } from './modules.js';
import type { ModuleRow } from './modules.js';
import { startDemo } from '../scripts/demo-server.js';
import type { DemoServer } from '../scripts/demo-server.js';
import { CATEGORY_BUDGET, categorySummaryRequests } from './category.js';
import { PENDING_REVIEWS, benchDashboard } from './dashboard.js';
import type { DashboardBench } from './dashboard.js';

const root = new URL('..', import.meta.url);
const cdn = new URL('dist/cdn/', root);
const chunksDir = new URL('chunks/', cdn);
const gzip = (file: URL) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every file each widget needs, as the build wrote it for the loader (dist/cdn/manifest.json). */
interface ChunkManifest {
  widgets: Record<string, string[]>;
  core: string[];
  locales: Record<string, string[]>;
}

const PAGE_WIDGETS = {
  badge: ['verity-rating-badge'],
  all: ['verity-rating-badge', 'verity-review-list', 'verity-review-quote', 'verity-review-form', 'verity-provider'],
};

async function sizes() {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', cdn), 'utf8')) as ChunkManifest;
  const filesOf = (tags: string[]) => [
    new URL('verity.js', cdn),
    ...[...new Set(tags.flatMap((tag) => manifest.widgets[tag]!))].map((file) => new URL(file, chunksDir)),
  ];
  const total = (files: URL[]) => files.reduce((sum, file) => sum + gzip(file), 0);
  const chunks: Record<string, number> = { 'verity.js': gzip(new URL('verity.js', cdn)) };
  for (const file of readdirSync(chunksDir)
    .filter((f) => f.endsWith('.js'))
    .sort())
    chunks[`chunks/${file}`] = gzip(new URL(file, chunksDir));
  const badge = filesOf(PAGE_WIDGETS.badge);
  const all = filesOf(PAGE_WIDGETS.all);
  await writeBundleTable(badge, all);
  return {
    badgePageGzipBytes: total(badge),
    badgePageFiles: badge.length,
    allGzipBytes: total(all),
    allFiles: all.length,
    chunks,
  };
}

/** bench/bundle.md: where the bytes of the badge's page and of all widgets go, per package and module. */
async function writeBundleTable(badge: URL[], all: URL[]): Promise<void> {
  const kb = (n: number) => (n / 1024).toFixed(2);
  const section = (title: string, files: URL[]) => {
    const modules = moduleTable(files);
    const total = modules.reduce((sum, row) => sum + row.gzipBytes, 0);
    const rows = (list: ModuleRow[]) =>
      list.map((row) => `| ${row.module} | ${kb(row.minBytes)} | ${kb(row.gzipBytes)} |`).join('\n');
    return [
      `## ${title}: ${kb(total)} KB gzip in ${files.length} files`,
      '',
      '| package or folder | KB min | KB gzip (share) |',
      '| --- | --- | --- |',
      rows(groupTable(modules)),
      '',
      '| module | KB min | KB gzip (share) |',
      '| --- | --- | --- |',
      rows(modules),
    ].join('\n');
  };
  const text = [
    '# Where the bytes go',
    '',
    'Written by `npm run bench` from the source maps of the built script-tag bundle: each module’s',
    'minified bytes, and its share of its file’s gzip bytes in proportion to them.',
    '',
    section('The badge’s page', badge),
    '',
    section('All widgets', all),
    '',
  ].join('\n');
  await writeFormatted(new URL('bench/bundle.md', root), text);
}

/** Writes a Markdown file through prettier, as every Markdown file of the project is. */
async function writeFormatted(file: URL, text: string): Promise<void> {
  const config = (await resolveConfig(file.pathname)) ?? {};
  writeFileSync(file, await format(text, { ...config, filepath: file.pathname }));
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

/** A page with nothing of Verity's but one badge: what `badgePage…` and `waterfallMs` are about. */
const BADGE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>One badge</title>
    <link rel="stylesheet" href="/cdn/verity.css" />
    <script src="/cdn/verity.js" data-api="/" data-business="nordlys" defer></script>
  </head>
  <body>
    <verity-rating-badge></verity-rating-badge>
  </body>
</html>`;

const RTT_MS = 150;
const WATERFALL_RUNS = 5;

/**
 * Loader start to a rendered badge on a throttled connection (`RTT_MS` round trips, through the
 * browser's own network emulation): from the moment verity.js has arrived to the first frame
 * with the badge's average, and the JS files fetched on the way. The median of a few page loads.
 */
async function waterfall(browser: Browser, url: string): Promise<{ ms: ReturnType<typeof spread>; files: number }> {
  const runs: number[] = [];
  let files = 0;
  for (let i = 0; i < WATERFALL_RUNS; i += 1) {
    const result = await withPage(browser, async (page) => {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: RTT_MS,
        downloadThroughput: (10 * 1024 * 1024) / 8,
        uploadThroughput: (5 * 1024 * 1024) / 8,
      });
      await page.evaluateOnNewDocument(`
        const check = () => {
          const badge = document.querySelector('verity-rating-badge');
          if (badge && badge.shadowRoot && badge.shadowRoot.querySelector('.average')) window.__badgeAt = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      `);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction('window.__badgeAt !== undefined', { timeout: 60_000 });
      return page.evaluate(`(() => {
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
        const loader = scripts.find((e) => e.name.endsWith('/verity.js'));
        return { ms: window.__badgeAt - loader.responseEnd, files: scripts.length };
      })()`) as Promise<{ ms: number; files: number }>;
    });
    runs.push(Math.round(result.ms));
    files = result.files;
  }
  return { ms: spread(runs), files };
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
  badgePageFiles: 4,
} as const;

/** The measurements, by name: `npm run bench -- --only=listRender50` runs just those named. */
const MEASURES = [
  'sizes',
  'requests',
  'cls',
  'listRender50',
  'waterfall',
  'category',
  'lighthouse',
  'dashboard',
] as const;
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
      'Badge page, JS files',
      String(results.badgePageFiles),
      `≤ ${BUDGETS.badgePageFiles}`,
      results.badgePageFiles <= BUDGETS.badgePageFiles,
    ],
    [
      `Loader start to badge rendered at ${results.waterfallRttMs ?? RTT_MS} ms RTT (median)`,
      results.waterfallSpread
        ? `${results.waterfallMs} ms (${results.waterfallSpread.min}–${results.waterfallSpread.max})`
        : String(results.waterfallMs),
      '',
      true,
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
      extraPages: { '/espresso-without-widgets.html': withoutWidgets(), '/badge-only.html': BADGE_PAGE },
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
    if (measures.has('sizes')) Object.assign(measured, await sizes());
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
    if (measures.has('waterfall')) {
      const result = await waterfall(browser, `${server!.url}/badge-only.html`);
      measured.waterfallMs = result.ms.median;
      measured.waterfallSpread = result.ms;
      measured.waterfallRttMs = RTT_MS;
      measured.badgePageLoadedFiles = result.files;
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
    await writeFormatted(readmeUrl, updated);

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
