/**
 * Invitations out (SPEC §7, R8, R9, R13): the job workers send every order's invitation
 * `delayDays` after its fulfilment, once, through a real SMTP server, in the customer's
 * language; the link verifies a review, which cancels the reminder; one reminder otherwise; the
 * link expires; the one-click opt-out is kept and counted; a bounce is failed and counted. Days
 * pass on the server's clock, never by sleeping.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createJobs } from '../../server/jobs/index.js';
import type { Jobs } from '../../server/jobs/index.js';
import { seedDemo, seedDemoOrders } from '../../server/seed.js';
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
import type { TestSmtp } from './smtp.js';
import { base64Hmac, wooOrder } from './fixtures/orders.js';

const DAY = 24 * 60 * 60 * 1000;

/** The invitation workers of a test server, sending over `smtp` (or holding in the outbox), ticking on demand. */
function testJobs(
  database: TestDatabase,
  server: TestServer,
  now: () => Date,
  smtp: TestSmtp | undefined,
  extra: Partial<Parameters<typeof createJobs>[2]> = {},
): Jobs {
  return createJobs(database.db, now, {
    ...(smtp ? { smtpUrl: smtp.url, from: 'reviews@verity.example' } : {}),
    publicUrl: server.url,
    schema: bossSchema(database),
    tickSeconds: 0,
    pollingSeconds: 0.5,
    ...(smtp ? { logError: () => {} } : {}),
    ...extra,
  });
}

/** A header as it was sent (mailparser makes objects of some). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((l) => l.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

for (const { backend, skip } of BACKENDS) {
  describe(`invitations out on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let smtp: TestSmtp;
    let jobs: Jobs;
    let admin: ReturnType<typeof caller>;
    let api: ReturnType<typeof caller>;
    const shop = 'mail-shop';
    let now = new Date();
    const later = (days: number) => {
      now = new Date(now.getTime() + days * DAY);
    };
    let answers451 = 0;

    before(async () => {
      database = await freshDatabase(backend);
      smtp = await startSmtp({
        refuse: (to) => {
          if (to.startsWith('bounce')) return { code: 550, message: '5.1.1 <bounce@mail.example>: no such user' };
          if (to.startsWith('busy') && answers451++ === 0) return { code: 451, message: '4.3.0 try again later' };
          return undefined;
        },
      });
      server = await startServer(database, { clock: () => now });
      jobs = testJobs(database, server, () => now, smtp, { retryDelaySeconds: 1 });
      await jobs.start();
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      api = caller(server.url);
      const created = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Kaffe & <Co>',
        url: 'https://kaffe.example',
        reviewFormUrl: 'https://kaffe.example/review',
        products: [{ id: 'BEANS-1', name: 'Morning beans' }],
      });
      assert.equal(created.status, 201, created.text);
    });
    after(async () => {
      await jobs?.stop();
      await server?.stop();
      await smtp?.close();
      await dispose(database);
    });

    const order = (orderRef: string, email: string, extra: Record<string, unknown> = {}) =>
      admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        orderRef,
        email,
        purchasedAt: new Date(now.getTime() - DAY).toISOString(),
        ...extra,
      });
    const invitation = async (orderRef: string) =>
      (await admin('GET', `/v1/admin/businesses/${shop}/invitations?limit=50`)).json.items.find(
        (i: { orderRef: string }) => i.orderRef === orderRef,
      );
    const business = async () => (await admin('GET', `/v1/admin/businesses/${shop}`)).json;
    const mailTo = (to: string, subject?: RegExp) =>
      smtp.received
        .filter((r) => r.to.toLowerCase() === to.toLowerCase() && (!subject || subject.test(r.mail.subject ?? '')))
        .map((r) => r.mail);
    const link = (mail: ParsedMail) => /https:\/\/kaffe\.example\/review\?invitation=([\w-]+)/.exec(mail.text ?? '');
    const settle = async (count: number) => {
      await jobs.runDue();
      return smtp.waitFor(count);
    };

    it('sends each invitation once, delayDays after the order, in the customer’s language', async () => {
      for (const [ref, email, extra] of [
        [
          'A-1',
          'anna@mail.example',
          { locale: 'sv-SE', product: 'BEANS-1', customerName: 'Anna <script>alert(1)</script>' },
        ],
        ['B-1', 'bernd@mail.example', { locale: 'de', customerName: 'Bernd' }],
        ['C-1', 'cyril@mail.example', { locale: 'cs' }],
        ['D-1', 'dana@mail.example', {}],
      ] as const) {
        assert.equal((await order(ref, email, extra)).status, 201);
      }
      assert.equal(await jobs.runDue(), 0, 'nothing is due before delayDays');
      // Bought a day ago: due in six days.
      later(5.9);
      assert.equal(await jobs.runDue(), 0);
      later(0.1);
      await settle(4);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(smtp.received.length, 4, 'once each');

      const [anna] = mailTo('anna@mail.example');
      assert.ok(anna);
      assert.equal(anna.subject, 'Vad tycker du om Morning beans?');
      assert.equal(anna.from?.value[0]?.address, 'reviews@verity.example');
      assert.equal(anna.from?.value[0]?.name, 'Kaffe & <Co>');
      assert.match(anna.text!, /^Hej Anna <script>alert\(1\)<\/script>,/);
      assert.match(anna.text!, /Alla recensioner publiceras oavsett betyg/);
      assert.match(anna.text!, /Ingen får betalt/);
      const html = anna.html as string;
      assert.ok(html.includes('Hej Anna &lt;script&gt;alert(1)&lt;/script&gt;,'), 'the name is text');
      assert.ok(!html.includes('<script'), 'no markup from a name');
      assert.ok(html.includes('Kaffe &amp; &lt;Co&gt;'));
      assert.match(html, /<meta name="color-scheme" content="light dark">/);
      assert.doesNotMatch(html, /<img|url\(|https?:\/\/(?!kaffe\.example\/review|127\.0\.0\.1)/, 'no remote content');
      assert.equal(header(anna, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.equal((anna.headers.get('content-type') as { value: string }).value, 'multipart/alternative');
      const unsubscribe = header(anna, 'list-unsubscribe');
      assert.match(unsubscribe, new RegExp(`${server.url}/v1/unsubscribe/[\\w-]+`));
      assert.equal(anna.headers.get('auto-submitted'), 'auto-generated');
      assert.match(anna.messageId ?? '', /^<verity-\d+\.invitation@127\.0\.0\.1>$/);

      assert.equal(mailTo('bernd@mail.example')[0]?.subject, 'Wie war Ihre Bestellung bei Kaffe & <Co>?');
      assert.match(mailTo('bernd@mail.example')[0]!.text!, /^Guten Tag Bernd,/);
      assert.equal(
        mailTo('cyril@mail.example')[0]?.subject,
        'Jak jste byli spokojeni s nákupem v obchodě Kaffe & <Co>?',
      );
      assert.equal(mailTo('dana@mail.example')[0]?.subject, 'How was your order from Kaffe & <Co>?');
      assert.match(mailTo('dana@mail.example')[0]!.text!, /Every review is published whatever its rating/);

      const sent = await invitation('A-1');
      assert.equal(sent.status, 'sent');
      assert.equal(sent.nextStep, 'remind');
      const outbox = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?limit=2`)).json;
      assert.equal(outbox.total, 4);
      assert.equal(outbox.items.length, 2);
      assert.ok(outbox.nextCursor);
      assert.ok(outbox.items.every((m: { status: string }) => m.status === 'sent'));
      // R9: what was really sent ÷ orders recorded.
      assert.equal((await api('GET', `/v1/businesses/${shop}/summary`)).json.invitedShare, 1);
    });

    it("serves a message's HTML at its own address, styled as sent and sandboxed, to its business only", async () => {
      const [message] = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?limit=1`)).json.items;
      assert.equal(message.htmlUrl, `/v1/admin/businesses/${shop}/outbox/${message.id}/html`);
      const page = await admin('GET', message.htmlUrl);
      assert.equal(page.status, 200);
      assert.equal(page.text, message.html);
      assert.match(page.text, /style="/, 'the e-mail brings its inline styles');
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const policy = page.headers.get('content-security-policy') ?? '';
      assert.match(policy, /(^|; )sandbox(;|$)/, 'no script, an opaque origin, even opened on its own');
      assert.match(policy, /default-src 'none'/);
      assert.match(policy, /style-src 'unsafe-inline'/);
      assert.match(policy, /frame-ancestors 'self'/);
      assert.equal(page.headers.get('cache-control'), 'private, no-store');

      // Another business's path, an unknown message, a malformed id: nothing.
      const other = await admin('POST', '/v1/admin/businesses', {
        id: `${shop}-other`,
        name: 'Other',
        url: 'https://other-shop.example',
      });
      assert.equal(other.status, 201, other.text);
      for (const path of [
        `/v1/admin/businesses/${shop}-other/outbox/${message.id}/html`,
        `/v1/admin/businesses/${shop}/outbox/999999999/html`,
        `/v1/admin/businesses/${shop}/outbox/1e3/html`,
        `/v1/admin/businesses/${shop}/outbox/${'9'.repeat(40)}/html`,
      ]) {
        const answer = await admin('GET', path);
        assert.equal(answer.status, 404, path);
        assert.equal(answer.json.error.code, 'not_found', path);
      }
      assert.equal((await api('GET', message.htmlUrl)).status, 401, 'not without the token or a session');
    });

    it('the link verifies a review, which ends the invitation and cancels its reminder', async () => {
      const [anna] = mailTo('anna@mail.example');
      const token = link(anna!)![1]!;
      const review = await api(
        'POST',
        `/v1/businesses/${shop}/reviews`,
        submission({ invitationToken: token, email: undefined }),
        { 'idempotency-key': key() },
      );
      assert.equal(review.status, 201, review.text);
      assert.deepEqual(review.json.verification, { status: 'verified', method: 'invitation' });
      const reviewed = await invitation('A-1');
      assert.equal(reviewed.status, 'reviewed');
      assert.equal(reviewed.nextStep, null);
    });

    it('reminds once those who did not review, then the link expires and verifies nothing', async () => {
      later(7);
      await settle(7);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(smtp.received.length, 7);
      assert.equal(mailTo('anna@mail.example').length, 1, 'no reminder after a review');
      const [reminder] = mailTo('bernd@mail.example', /Erinnerung/);
      assert.equal(reminder?.subject, 'Eine Erinnerung: Ihre Bewertung von Kaffe & <Co>');
      assert.equal(link(reminder!)![1], link(mailTo('bernd@mail.example')[0]!)![1], 'the same link');
      assert.equal((await invitation('B-1')).status, 'reminded');

      later(60);
      await jobs.runDue();
      await eventually(async () => (await invitation('B-1')).status === 'expired');
      const expired = await api(
        'POST',
        `/v1/businesses/${shop}/reviews`,
        submission({ invitationToken: link(reminder!)![1], email: undefined }),
        { 'idempotency-key': key() },
      );
      assert.equal(expired.status, 400);
      assert.equal(expired.json.error.fields.invitationToken, 'invitation_expired');
      assert.equal(smtp.received.length, 7, 'expiring sends nothing');
    });

    it('opting out takes one click (POST), never a GET; it is kept per address and counted', async () => {
      assert.equal((await order('E-1', 'Erik@Mail.example', { locale: 'sv' })).status, 201);
      later(7);
      await settle(8);
      const [mail] = mailTo('Erik@Mail.example');
      const url = header(mail!, 'list-unsubscribe').slice(1, -1);

      const page = await fetch(url);
      assert.equal(page.status, 200);
      const text = await page.text();
      assert.match(text, /<form method="post">/);
      assert.match(text, /Vill du sluta få recensionsinbjudningar från Kaffe &amp; &lt;Co&gt;\?/);
      assert.equal((await business()).orders.optedOut, 0, 'a GET (a mail scanner) changes nothing');

      // What a mail client sends for List-Unsubscribe-Post (RFC 8058).
      const oneClick = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.status, 200);
      assert.match(await oneClick.text(), /du får inga fler recensionsinbjudningar/);
      assert.equal((await fetch(url, { method: 'POST' })).status, 200, 'again: still fine');
      assert.equal((await business()).orders.optedOut, 1, 'counted once');
      assert.equal((await invitation('E-1')).status, 'opted_out');
      assert.equal((await api('GET', `/v1/businesses/${shop}/summary`)).json.optedOut, 1);

      // The same address, written otherwise, on a later order: no invitation, counted.
      assert.equal((await order('E-2', 'erik@mail.example')).status, 201);
      later(7);
      await jobs.runDue();
      await eventually(async () => (await invitation('E-2')).status === 'opted_out');
      assert.equal(mailTo('erik@mail.example').length, 1, 'only E-1’s');
      assert.equal((await fetch(`${server.url}/v1/unsubscribe/unknown-token`)).status, 404);
    });

    it('retries a 4xx with backoff, and fails a bounce with the SMTP answer kept (counted)', async () => {
      const before = smtp.received.length;
      assert.equal((await order('F-1', 'bounce@mail.example')).status, 201);
      assert.equal((await order('G-1', 'busy@mail.example')).status, 201);
      later(7);
      await jobs.runDue();
      const failed = await eventually(async () => {
        const i = await invitation('F-1');
        return i.status === 'failed' && i;
      });
      assert.match(failed.lastError, /550 5\.1\.1/);
      await smtp.waitFor(before + 1);
      const messages = await eventually(async () => {
        const items = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?limit=50`)).json.items;
        return (
          items.find((m: { to: string; status: string }) => m.to === 'busy@mail.example' && m.status === 'sent') &&
          items
        );
      });
      const busy = await invitation('G-1');
      assert.equal(busy.status, 'sent');
      assert.equal(busy.lastError, null);
      const retried = messages.find((m: { to: string }) => m.to === 'busy@mail.example');
      assert.equal(retried.status, 'sent');
      assert.equal(retried.attempts, 2);
      const bounced = messages.find((m: { to: string }) => m.to === 'bounce@mail.example');
      assert.equal(bounced.status, 'failed');
      assert.match(bounced.lastError, /no such user/);
      assert.equal(mailTo('busy@mail.example').length, 1, 'once');
      assert.equal((await business()).orders.failed, 1);

      // R13: an address that bounced is excluded from later invitations, and that is counted too.
      assert.equal((await order('F-2', 'Bounce@mail.example')).status, 201);
      later(7);
      await jobs.runDue();
      const excluded = await eventually(async () => {
        const i = await invitation('F-2');
        return i.status === 'failed' && i;
      });
      assert.match(excluded.lastError, /bounced/);
      const outbox = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?limit=50`)).json.items;
      assert.equal(outbox.filter((m: { to: string }) => /^bounce@/i.test(m.to)).length, 1, 'not even tried');
      const counts = (await business()).orders;
      assert.equal(counts.failed, 2);
      // R9 counts what was really sent: not the bounce, not the opted-out E-2.
      assert.equal(counts.invited, 6);
      assert.equal(counts.recorded, 9);
    });

    it('holds every message in the outbox when no SMTP server is configured', async () => {
      const holding = testJobs(database, server, () => now, undefined);
      await jobs.stop();
      await holding.start();
      try {
        assert.equal(holding.holdsMail, true);
        const before = smtp.received.length;
        assert.equal((await order('H-1', 'held@mail.example', { locale: 'de' })).status, 201);
        later(7);
        await holding.runDue();
        // Other messages may be held beside it (a reminder that came due the same day).
        const held = await eventually(async () => {
          const items = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?status=held`)).json.items;
          const mine = items.filter((m: { to: string }) => m.to === 'held@mail.example');
          return mine.length > 0 && mine;
        });
        assert.equal(held[0].to, 'held@mail.example');
        assert.equal(held[0].subject, 'Wie war Ihre Bestellung bei Kaffe & <Co>?');
        assert.match(held[0].html, /Bewertung schreiben/);
        assert.equal(held[0].headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
        assert.equal((await invitation('H-1')).status, 'sent');
        assert.equal((await business()).orders.invited, 7);
        assert.equal((await business()).orders.recorded, 10);
        assert.equal(smtp.received.length, before);
      } finally {
        await holding.stop();
      }
    });
  });
}

for (const { backend, skip } of BACKENDS) {
  describe(`the business's default language for invitations on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let smtp: TestSmtp;
    let jobs: Jobs;
    let admin: ReturnType<typeof caller>;
    const shop = 'woo-kaffe';
    // The WooCommerce fixture's order was completed on 2026-03-03 08:00 UTC: due 7 days later.
    let now = new Date('2026-03-10T12:00:00Z');

    before(async () => {
      database = await freshDatabase(backend);
      smtp = await startSmtp();
      server = await startServer(database, { clock: () => now });
      jobs = testJobs(database, server, () => now, smtp);
      await jobs.start();
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
    });
    after(async () => {
      await jobs?.stop();
      await server?.stop();
      await smtp?.close();
      await dispose(database);
    });

    const mailTo = (to: string) => smtp.received.filter((r) => r.to === to).map((r) => r.mail);

    it('is English until the owner picks another, and only one of the mail languages', async () => {
      const created = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Woo Kaffe',
        url: 'https://woo-kaffe.example',
        products: [
          { id: 'BEANS-1', name: 'Morning beans' },
          { id: 'GRINDER', name: 'Grinder' },
        ],
      });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.json.defaultInvitationLocale, 'en', 'what orders without a locale got before');

      for (const locale of ['fr', 'sv-SE', 'SV', '', null, 7]) {
        const refused = await admin('PATCH', `/v1/admin/businesses/${shop}`, { defaultInvitationLocale: locale });
        assert.equal(refused.status, 400, `${JSON.stringify(locale)}: ${refused.text}`);
        assert.equal(refused.json.error.code, 'validation_failed');
        assert.ok(refused.json.error.fields.defaultInvitationLocale, `${JSON.stringify(locale)} names the field`);
      }
      const french = await admin('PATCH', `/v1/admin/businesses/${shop}`, { defaultInvitationLocale: 'fr' });
      assert.deepEqual(french.json.error.fields, { defaultInvitationLocale: 'invalid' });
      assert.equal((await admin('GET', `/v1/admin/businesses/${shop}`)).json.defaultInvitationLocale, 'en');

      const changed = await admin('PATCH', `/v1/admin/businesses/${shop}`, { defaultInvitationLocale: 'sv' });
      assert.equal(changed.status, 200, changed.text);
      assert.equal(changed.json.defaultInvitationLocale, 'sv');
      const other = await admin('PATCH', `/v1/admin/businesses/${shop}`, { invitations: { delayDays: 7 } });
      assert.equal(other.json.defaultInvitationLocale, 'sv', 'kept when another setting changes');
      // Creating a business may set it at once; updating one through the same route keeps it otherwise.
      const upserted = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Woo Kaffe',
        url: 'https://woo-kaffe.example',
      });
      assert.equal(upserted.status, 200);
      assert.equal(upserted.json.defaultInvitationLocale, 'sv');
      const german = await admin('POST', '/v1/admin/businesses', {
        id: `${shop}-de`,
        name: 'Kaffee',
        url: 'https://kaffee.example',
        defaultInvitationLocale: 'de',
      });
      assert.equal(german.json.defaultInvitationLocale, 'de');
    });

    it("invites a WooCommerce order (no locale) and a CSV row without one in the shop's language", async () => {
      const secret = (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`)).json.secret as string;
      const body = JSON.stringify(
        wooOrder({
          billing: { first_name: 'Sven', last_name: 'Ek', email: 'sven@mail.example', city: 'Malmö', country: 'SE' },
        }),
      );
      const hook = await caller(server.url)('POST', `/v1/hooks/${shop}/woocommerce`, body, {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'order.updated',
        'x-wc-webhook-signature': base64Hmac(secret, body),
      });
      assert.equal(hook.status, 200, hook.text);
      assert.equal(hook.json.accepted, 1, hook.text);

      const csv = await admin(
        'POST',
        `/v1/admin/businesses/${shop}/orders`,
        'orderRef,email,purchasedAt,product\nCSV-1,karin@mail.example,2026-03-02,BEANS-1\n',
        { 'content-type': 'text/csv' },
      );
      assert.equal(csv.json.accepted, 1, csv.text);
      // An order's own locale wins: one Verity writes in, and one it does not (English, not the shop's).
      for (const [orderRef, email, locale] of [
        ['OWN-DE', 'bernd@mail.example', 'de-AT'],
        ['OWN-FR', 'francoise@mail.example', 'fr-FR'],
      ]) {
        const order = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
          orderRef,
          email,
          purchasedAt: '2026-03-02',
          locale,
        });
        assert.equal(order.status, 201, order.text);
      }

      await jobs.runDue();
      await smtp.waitFor(4);
      const [sven] = mailTo('sven@mail.example');
      assert.equal(sven?.subject, 'Hur var din beställning från Woo Kaffe?');
      assert.match(sven!.text!, /^Hej Sven Ek,/);
      assert.match(sven!.text!, /Alla recensioner publiceras oavsett betyg/);
      assert.match(sven!.html as string, /<html lang="sv">/);
      assert.equal(mailTo('karin@mail.example')[0]?.subject, 'Vad tycker du om Morning beans?');
      assert.equal(mailTo('bernd@mail.example')[0]?.subject, 'Wie war Ihre Bestellung bei Woo Kaffe?');
      assert.equal(mailTo('francoise@mail.example')[0]?.subject, 'How was your order from Woo Kaffe?');

      const outbox = (await admin('GET', `/v1/admin/businesses/${shop}/outbox?limit=50`)).json.items;
      const localeOf = (to: string) => outbox.find((m: { to: string }) => m.to === to)?.locale;
      assert.deepEqual(
        ['sven@mail.example', 'karin@mail.example', 'bernd@mail.example', 'francoise@mail.example'].map(localeOf),
        ['sv', 'sv', 'de', 'en'],
      );
      // The invitation still tells what the order said: nothing.
      const invitations = (await admin('GET', `/v1/admin/businesses/${shop}/invitations?limit=50`)).json.items;
      assert.equal(invitations.find((i: { orderRef: string }) => i.orderRef === '727').locale, null);

      // Its opt-out page speaks the e-mail's language.
      const optOut = header(sven!, 'list-unsubscribe').slice(1, -1);
      const page = await fetch(optOut);
      assert.match(await page.text(), /Vill du sluta få recensionsinbjudningar från Woo Kaffe\?/);
    });

    it('a changed default counts for the messages written after it; an order’s own locale stays', async () => {
      const changed = await admin('PATCH', `/v1/admin/businesses/${shop}`, { defaultInvitationLocale: 'cs' });
      assert.equal(changed.status, 200, changed.text);
      now = new Date(now.getTime() + 7 * DAY);
      await jobs.runDue();
      await smtp.waitFor(8);
      const reminder = mailTo('sven@mail.example')[1];
      assert.equal(reminder?.subject, 'Připomínka: vaše hodnocení obchodu Woo Kaffe');
      assert.match(mailTo('bernd@mail.example')[1]?.subject ?? '', /Erinnerung/, 'an order with a locale keeps it');
    });
  });
}

describe('the demo’s orders', () => {
  it('records one order per language once, whose invitations are due at once and held in the outbox', async () => {
    const database = await freshDatabase('pglite');
    const jobs = createJobs(database.db, () => new Date(), { tickSeconds: 0, pollingSeconds: 0.5 });
    try {
      await seedDemo(database.db, { largeReviewCount: 0 });
      assert.equal(await seedDemoOrders(database.db, { reviewFormUrl: 'http://localhost:8080/review.html' }), 4);
      assert.equal(await seedDemoOrders(database.db), 0, 'once');
      await jobs.start();
      assert.equal(await jobs.runDue(), 4);
      const held = await eventually(async () => {
        const rows = await database.db.selectFrom('outbox').select(['locale', 'text_body']).execute();
        return rows.length === 4 && rows;
      });
      assert.deepEqual(held.map((r) => r.locale).sort(), ['cs', 'de', 'en', 'sv']);
      assert.ok(held.every((r) => r.text_body.includes('http://localhost:8080/review.html?invitation=')));
    } finally {
      await jobs.stop();
      await dispose(database);
    }
  });
});
