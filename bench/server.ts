// `npm run bench:server`: how fast the reference server answers its hot GETs, measured with
// autocannon on loopback (127.0.0.1 only, a bounded time per run). Two businesses, with 1,000
// and 100,000 published reviews, on PGlite; the summary and the first list page of each,
// beside a trivial JSON route in the same run. First as configured (with the 1 s in-process
// cache of hot answers), then with that cache off, which shows what one request costs the
// database: the summary reads kept rows, so it must not slow down with 100 times the reviews.
//
// Searches too: a page of `q` results where every request asks a new query (so no cache helps),
// and one word that every review contains (the most a search can match).
//
// Writes bench/server-results.json and the table between the markers in README.md.
// BENCH_SECONDS (default 4) sets each run's length, BENCH_ROUNDS (3) how many runs per route (the
// median is reported, with the lowest and highest), BENCH_CONNECTIONS (50) the load. BENCH_ONLY
// (a regular expression over route names) measures some routes only, beside the trivial one, and
// writes nothing. The server runs with its invitation workers (pg-boss polls the same PGlite
// connection), as `npm run server` does.
//
// Then the business side (bench/collect.ts): a CSV of 100,000 orders imported, 10,000 invitations
// scheduled and sent; and the dashboard's insights on 100,000 reviews (bench/insights.ts).
// BENCH_PARTS (a comma-separated list of gets, collect, insights) runs some parts alone; results of
// the parts not run are kept from the last run.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { format, resolveConfig } from 'prettier';
import { seededRandom } from '../src/mocks/random.js';
import { upsertBusiness } from '../server/db/businesses.js';
import { openDatabase } from '../server/db/database.js';
import { insertReviews } from '../server/db/writes.js';
import { benchCollect } from './collect.js';
import type { CollectResults } from './collect.js';
import { benchReviews as reviews } from './data.js';
import { benchInsights } from './insights.js';
import type { InsightsResult } from './insights.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const PARTS = (process.env.BENCH_PARTS ?? 'gets,collect,insights').split(',');
const SIZES = [1_000, 100_000];
const root = new URL('..', import.meta.url);

const folder = mkdtempSync(join(tmpdir(), 'verity-bench-'));
const dataDir = join(folder, 'db');
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

async function prepare(): Promise<void> {
  const started = Date.now();
  const database = await openDatabase({ dataDir });
  const now = new Date();
  for (const size of SIZES) {
    const id = `bench-${size}`;
    await upsertBusiness(database.db, { id, name: `Bench ${size}`, url: `https://${id}.example` }, now);
    const all = reviews(id, size, now);
    for (let i = 0; i < all.length; i += 10_000) {
      await database.db.transaction().execute((trx) => insertReviews(trx, all.slice(i, i + 10_000), now));
    }
  }
  await database.close();
  console.log(`Stored ${SIZES.join(' and ')} reviews in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The server in its own process, so autocannon and the server do not share one event loop. */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // One client sends every request: no per-client limit of reads.
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: '',
      VERITY_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      VERITY_READ_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/v1\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  children.delete(child);
}

interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** The lowest and highest of the rounds. */
  spread: { requestsPerSecond: [number, number]; p50Ms: [number, number]; p99Ms: [number, number] };
}

/** A route: a fixed path, or one made anew for every request (a search nobody asked before). */
interface Route {
  name: string;
  path: string;
  next?: () => string;
}

function load(url: string, route: Route, duration: number): Promise<autocannon.Result> {
  const next = route.next;
  return autocannon({
    url: `${url}${route.path}`,
    connections: CONNECTIONS,
    duration,
    ...(next ? { requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }] } : {}),
  });
}

/**
 * Waits until the server answers its trivial route at once, ten times in a row. PGlite runs on the
 * server's own thread: requests a slow route left queued when its run ended would otherwise be
 * counted against the next route (between two queued queries a probe may slip through).
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  let quiet = 0;
  while (quiet < 10) {
    if (Date.now() > deadline) throw new Error('the server did not settle within 3 minutes');
    const started = performance.now();
    // A kept-alive connection the server just closed fails once: that is not quiet either.
    const answered = await fetch(`${url}/health`).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    );
    quiet = answered && performance.now() - started < 20 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function once(url: string, route: Route): Promise<autocannon.Result> {
  const { name } = route;
  await settle(url);
  const result = await load(url, route, SECONDS);
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${name}: ${failed} failed requests`);
  return result;
}

const median = <T>(items: T[], by: (item: T) => number): T =>
  [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;

function routes(): Route[] {
  const list: Route[] = [{ name: 'trivial JSON route', path: '/health' }];
  const random = seededRandom(7);
  for (const size of SIZES) {
    const business = `/v1/businesses/bench-${size}`;
    const label = `${size.toLocaleString('en')} reviews`;
    list.push({ name: `summary, ${label}`, path: `${business}/summary` });
    list.push({ name: `list page 1, ${label}`, path: `${business}/reviews` });
    // Titles are "Review number N": each request looks for another number.
    const search = (): string => `${business}/reviews?q=${encodeURIComponent(`number ${Math.floor(random() * size)}`)}`;
    list.push({ name: `search, a new q each time, ${label}`, path: search(), next: search });
  }
  const largest = SIZES[SIZES.length - 1]!;
  list.push({
    name: `search, a word in every review, ${largest.toLocaleString('en')} reviews`,
    path: `/v1/businesses/bench-${largest}/reviews?q=delivery`,
  });
  return list;
}

async function run(label: string, env: Record<string, string>): Promise<Measurement[]> {
  console.log(`\n${label}`);
  const { url, child } = await startServer(env);
  try {
    const all = routes().filter((route, i) => i === 0 || !ONLY || ONLY.test(route.name));
    // Warm up under the same load: caches filled, handlers compiled by the JIT.
    for (const route of all) {
      await settle(url);
      await load(url, route, 1);
    }
    // Rounds over all routes, not one long run per route: a slow moment of a shared machine then
    // hits every route alike, and the median round of each is reported.
    const rounds = new Map<string, autocannon.Result[]>(all.map(({ name }) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const route of all) rounds.get(route.name)!.push(await once(url, route));
    }
    return all.map(({ name, path }) => {
      const results = rounds.get(name)!;
      const result = median(results, (r) => r.requests.average);
      const range = (of: (r: autocannon.Result) => number): [number, number] => [
        Math.min(...results.map(of)),
        Math.max(...results.map(of)),
      ];
      const measurement: Measurement = {
        name,
        path,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: results.reduce((sum, r) => sum + r.requests.total, 0),
        spread: {
          requestsPerSecond: range((r) => Math.round(r.requests.average)),
          p50Ms: range((r) => r.latency.p50),
          p99Ms: range((r) => r.latency.p99),
        },
      };
      const { spread } = measurement;
      console.log(
        `${name.padEnd(44)} ${String(measurement.requestsPerSecond).padStart(7)} req/s (${spread.requestsPerSecond.join('–')})  p50 ${measurement.p50Ms} ms (${spread.p50Ms.join('–')})  p99 ${measurement.p99Ms} ms (${spread.p99Ms.join('–')})`,
      );
      return measurement;
    });
  } finally {
    await stopServer(child);
  }
}

function row(label: string, m: Measurement, trivial: Measurement): string {
  const share = `${Math.round((m.requestsPerSecond / trivial.requestsPerSecond) * 100)} %`;
  return `| ${label} | ${m.name} | ${m.requestsPerSecond.toLocaleString('en')} | ${share} | ${m.p50Ms} | ${m.p99Ms} |`;
}

const resultsUrl = new URL('bench/server-results.json', root);
const previous = JSON.parse(readFileSync(resultsUrl, 'utf8')) as Record<string, unknown>;
let gets: Record<string, unknown> | undefined;
let cached: Measurement[] = [];
let uncached: Measurement[] = [];
if (PARTS.includes('gets')) {
  await prepare();
  cached = await run('As configured (hot answers cached in-process for 1 s):', {});
  uncached = await run('Without the in-process cache (every request queries the database):', {
    VERITY_CACHE_TTL_MS: '0',
  });
  gets = { seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, cached, uncached };
}
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const collect = PARTS.includes('collect')
  ? { date: new Date().toISOString(), machine, database: 'PGlite (embedded)', ...(await benchCollect(ROUNDS)) }
  : previous.collect;
const insights = PARTS.includes('insights')
  ? { date: new Date().toISOString(), machine, database: 'PGlite (embedded)', ...(await benchInsights(ROUNDS)) }
  : previous.insights;

// Each part keeps the date and machine of its own run.
const results = {
  ...previous,
  ...(gets ? { date: new Date().toISOString(), machine, database: 'PGlite (embedded)', ...gets } : {}),
  collect,
  insights,
};
/** Formatted with the project's Prettier settings, so fresh results never fail `npm run lint`. */
async function write(url: URL, text: string): Promise<void> {
  const filepath = url.pathname;
  writeFileSync(url, await format(text, { ...(await resolveConfig(filepath)), filepath }));
}

if (ONLY) {
  console.log('\nBENCH_ONLY measures some routes: nothing written');
  process.exit(0);
}
await write(resultsUrl, JSON.stringify(results));

const readmeUrl = new URL('README.md', root);
/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->` in the README. */
async function replaceInReadme(name: string, text: string): Promise<void> {
  const readme = readFileSync(readmeUrl, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!readme.includes(start) || !readme.includes(end)) return;
  const before = readme.slice(0, readme.indexOf(start) + start.length);
  const after = readme.slice(readme.indexOf(end));
  await write(readmeUrl, `${before}\n\n${text}\n\n${after}`);
}

type Measured = { median: number; min: number; max: number };
const cell = (m: Measured, unit: string) =>
  `${m.median.toLocaleString('en')} ${unit} (${m.min.toLocaleString('en')}–${m.max.toLocaleString('en')})`;
const business = results as {
  collect?: CollectResults & { date: string };
  insights?: InsightsResult & { date: string };
};
const businessRows: string[] = [];
if (business.collect) {
  const { csv, invitations } = business.collect;
  businessRows.push(
    `| CSV import, ${csv.rows.toLocaleString('en')} orders (${csv.fileMb} MB) | ${cell(csv.rowsPerSecond, 'rows/s')}, peak RSS ${csv.peakRssMb.median} MB | | ${business.collect.date.slice(0, 10)} |`,
    `| Invitations scheduled and sent over SMTP, ${invitations.messages.toLocaleString('en')} | ${cell(invitations.messagesPerSecond, 'messages/s')} | | ${business.collect.date.slice(0, 10)} |`,
  );
}
if (business.insights) {
  const i = business.insights;
  businessRows.push(
    `| Dashboard insights, ${i.reviews.toLocaleString('en')} reviews, ${i.orders.toLocaleString('en')} orders, ${i.invitations.toLocaleString('en')} invitations | ${cell(i.ms, 'ms')} server time | ≤ 500 ms | ${i.date.slice(0, 10)} |`,
  );
}
if (businessRows.length > 0) {
  await replaceInReadme(
    'business-bench',
    [
      'The business side, on PGlite on the same machine: the median of the runs, with the lowest and highest.',
      '',
      '| measure | result | budget | measured |',
      '| --- | --- | --- | --- |',
      ...businessRows,
    ].join('\n'),
  );
}

if (!gets) {
  console.log('\nWrote bench/server-results.json');
  process.exit(0);
}
const table = [
  `Measured on ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, PGlite, autocannon with ${CONNECTIONS} connections on 127.0.0.1, the median of ${ROUNDS} runs of ${SECONDS} s per route; "share" is the share of the trivial route's requests per second in the same run.`,
  '',
  '| cache | route | req/s | share | p50 ms | p99 ms |',
  '| --- | --- | --: | --: | --: | --: |',
  ...cached.map((m) => row('1 s in-process', m, cached[0]!)),
  ...uncached.map((m) => row('off', m, uncached[0]!)),
].join('\n');
await replaceInReadme('server-bench', table);
console.log('\nWrote bench/server-results.json and the table in README.md');
