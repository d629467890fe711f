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

const PAGES = [
  { path: '/', widgets: 8 },
  // Server-rendered (verity-reviews/ssr): its widgets start from the data in the page.
  { path: '/espresso.html', widgets: 4, serverRendered: true },
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
    });
  });

  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describeEachEngine((engine, driver) => {
    for (const { path, widgets, serverRendered } of PAGES) {
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
        if (serverRendered) assert.deepEqual(urls, [], 'the server-rendered widgets asked the API nothing');
        else assert.ok(urls.length > 0, 'the widgets asked the API');
        assert.deepEqual(
          urls.filter((url, i) => urls.indexOf(url) !== i),
          [],
          'no API request is made twice',
        );
      });
    }

    it('the product page has one JSON-LD Product, kept in step through a Trusted Types policy', async () => {
      await driver.goto(`${server.url}/espresso.html`);
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
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });

    it('a shopper writes a verified review through the script tag, and once approved it counts', async () => {
      await writeReviewAsShopper(driver, { url: server.url, adminToken: ADMIN_TOKEN }, engine);
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });
  });
});
