/**
 * Members and who reaches what (SPEC §7): passwordless sign-in, sessions in the database, and
 * the rule that a member of one business can do nothing to another. Every admin route the app
 * has (read from the app itself, so a route added tomorrow is tried tomorrow) is tried with a
 * member of another business (404), a moderator on owner-only routes (403), and a cookie request
 * from a foreign origin (403). Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SignInMail } from '../../server/routes/auth.js';
import { ruleFor } from '../../server/http/access.js';
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

const DAY = 86_400_000;

for (const { backend, skip } of BACKENDS) {
  describe(`members and access on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let admin: ReturnType<typeof caller>;
    const mails: SignInMail[] = [];
    let now = new Date('2026-11-20T10:00:00Z');
    let reviewOfB = '';
    let reviewOfA = '';

    /** A member's requests: their session cookie, from the dashboard's own origin. */
    const as = (cookie: string, origin?: string) => caller(server.url, { cookie, origin: origin ?? server.url });

    /** Asks for a link as the member would, and opens it: answers the session cookie. */
    async function signIn(email: string): Promise<string> {
      const before = mails.length;
      const asked = await caller(server.url, { origin: server.url })('POST', '/v1/auth/sign-in', { email });
      assert.equal(asked.status, 202);
      await waitFor(() => mails.length > before);
      const token = new URL(mails.at(-1)!.url).searchParams.get('token')!;
      const response = await fetch(`${server.url}/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ token }),
      });
      assert.equal(response.status, 200);
      const cookie = response.headers.get('set-cookie')!;
      return cookie.split(';')[0]!;
    }

    async function waitFor(check: () => boolean): Promise<void> {
      for (let i = 0; i < 100 && !check(); i += 1) await new Promise((done) => setTimeout(done, 10));
      assert.ok(check(), 'timed out');
    }

    let alice = '';
    let mo = '';

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database, {
        clock: () => now,
        sendSignInLink: async (mail) => {
          mails.push(mail);
        },
        signInPerMinute: false,
      });
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      for (const id of ['shop-a', 'shop-b']) {
        const created = await admin('POST', '/v1/admin/businesses', { id, name: id, url: `https://${id}.example` });
        assert.equal(created.status, 201, created.text);
      }
      for (const [business, email, role] of [
        ['shop-a', 'alice@a.example', 'owner'],
        ['shop-a', 'mo@a.example', 'moderator'],
        ['shop-b', 'bob@b.example', 'owner'],
      ] as const) {
        const added = await admin('POST', `/v1/admin/businesses/${business}/members`, { email, role });
        assert.equal(added.status, 201, added.text);
      }
      const api = caller(server.url);
      for (const shop of ['shop-a', 'shop-b']) {
        const sent = await api(
          'POST',
          `/v1/businesses/${shop}/reviews`,
          submission({ experiencedAt: now.toISOString().slice(0, 10) }),
          { 'idempotency-key': key(), origin: `https://${shop}.example` },
        );
        assert.equal(sent.status, 201, sent.text);
        await confirmByEmail(server.url, database.db, sent.json.id);
        if (shop === 'shop-a') reviewOfA = sent.json.id;
        else reviewOfB = sent.json.id;
      }
      alice = await signIn('alice@a.example');
      mo = await signIn('mo@a.example');
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    it('sign-in never tells whether an address is a member, and sends a link only to members', async () => {
      const before = mails.length;
      const anon = caller(server.url, { origin: server.url });
      const stranger = await anon('POST', '/v1/auth/sign-in', { email: 'nobody@else.example' });
      const member = await anon('POST', '/v1/auth/sign-in', { email: 'ALICE@a.example' });
      assert.equal(stranger.status, 202);
      assert.equal(member.status, 202);
      assert.deepEqual(stranger.json, member.json);
      await waitFor(() => mails.length === before + 1);
      assert.equal(mails.at(-1)!.to, 'alice@a.example');
      assert.match(mails.at(-1)!.url, /\/dashboard\/sign-in\?token=/);
    });

    it('a sign-in link works once and for 15 minutes; the cookie is HttpOnly and SameSite=Lax', async () => {
      const anon = caller(server.url, { origin: server.url });
      await anon('POST', '/v1/auth/sign-in', { email: 'bob@b.example' });
      await waitFor(() => mails.at(-1)?.to === 'bob@b.example');
      const token = new URL(mails.at(-1)!.url).searchParams.get('token')!;
      const open = () =>
        fetch(`${server.url}/v1/auth/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({ token }),
        });
      const first = await open();
      assert.equal(first.status, 200);
      const cookie = first.headers.get('set-cookie')!;
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/i, 'plain http: no Secure flag, or the cookie would never come back');
      const me = await as(cookie.split(';')[0]!)('GET', '/v1/auth/me');
      assert.deepEqual(me.json, {
        email: 'bob@b.example',
        memberships: [{ business: { id: 'shop-b', name: 'shop-b' }, role: 'owner' }],
      });
      const again = await open();
      assert.equal(again.status, 400);
      assert.equal(
        ((await again.json()) as { error: { fields: Record<string, string> } }).error.fields.token,
        'invalid_token',
      );

      const sent = mails.length;
      await anon('POST', '/v1/auth/sign-in', { email: 'bob@b.example' });
      await waitFor(() => mails.length === sent + 1);
      const late = new URL(mails.at(-1)!.url).searchParams.get('token')!;
      now = new Date(now.getTime() + 16 * 60_000);
      const expired = await anon('POST', '/v1/auth/session', { token: late });
      assert.equal(expired.status, 400);
      assert.equal(expired.json.error.fields.token, 'invalid_token');
    });

    it('every admin route: another business is 404 to a member, owner-only routes 403 to a moderator', async () => {
      const routes = server.app.routes
        .filter((r) => r.path.startsWith('/v1/admin/') && !r.path.includes('*') && r.method !== 'ALL')
        .map((r) => ({ method: r.method, path: r.path }));
      const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
      assert.ok(unique.length >= 15, `the app's admin routes (${unique.length})`);
      const fill = (path: string, business: string, review: string) =>
        path
          .replace(':business', business)
          .replace(/\/reviews\/:id/, `/reviews/${review}`)
          .replace(/:[a-z]+/gi, 'some-id');
      const failures: string[] = [];
      for (const { method, path } of unique) {
        const rule = ruleFor(method, fill(path, 'shop-a', reviewOfA));
        // Alice, an owner of shop A, tries shop B's route: it does not exist for her.
        const foreign = await as(alice)(method, fill(path, 'shop-b', reviewOfB), method === 'GET' ? undefined : {});
        const expected = rule.need === 'operator' ? 403 : 404;
        if (foreign.status !== expected)
          failures.push(`${method} ${path} as another business's owner: ${foreign.status}`);
        if (rule.need === 'owner') {
          const moderator = await as(mo)(method, fill(path, 'shop-a', reviewOfA), method === 'GET' ? undefined : {});
          if (moderator.status !== 403) failures.push(`${method} ${path} as a moderator: ${moderator.status}`);
        }
      }
      assert.deepEqual(failures, []);
      // And nothing of shop B changed.
      const queue = await admin('GET', '/v1/admin/businesses/shop-b/reviews?status=pending');
      assert.deepEqual(
        queue.json.items.map((r: { id: string }) => r.id),
        [reviewOfB],
      );
    });

    it('a cookie request that changes something must come from the dashboard origin', async () => {
      const body = { decision: 'approve' };
      const foreign = await as(alice, 'https://evil.example')(
        'POST',
        `/v1/admin/reviews/${reviewOfA}/moderation`,
        body,
      );
      assert.equal(foreign.status, 403);
      const none = await caller(server.url, { cookie: alice })(
        'POST',
        `/v1/admin/reviews/${reviewOfA}/moderation`,
        body,
      );
      assert.equal(none.status, 403);
      const pending = await admin('GET', '/v1/admin/businesses/shop-a/reviews?status=pending');
      assert.equal(pending.json.items.length, 1, 'still pending');
    });

    it('moderation records who did it; the history shows it', async () => {
      const approved = await as(mo)('POST', `/v1/admin/reviews/${reviewOfA}/moderation`, { decision: 'approve' });
      assert.equal(approved.status, 200, approved.text);
      const replied = await as(alice)('POST', `/v1/admin/reviews/${reviewOfA}/reply`, {
        body: 'Thank you!',
        authorName: 'Shop A',
      });
      assert.equal(replied.status, 200, replied.text);
      await as(alice)('POST', `/v1/admin/reviews/${reviewOfA}/reply`, {
        body: 'Thank you, truly!',
        authorName: 'Shop A',
      });
      const history = await as(mo)('GET', `/v1/admin/reviews/${reviewOfA}/history`);
      assert.deepEqual(
        history.json.items.map((e: { action: string; by: string | null }) => [e.action, e.by]),
        [
          ['submitted', null],
          ['approved', 'mo@a.example'],
          ['replied', 'alice@a.example'],
          ['reply_edited', 'alice@a.example'],
        ],
      );
    });

    it('the default language for invitations: its owner changes it, another business or a moderator cannot', async () => {
      const bob = await signIn('bob@b.example');
      const language = async () => (await admin('GET', '/v1/admin/businesses/shop-a')).json.defaultInvitationLocale;
      const foreign = await as(bob)('PATCH', '/v1/admin/businesses/shop-a', { defaultInvitationLocale: 'de' });
      assert.equal(foreign.status, 404, 'shop A does not exist for the owner of shop B');
      assert.equal(foreign.json.error.code, 'not_found');
      const moderator = await as(mo)('PATCH', '/v1/admin/businesses/shop-a', { defaultInvitationLocale: 'de' });
      assert.equal(moderator.status, 403);
      assert.equal(await language(), 'en', 'unchanged');
      const owner = await as(alice)('PATCH', '/v1/admin/businesses/shop-a', { defaultInvitationLocale: 'sv' });
      assert.equal(owner.status, 200, owner.text);
      assert.equal(owner.json.defaultInvitationLocale, 'sv');
      assert.equal(await language(), 'sv');
      assert.equal((await admin('GET', '/v1/admin/businesses/shop-b')).json.defaultInvitationLocale, 'en');
    });

    it('moderators cannot change settings or members; owners can, but never remove the last owner', async () => {
      assert.equal((await as(mo)('PATCH', '/v1/admin/businesses/shop-a', { verificationText: 'x' })).status, 403);
      assert.equal((await as(mo)('GET', '/v1/admin/businesses/shop-a')).status, 200, 'a moderator may read them');
      const patched = await as(alice)('PATCH', '/v1/admin/businesses/shop-a', {
        verificationText: 'We invite every customer after delivery.',
        allowedOrigins: ['https://shop-a.example', 'https://www.shop-a.example'],
      });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.json.verificationText, 'We invite every customer after delivery.');
      const bad = await as(alice)('PATCH', '/v1/admin/businesses/shop-a', {
        allowedOrigins: ['https://a.example/path'],
      });
      assert.equal(bad.status, 400);
      const members = await as(alice)('GET', '/v1/admin/businesses/shop-a/members');
      const self = members.json.items.find((m: { email: string }) => m.email === 'alice@a.example');
      const last = await as(alice)('DELETE', `/v1/admin/businesses/shop-a/members/${self.id}`);
      assert.equal(last.status, 409, 'the last owner stays');
      const moId = members.json.items.find((m: { email: string }) => m.email === 'mo@a.example').id;
      assert.equal((await as(alice)('DELETE', `/v1/admin/businesses/shop-a/members/${moId}`)).status, 204);
      assert.equal(
        (await as(mo)('GET', '/v1/admin/businesses/shop-a/reviews')).status,
        404,
        'a removed member sees nothing',
      );
    });

    it('lists a member’s sessions, ends one, and ends idle sessions after 30 days', async () => {
      const second = await signIn('alice@a.example');
      const sessions = await as(alice)('GET', '/v1/auth/sessions');
      assert.equal(sessions.status, 200);
      assert.ok(sessions.json.items.length >= 2);
      assert.equal(sessions.json.items.filter((s: { current: boolean }) => s.current).length, 1);
      const other = sessions.json.items.find((s: { current: boolean }) => !s.current);
      assert.equal((await as(alice)('DELETE', `/v1/auth/sessions/${other.id}`)).status, 204);
      const stillOne = [await as(alice)('GET', '/v1/auth/me'), await as(second)('GET', '/v1/auth/me')].map(
        (a) => a.status,
      );
      assert.equal(stillOne.filter((s) => s === 401).length, 1, 'the ended session signs in no more');
      assert.equal(stillOne.filter((s) => s === 200).length, 1);

      const live = stillOne[0] === 200 ? alice : second;
      now = new Date(now.getTime() + 31 * DAY);
      assert.equal((await as(live)('GET', '/v1/auth/me')).status, 401, 'idle for 31 days');
      const out = await signIn('alice@a.example');
      assert.equal((await as(out)('POST', '/v1/auth/sign-out')).status, 204);
      assert.equal((await as(out)('GET', '/v1/auth/me')).status, 401);
    });
  });
}
