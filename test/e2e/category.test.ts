/**
 * The demo shop's category page end to end, in Chromium, Firefox and WebKit: forty product badges
 * from the built script-tag bundle against the real review server make one summary request, and
 * every badge shows its own product's stars (or that it has no reviews yet).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CATALOG } from '../../scripts/demo-catalog.js';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { DEMO_PRODUCTS } from '../../src/mocks/fixtures.js';
import { describeEachEngine, waitFor } from './drivers.js';

/** Every badge settled: its content shown, neither loading nor failed. */
const BADGES_SHOWN = `(() => {
  const badges = [...document.querySelectorAll('verity-rating-badge')];
  return badges.length > 0 && badges.every((el) => {
    const base = el.shadowRoot && el.shadowRoot.querySelector('[part="base"]');
    return Boolean(base) && !base.hasAttribute('aria-busy') && !base.classList.contains('unavailable');
  });
})()`;

/** What each badge shows a shopper: its product and its visible text. */
const BADGE_TEXTS = `[...document.querySelectorAll('verity-rating-badge')].map((el) => [
  el.getAttribute('product'),
  [...el.shadowRoot.querySelectorAll('.average, .count, .empty-text')].map((n) => n.textContent.trim()).join(' '),
])`;

/** The summary requests of the page (single or batched), from its Resource Timing entries. */
const SUMMARY_REQUESTS = `performance.getEntriesByType('resource').map((e) => e.name)
  .filter((n) => /\\/v1\\/businesses\\/[^/]+\\/summar(y|ies)$/.test(new URL(n).pathname))`;

describe('the demo category page', () => {
  let server: DemoServer;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verity-e2e-category-'));
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

  describeEachEngine((engine, driver) => {
    it('40 product badges make one summary request, and each shows its own product', async () => {
      await driver.goto(`${server.url}/category.html`);
      await waitFor(driver, BADGES_SHOWN, 'every badge of the category page');

      const texts = await driver.run<[string, string][]>(BADGE_TEXTS);
      assert.equal(texts.length, 40);
      assert.deepEqual(
        texts.map(([product]) => product),
        CATALOG.map((p) => p.id),
      );
      const reviewed = new Set<string>(Object.values(DEMO_PRODUCTS));
      for (const [product, text] of texts) {
        if (reviewed.has(product))
          assert.match(text, /^\d\.\d{1,2} \(\d+\)$/, `${product} shows its average and count`);
        else assert.equal(text, 'No reviews yet', product);
      }
      // Each reviewed product shows its own numbers, not the first product's.
      assert.equal(new Set(texts.filter(([p]) => reviewed.has(p)).map(([, t]) => t)).size, reviewed.size);

      const summaries = await driver.run<string[]>(SUMMARY_REQUESTS);
      assert.equal(summaries.length, 1, summaries.join('\n'));
      const batch = new URL(summaries[0]!);
      assert.equal(batch.pathname, '/v1/businesses/nordlys/summaries');
      assert.deepEqual(
        batch.searchParams.get('products')?.split(','),
        CATALOG.map((p) => p.id),
      );
      // Where the engine's automation sees the network too, it saw the same single request.
      const seen = driver.requests().filter((r) => /\/summar(y|ies)\b/.test(r));
      if (engine !== 'webkit') assert.equal(seen.length, 1, seen.join('\n'));
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });
  });
});
