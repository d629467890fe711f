/**
 * The reviewer's side end to end over real SMTP (SPEC §7): a spontaneous review waits unconfirmed,
 * its author gets the confirmation e-mail, confirms on the server's own page (verified by an order
 * reference that matches a recorded order of that address), edits it on the manage page (moderated
 * again, then "edited", the summary following), withdraws it (gone at once from the list, the
 * review's own address and the score), and every link refuses what it is not for. Time that spans
 * days comes from the server's injected clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_TOKEN,
  BACKENDS,
  bossSchema,
  caller,
  dispose,
  freshDatabase,
  key,
  startServer,
  submission,
} from './helpers.js';
import type { TestDatabase, TestServer } from './helpers.js';
import { eventually, startSmtp } from './smtp.js';
import type { Received, TestSmtp } from './smtp.js';

const DAY = 86_400_000;
const SHOP = 'corner';

for (const { backend, skip } of BACKENDS) {
  describe(`the reviewer's side on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let smtp: TestSmtp;
    let now = new Date();
    let api: ReturnType<typeof caller>;
    let admin: ReturnType<typeof caller>;

    before(async () => {
      smtp = await startSmtp();
      database = await freshDatabase(backend);
      server = await startServer(database, {
        clock: () => now,
        cacheTtlMs: 60_000,
        jobs: { smtpUrl: smtp.url, schema: bossSchema(database), tickSeconds: 0, pollingSeconds: 0.5 },
      });
      await server.jobs!.start();
      api = caller(server.url);
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      const created = await admin('POST', '/v1/admin/businesses', {
        id: SHOP,
        name: 'Corner & Co',
        url: 'https://corner.example',
      });
      assert.equal(created.status, 201, created.text);
      const order = await admin('POST', `/v1/admin/businesses/${SHOP}/orders`, {
        orderRef: 'A-1001',
        email: 'Ada@Mail.example',
        purchasedAt: new Date(now.getTime() - 3 * DAY).toISOString(),
      });
      assert.equal(order.status, 201, order.text);
    });
    after(async () => {
      await server?.jobs?.stop();
      await server?.stop();
      await smtp?.close();
      await dispose(database);
    });

    const mailTo = (address: string, subject: RegExp) =>
      eventually(async () => smtp.received.find((m) => m.to === address && subject.test(m.mail.subject ?? '')));
    const linkIn = (mail: Received, page: 'confirm' | 'manage') => {
      const match = new RegExp(`(http://\\S+/reviewer/${page}\\?token=[\\w-]+)`).exec(mail.mail.text ?? '');
      assert.ok(match, `a ${page} link in:\n${mail.mail.text}`);
      return match[1]!;
    };
    /** The `count`th message to an address (waits for it). */
    const newestMailTo = async (address: string, count: number) => {
      const to = (m: Received) => m.to.toLowerCase() === address;
      await eventually(async () => smtp.received.filter(to).length >= count);
      return smtp.received.filter(to)[count - 1]!;
    };
    const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
    /** A form post from the page itself, as a browser sends it. */
    const post = (path: string, fields: Record<string, string>, origin: string | null = server.url) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    const write = async (overrides: Record<string, unknown>) => {
      const answer = await api('POST', `/v1/businesses/${SHOP}/reviews`, submission(overrides), {
        'idempotency-key': key(),
      });
      assert.equal(answer.status, 201, answer.text);
      return answer.json as { id: string; status: string; confirmation?: string };
    };
    const pending = async () =>
      (await admin('GET', `/v1/admin/businesses/${SHOP}/reviews?status=pending`)).json.items as {
        id: string;
        verification: unknown;
      }[];
    const publicList = async () => (await api('GET', `/v1/businesses/${SHOP}/reviews`)).json.items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const summary = async () => (await api('GET', `/v1/businesses/${SHOP}/summary`)).json;
    const approve = async (id: string) => {
      const answer = await admin('POST', `/v1/admin/reviews/${id}/moderation`, { decision: 'approve' });
      assert.equal(answer.status, 200, answer.text);
    };

    let adaReview = '';
    let manageUrl = '';

    it('confirms a spontaneous review by e-mail, verified by its order reference', async () => {
      const written = await write({
        email: 'ada@mail.example',
        orderReference: 'A-1001',
        title: 'Quick and friendly',
        rating: 5,
      });
      adaReview = written.id;
      assert.equal(written.status, 'pending');
      assert.equal(written.confirmation, 'email');
      assert.ok(!(await pending()).some((r) => r.id === written.id), 'not for moderation before its confirmation');
      assert.equal((await admin('GET', `/v1/admin/reviews/${written.id}`)).status, 404);
      assert.equal(
        (await admin('POST', `/v1/admin/reviews/${written.id}/moderation`, { decision: 'approve' })).status,
        404,
        'nobody publishes a review its author has not confirmed',
      );
      const outbox = await admin('GET', `/v1/admin/businesses/${SHOP}/outbox`);
      assert.ok(!JSON.stringify(outbox.json).includes('/reviewer/'), "members never see the reviewer's private links");

      const mail = await mailTo('ada@mail.example', /confirm your review of Corner & Co/);
      const confirmUrl = linkIn(mail, 'confirm');
      manageUrl = linkIn(mail, 'manage');
      assert.match(mail.mail.html || '', /Corner &amp; Co/, 'the shop name, escaped in the HTML part');

      const shown = await fetch(confirmUrl);
      assert.equal(shown.status, 200);
      const csp = shown.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|script-src/);
      assert.equal(shown.headers.get('referrer-policy'), 'same-origin', 'the token goes to no other site');
      const html = await shown.text();
      assert.match(html, /<h1>Your review of Corner &amp; Co<\/h1>/);
      assert.match(html, /Confirm my review/);
      assert.doesNotMatch(html, /<script/i);
      assert.ok(!(await pending()).some((r) => r.id === written.id), 'opening the page confirms nothing');

      const foreign = await post('/reviewer/confirm', { token: tokenOf(confirmUrl) }, 'https://evil.example');
      assert.equal(foreign.status, 403, 'a post from another site is refused');
      const none = await post('/reviewer/confirm', { token: tokenOf(confirmUrl) }, null);
      assert.equal(none.status, 403);

      const confirmed = await post('/reviewer/confirm', { token: tokenOf(confirmUrl) });
      assert.equal(confirmed.status, 200);
      const page = await confirmed.text();
      assert.match(page, /your review is confirmed/);
      assert.match(page, /verified purchase/);
      const waiting = (await pending()).find((r) => r.id === written.id);
      assert.deepEqual(waiting?.verification, { status: 'verified', method: 'order-reference' });
      await approve(written.id);
      const listed = (await publicList()).find((r) => r.id === written.id);
      assert.deepEqual(listed?.verification, { status: 'verified', method: 'order-reference' });
      assert.equal((await summary()).rating.count, 1, 'a review verified by its order counts in the score');
    });

    it('an order reference verifies one review, and only with the order’s own address', async () => {
      const again = await write({ email: 'ada@mail.example', orderReference: 'A-1001', title: 'Again' });
      const other = await write({ email: 'eve@mail.example', orderReference: 'A-1001', title: 'Not mine' });
      for (const [review, address] of [
        [again.id, 'ada@mail.example'],
        [other.id, 'eve@mail.example'],
      ] as const) {
        const mail = await newestMailTo(address, 2 - (address === 'eve@mail.example' ? 1 : 0));
        const answer = await caller(server.url, { authorization: `Bearer ${tokenOf(linkIn(mail, 'confirm'))}` })(
          'POST',
          '/v1/reviewer/confirm',
        );
        assert.equal(answer.status, 200, answer.text);
        assert.equal(answer.json.id, review);
        assert.deepEqual(answer.json.verification, { status: 'unverified', method: null });
        const twice = await caller(server.url, { authorization: `Bearer ${tokenOf(linkIn(mail, 'confirm'))}` })(
          'POST',
          '/v1/reviewer/confirm',
        );
        assert.equal(twice.json.status, 'pending', 'confirming twice changes nothing');
      }
    });

    it('the manage page shows everything stored, and an edit is moderated again, then shown as edited', async () => {
      const shown = await fetch(manageUrl);
      assert.equal(shown.status, 200);
      const html = await shown.text();
      for (const stored of ['ada@mail.example', 'A-1001', 'Quick and friendly', 'Server Tester', 'Published']) {
        assert.ok(html.includes(stored), `the page shows ${stored}`);
      }
      const token = tokenOf(manageUrl);
      const tooShort = await post('/reviewer/manage', {
        token,
        action: 'edit',
        rating: '2',
        title: '',
        body: 'Too short',
      });
      assert.equal(tooShort.status, 400);
      const refusedPage = await tooShort.text();
      assert.match(refusedPage, /aria-invalid="true" aria-describedby="body-problem"/);
      assert.match(refusedPage, /Too short/, 'what the reviewer typed is kept');
      assert.equal((await summary()).rating.average, 5, 'nothing changed');

      const saved = await post('/reviewer/manage', {
        token,
        action: 'edit',
        rating: '2',
        title: 'Slower the second time',
        body: 'The second order took two weeks and nobody answered my e-mails about it.',
      });
      assert.equal(saved.status, 200);
      assert.match(await saved.text(), /Saved\. Your review is checked again/);
      assert.ok(!(await publicList()).some((r) => r.id === adaReview), 'out of the list until moderated again');
      assert.equal((await api('GET', `/v1/reviews/${adaReview}`)).status, 404);
      assert.equal((await summary()).rating.count, 0, 'the old rating left the score at once');

      now = new Date(now.getTime() + 60_000);
      await approve(adaReview);
      const listed = (await publicList()).find((r) => r.id === adaReview);
      assert.equal(listed.rating, 2);
      assert.equal(listed.title, 'Slower the second time');
      assert.ok(listed.editedAt, 'the review says it was edited, with the date');
      const score = await summary();
      assert.equal(score.rating.count, 1);
      assert.equal(score.rating.average, 2, 'the summary follows the new rating');

      const viaApi = await caller(server.url, { authorization: `Bearer ${token}` })('GET', '/v1/reviewer/review');
      assert.equal(viaApi.status, 200);
      assert.equal(viaApi.json.email, 'ada@mail.example');
      assert.equal(viaApi.json.orderReference, 'A-1001');
      assert.equal(viaApi.json.status, 'published');
      assert.ok(viaApi.json.editedAt);
      const badEdit = await caller(server.url, { authorization: `Bearer ${token}` })('PATCH', '/v1/reviewer/review', {
        rating: 9,
      });
      assert.equal(badEdit.status, 400);
      assert.equal(badEdit.json.error.fields.rating !== undefined, true);
    });

    it('every link does only its own thing, for its own review', async () => {
      const manage = tokenOf(manageUrl);
      const as = (token: string) => caller(server.url, { authorization: `Bearer ${token}` });
      assert.equal((await api('GET', '/v1/reviewer/review')).status, 401, 'no token');
      assert.equal((await as('made-up-token')('GET', '/v1/reviewer/review')).status, 404);
      assert.equal((await as(manage)('POST', '/v1/reviewer/confirm')).status, 404, 'a manage link confirms nothing');
      const confirmOfAda = tokenOf(linkIn(await newestMailTo('ada@mail.example', 2), 'confirm'));
      assert.equal(
        (await as(confirmOfAda)('GET', '/v1/reviewer/review')).status,
        404,
        'a confirm link manages nothing',
      );
      assert.equal((await fetch(`${server.url}/reviewer/manage?token=${confirmOfAda}`)).status, 404);
      const unknown = await fetch(`${server.url}/reviewer/manage?token=nope`);
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /This link does not work/);
    });

    it('a withdrawal is gone at once from the list, the review and the score, with its data', async () => {
      const token = tokenOf(manageUrl);
      const notSure = await post('/reviewer/manage', { token, action: 'withdraw' });
      assert.equal(notSure.status, 400, 'withdrawing needs the checkbox');
      const gone = await post('/reviewer/manage', { token, action: 'withdraw', sure: 'yes' });
      assert.equal(gone.status, 200);
      assert.match(await gone.text(), /Your review is withdrawn/);
      assert.ok(!(await publicList()).some((r) => r.id === adaReview));
      assert.equal((await api('GET', `/v1/reviews/${adaReview}`)).status, 404);
      assert.equal((await summary()).rating.count, 0);
      const left = await database.db.selectFrom('reviews').select('id').where('id', '=', adaReview).execute();
      assert.deepEqual(left, [], 'nothing of it is stored');
      const messages = await database.db.selectFrom('outbox').select('id').where('review_id', '=', adaReview).execute();
      assert.deepEqual(messages, []);
      assert.equal((await fetch(manageUrl)).status, 404, 'its link no longer works');
    });

    it('an unconfirmed review is deleted with its personal data after 7 days, and its link expires', async () => {
      const written = await write({ email: 'late@mail.example', title: 'Never confirmed' });
      const mail = await mailTo('late@mail.example', /confirm/);
      const confirmUrl = linkIn(mail, 'confirm');
      now = new Date(now.getTime() + 6 * DAY);
      await server.jobs!.runDue();
      assert.equal((await fetch(confirmUrl)).status, 200, 'still there on day 6');
      now = new Date(now.getTime() + 1.5 * DAY);
      await server.jobs!.runDue();
      const expired = await fetch(confirmUrl);
      assert.equal(expired.status, 404);
      assert.match(await expired.text(), /This link does not work/);
      const confirmed = await post('/reviewer/confirm', { token: tokenOf(confirmUrl) });
      assert.equal(confirmed.status, 404, 'an expired link confirms nothing');
      const stored = await database.db
        .selectFrom('reviews')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', written.id), eb('email', '=', 'late@mail.example')]))
        .execute();
      assert.deepEqual(stored, []);
      const messages = await database.db
        .selectFrom('outbox')
        .select('id')
        .where('to_address', '=', 'late@mail.example')
        .execute();
      assert.deepEqual(messages, [], 'the e-mail to that address went with it');
    });

    /** A spontaneous review, confirmed by its author and published; answers its id. */
    const published = async (overrides: Record<string, unknown>) => {
      const written = await write(overrides);
      const address = String(overrides.email).toLowerCase();
      const count = smtp.received.filter((m) => m.to.toLowerCase() === address).length + 1;
      const link = linkIn(await newestMailTo(address, count), 'confirm');
      assert.equal((await post('/reviewer/confirm', { token: tokenOf(link) })).status, 200);
      await approve(written.id);
      return written.id;
    };
    const identifyLinkIn = (mail: Received) => {
      const match = /(http:\/\/\S+\/reviewer\/identify\?token=[\w-]+)/.exec(mail.mail.text ?? '');
      assert.ok(match, `an identify link in:\n${mail.mail.text}`);
      return match[1]!;
    };

    it('find reviewer: asked once in their language, answered on the form, seen by the members only', async () => {
      const id = await published({ email: 'sara@mail.example', language: 'sv', title: 'Bra kaffe' });
      const asked = await admin('POST', `/v1/admin/reviews/${id}/identity-requests`);
      assert.equal(asked.status, 201, asked.text);
      assert.ok(asked.json.id);
      assert.equal(new Date(asked.json.expiresAt).getTime(), now.getTime() + 3 * DAY, 'three days to answer');
      const twice = await admin('POST', `/v1/admin/reviews/${id}/identity-requests`);
      assert.equal(twice.status, 409);
      assert.equal(twice.json.error.code, 'conflict');
      assert.match(twice.json.error.message, /asked already/);

      const mail = await newestMailTo('sara@mail.example', 2);
      assert.match(
        mail.mail.subject ?? '',
        /har en fråga om din recension/,
        "the fixed message in the reviewer's language",
      );
      assert.match(mail.mail.text ?? '', /Allt är frivilligt/);
      const link = identifyLinkIn(mail);
      const form = await fetch(link);
      assert.equal(form.status, 200);
      const html = await form.text();
      assert.match(html, /<html lang="sv">/);
      for (const label of ['E-postadress du beställde med', 'Ordernummer', 'Fullständigt namn', 'Telefonnummer']) {
        assert.ok(html.includes(label), label);
      }
      const empty = await post('/reviewer/identify', { token: tokenOf(link), email: '', orderReference: '' });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /Fyll i minst ett fält/);
      const answered = await post('/reviewer/identify', {
        token: tokenOf(link),
        orderReference: 'S-77',
        fullName: 'Sara Lind',
        phone: '',
      });
      assert.equal(answered.status, 200);
      assert.match(await answered.text(), /ditt svar har skickats till Corner &amp; Co/);
      const again = await post('/reviewer/identify', { token: tokenOf(link), fullName: 'Someone else' });
      assert.equal(again.status, 409, 'a link answers once');

      const seen = await admin('GET', `/v1/admin/reviews/${id}/identity-requests`);
      assert.equal(seen.status, 200);
      assert.equal(seen.json.state, 'answered');
      assert.deepEqual(seen.json.answer, { orderReference: 'S-77', fullName: 'Sara Lind' });
      const publicReview = await api('GET', `/v1/reviews/${id}`);
      assert.equal(publicReview.status, 200);
      assert.doesNotMatch(publicReview.text, /Sara Lind|S-77/, 'never in a public answer');
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/not-genuine`)).status, 409, 'the author answered');
    });

    it('find reviewer refuses a review verified by invitation, an unknown one, and a link past its 3 days', async () => {
      await admin('POST', `/v1/admin/businesses/${SHOP}/orders`, {
        orderRef: 'C-1',
        email: 'carl@mail.example',
        purchasedAt: new Date(now.getTime() - DAY).toISOString(),
      });
      const invitation = await admin('POST', `/v1/admin/businesses/${SHOP}/invitations`, { orderRef: 'C-1' });
      assert.equal(invitation.status, 201, invitation.text);
      const invited = await write({ email: undefined, invitationToken: invitation.json.token, title: 'Invited' });
      assert.equal(invited.confirmation, undefined, 'an invited review needs no confirmation');
      await approve(invited.id);
      const refused = await admin('POST', `/v1/admin/reviews/${invited.id}/identity-requests`);
      assert.equal(refused.status, 422);
      assert.equal(refused.json.error.code, 'verified_by_invitation');
      assert.equal((await admin('POST', `/v1/admin/reviews/nope/identity-requests`)).status, 404);
      assert.equal((await admin('GET', `/v1/admin/reviews/${invited.id}/identity-requests`)).status, 404);
      assert.equal((await api('POST', `/v1/admin/reviews/${invited.id}/identity-requests`)).status, 401);
    });

    it('find reviewer unanswered: a not_genuine report asks for proof, and without it the review is removed', async () => {
      const id = await published({ email: 'nobody@mail.example', title: 'Too good to be true', rating: 5 });
      const publishedBefore = (await summary()).totals.published;
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/not-genuine`)).status, 409, 'ask first');
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/identity-requests`)).status, 201);
      const link = identifyLinkIn(await newestMailTo('nobody@mail.example', 2));
      const early = await admin('POST', `/v1/admin/reviews/${id}/not-genuine`);
      assert.equal(early.status, 409);
      assert.match(early.json.error.message, /still has time/);

      now = new Date(now.getTime() + 3 * DAY + 60_000);
      const expired = await fetch(link);
      assert.equal(expired.status, 404, 'the link is past its 3 days');
      assert.match(await expired.text(), /This link does not work/);
      assert.equal((await admin('GET', `/v1/admin/reviews/${id}/identity-requests`)).json.state, 'unanswered');
      const reported = await admin('POST', `/v1/admin/reviews/${id}/not-genuine`);
      assert.equal(reported.status, 202, reported.text);
      assert.equal(new Date(reported.json.proofDueAt).getTime(), now.getTime() + 7 * DAY);
      const proofMail = await newestMailTo('nobody@mail.example', 3);
      assert.match(proofMail.mail.subject ?? '', /reported your review: please send proof/);
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/not-genuine`)).status, 409, 'reported once');

      now = new Date(now.getTime() + 6 * DAY);
      await server.jobs!.runDue();
      assert.equal((await api('GET', `/v1/reviews/${id}`)).status, 200, 'still shown on day 6');
      now = new Date(now.getTime() + 1.5 * DAY);
      await server.jobs!.runDue();
      await eventually(async () => (await api('GET', `/v1/reviews/${id}`)).status === 404);
      const removed = await admin('GET', `/v1/admin/reviews/${id}`);
      assert.equal(removed.json.status, 'rejected');
      assert.equal(removed.json.moderation.reason, 'not_genuine');
      assert.equal((await admin('GET', `/v1/admin/reviews/${id}/identity-requests`)).json.state, 'removed');
      const after = await summary();
      assert.equal(after.totals.published, publishedBefore - 1, 'the summary follows');
      assert.equal(after.removed?.not_genuine, 1, 'the removal is counted in the summary (R13)');
    });

    it('the operator erases everything of one address across the business; the summary follows', async () => {
      const written = await write({ email: 'Bob@Mail.example', title: 'Bob was here', rating: 1 });
      const link = linkIn(await newestMailTo('bob@mail.example', 1), 'confirm');
      assert.equal((await post('/reviewer/confirm', { token: tokenOf(link) })).status, 200);
      await approve(written.id);
      await admin('POST', `/v1/admin/businesses/${SHOP}/orders`, {
        orderRef: 'B-1',
        email: 'bob@mail.example',
        purchasedAt: new Date(now.getTime() - DAY).toISOString(),
      });
      const before = await summary();
      assert.ok((await publicList()).some((r) => r.id === written.id));

      assert.equal((await api('DELETE', `/v1/admin/businesses/${SHOP}/people/bob%40mail.example`)).status, 401);
      assert.equal((await admin('DELETE', `/v1/admin/businesses/${SHOP}/people/not-an-address`)).status, 400);
      assert.equal((await admin('DELETE', `/v1/admin/businesses/nowhere/people/bob%40mail.example`)).status, 404);
      const erased = await admin('DELETE', `/v1/admin/businesses/${SHOP}/people/BOB%40mail.example`);
      assert.equal(erased.status, 200, erased.text);
      assert.deepEqual(erased.json, { reviews: 1, orders: 1, messages: 1 });
      assert.ok(!(await publicList()).some((r) => r.id === written.id), 'the cached list follows at once');
      const after = await summary();
      assert.equal(after.totals.published, before.totals.published - 1);
      const orders = await database.db
        .selectFrom('orders')
        .select('order_ref')
        .where('order_ref', '=', 'B-1')
        .execute();
      assert.deepEqual(orders, []);
      assert.equal((await fetch(link)).status, 404);
    });
  });
}
