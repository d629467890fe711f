/**
 * Search cannot take the server down: `q` is a full-text search through a GIN index (the words as
 * they are, and their English, Swedish and German stems), a search counts at most 1,000 matches,
 * and public GETs have a per-client budget. Runs on PGlite, and on PostgreSQL when DATABASE_URL is
 * set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import type { KyselyPlugin } from 'kysely';
import { SEARCH_TOTAL_MAX } from '../../src/rules/search.js';
import { upsertBusiness } from '../../server/db/businesses.js';
import { findReviews } from '../../server/db/reviews.js';
import { insertReviews } from '../../server/db/writes.js';
import type { ReviewRecord } from '../../server/db/writes.js';
import { BACKENDS, caller, dispose, freshDatabase, startServer } from './helpers.js';
import type { TestDatabase, TestServer } from './helpers.js';

const SHOP = 'search-shop';
const MINUTE = 60_000;

function record(i: number, language: string, body: string, title: string | null = null): ReviewRecord {
  return {
    id: `${SHOP}-${String(i).padStart(5, '0')}`,
    business: SHOP,
    product: null,
    rating: 1 + (Math.abs(i) % 5),
    title,
    body,
    language,
    authorName: `Reviewer ${i}`,
    country: null,
    email: null,
    experiencedAt: '2026-01-01',
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * MINUTE),
    status: 'published',
    verification: { status: 'unverified', method: null },
  };
}

const TEXTS: [string, string][] = [
  ['en', 'The deliveries were quick and the espresso beans tasted fresh.'],
  ['en', 'Delivery took two weeks, but the grinder works.'],
  ['sv', 'Bönorna var färska och kaffet smakade gott.'],
  ['de', 'Die Häuser der Röster sind schön, der Kaffee auch.'],
  ['cs', 'Káva dorazila rychle, zrnka byla čerstvá.'],
];

for (const { backend, skip } of BACKENDS) {
  describe(`search on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let api: ReturnType<typeof caller>;
    const ids = async (q: string, query = '') =>
      (
        (await api('GET', `/v1/businesses/${SHOP}/reviews?q=${encodeURIComponent(q)}${query}`)).json.items as {
          id: string;
        }[]
      ).map((r) => r.id);

    before(async () => {
      database = await freshDatabase(backend);
      const now = new Date();
      await upsertBusiness(database.db, { id: SHOP, name: 'Search Shop', url: 'https://search.example' }, now);
      const records = TEXTS.map(([language, body], i) => record(i, language, body));
      // Many reviews with one word, older than the others: more matches than a search counts.
      for (let i = 0; i < SEARCH_TOTAL_MAX + 50; i += 1) {
        records.push(record(-1 - i, 'en', `Velvet roast number ${i}, smooth and sweet.`, `Velvet ${i}`));
      }
      await database.db.transaction().execute((trx) => insertReviews(trx, records, now));
      await sql`ANALYZE`.execute(database.db);
      server = await startServer(database, { readRateLimit: false });
      api = caller(server.url);
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    const id = (i: number) => `${SHOP}-${String(i).padStart(5, '0')}`;

    it('finds every word, whole or as the start of a word, whatever the case', async () => {
      assert.deepEqual(await ids('ESPRESSO'), [id(0)]);
      assert.deepEqual(await ids('espres bea'), [id(0)], 'word starts');
      assert.deepEqual(await ids('espresso grinder'), [], 'every word');
      assert.deepEqual(await ids('grinder'), [id(1)]);
      assert.deepEqual(await ids('zrnka čerstvá'), [id(4)], 'Czech: words as they are');
      assert.deepEqual(await ids('ka'), [], 'two letters: whole words only');
      assert.deepEqual(await ids('velvet 104'), [id(-105)], 'numbers: whole numbers only (not 1040 to 1049)');
    });

    it("finds other forms of a word in the review's language (English, Swedish, German)", async () => {
      assert.deepEqual((await ids('delivery')).sort(), [id(0), id(1)], 'English: deliveries');
      assert.deepEqual(await ids('bönor'), [id(2)], 'Swedish: bönorna');
      assert.deepEqual(await ids('Haus'), [id(3)], 'German: Häuser');
    });

    it('counts at most 1,000 matches: total says so, and paging still reaches the end', async () => {
      const first = await api('GET', `/v1/businesses/${SHOP}/reviews?q=velvet&limit=50`);
      assert.equal(first.status, 200);
      assert.equal(first.json.total, SEARCH_TOTAL_MAX);
      assert.equal(first.json.totalCapped, true);
      assert.equal(first.json.items[0].id, id(-1), 'newest first');
      let cursor: string | null = first.json.nextCursor;
      let seen = first.json.items.length;
      while (cursor) {
        const next = await api('GET', `/v1/businesses/${SHOP}/reviews?q=velvet&limit=50&cursor=${cursor}`);
        seen += next.json.items.length;
        cursor = next.json.nextCursor;
      }
      assert.equal(seen, SEARCH_TOTAL_MAX + 50);
      const few = await api('GET', `/v1/businesses/${SHOP}/reviews?q=velvet&rating=1`);
      assert.equal(few.json.total, (SEARCH_TOTAL_MAX + 50) / 5);
      assert.equal(few.json.totalCapped, undefined, 'an exact count says nothing more');
    });

    /** The plans of a search's matches and page, as PostgreSQL made them when the search ran. */
    async function plansOf(q: string): Promise<{ count: string; page: string }> {
      // Record the statements as they ran, then replay them in order in one transaction (what a
      // statement sets holds for the next), explaining the count and the page.
      const statements: CompiledQuery[] = [];
      const executor = database.db.getExecutor();
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          statements.push(executor.compileQuery(args.node, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const query = { business: SHOP, productKey: '', status: 'published', sort: 'newest', limit: 20 } as const;
      await findReviews(database.db.withPlugin(recorder), { ...query, q });
      const plans = await database.db.transaction().execute(async (trx) => {
        const explained: string[] = [];
        for (const statement of statements) {
          // The plugin also sees the matches' subquery on its own.
          if (/^select "reviews"\."id" from/.test(statement.sql)) continue;
          // The matches' ids, and the page.
          if (/^select (array_agg|"reviews"\."id", "reviews"\."business_id")/.test(statement.sql)) {
            const { rows } = await trx.executeQuery<Record<string, string>>(
              CompiledQuery.raw(`EXPLAIN ${statement.sql}`, [...statement.parameters]),
            );
            explained.push(rows.map((row) => Object.values(row)[0]).join('\n'));
          }
          await trx.executeQuery(statement);
        }
        return explained;
      });
      assert.equal(plans.length, 2, statements.map((statement) => statement.sql).join('\n'));
      return { count: plans[0]!, page: plans[1]! };
    }

    it('finds a rare word in a small shop from its reviews, without walking them in the sort order', async () => {
      const { count, page } = await plansOf('grinder');
      for (const plan of [count, page]) assert.doesNotMatch(plan, /Seq Scan on reviews/, plan);
      // The text index is every shop's: a word common in another would make it the dearer way.
      assert.doesNotMatch(count, /reviews_search/, count);
      // Walking the sort's index until 21 matches turn up reads every review for a rare word.
      assert.doesNotMatch(page, /Index Scan using/, page);
      assert.match(page, /Sort/, page);
    });

    it('pages a word of many reviews by walking the sort order, without sorting them all', async () => {
      const { page } = await plansOf('velvet');
      assert.match(page, /Index Scan using reviews_(by_date|queue)/, page);
      assert.doesNotMatch(page, /Bitmap|Sort/, page);
    });
  });

  describe(`the per-client budget of public GETs on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    before(async () => {
      database = await freshDatabase(backend);
      await upsertBusiness(database.db, { id: SHOP, name: 'Search Shop', url: 'https://search.example' }, new Date());
      server = await startServer(database, { readRateLimit: { perMinute: 60, burst: 5 } });
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    it('answers 429 with Retry-After once a client has spent it; health checks and admin routes are apart', async () => {
      const api = caller(server.url);
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 7; i += 1) {
        last = await api('GET', `/v1/businesses/${SHOP}/reviews?q=word${i}`);
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      assert.equal(last!.json.error.code, 'rate_limited');
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
      assert.equal((await api('GET', '/health')).status, 200);
      assert.equal((await api('GET', '/v1/admin/reviews/x')).status, 401, 'admin routes: their own limit');
      // Another client (behind the same proxy) has a budget of its own.
      const proxied = await startServer(database, { readRateLimit: { perMinute: 60, burst: 1 }, trustProxy: true });
      try {
        const other = caller(proxied.url);
        assert.equal(
          (await other('GET', `/v1/businesses/${SHOP}/summary`, undefined, { 'x-forwarded-for': '203.0.113.1' }))
            .status,
          200,
        );
        assert.equal(
          (await other('GET', `/v1/businesses/${SHOP}/summary`, undefined, { 'x-forwarded-for': '203.0.113.1' }))
            .status,
          429,
        );
        assert.equal(
          (await other('GET', `/v1/businesses/${SHOP}/summary`, undefined, { 'x-forwarded-for': '203.0.113.2' }))
            .status,
          200,
        );
      } finally {
        await proxied.stop();
      }
    });
  });
}
