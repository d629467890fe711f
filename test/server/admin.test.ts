/**
 * The admin API (SPEC §4) and the rules it carries out: the bearer token (401s), businesses and
 * products, orders and invitations (R8, R9), the moderation queue with R4 reasons only, automatic
 * flags, replies (R6) and imports (R1). Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INVITATION_EXPIRY_DAYS } from '../../src/rules/invitations.js';
import { createApp } from '../../server/app.js';
import { createInvitation } from '../../server/db/businesses.js';
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
import type { TestDatabase, TestServer } from './helpers.js';

const ADMIN_ROUTES: [string, string][] = [
  ['POST', '/v1/admin/businesses'],
  ['POST', '/v1/admin/businesses/shop/orders'],
  ['POST', '/v1/admin/businesses/shop/invitations'],
  ['GET', '/v1/admin/businesses/shop/reviews?status=pending'],
  ['GET', '/v1/admin/reviews/some-review'],
  ['POST', '/v1/admin/reviews/some-review/moderation'],
  ['POST', '/v1/admin/reviews/some-review/reply'],
  ['POST', '/v1/admin/businesses/shop/imports'],
];

for (const { backend, skip } of BACKENDS) {
  describe(`admin API on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let api: ReturnType<typeof caller>;
    let admin: ReturnType<typeof caller>;
    const shop = 'roastery';

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database);
      api = caller(server.url);
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      const created = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Roastery',
        url: 'https://roastery.example',
        verificationPolicyUrl: 'https://roastery.example/reviews-policy',
        products: [{ id: 'BEANS-1', name: 'Beans' }],
      });
      assert.equal(created.status, 201, created.text);
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    /** Submits a review and returns its id. */
    async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
      const answer = await api('POST', `/v1/businesses/${shop}/reviews`, submission(overrides), {
        'idempotency-key': key(),
      });
      assert.equal(answer.status, 201, answer.text);
      if (answer.json.confirmation) await confirmByEmail(server.url, database.db, answer.json.id);
      return answer.json.id;
    }
    const moderate = (id: string, body: unknown) => admin('POST', `/v1/admin/reviews/${id}/moderation`, body);
    const summary = async (query = '') => (await api('GET', `/v1/businesses/${shop}/summary${query}`)).json;
    const publicIds = async (query = '') =>
      ((await api('GET', `/v1/businesses/${shop}/reviews?limit=50${query}`)).json.items as { id: string }[]).map(
        (r) => r.id,
      );
    const queue = async (status = 'pending') =>
      (await admin('GET', `/v1/admin/businesses/${shop}/reviews?status=${status}&limit=50`)).json;

    it('answers 401 on every admin route without a valid token', async () => {
      for (const [method, path] of ADMIN_ROUTES) {
        const body = method === 'POST' ? {} : undefined;
        for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${ADMIN_TOKEN}`, `Bearer`]) {
          const answer = await api(method, path, body, authorization ? { authorization } : {});
          assert.equal(answer.status, 401, `${method} ${path} with ${authorization}`);
          assert.equal(answer.json.error.code, 'unauthorized');
          assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
      }
    });

    it('answers 401 on every admin route when no token is configured', async () => {
      const { app } = createApp({ db: database.db, rateLimit: false });
      for (const [method, path] of ADMIN_ROUTES) {
        const response = await app.request(path, {
          method,
          headers: { authorization: 'Bearer ', 'content-type': 'application/json' },
          body: method === 'POST' ? '{}' : undefined,
        });
        assert.equal(response.status, 401, `${method} ${path}`);
      }
    });

    it('limits wrong admin tokens per client: 10 a minute, then 429 for that client, the right token too', async () => {
      let now = Date.now();
      const limited = await startServer(database, {
        adminFailureLimit: { perMinute: 10, clock: () => now },
        trustProxy: true,
      });
      try {
        const from = (address: string, token: string) =>
          caller(limited.url, { authorization: `Bearer ${token}`, 'x-forwarded-for': address })(
            'GET',
            `/v1/admin/businesses/${shop}/reviews`,
          );
        for (let i = 0; i < 10; i += 1) assert.equal((await from('198.51.100.7', `guess-${i}`)).status, 401);
        const blocked = await from('198.51.100.7', 'guess-10');
        assert.equal(blocked.status, 429);
        assert.equal(blocked.json.error.code, 'rate_limited');
        assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
        assert.equal((await from('198.51.100.7', ADMIN_TOKEN)).status, 429, 'no answer to a guess, right or wrong');
        assert.equal((await from('198.51.100.8', ADMIN_TOKEN)).status, 200, 'another client is not blocked');
        now += 60_000;
        assert.equal((await from('198.51.100.7', ADMIN_TOKEN)).status, 200, 'after a minute');
      } finally {
        await limited.stop();
      }
      // The limit is on by default.
      const { app } = createApp({ db: database.db, adminToken: ADMIN_TOKEN, rateLimit: false });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const response = await app.request('/v1/admin/reviews/x', { headers: { authorization: 'Bearer wrong' } });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [...Array<number>(10).fill(401), 429]);
    });

    it('creates and updates a business and its products, and validates the input', async () => {
      const updated = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Roastery & Co',
        url: 'https://roastery.example',
        products: [{ id: 'GRINDER', name: 'Grinder' }],
      });
      assert.equal(updated.status, 200);
      assert.equal(updated.json.name, 'Roastery & Co');
      assert.equal(updated.json.verificationPolicyUrl, 'https://roastery.example/reviews-policy', 'kept when left out');
      assert.deepEqual(
        updated.json.products.map((p: { id: string }) => p.id),
        ['BEANS-1', 'GRINDER'],
      );
      assert.equal((await summary()).business.name, 'Roastery & Co');

      const bad = await admin('POST', '/v1/admin/businesses', { id: 'Not A Slug', name: '', url: 'ftp://x.example' });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.code, 'validation_failed');
      assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['id', 'name', 'url']);
    });

    it('records orders once, and answers clearly for unknown shops, products and bad input', async () => {
      const order = { orderRef: 'R-1', email: 'buyer@mail.example', purchasedAt: '2026-01-02' };
      const first = await admin('POST', `/v1/admin/businesses/${shop}/orders`, order);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.json.purchasedAt, '2026-01-02T00:00:00.000Z');
      const again = await admin('POST', `/v1/admin/businesses/${shop}/orders`, order);
      assert.equal(again.status, 409);
      assert.equal(again.json.error.code, 'conflict');
      assert.equal(
        (await admin('POST', '/v1/admin/businesses/nowhere/orders', { ...order, orderRef: 'X' })).status,
        404,
      );
      const product = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        ...order,
        orderRef: 'R-2',
        product: 'NO-SUCH',
      });
      assert.equal(product.status, 400);
      assert.equal(product.json.error.fields.product, 'unknown_product');
      const email = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        ...order,
        orderRef: 'R-3',
        email: 'not-an-address',
      });
      assert.equal(email.json.error.fields.email, 'invalid');
    });

    it('R8, R9: an invitation verifies one review, once; the invited share is invited ÷ recorded orders', async () => {
      const orderRefs = ['INV-1', 'INV-2', 'INV-3'];
      for (const orderRef of orderRefs) {
        const order = { orderRef, email: `${orderRef}@mail.example`, purchasedAt: new Date().toISOString() };
        assert.equal((await admin('POST', `/v1/admin/businesses/${shop}/orders`, order)).status, 201);
      }
      // R-1 from the test before, plus these three: 4 recorded.
      const invitation = await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'INV-1' });
      assert.equal(invitation.status, 201, invitation.text);
      const { token, url } = invitation.json as { token: string; url: string };
      assert.ok(token.length >= 24, 'a long random token');
      assert.equal(new URL(url).searchParams.get('invitation'), token);
      assert.equal((await summary()).invitedShare, 0.25);

      // Asking again replaces the unused token: the first link stops working, the share stays.
      const second = await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'INV-1' });
      assert.notEqual(second.json.token, token);
      assert.equal((await summary()).invitedShare, 0.25);
      const stale = await api('POST', `/v1/businesses/${shop}/reviews`, submission({ invitationToken: token }), {
        'idempotency-key': key(),
      });
      assert.equal(stale.json.error.fields.invitationToken, 'invalid_invitation');

      const id = await submit({ invitationToken: second.json.token, email: undefined });
      const pending = (await queue()).items.find((r: { id: string }) => r.id === id);
      assert.deepEqual(pending.verification, { status: 'verified', method: 'invitation' });
      assert.equal(pending.email, 'INV-1@mail.example', 'the order e-mail is kept, privately');
      const reused = await api(
        'POST',
        `/v1/businesses/${shop}/reviews`,
        submission({ invitationToken: second.json.token, title: 'Again' }),
        { 'idempotency-key': key() },
      );
      assert.equal(reused.json.error.fields.invitationToken, 'invitation_used');
      const reinvite = await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'INV-1' });
      assert.equal(reinvite.status, 400);
      assert.equal(reinvite.json.error.fields.orderRef, 'invitation_used');
      assert.equal(
        (await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'NO-ORDER' })).status,
        404,
      );

      await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'INV-2' });
      assert.equal((await summary()).invitedShare, 0.5);
    });

    it('R8: the invitation decides what is reviewed, and works for 60 days', async () => {
      const order = (orderRef: string, product?: string) =>
        admin('POST', `/v1/admin/businesses/${shop}/orders`, {
          orderRef,
          email: `${orderRef}@mail.example`,
          purchasedAt: new Date().toISOString(),
          ...(product ? { product } : {}),
        });
      assert.equal((await order('BOUND-1', 'BEANS-1')).status, 201);
      const invitation = await admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'BOUND-1' });
      // Without a product in the review, the invitation's product is the one reviewed.
      const id = await submit({ invitationToken: invitation.json.token, email: undefined });
      const stored = await admin('GET', `/v1/admin/reviews/${id}`);
      assert.equal(stored.json.product, 'BEANS-1');

      const row = await database.db
        .selectFrom('invitations')
        .select(['created_at', 'expires_at'])
        .where('business_id', '=', shop)
        .where('order_ref', '=', 'BOUND-1')
        .executeTakeFirstOrThrow();
      assert.equal(row.expires_at.getTime() - row.created_at.getTime(), INVITATION_EXPIRY_DAYS * 86_400_000);

      // Made just over 60 days ago: expired, and nothing is stored.
      assert.equal((await order('LATE-1')).status, 201);
      const made = new Date(Date.now() - INVITATION_EXPIRY_DAYS * 86_400_000 - 1000);
      const late = await createInvitation(database.db, shop, 'LATE-1', made);
      const expired = await api(
        'POST',
        `/v1/businesses/${shop}/reviews`,
        submission({ invitationToken: late.token, email: undefined, title: 'Too late' }),
        { 'idempotency-key': key() },
      );
      assert.equal(expired.status, 400);
      assert.deepEqual(expired.json.error.fields, { invitationToken: 'invitation_expired' });
      const kept = await database.db
        .selectFrom('reviews')
        .select('id')
        .where('business_id', '=', shop)
        .where('title', '=', 'Too late')
        .execute();
      assert.deepEqual(kept, []);
    });

    it('R4: a new review waits in the queue; approval publishes it into the list and the score', async () => {
      const token = (
        await (async () => {
          await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
            orderRef: 'MOD-1',
            email: 'mod@mail.example',
            purchasedAt: new Date().toISOString(),
          });
          return admin('POST', `/v1/admin/businesses/${shop}/invitations`, { orderRef: 'MOD-1' });
        })()
      ).json.token as string;
      const before = await summary();
      const id = await submit({ invitationToken: token, rating: 2, title: 'Late delivery' });

      assert.ok(!(await publicIds()).includes(id), 'a pending review is not shown');
      assert.equal((await api('GET', `/v1/reviews/${id}`)).status, 404);
      assert.ok(
        (await queue()).items.some((r: { id: string }) => r.id === id),
        'it is in the moderation queue',
      );
      assert.deepEqual(await summary(), before, 'a pending review changes no number');

      const approved = await moderate(id, { decision: 'approve' });
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.json.status, 'published');
      assert.ok((await publicIds()).includes(id));
      const after = await summary();
      assert.equal(after.rating.count, before.rating.count + 1);
      assert.equal(after.distribution['2'], before.distribution['2'] + 1);
      assert.equal(after.totals.verified, before.totals.verified + 1);
      const review = await api('GET', `/v1/reviews/${id}`);
      assert.equal(review.json.countsTowardScore, true);
      assert.doesNotMatch(review.text, /mod@mail\.example|"email"/, 'R12: no e-mail in public');
    });

    it('R4: a rejection needs an R4 reason, and a low rating is never one', async () => {
      const id = await submit({ rating: 1 });
      const none = await moderate(id, { decision: 'reject' });
      assert.equal(none.status, 400);
      assert.equal(none.json.error.fields.reason, 'required');
      const rating = await moderate(id, { decision: 'reject', reason: 'low_rating' });
      assert.equal(rating.status, 400);
      assert.equal(rating.json.error.fields.reason, 'invalid');
      const approveWithReason = await moderate(id, { decision: 'approve', reason: 'offensive' });
      assert.equal(approveWithReason.status, 400);
      assert.equal((await moderate(id, { decision: 'maybe' })).json.error.fields.decision, 'invalid');
      assert.equal((await moderate('no-such-review', { decision: 'approve' })).status, 404);

      await moderate(id, { decision: 'approve' });
      const published = await summary();
      const rejected = await moderate(id, { decision: 'reject', reason: 'personal_data' });
      assert.equal(rejected.status, 200, rejected.text);
      assert.deepEqual(rejected.json.moderation.reason, 'personal_data');
      assert.ok(!(await publicIds()).includes(id), 'a rejected review leaves the list');
      assert.equal((await summary()).totals.published, published.totals.published - 1);
      assert.ok((await queue('rejected')).items.some((r: { id: string }) => r.id === id));
    });

    it('R4: flags insults and personal data for the moderator, without deciding', async () => {
      const flagged = await submit({
        title: 'Rude staff',
        body: 'The courier was an idiot. Call me on +46 70 123 45 67 or write to anna@mail.example, thanks.',
      });
      const clean = await submit();
      const items = (await queue()).items as {
        id: string;
        status: string;
        flags: { kind: string; reason: string }[];
      }[];
      const found = items.find((r) => r.id === flagged)!;
      assert.equal(found.status, 'pending');
      assert.deepEqual(found.flags.map((f) => f.kind).sort(), ['email', 'insult', 'phone']);
      assert.ok(found.flags.every((f) => ['offensive', 'personal_data'].includes(f.reason)));
      assert.deepEqual(items.find((r) => r.id === clean)!.flags, []);
    });

    it('R6: the business replies publicly under a review', async () => {
      const id = await submit();
      await moderate(id, { decision: 'approve' });
      const bad = await admin('POST', `/v1/admin/reviews/${id}/reply`, { body: '', authorName: 'Team' });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.fields.body, 'required');
      const replied = await admin('POST', `/v1/admin/reviews/${id}/reply`, {
        body: 'Thank you, we are glad you liked it.',
        authorName: 'Roastery team',
      });
      assert.equal(replied.status, 200, replied.text);
      const review = (await api('GET', `/v1/reviews/${id}`)).json;
      assert.equal(review.reply.body, 'Thank you, we are glad you liked it.');
      assert.equal(review.reply.authorName, 'Roastery team');
      assert.equal(
        (await admin('POST', '/v1/admin/reviews/nope/reply', { body: 'x', authorName: 'Team' })).status,
        404,
      );
    });

    it('R1: imports are stored as imported, shown, never counted, and not duplicated', async () => {
      const before = await summary();
      const reviews = [
        {
          externalId: 'old-1',
          rating: 5,
          body: 'Great!',
          authorName: 'Eva',
          language: 'sv',
          createdAt: '2025-03-01T10:00:00Z',
        },
        {
          externalId: 'old-2',
          rating: 1,
          title: 'Meh',
          body: 'Slow shipping but fine beans.',
          authorName: 'Jan',
          country: 'CZ',
          language: 'cs',
          createdAt: '2025-04-01T10:00:00.123Z',
          product: 'BEANS-1',
          reply: { body: 'Sorry!', authorName: 'Team', createdAt: '2025-04-02T10:00:00Z' },
        },
        {
          externalId: 'old-3',
          rating: 3,
          body: 'What a bastard.',
          authorName: 'X',
          language: 'en',
          createdAt: '2025-05-01T00:00:00Z',
        },
      ];
      const imported = await admin('POST', `/v1/admin/businesses/${shop}/imports`, { reviews });
      assert.equal(imported.status, 201, imported.text);
      assert.equal(imported.json.imported, 3);
      assert.equal(imported.json.pending, 1, 'the flagged one waits for moderation');

      const after = await summary();
      assert.equal(after.totals.imported, before.totals.imported + 1);
      assert.deepEqual(after.rating, before.rating, 'imported reviews never count (R2)');
      const first = (await api('GET', `/v1/reviews/${imported.json.ids[0]}`)).json;
      assert.deepEqual(first.verification, { status: 'imported', method: null });
      assert.equal(first.countsTowardScore, false);
      assert.equal(first.createdAt, '2025-03-01T10:00:00.000Z');
      const product = await api('GET', `/v1/businesses/${shop}/reviews?product=BEANS-1`);
      assert.ok(product.json.items.some((r: { id: string }) => r.id === imported.json.ids[1]));
      assert.equal((await summary('?product=BEANS-1')).totals.imported, 1);

      const again = await admin('POST', `/v1/admin/businesses/${shop}/imports`, { reviews });
      assert.equal(again.json.imported, 0);
      assert.equal(again.json.skipped, 3);
      assert.deepEqual(again.json.ids, imported.json.ids, 'an imported review keeps its id');
      assert.equal((await summary()).totals.imported, after.totals.imported);

      const invalid = await admin('POST', `/v1/admin/businesses/${shop}/imports`, {
        reviews: [
          { ...reviews[0], externalId: 'new-1', createdAt: '2999-01-01T00:00:00Z' },
          { ...reviews[0], externalId: 'new-2', product: 'NO-SUCH' },
          { ...reviews[0], externalId: 'new-3', rating: 0 },
        ],
      });
      assert.equal(invalid.status, 400);
      assert.ok(invalid.json.error.fields['reviews.2.rating'], JSON.stringify(invalid.json));
      const later = await admin('POST', `/v1/admin/businesses/${shop}/imports`, {
        reviews: [
          { ...reviews[0], externalId: 'new-1', createdAt: '2999-01-01T00:00:00Z' },
          { ...reviews[0], externalId: 'new-2', product: 'NO-SUCH' },
        ],
      });
      assert.deepEqual(later.json.error.fields, {
        'reviews.0.createdAt': 'future',
        'reviews.1.product': 'unknown_product',
      });
      assert.equal((await admin('POST', `/v1/admin/businesses/${shop}/imports`, { reviews: [] })).status, 400);
    });

    it('lists the moderation queue by status, with paging, and rejects an unknown status', async () => {
      const first = await admin('GET', `/v1/admin/businesses/${shop}/reviews?status=pending&limit=2`);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('cache-control'), 'no-store');
      assert.equal(first.json.items.length, 2);
      assert.ok(first.json.total > 2);
      const next = await admin(
        'GET',
        `/v1/admin/businesses/${shop}/reviews?status=pending&limit=2&cursor=${first.json.nextCursor}`,
      );
      assert.ok(
        next.json.items.every((r: { id: string }) => !first.json.items.some((f: { id: string }) => f.id === r.id)),
      );
      assert.ok(next.json.items.every((r: { status: string }) => r.status === 'pending'));
      const bad = await admin('GET', `/v1/admin/businesses/${shop}/reviews?status=deleted`);
      assert.equal(bad.json.error.fields.status, 'invalid');
      assert.equal((await admin('GET', '/v1/admin/businesses/nowhere/reviews')).status, 404);
    });
  });
}
