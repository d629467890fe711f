/**
 * Data survives a restart: every review (pending, published, rejected, imported), its reply, the
 * kept summary and spent invitations are there when a new server opens the same database, and the
 * demo data is not seeded twice.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEMO_BUSINESS, DEMO_INVITATIONS } from '../../src/mocks/fixtures.js';
import type { Database } from '../../server/db/database.js';
import { seedDemo } from '../../server/seed.js';
import {
  ADMIN_TOKEN,
  BACKENDS,
  caller,
  freshDatabase,
  key,
  reopen,
  startServer,
  submission,
  confirmByEmail,
} from './helpers.js';
import type { TestDatabase } from './helpers.js';

const reviews = `/v1/businesses/${DEMO_BUSINESS}/reviews`;

/** Everything a visitor and the moderator can see of the demo business. */
async function snapshot(base: string) {
  const api = caller(base);
  const admin = caller(base, { authorization: `Bearer ${ADMIN_TOKEN}` });
  const published: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: unknown[]; nextCursor: string | null } } = await api(
      'GET',
      `${reviews}?limit=50&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`,
    );
    published.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  const byStatus = async (status: string) =>
    (await admin('GET', `/v1/admin/businesses/${DEMO_BUSINESS}/reviews?status=${status}&limit=50`)).json.items.map(
      (r: { id: string }) => r.id,
    );
  return {
    published,
    pending: await byStatus('pending'),
    rejected: await byStatus('rejected'),
    summary: (await api('GET', `/v1/businesses/${DEMO_BUSINESS}/summary`)).json,
  };
}

for (const { backend, skip } of BACKENDS) {
  describe(`restart on ${backend}`, { skip }, () => {
    let database: TestDatabase | undefined;
    let reopened: Database | undefined;
    after(async () => {
      await reopened?.close();
      await database?.remove();
    });

    it('keeps every review, reply, summary and spent invitation, and seeds the demo data once', async () => {
      database = await freshDatabase(backend);
      const first = await startServer(database, { seed: { largeReviewCount: 20 } });
      const api = caller(first.url);
      const admin = caller(first.url, { authorization: `Bearer ${ADMIN_TOKEN}` });

      const submit = async (overrides: Record<string, unknown>) => {
        const answer = await api('POST', reviews, submission(overrides), { 'idempotency-key': key() });
        assert.equal(answer.status, 201, answer.text);
        if (answer.json.confirmation) await confirmByEmail(first.url, first.database.db, answer.json.id);
        return answer.json.id as string;
      };
      const verified = await submit({ invitationToken: DEMO_INVITATIONS[0], email: undefined, rating: 3 });
      const pending = await submit({ title: 'Still waiting' });
      const rejected = await submit({ title: 'Not this one' });
      await admin('POST', `/v1/admin/reviews/${verified}/moderation`, { decision: 'approve' });
      await admin('POST', `/v1/admin/reviews/${verified}/reply`, { body: 'Thank you!', authorName: 'Nordlys' });
      await admin('POST', `/v1/admin/reviews/${rejected}/moderation`, { decision: 'reject', reason: 'not_genuine' });

      const before = await snapshot(first.url);
      assert.ok(before.published.some((r) => (r as { id: string }).id === verified));
      assert.ok(before.pending.includes(pending));
      assert.ok(before.rejected.includes(rejected));
      await first.stop();
      await database.close();

      reopened = await reopen(database);
      assert.equal(await seedDemo(reopened.db, { largeReviewCount: 20 }), false, 'the demo data is there already');
      const second = await startServer(reopened);
      try {
        const after = await snapshot(second.url);
        // Only the time-dependent flag may differ between two moments.
        const strip = (items: unknown[]) => items.map((r) => ({ ...(r as object), countsTowardScore: null }));
        assert.deepEqual(strip(after.published), strip(before.published));
        assert.deepEqual(after.pending, before.pending);
        assert.deepEqual(after.rejected, before.rejected);
        assert.deepEqual(after.summary, before.summary);
        const reply = after.published.find((r) => (r as { id: string }).id === verified) as { reply: { body: string } };
        assert.equal(reply.reply.body, 'Thank you!');
        const reused = await caller(second.url)(
          'POST',
          reviews,
          submission({ invitationToken: DEMO_INVITATIONS[0], title: 'Again' }),
          { 'idempotency-key': key() },
        );
        assert.equal(reused.json.error.fields.invitationToken, 'invitation_used');
      } finally {
        await second.stop();
      }
    });
  });
}
