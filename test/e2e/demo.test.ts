/**
 * The demo shop end to end, as a shopper sees it, in Chromium, Firefox and WebKit: the real
 * review server, the built script-tag bundle, and every page under a strict
 * Content-Security-Policy with Trusted Types. Every widget must work, no CSP violation may be
 * reported, and no API request may be made twice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo } from './demo-fixture.js';
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
  // Server-rendered (verity-reviews/ssr): its widgets start from the data in the page.
  { path: '/espresso.html', widgets: 4, serverRendered: true },
  { path: '/about-reviews.html', widgets: 2 },
];

describe('the demo shop under a strict CSP', () => {
  // No HTTP caching of API answers: the page reloaded after an approval must see it at once. A slow
  // CDN: chunks fetched one after another would start a whole delay apart.
  const demo = useDemo('e2e', {
    adminToken: ADMIN_TOKEN,
    maxAgeSeconds: 0,
    cacheTtlMs: 0,
    chunkDelayMs: CHUNK_DELAY_MS,
  });

  describeEachEngine((engine, driver) => {
    for (const { path, widgets, serverRendered } of PAGES) {
      it(`${path}: every widget works, no CSP violation, no request twice`, async () => {
        const before = demo.server.violations.total;
        await driver.goto(`${demo.server.url}${path}`);
        await waitFor(driver, WIDGETS_READY, `the widgets of ${path}`);
        const count = await driver.run<number>(
          `document.querySelectorAll('verity-rating-badge, verity-review-list, verity-review-quote, verity-review-form').length`,
        );
        assert.equal(count, widgets);
        // Give late reports a moment to arrive.
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(demo.server.violations.total, before, JSON.stringify([...demo.server.violations.counts]));
        const urls = await driver.run<string[]>(API_ENTRIES);
        if (serverRendered) assert.deepEqual(urls, [], 'the server-rendered widgets asked the API nothing');
        else assert.ok(urls.length > 0, 'the widgets asked the API');
        assert.deepEqual(
          urls.filter((url, i) => urls.indexOf(url) !== i),
          [],
          'no API request is made twice',
        );
      });
    }

    it('a page of badges gets its code in one round trip after the loader: at most 4 JS files, fetched together', async () => {
      await driver.goto(`${demo.server.url}/about-reviews.html`);
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

    it('the product page has one JSON-LD Product, kept in step through a Trusted Types policy', async () => {
      await driver.goto(`${demo.server.url}/espresso.html`);
      // The badge and the list of the product share the block the server wrote, with the list's reviews.
      await waitFor(
        driver,
        `customElements.get('verity-review-list') !== undefined && document.querySelectorAll('script[type="application/ld+json"]').length === 1`,
        'JSON-LD',
      );
      const blocks = await driver.run<{ '@type': string; review?: unknown[] }[]>(
        `[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.text))`,
      );
      assert.deepEqual(
        blocks.map((b) => b['@type']),
        ['Product'],
      );
      assert.equal(blocks[0]!.review?.length, 10);
      assert.equal(demo.server.violations.total, 0, JSON.stringify([...demo.server.violations.counts]));
    });

    it('a shopper writes a verified review through the script tag, and once approved it counts', async () => {
      await writeReviewAsShopper(driver, { url: demo.server.url, adminToken: ADMIN_TOKEN }, engine);
      assert.equal(demo.server.violations.total, 0, JSON.stringify([...demo.server.violations.counts]));
    });
  });
});
