/**
 * The demo shop end to end, as a shopper sees it, in Chromium, Firefox and WebKit: the real
 * review server, the built script-tag bundle, and every page under a strict
 * Content-Security-Policy with Trusted Types. Every widget must work, no CSP violation may be
 * reported, and no API request may be made twice.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { describeEachEngine, waitFor } from './drivers.js';
import { writeReviewAsShopper } from './shopper.js';

/** True when every Verity widget on the page shows its content (or a form is ready). */
const WIDGETS_READY = `(() => {
  const all = [...document.querySelectorAll('verity-rating-badge, verity-review-list, verity-review-quote, verity-review-form')];
  if (all.length === 0) return false;
  return all.every((el) => {
    const root = el.shadowRoot;
    if (!root) return false;
    switch (el.localName) {
      case 'verity-rating-badge': return Boolean(root.querySelector('.average'));
      case 'verity-review-list': return root.querySelectorAll('article').length > 0;
      case 'verity-review-quote': return Boolean(root.querySelector('blockquote'));
      default: return Boolean(root.querySelector('form [name="body"]'));
    }
  });
})()`;

/** API requests by URL, from the page's Resource Timing entries. */
const API_ENTRIES = `performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new URL(n).pathname.startsWith('/v1/'))`;

const ADMIN_TOKEN = 'e2e-admin';
const CHUNK_DELAY_MS = 150;

const PAGES = [
  { path: '/', widgets: 8 },
  { path: '/espresso.html', widgets: 4 },
  { path: '/about-reviews.html', widgets: 2 },
];

describe('the demo shop under a strict CSP', () => {
  let server: DemoServer;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verity-e2e-'));
    // No HTTP caching of API answers: the page reloaded after an approval must see it at once.
    server = await startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminToken: ADMIN_TOKEN,
      rateLimitPerMinute: 0,
      maxAgeSeconds: 0,
      cacheTtlMs: 0,
      // A slow CDN: chunks fetched one after another would start a whole delay apart.
      chunkDelayMs: CHUNK_DELAY_MS,
    });
  });

  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describeEachEngine((engine, driver) => {
    for (const { path, widgets } of PAGES) {
      it(`${path}: every widget works, no CSP violation, no request twice`, async () => {
        const before = server.violations.total;
        await driver.goto(`${server.url}${path}`);
        await waitFor(driver, WIDGETS_READY, `the widgets of ${path}`);
        const count = await driver.run<number>(
          `document.querySelectorAll('verity-rating-badge, verity-review-list, verity-review-quote, verity-review-form').length`,
        );
        assert.equal(count, widgets);
        // Give late reports a moment to arrive.
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(server.violations.total, before, JSON.stringify([...server.violations.counts]));
        const urls = await driver.run<string[]>(API_ENTRIES);
        assert.ok(urls.length > 0, 'the widgets asked the API');
        assert.deepEqual(
          urls.filter((url, i) => urls.indexOf(url) !== i),
          [],
          'no API request is made twice',
        );
      });
    }

    it('a page of badges gets its code in one round trip after the loader: at most 4 JS files, fetched together', async () => {
      await driver.goto(`${server.url}/about-reviews.html`);
      await waitFor(driver, WIDGETS_READY, 'the badges');
      const scripts = await driver.run<{ name: string; startTime: number; responseEnd: number }[]>(
        `performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime, responseEnd: e.responseEnd }))`,
      );
      const loader = scripts.filter((entry) => entry.name === '/cdn/verity.js');
      const chunks = scripts.filter((entry) => entry.name.startsWith('/cdn/chunks/'));
      assert.equal(loader.length, 1, JSON.stringify(scripts));
      assert.ok(scripts.length <= 4, `${scripts.length} JS files: ${scripts.map((entry) => entry.name).join(', ')}`);
      assert.ok(
        chunks.some((entry) => entry.name === '/cdn/chunks/rating-badge.js'),
        JSON.stringify(scripts),
      );
      // Every chunk was asked for before the first of them had arrived (each takes the CDN's delay):
      // no chunk waited for another.
      const lastStart = Math.max(...chunks.map((entry) => entry.startTime));
      const firstEnd = Math.min(...chunks.map((entry) => entry.responseEnd));
      assert.ok(firstEnd - Math.min(...chunks.map((entry) => entry.startTime)) >= CHUNK_DELAY_MS * 0.9, 'slow chunks');
      assert.ok(lastStart < firstEnd, JSON.stringify(chunks));
    });

    it('the product page writes JSON-LD for the product, through a Trusted Types policy', async () => {
      await driver.goto(`${server.url}/espresso.html`);
      await waitFor(driver, `document.querySelectorAll('script[type="application/ld+json"]').length === 2`, 'JSON-LD');
      const types = await driver.run<string[]>(
        `[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.text)['@type'])`,
      );
      assert.deepEqual(types, ['Product', 'Product']);
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });

    it('a shopper writes a verified review through the script tag, and once approved it counts', async () => {
      await writeReviewAsShopper(driver, { url: server.url, adminToken: ADMIN_TOKEN }, engine);
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });
  });
});
