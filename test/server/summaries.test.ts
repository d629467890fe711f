/**
 * The batched summaries of a category page (`GET /v1/businesses/{b}/summaries`) on the reference
 * server: cached and validated like the single summary (ETag, 304, invalidated by a publication at
 * once), and a business's batch never answers another business's products. Runs on PGlite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_TOKEN,
  BACKENDS,
  caller,
  confirmByEmail,
  dispose,
  freshDatabase,
  key,
  startServer,
  submission,
} from './helpers.js';
import type { TestDatabase, TestServer } from './helpers.js';

for (const { backend, skip } of BACKENDS) {
  describe(`batched summaries on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let api: ReturnType<typeof caller>;
    let admin: ReturnType<typeof caller>;
    const shop = 'batch-shop';
    const batch = `/v1/businesses/${shop}/summaries?products=mug,kettle,grinder`;

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database);
      api = caller(server.url);
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      for (const [id, products] of [
        [shop, ['mug', 'kettle']],
        ['other-shop', ['grinder']],
      ] as const) {
        const created = await admin('POST', '/v1/admin/businesses', {
          id,
          name: id,
          url: `https://${id}.example`,
          products: products.map((sku) => ({ id: sku, name: sku.toUpperCase() })),
        });
        assert.equal(created.status, 201, created.text);
      }
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    async function publish(business: string, product: string): Promise<void> {
      const answer = await api('POST', `/v1/businesses/${business}/reviews`, submission({ product }), {
        'idempotency-key': key(),
      });
      assert.equal(answer.status, 201, answer.text);
      // A spontaneous review waits for its author's confirmation before moderation.
      await confirmByEmail(server.url, database.db, answer.json.id);
      const approved = await admin('POST', `/v1/admin/reviews/${answer.json.id}/moderation`, { decision: 'approve' });
      assert.equal(approved.status, 200, approved.text);
    }

    it("answers only the business's own products, whatever ids are asked", async () => {
      await publish('other-shop', 'grinder');
      const answer = await api('GET', batch);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(
        answer.json.items.map((s: { product: { id: string } }) => s.product.id),
        ['mug', 'kettle'],
        "other-shop's grinder is not batch-shop's",
      );
      assert.ok(answer.json.items.every((s: { business: { id: string } }) => s.business.id === shop));
    });

    it('sends Cache-Control and an ETag, 304 for a known ETag, and a new answer after a publication', async () => {
      const first = await api('GET', batch);
      assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^W\/"[\w-]+"$/);
      const again = await api('GET', batch, undefined, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');

      await publish(shop, 'kettle');
      const changed = await api('GET', batch, undefined, { 'if-none-match': etag });
      assert.equal(changed.status, 200, 'the approval invalidated the cached batch at once');
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.deepEqual(
        changed.json.items.map((s: { totals: { published: number } }) => s.totals.published),
        [0, first.json.items[1].totals.published + 1],
      );
      // The single summary answers the same bytes as the batch's part.
      const single = await api('GET', `/v1/businesses/${shop}/summary?product=kettle`);
      assert.deepEqual(single.json, changed.json.items[1]);
    });

    it('answers errors uncached, in the contract shape', async () => {
      const tooMany = await api(
        'GET',
        `/v1/businesses/${shop}/summaries?products=${Array.from({ length: 51 }, (_, i) => `p${i}`).join(',')}`,
      );
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.json.error.fields, { products: 'too_many' });
      assert.equal(tooMany.headers.get('cache-control'), 'no-store');
      const unknown = await api('GET', '/v1/businesses/nowhere/summaries?products=mug');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.json.error.code, 'not_found');
    });
  });
}
