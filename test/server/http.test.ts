/**
 * What every answer of the server shares, and what must hold under pressure: the error envelope
 * for malformed, huge or mistyped bodies; caching headers and 304; CORS; rate limits; one review
 * for twenty concurrent submissions with one key; SQL-shaped text stored and returned verbatim.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { fingerprint, submitReview } from '../../server/db/submissions.js';
import { API_CSP } from '../../server/http/security.js';
import {
  ADMIN_TOKEN,
  BACKENDS,
  caller,
  dispose,
  freshDatabase,
  key,
  startServer,
  submission,
  confirmByEmail,
} from './helpers.js';
import type { Answer, TestDatabase, TestServer } from './helpers.js';

/** A POST sent by hand, of `chunks` pieces of `size` bytes, with a Content-Length or streamed without one. */
function rawPost(
  url: string,
  chunks: number,
  size: number,
  announce: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': 'raw' };
    if (announce) headers['content-length'] = String(chunks * size);
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (let i = 0; i < chunks; i += 1) req.write(Buffer.alloc(size, 0x61));
    req.end();
  });
}

/** One request on a kept-alive agent: status, Connection header, whether it reused the socket. */
function onAgent(
  agent: Agent,
  url: string,
  method: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; connection: string | undefined; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reused: req.reusedSocket }),
      );
    });
    // The server may stop reading an oversized upload once it answered: that is not this test's failure.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}

function assertEnvelope(answer: Answer, status: number, code: string): void {
  assert.equal(answer.status, status, answer.text.slice(0, 300));
  assert.equal(answer.json?.error?.code, code, answer.text.slice(0, 300));
  assert.ok(answer.json.error.message.length > 0);
}

describe('unexpected errors', () => {
  it('answer 500 with the envelope and log one line, with what the client sent escaped', async () => {
    const broken = new Proxy(
      {},
      {
        get() {
          throw new Error('the database went away\n    at somewhere (db.ts:1:1)');
        },
      },
    );
    const { app } = createApp({ db: broken as never, rateLimit: false });
    const lines: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => lines.push(args);
    let response: Response;
    try {
      response = await app.request('/v1/businesses/shop/summary');
    } finally {
      console.error = original;
    }
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'internal');
    assert.equal(lines.length, 1, 'one call');
    assert.equal(lines[0]!.length, 1, 'of one string');
    const line = String(lines[0]![0]);
    assert.doesNotMatch(line, /\p{Cc}/u);
    assert.match(
      line,
      /^GET \/v1\/businesses\/shop\/summary: Error: the database went away\\u000a {4}at somewhere \(db\.ts:1:1\) at \S/,
    );
  });
});

for (const { backend, skip } of BACKENDS) {
  describe(`HTTP behaviour on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let api: ReturnType<typeof caller>;
    let admin: ReturnType<typeof caller>;
    const shop = 'corner-shop';
    const reviews = `/v1/businesses/${shop}/reviews`;

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database);
      api = caller(server.url);
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      const created = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Corner Shop',
        url: 'https://corner.example',
      });
      assert.equal(created.status, 201, created.text);
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    async function publish(overrides: Record<string, unknown> = {}): Promise<string> {
      const answer = await api('POST', reviews, submission(overrides), { 'idempotency-key': key() });
      assert.equal(answer.status, 201, answer.text);
      await confirmByEmail(server.url, database.db, answer.json.id);
      const approved = await admin('POST', `/v1/admin/reviews/${answer.json.id}/moderation`, { decision: 'approve' });
      assert.equal(approved.status, 200, approved.text);
      return answer.json.id;
    }

    it('answers malformed, empty, non-object and mistyped bodies with the error envelope', async () => {
      const headers = { 'idempotency-key': key() };
      assertEnvelope(await api('POST', reviews, '{"rating": 5,', headers), 400, 'validation_failed');
      assertEnvelope(
        await api('POST', reviews, '', { ...headers, 'content-type': 'application/json' }),
        400,
        'validation_failed',
      );
      assertEnvelope(await api('POST', reviews, '[1,2,3]', headers), 400, 'validation_failed');
      assertEnvelope(await api('POST', reviews, 'null', headers), 400, 'validation_failed');
      assertEnvelope(await api('POST', reviews, '"text"', headers), 400, 'validation_failed');
      assertEnvelope(await api('POST', reviews, '['.repeat(20_000), headers), 400, 'validation_failed');
      assertEnvelope(
        await api('POST', reviews, 'rating=5', { ...headers, 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
      );
      assertEnvelope(
        await api('POST', '/v1/reviews/x/reports', 'reason=spam', { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
      );
      assertEnvelope(await api('GET', '/v1/nothing/here'), 404, 'not_found');
      assertEnvelope(await api('DELETE', `/v1/businesses/${shop}/summary`), 404, 'not_found');
      assertEnvelope(await api('GET', `/v1/businesses/${'x'.repeat(300)}/summary`), 404, 'not_found');
      // Still alive and well.
      assert.equal((await api('GET', '/health')).json.status, 'ok');
    });

    it('refuses bodies over the limit with 413, announced or streamed, and survives them', async () => {
      for (const announce of [true, false]) {
        const answer = await rawPost(`${server.url}${reviews}`, 64, 16 * 1024, announce);
        assert.equal(answer.status, 413, `announced: ${announce}`);
        assert.equal(JSON.parse(answer.body).error.code, 'payload_too_large');
      }
      // Imports may be larger than a review, within their own limit.
      const many = Array.from({ length: 400 }, (_, i) => ({
        externalId: `bulk-${i}`,
        rating: 4,
        body: 'Imported review text. '.repeat(10),
        authorName: 'Importer',
        language: 'en',
        createdAt: '2025-01-01T00:00:00Z',
      }));
      await admin('POST', '/v1/admin/businesses', { id: 'bulk-shop', name: 'Bulk', url: 'https://bulk.example' });
      const imported = await admin('POST', '/v1/admin/businesses/bulk-shop/imports', { reviews: many });
      assert.equal(imported.status, 201, imported.text.slice(0, 300));
      assert.equal(imported.json.imported, 400);
      assert.equal((await api('GET', '/health')).status, 200);
    });

    it('closes the connection after an answer sent before the body arrived, so the next request works', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const health = `${server.url}/health`;
        const json = { 'content-type': 'application/json' };
        assert.deepEqual(await onAgent(agent, health, 'GET'), { status: 200, connection: 'keep-alive', reused: false });
        const small = await onAgent(agent, `${server.url}${reviews}`, 'POST', Buffer.from('{}'), {
          ...json,
          'idempotency-key': key(),
        });
        assert.deepEqual(small, { status: 400, connection: 'keep-alive', reused: true }, 'a body read in full');
        const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
        const early: [string, Record<string, string>][] = [
          [reviews, { ...json, 'idempotency-key': key() }],
          ['/v1/admin/businesses', json],
        ];
        for (const [path, headers] of early) {
          const answer = await onAgent(agent, `${server.url}${path}`, 'POST', big, headers);
          assert.ok([413, 401].includes(answer.status), `${path}: ${answer.status}`);
          assert.equal(answer.connection, 'close', path);
          const next = await onAgent(agent, health, 'GET');
          assert.equal(next.status, 200, `the request after ${path}`);
          assert.equal(next.reused, false, 'on a new connection');
        }
      } finally {
        agent.destroy();
      }
    });

    it('sends Cache-Control and an ETag on GETs, 304 for a known ETag, and a new ETag after a change', async () => {
      const path = `/v1/businesses/${shop}/summary`;
      const first = await api('GET', path);
      assert.equal(first.status, 200);
      assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^W\/"[\w-]+"$/);
      const again = await api('GET', path, undefined, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.equal(again.headers.get('etag'), etag);

      await publish();
      const changed = await api('GET', path, undefined, { 'if-none-match': etag });
      assert.equal(changed.status, 200, 'the approval invalidated the cached summary at once');
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal(changed.json.totals.published, first.json.totals.published + 1);

      const list = await api('GET', `${reviews}?limit=5`);
      assert.ok(list.headers.get('etag'));
      assert.equal(
        (await api('GET', `${reviews}?limit=5`, undefined, { 'if-none-match': list.headers.get('etag')! })).status,
        304,
      );
      const review = await api('GET', `/v1/reviews/${list.json.items[0].id}`);
      assert.equal(
        (await api('GET', `/v1/reviews/${review.json.id}`, undefined, { 'if-none-match': review.headers.get('etag')! }))
          .status,
        304,
      );
      // Errors and admin answers are never cached.
      assert.equal((await api('GET', '/v1/businesses/nowhere/summary')).headers.get('cache-control'), 'no-store');
    });

    it('CORS: GETs open to every origin, POSTs only from allowed ones, admin routes to none', async () => {
      const get = await api('GET', `/v1/businesses/${shop}/summary`, undefined, { origin: 'https://anyone.example' });
      assert.equal(get.headers.get('access-control-allow-origin'), '*');
      assert.equal(get.headers.get('vary'), null, 'no Vary: one cached answer serves every origin');

      const preflight = (origin: string, method = 'POST') =>
        api('OPTIONS', reviews, undefined, {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type, idempotency-key',
        });
      const shopSite = await preflight('https://corner.example');
      assert.equal(shopSite.status, 204);
      assert.equal(shopSite.headers.get('access-control-allow-origin'), 'https://corner.example');
      assert.match(shopSite.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      const stranger = await preflight('https://evil.example');
      assert.equal(stranger.headers.get('access-control-allow-origin'), null);
      assert.equal((await preflight('https://evil.example', 'GET')).headers.get('access-control-allow-origin'), '*');

      const adminPreflight = await api('OPTIONS', '/v1/admin/businesses', undefined, {
        origin: 'https://corner.example',
        'access-control-request-method': 'POST',
      });
      assert.equal(adminPreflight.headers.get('access-control-allow-origin'), null);
    });

    it("refuses one shop's site a POST for another shop, and accepts the origins a shop allows", async () => {
      const other = 'other-shop';
      const made = await admin('POST', '/v1/admin/businesses', {
        id: other,
        name: 'Other Shop',
        url: 'https://other.example',
      });
      assert.equal(made.status, 201, made.text);
      const post = (business: string, origin: string) =>
        api('POST', `/v1/businesses/${business}/reviews`, submission(), { origin, 'idempotency-key': key() });
      const preflight = (path: string, origin: string) =>
        api('OPTIONS', path, undefined, { origin, 'access-control-request-method': 'POST' });

      // The corner shop's site posts for the corner shop, never for the other shop.
      const foreign = await post(other, 'https://corner.example');
      assertEnvelope(foreign, 403, 'origin_not_allowed');
      assert.equal(
        (await preflight(`/v1/businesses/${other}/reviews`, 'https://corner.example')).headers.get(
          'access-control-allow-origin',
        ),
        null,
      );
      assert.equal((await admin('GET', `/v1/admin/businesses/${other}/reviews?limit=50`)).json.items.length, 0);

      // A vote or a report acts for the review's shop.
      const id = await publish();
      const vote = await api('POST', `/v1/reviews/${id}/helpful`, {}, { origin: 'https://other.example' });
      assertEnvelope(vote, 403, 'origin_not_allowed');
      const report = await api(
        'POST',
        `/v1/reviews/${id}/reports`,
        { reason: 'spam' },
        { origin: 'https://other.example' },
      );
      assertEnvelope(report, 403, 'origin_not_allowed');
      assertEnvelope(
        await api('POST', '/v1/reviews/no-such-review/helpful', {}, { origin: 'https://corner.example' }),
        403,
        'origin_not_allowed',
      );

      // The other shop's owner allows its second site: from then on, and at once, it may post.
      const shopSite = 'https://shop.other.example';
      assertEnvelope(await post(other, shopSite), 403, 'origin_not_allowed');
      const allowed = await admin('PATCH', `/v1/admin/businesses/${other}`, { allowedOrigins: [shopSite] });
      assert.equal(allowed.status, 200, allowed.text);
      const accepted = await post(other, shopSite);
      assert.equal(accepted.status, 201, accepted.text);
      assert.equal(accepted.headers.get('access-control-allow-origin'), shopSite);
      assert.equal(
        (await preflight(`/v1/businesses/${other}/reviews`, shopSite)).headers.get('access-control-allow-origin'),
        shopSite,
      );
      // …for its own shop only.
      assertEnvelope(await post(shop, shopSite), 403, 'origin_not_allowed');

      // A POST that acts for no business comes from the server's own pages only.
      const signIn = await api(
        'POST',
        '/v1/auth/sign-in',
        { email: 'someone@corner.example' },
        { origin: 'https://corner.example' },
      );
      assertEnvelope(signIn, 403, 'origin_not_allowed');
    });

    it('sends nosniff, a Referrer-Policy and a Content-Security-Policy with every answer', async () => {
      const summary = `/v1/businesses/${shop}/summary`;
      const etag = (await api('GET', summary)).headers.get('etag')!;
      const answers: [string, Answer][] = [
        ['GET summary', await api('GET', summary)],
        ['304', await api('GET', summary, undefined, { 'if-none-match': etag })],
        ['GET a list page', await api('GET', `${reviews}?limit=2`)],
        ['404', await api('GET', '/v1/reviews/no-such-review')],
        ['400', await api('GET', `${reviews}?limit=0`)],
        ['415', await api('POST', reviews, 'x', { 'content-type': 'text/plain', 'idempotency-key': key() })],
        ['403', await api('POST', reviews, {}, { origin: 'https://evil.example', 'idempotency-key': key() })],
        ['401', await api('GET', '/v1/admin/reviews/x')],
        [
          'preflight',
          await api('OPTIONS', reviews, undefined, {
            origin: 'https://corner.example',
            'access-control-request-method': 'POST',
          }),
        ],
        ['health', await api('GET', '/health')],
        ['unknown route', await api('GET', '/nothing')],
        [
          '413',
          await api('POST', reviews, `"${'x'.repeat(70_000)}"`, {
            'idempotency-key': key(),
            'content-type': 'application/json',
          }),
        ],
      ];
      for (const [what, answer] of answers) {
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
        assert.equal(answer.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', what);
        assert.equal(answer.headers.get('content-security-policy'), API_CSP, what);
      }
      assert.equal(answers.at(-1)![1].status, 413);
    });

    it('rate-limits public POSTs per IP with 429 and Retry-After, and leaves GETs alone', async () => {
      const limited = await startServer(database, { rateLimit: { perMinute: 3 } });
      try {
        const limitedApi = caller(limited.url);
        const statuses: number[] = [];
        let last: Answer | undefined;
        for (let i = 0; i < 5; i += 1) {
          last = await limitedApi('POST', '/v1/reviews/no-such-review/helpful', {});
          statuses.push(last.status);
        }
        assert.deepEqual(statuses, [404, 404, 404, 429, 429]);
        assertEnvelope(last!, 429, 'rate_limited');
        assert.ok(Number(last!.headers.get('retry-after')) >= 1);
        assert.equal((await limitedApi('GET', `/v1/businesses/${shop}/summary`)).status, 200);
      } finally {
        await limited.stop();
      }
    });

    it('creates exactly one review for twenty concurrent submissions with one Idempotency-Key', async () => {
      const k = key();
      const body = submission({ authorName: 'Concurrent Carl', title: `Once ${k}` });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => api('POST', reviews, body, { 'idempotency-key': k })),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(20).fill(201),
        answers.map((a) => a.text).join('\n'),
      );
      const ids = new Set(answers.map((a) => a.json.id));
      assert.equal(ids.size, 1, 'every answer names the same review');
      const stored = await database.db.selectFrom('reviews').select('id').where('title', '=', `Once ${k}`).execute();
      assert.deepEqual(
        stored.map((r) => r.id),
        [...ids],
      );
      const other = await api('POST', reviews, { ...body, rating: 1 }, { 'idempotency-key': k });
      assertEnvelope(other, 409, 'idempotency_conflict');

      // The database's guarantee on its own, without the route's early look-up of the key.
      const direct = key();
      const input = { ...submission({ title: `Direct ${direct}` }), title: `Direct ${direct}` } as never;
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          submitReview(database.db, {
            business: shop,
            input,
            key: direct,
            fingerprint: fingerprint(shop, input),
            now: new Date(),
            linkBase: server.url,
          }),
        ),
      );
      assert.equal(new Set(results.map((r) => (r.body as { id: string }).id)).size, 1);
      const directRows = await database.db
        .selectFrom('reviews')
        .select('id')
        .where('title', '=', `Direct ${direct}`)
        .execute();
      assert.equal(directRows.length, 1);
    });

    it('stores and returns SQL-shaped and markup-shaped text verbatim', async () => {
      const title = "Robert'); DROP TABLE reviews;--";
      const body = `Nice beans ' OR '1'='1 -- ; DELETE FROM businesses; /* */ \\x00 $1 %s %_ <script>alert(1)</script> 😀`;
      const authorName = `"; TRUNCATE score_days; --`;
      const id = await publish({ title, body, authorName });

      const review = await api('GET', `/v1/reviews/${id}`);
      assert.equal(review.json.title, title);
      assert.equal(review.json.body, body);
      assert.equal(review.json.author.displayName, authorName);

      const found = await api('GET', `${reviews}?q=${encodeURIComponent("' OR '1'='1 --")}`);
      assert.deepEqual(
        found.json.items.map((r: { id: string }) => r.id),
        [id],
        'the search matched the text, not SQL',
      );
      // No words to search for: nothing matches (% and _ are no wildcards, and tsquery syntax is text).
      for (const q of ['%_', "' | !", ':*']) {
        const none = await api('GET', `${reviews}?q=${encodeURIComponent(q)}`);
        assert.equal(none.status, 200, none.text);
        assert.deepEqual(none.json.items, [], q);
      }
      assert.equal((await api('GET', `/v1/businesses/${encodeURIComponent("x' OR '1'='1")}/summary`)).status, 404);
      assert.equal((await api('GET', `/v1/reviews/${encodeURIComponent("' OR 1=1 --")}`)).status, 404);
      const { n } = await database.db
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(n) > 1, 'the reviews table is still there, with its reviews');
    });

    it('pages with keyset cursors in every sort, and rejects a cursor of another sort', async () => {
      for (let i = 0; i < 4; i += 1) await publish({ rating: 1 + i, title: `Paging ${i}` });
      type Item = { id: string; rating: number; createdAt: string; helpfulCount: number };
      const inOrder: Record<string, (a: Item, b: Item) => boolean> = {
        newest: (a, b) => a.createdAt >= b.createdAt,
        oldest: (a, b) => a.createdAt <= b.createdAt,
        highest: (a, b) => a.rating > b.rating || (a.rating === b.rating && a.createdAt >= b.createdAt),
        lowest: (a, b) => a.rating < b.rating || (a.rating === b.rating && a.createdAt >= b.createdAt),
        helpful: (a, b) => a.helpfulCount >= b.helpfulCount,
      };
      for (const [sort, ordered] of Object.entries(inOrder)) {
        const seen: Item[] = [];
        let cursor: string | null = null;
        let total: number;
        do {
          const page: Answer = await api('GET', `${reviews}?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(page.status, 200, page.text);
          total = page.json.total;
          seen.push(...page.json.items);
          cursor = page.json.nextCursor;
        } while (cursor);
        assert.equal(seen.length, total, sort);
        assert.equal(new Set(seen.map((r) => r.id)).size, total, `${sort}: no review twice`);
        for (let i = 1; i < seen.length; i += 1) assert.ok(ordered(seen[i - 1]!, seen[i]!), `${sort} at ${i}`);
      }
      const newest = await api('GET', `${reviews}?sort=newest&limit=1`);
      const mixed = await api('GET', `${reviews}?sort=oldest&cursor=${newest.json.nextCursor}`);
      assert.equal(mixed.json.error.fields.cursor, 'invalid');
    });
  });
}
