// The dashboard in `npm run bench`: what /dashboard/inbox loads (JS files, min+gzip), and how long
// the inbox takes to become usable when 1,000 reviews wait for moderation — from the navigation
// to the first page of cards with their approve buttons and an idle main thread, in Chromium,
// signed in as the demo shop's owner. The inbox pages (it must never ask for all 1,000 at once):
// how many reviews it loaded is reported beside the time.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { startDemo } from '../scripts/demo-server.js';
import { deep } from '../test/e2e/drivers.js';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/dashboard/', root);
export const PENDING_REVIEWS = 1_000;
const RUNS = 5;

export interface DashboardBench {
  inboxJsFiles: number;
  inboxGzipBytes: number;
  /** Navigation start to the first page of cards, interactive (median of RUNS, with the spread). */
  inboxInteractiveMs: number;
  inboxInteractiveSpreadMs: [number, number];
  /** Reviews the inbox asked the API for, of the PENDING_REVIEWS waiting. */
  inboxReviewsLoaded: number;
}

/**
 * PENDING_REVIEWS reviews waiting for moderation, as invited customers write them: the orders as
 * one CSV, an invitation for each, then each review through the public API with its token (a review
 * without one would wait for its author's e-mail confirmation instead).
 */
async function submitPending(url: string, adminToken: string): Promise<void> {
  const admin = { authorization: `Bearer ${adminToken}` };
  const today = new Date().toISOString().slice(0, 10);
  const refs = Array.from({ length: PENDING_REVIEWS }, (_, i) => `BENCH-${i}`);
  const csv = [
    'orderRef,email,purchasedAt,product,customerName,locale',
    ...refs.map((ref, i) => `${ref},pending-${i}@mail.example,${today},,Customer ${i},en`),
  ].join('\n');
  const imported = await fetch(`${url}/v1/admin/businesses/nordlys/orders`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'text/csv' },
    body: `${csv}\n`,
  });
  if (!imported.ok) throw new Error(`the orders: ${imported.status} ${await imported.text()}`);
  const one = async (i: number) => {
    const invited = await fetch(`${url}/v1/admin/businesses/nordlys/invitations`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ orderRef: refs[i] }),
    });
    if (!invited.ok) throw new Error(`an invitation: ${invited.status} ${await invited.text()}`);
    const { token } = (await invited.json()) as { token: string };
    const response = await fetch(`${url}/v1/businesses/nordlys/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-pending-${i}`, origin: url },
      body: JSON.stringify({
        rating: 1 + (i % 5),
        title: `Waiting review ${i}`,
        body: `Review ${i} of the benchmark: the beans arrived on time and the roast was as described.`,
        authorName: `Customer ${i}`,
        email: `pending-${i}@mail.example`,
        experiencedAt: today,
        language: ['en', 'sv', 'cs', 'de'][i % 4],
        consent: true,
        website: '',
        invitationToken: token,
      }),
    });
    if (response.status !== 201) throw new Error(`a pending review: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; i < PENDING_REVIEWS; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, PENDING_REVIEWS - i) }, (_, j) => one(i + j)));
  }
}

export async function benchDashboard(browser: Browser, dataDir: string): Promise<DashboardBench> {
  const server = await startDemo({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: 'bench-dashboard',
    rateLimitPerMinute: 0,
    jobs: false,
  });
  const page = await browser.newPage();
  try {
    await submitPending(server.url, 'bench-dashboard');
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(await server.ownerSignInLink(), { waitUntil: 'load' });
    await page.waitForFunction(`location.pathname === '/dashboard/inbox'`, { timeout: 30_000 });

    let loaded = 0;
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/v1/admin/businesses/nordlys/reviews' && response.request().method() === 'GET') {
        void response.json().then(
          (body: { items?: unknown[] }) => (loaded += body.items?.length ?? 0),
          () => {},
        );
      }
    });
    const times: number[] = [];
    let scripts: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      loaded = 0;
      await page.goto(`${server.url}/dashboard/inbox`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(`Boolean(${deep('li[data-id] button.approve')})`, { polling: 'raf', timeout: 30_000 });
      const ms = (await page.evaluate(
        `new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5000 }))`,
      )) as number;
      times.push(Math.round(ms));
      scripts = (await page.evaluate(
        `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
      )) as string[];
    }
    const gzip = (path: string) =>
      gzipSync(readFileSync(new URL(path.replace('/dashboard/', ''), dist)), { level: 9 }).length;
    const sorted = [...times].sort((a, b) => a - b);
    return {
      inboxJsFiles: scripts.length,
      inboxGzipBytes: scripts.reduce((sum, path) => sum + gzip(path), 0),
      inboxInteractiveMs: sorted[Math.floor(sorted.length / 2)]!,
      inboxInteractiveSpreadMs: [sorted[0]!, sorted.at(-1)!],
      inboxReviewsLoaded: loaded,
    };
  } finally {
    await page.close();
    await server.close();
  }
}
