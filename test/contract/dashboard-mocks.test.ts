/**
 * The dashboard's mocks through the dashboard's own client: every route answers in the shapes of
 * `src/contract/dashboard.ts` (the client checks each answer), scoping and roles answer 401, 403
 * and 404 as the server does, and the rules hold (R4: a rejection needs a reason; the last owner
 * stays).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { VerityApiError } from '../../src/client/errors.js';
import type { SettingsPatch } from '../../src/contract/dashboard.js';
import { createDashboardApi } from '../../src/dashboard/api.js';
import { createDashboardHandlers } from '../../src/mocks/admin-handlers.js';
import { AdminMockStore, DEMO_MEMBER_EMAIL, DEMO_SIGN_IN_TOKEN } from '../../src/mocks/admin-store.js';
import { DEMO_BUSINESS, EMPTY_BUSINESS, LARGE_BUSINESS } from '../../src/mocks/fixtures.js';

const store = new AdminMockStore();
const moderatorStore = new AdminMockStore({ role: 'moderator' });
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const api = createDashboardApi({ baseUrl: 'http://dashboard.mocks.test' });
const use = (s: AdminMockStore) => server.resetHandlers(...createDashboardHandlers({ store: s }));

async function failure(promise: Promise<unknown>): Promise<VerityApiError> {
  try {
    await promise;
  } catch (error) {
    return error as VerityApiError;
  }
  assert.fail('expected a failure');
}

describe('dashboard mocks', () => {
  it('signs in with a link once, and knows who is signed in', async () => {
    const fresh = new AdminMockStore({ signedIn: false });
    use(fresh);
    assert.equal((await failure(api.me())).status, 401);
    await api.signIn('someone@anywhere.example');
    assert.equal((await failure(api.signIn('not an address'))).code, 'validation_failed');
    const me = await api.createSession(DEMO_SIGN_IN_TOKEN);
    assert.equal(me.email, DEMO_MEMBER_EMAIL);
    assert.deepEqual(
      me.memberships.map((m) => [m.business.id, m.role]),
      [
        [DEMO_BUSINESS, 'owner'],
        [LARGE_BUSINESS, 'moderator'],
      ],
    );
    const used = await failure(api.createSession(DEMO_SIGN_IN_TOKEN));
    assert.equal(used.fields?.token, 'invalid_token');
    assert.equal((await api.me()).email, DEMO_MEMBER_EMAIL);
    await api.signOut();
    assert.equal((await failure(api.me())).status, 401);
  });

  it('lists sessions and ends one', async () => {
    use(new AdminMockStore());
    const sessions = await api.sessions();
    assert.equal(sessions.filter((s) => s.current).length, 1);
    const other = sessions.find((s) => !s.current)!;
    await api.endSession(other.id);
    assert.equal((await api.sessions()).length, sessions.length - 1);
  });

  it('scopes every admin route to the member’s businesses', async () => {
    use(store);
    assert.equal((await failure(api.reviews(EMPTY_BUSINESS, { status: 'pending' }))).status, 404);
    assert.equal((await failure(api.business(LARGE_BUSINESS))).status, 403, 'a moderator there');
    assert.ok((await api.reviews(LARGE_BUSINESS, { status: 'pending' })).items.length > 0);
  });

  it('pages the moderation queue with its R4 flags, and never shows all at once', async () => {
    use(store);
    const first = await api.reviews(DEMO_BUSINESS, { status: 'pending', sort: 'oldest', limit: 20 });
    assert.equal(first.items.length, 20);
    assert.ok(first.total > 20 && first.nextCursor);
    assert.ok(first.items.some((r) => r.flags.some((f) => f.kind === 'email')));
    for (const review of first.items) {
      for (const flag of review.flags) {
        const text = flag.field === 'authorName' ? review.author.displayName : (review[flag.field] ?? '');
        assert.ok(text.includes(flag.match), `${flag.match} stands in the ${flag.field}`);
      }
    }
    const second = await api.reviews(DEMO_BUSINESS, { status: 'pending', sort: 'oldest', cursor: first.nextCursor! });
    assert.equal(
      new Set([...first.items, ...second.items].map((r) => r.id)).size,
      first.items.length + second.items.length,
    );
    assert.equal(
      (await failure(api.reviews(DEMO_BUSINESS, { status: 'pending', limit: 51 }))).code,
      'validation_failed',
    );
  });

  it('skips no review on the next page when reviews of the first one were decided meanwhile', async () => {
    const fresh = new AdminMockStore();
    use(fresh);
    const all = (await api.reviews(DEMO_BUSINESS, { status: 'pending', sort: 'oldest', limit: 50 })).items.map(
      (r) => r.id,
    );
    const first = await api.reviews(DEMO_BUSINESS, { status: 'pending', sort: 'oldest', limit: 10 });
    for (const review of first.items.slice(0, 3)) await api.moderate(review.id, { decision: 'approve' });
    const second = await api.reviews(DEMO_BUSINESS, {
      status: 'pending',
      sort: 'oldest',
      limit: 10,
      cursor: first.nextCursor!,
    });
    assert.deepEqual(
      second.items.map((r) => r.id),
      all.slice(10, 20),
    );
    assert.equal(second.total, all.length - 3);
  });

  it('rejects only for an R4 reason, approves, and keeps the history', async () => {
    use(store);
    const [first, second] = (await api.reviews(DEMO_BUSINESS, { status: 'pending', limit: 2 })).items;
    const noReason = await failure(api.moderate(first!.id, { decision: 'reject' }));
    assert.equal(noReason.fields?.reason, 'required');
    const rejected = await api.moderate(first!.id, { decision: 'reject', reason: 'personal_data' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.moderation?.reason, 'personal_data');
    const approved = await api.moderate(second!.id, { decision: 'approve' });
    assert.equal(approved.status, 'published');
    const history = await api.history(first!.id);
    assert.deepEqual(
      history.map((h) => [h.action, h.by, h.reason]),
      [
        ['submitted', null, null],
        ['rejected', DEMO_MEMBER_EMAIL, 'personal_data'],
      ],
    );
  });

  it('replies, and a second reply replaces the first', async () => {
    use(store);
    const [review] = (await api.reviews(DEMO_BUSINESS, { status: 'published', limit: 1, q: 'crema' })).items;
    await api.reply(review!.id, { body: 'Thank you!', authorName: 'Nordlys Kaffe' });
    const edited = await api.reply(review!.id, { body: 'Thank you, Anna!', authorName: 'Nordlys Kaffe' });
    assert.equal(edited.reply?.body, 'Thank you, Anna!');
    const actions = (await api.history(review!.id)).map((h) => h.action);
    assert.ok(actions.indexOf('replied') < actions.indexOf('reply_edited'));
  });

  it('lists reports by outcome, and insights of twelve months', async () => {
    use(store);
    const open = await api.reports(DEMO_BUSINESS, { outcome: 'open' });
    assert.ok(open.items.length > 0 && open.items.every((r) => r.outcome === 'open'));
    const removed = await api.reports(DEMO_BUSINESS, { outcome: 'removed' });
    assert.ok(removed.items.every((r) => r.removedFor !== null));
    const insights = await api.insights(DEMO_BUSINESS);
    assert.equal(insights.months.length, 12);
    assert.ok(insights.pending > 0);
    assert.ok(insights.invitedShare !== null && insights.invitedShare > 0 && insights.invitedShare <= 1);
  });

  it('lets owners change settings and members, never removing the last owner', async () => {
    use(new AdminMockStore());
    const settings = await api.updateBusiness(DEMO_BUSINESS, {
      allowedOrigins: ['https://a.example', 'https://a.example'],
      invitations: { delayDays: 14, reminderAfterDays: null, expiresAfterDays: 30 },
    });
    assert.deepEqual(settings.allowedOrigins, ['https://a.example']);
    assert.equal(settings.invitations.reminderAfterDays, null);
    const bad = await failure(api.updateBusiness(DEMO_BUSINESS, { allowedOrigins: ['https://a.example/path'] }));
    assert.equal(bad.fields?.['allowedOrigins.0'], 'invalid');
    assert.equal(
      settings.defaultInvitationLocale,
      'sv',
      'the demo shop invites in Swedish when an order names no language',
    );
    const german = await api.updateBusiness(DEMO_BUSINESS, { defaultInvitationLocale: 'de' });
    assert.equal(german.defaultInvitationLocale, 'de');
    assert.equal((await api.business(DEMO_BUSINESS)).defaultInvitationLocale, 'de');
    const french = await failure(
      api.updateBusiness(DEMO_BUSINESS, { defaultInvitationLocale: 'fr' } as unknown as SettingsPatch),
    );
    assert.equal(french.code, 'validation_failed');
    assert.equal(french.fields?.defaultInvitationLocale, 'invalid');
    const secret = await api.newWebhookSecret(DEMO_BUSINESS);
    assert.ok(secret.length >= 16);
    const members = await api.members(DEMO_BUSINESS);
    const me = members.find((m) => m.email === DEMO_MEMBER_EMAIL)!;
    assert.equal((await failure(api.removeMember(DEMO_BUSINESS, me.id))).status, 409);
    assert.equal((await failure(api.changeRole(DEMO_BUSINESS, me.id, 'moderator'))).status, 409);
    const added = await api.addMember(DEMO_BUSINESS, { email: 'Second@nordlys.example', role: 'owner' });
    assert.equal(added.email, 'second@nordlys.example');
    await api.changeRole(DEMO_BUSINESS, me.id, 'moderator');
    assert.equal((await failure(api.removeMember(DEMO_BUSINESS, added.id))).status, 409, 'now the last owner');
    await api.changeRole(DEMO_BUSINESS, me.id, 'owner');
    await api.removeMember(DEMO_BUSINESS, added.id);
    assert.deepEqual(
      (await api.members(DEMO_BUSINESS)).map((m) => m.email),
      members.map((m) => m.email),
    );
  });

  it('answers a moderator 403 on owner-only routes', async () => {
    use(moderatorStore);
    for (const call of [
      api.business(DEMO_BUSINESS),
      api.members(DEMO_BUSINESS),
      api.newWebhookSecret(DEMO_BUSINESS),
      api.updateBusiness(DEMO_BUSINESS, { verificationText: 'x' }),
    ]) {
      assert.equal((await failure(call)).status, 403);
    }
    assert.ok((await api.reviews(DEMO_BUSINESS, { status: 'pending' })).total > 0);
  });

  it('takes an orders CSV and answers its problems row by row (provisional)', async () => {
    use(new AdminMockStore());
    const csv = [
      'orderRef,email,purchasedAt,product,customerName,locale',
      'NK-900001,anna@mail.example,2026-05-01,,Anna,sv',
      'NK-900002,not-an-address,2026-05-01,,,',
      '"NK-900003","quoted@mail.example","2026-05-02T10:00:00Z","NK-ESPRESSO-1KG","Berg, Anna",en',
      ',missing@mail.example,yesterday,,,',
      'NK-900001,anna@mail.example,2026-05-01,,Anna,sv',
    ].join('\r\n');
    const result = await api.uploadOrders(DEMO_BUSINESS, csv);
    assert.equal(result.accepted, 2);
    assert.equal(result.skipped, 1);
    assert.deepEqual(
      result.problems.map((p) => [p.row, p.field]),
      [
        [3, 'email'],
        [5, 'orderRef'],
        [5, 'purchasedAt'],
      ],
    );
    const scheduled = await api.invitations(DEMO_BUSINESS, { status: 'scheduled' });
    assert.ok(scheduled.items.some((i) => i.orderRef === 'NK-900003' && i.customerName === 'Berg, Anna'));
    const outbox = await api.outbox(DEMO_BUSINESS, { limit: 50 });
    assert.ok(outbox.items.length > 0 && outbox.items.every((m) => m.subject && m.text));
  });
});
