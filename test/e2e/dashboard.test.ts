/**
 * The built dashboard (dist/dashboard, `npm run build`) as the server serves it: under its strict
 * Content-Security-Policy with Trusted Types, in Chromium, Firefox and WebKit. The API behind it
 * is the dashboard's mocks answering over HTTP, so the app, its chunks and its policy are what
 * ships. No page may report a CSP violation (the sealed e-mail frame's own, blocked content
 * aside), and what /dashboard/inbox loads stays within its budget.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { getResponse } from 'msw';
import { DASHBOARD_CSP, dashboardRoutes } from '../../server/routes/dashboard.js';
import { createDashboardHandlers } from '../../src/mocks/admin-handlers.js';
import { AdminMockStore } from '../../src/mocks/admin-store.js';
import { click, deep, openDriver, waitFor, wantedEngines } from './drivers.js';
import type { Driver } from './drivers.js';

const dist = new URL('../../dist/dashboard/', import.meta.url);

/** What /dashboard/inbox may load, min + gzip: the shell, the inbox, Lit, the client and the texts. */
const INBOX_BUDGET_BYTES = 60_000;

interface Violation {
  'csp-report'?: { 'document-uri'?: string; 'violated-directive'?: string; 'blocked-uri'?: string };
}

describe('the built dashboard under its strict CSP', () => {
  let url = '';
  let close = () => {};
  const violations: Violation[] = [];
  /** Violations of the page itself: the sealed e-mail frame reports what it blocked, as it should. */
  const ofThePage = () => violations.filter((v) => !v['csp-report']?.['document-uri']?.startsWith('about'));

  before(async () => {
    assert.ok(existsSync(new URL('index.html', dist)), 'dist/dashboard has no build: run npm run build');
    const handlers = createDashboardHandlers({ store: new AdminMockStore() });
    const app = new Hono();
    app.post('/__csp-report', async (c) => {
      violations.push((await c.req.json().catch(() => ({}))) as Violation);
      return c.body(null, 204);
    });
    app.all(
      '/v1/*',
      async (c) =>
        (await getResponse(handlers, c.req.raw)) ?? c.json({ error: { code: 'not_found', message: 'No route' } }, 404),
    );
    // The policy as served, with a report address so that every engine can tell the test.
    app.use('/dashboard/*', async (c, next) => {
      await next();
      c.res.headers.set('content-security-policy', `${DASHBOARD_CSP}; report-uri /__csp-report`);
    });
    app.route('/', dashboardRoutes());
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((done) => server.once('listening', done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => server.close();
  });

  after(() => close());

  for (const engine of wantedEngines()) {
    describe(engine, () => {
      let driver: Driver;
      before(async () => {
        driver = await openDriver(engine);
      });
      after(async () => {
        await driver?.close();
      });

      it('opens the inbox at its address, within the size budget, with no CSP violation', async () => {
        violations.length = 0;
        await driver.goto(`${url}/dashboard/inbox?business=nordlys`);
        await waitFor(driver, `Boolean(${deep('article.card mark')})`, 'the inbox with its flags');
        const scripts = await driver.run<string[]>(
          `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
        );
        const bytes = scripts.reduce(
          (sum, path) =>
            sum + gzipSync(readFileSync(new URL(path.replace('/dashboard/', ''), dist)), { level: 9 }).length,
          0,
        );
        console.log(`${engine}: /dashboard/inbox loaded ${scripts.length} JS files, ${bytes} bytes min+gzip`);
        assert.ok(bytes <= INBOX_BUDGET_BYTES, `${bytes} bytes is over the budget of ${INBOX_BUDGET_BYTES}`);
        assert.equal(await driver.run<string>('document.title'), 'Inbox · Nordlys Kaffe · Verity');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(ofThePage(), []);
      });

      it('navigates by its links, and the outbox seals a hostile e-mail in its frame', async () => {
        violations.length = 0;
        await driver.goto(`${url}/dashboard/inbox?business=nordlys`);
        await waitFor(driver, `Boolean(${deep('article.card')})`, 'the inbox');
        assert.ok(await driver.run<boolean>(click('nav a[href^="/dashboard/outbox"]')));
        await waitFor(
          driver,
          `location.pathname === '/dashboard/outbox' && Boolean(${deep('.message-button')})`,
          'the outbox',
        );
        const hostile = `[...${deep('verity-dash-outbox')}.shadowRoot.querySelectorAll('.message-button')].find((b) => b.textContent.includes('Hostile')).click()`;
        await driver.run(hostile);
        await waitFor(driver, `Boolean(${deep('#reader iframe')})`, 'the sealed frame');
        const frame = await driver.run<{ sandbox: string; meta: boolean; reachable: boolean }>(`(() => {
          const frame = ${deep('#reader iframe')};
          return {
            sandbox: frame.getAttribute('sandbox'),
            meta: frame.srcdoc.startsWith('<meta http-equiv="Content-Security-Policy"'),
            reachable: frame.contentDocument !== null,
          };
        })()`);
        assert.deepEqual(frame, { sandbox: '', meta: true, reachable: false });
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await driver.run<string>('document.title'), 'Outbox · Nordlys Kaffe · Verity');
        assert.deepEqual(ofThePage(), []);
      });

      it('opens a review by its address (as after a reload), the widget previews and the insights', async () => {
        violations.length = 0;
        await driver.goto(`${url}/dashboard/reviews/nordlys-00003?business=nordlys`);
        await waitFor(driver, `Boolean(${deep('.history li')})`, 'the review and its history');
        await driver.goto(`${url}/dashboard/widgets?business=nordlys`);
        await waitFor(
          driver,
          `Boolean(${deep('[data-kind="badge"] verity-rating-badge')}?.shadowRoot?.querySelector('.average'))`,
          'the badge preview',
        );
        await driver.goto(`${url}/dashboard/insights?business=nordlys`);
        await waitFor(driver, `Boolean(${deep('figure[data-chart="score"] svg circle')})`, 'the charts');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(ofThePage(), []);
      });
    });
  }
});
