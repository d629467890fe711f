/**
 * Orders in (SPEC §7): one at a time with the customer's name, language and fulfilment; a CSV of
 * many with per-row problems; the three signed webhooks (Shopify, WooCommerce, our own) with
 * real HMAC signatures over payloads shaped like the platforms' own; the invitation policy.
 * Every order gets its invitation scheduled, once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { veritySignature } from '../../server/routes/hooks.js';
import { ADMIN_TOKEN, BACKENDS, caller, dispose, freshDatabase, startServer } from './helpers.js';
import type { TestDatabase, TestServer } from './helpers.js';
import { base64Hmac, shopifyOrder, wooOrder } from './fixtures/orders.js';

const DAY = 24 * 60 * 60 * 1000;

for (const { backend, skip } of BACKENDS) {
  describe(`orders in on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let admin: ReturnType<typeof caller>;
    let api: ReturnType<typeof caller>;
    const shop = 'orders-shop';
    const now = new Date('2026-03-10T12:00:00Z');

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database, { clock: () => now });
      admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      api = caller(server.url);
      const created = await admin('POST', '/v1/admin/businesses', {
        id: shop,
        name: 'Orders & Co',
        url: 'https://orders.example',
        products: [
          { id: 'BEANS-1', name: 'Morning beans' },
          { id: 'GRINDER', name: 'Grinder' },
        ],
      });
      assert.equal(created.status, 201, created.text);
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    const business = async () => (await admin('GET', `/v1/admin/businesses/${shop}`)).json;
    const invitations = async (query = '') =>
      (await admin('GET', `/v1/admin/businesses/${shop}/invitations?limit=50${query}`)).json;
    const csv = (text: string) =>
      admin('POST', `/v1/admin/businesses/${shop}/orders`, text, { 'content-type': 'text/csv; charset=utf-8' });

    it('records one order with its customer, language and fulfilment, and schedules its invitation', async () => {
      const answer = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        orderRef: 'ONE-1',
        email: 'ann@mail.example',
        purchasedAt: '2026-03-01',
        fulfilledAt: '2026-03-03T08:00:00Z',
        product: 'BEANS-1',
        customerName: 'Ann <b>Andersson</b>',
        locale: 'sv-SE',
      });
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.json.customerName, 'Ann <b>Andersson</b>');
      assert.equal(answer.json.locale, 'sv-SE');
      // delayDays (7) after the fulfilment, not the purchase.
      assert.deepEqual(answer.json.invitation, { status: 'scheduled', dueAt: '2026-03-10T08:00:00.000Z' });
      const listed = (await invitations()).items.find((i: { orderRef: string }) => i.orderRef === 'ONE-1');
      assert.equal(listed.status, 'scheduled');
      assert.equal(listed.nextStep, 'send');
      assert.equal(listed.email, 'ann@mail.example');
      assert.equal(listed.product, 'BEANS-1');
      const again = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        orderRef: 'ONE-1',
        email: 'ann@mail.example',
        purchasedAt: '2026-03-01',
      });
      assert.equal(again.status, 409);
      const bad = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        orderRef: 'ONE-2',
        email: 'x@mail.example',
        purchasedAt: '2026-03-01',
        locale: 'not a locale!',
        fulfilledAt: '2027-01-01',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.fields.locale, 'invalid');
    });

    it('takes a CSV of orders: accepted, duplicates and each row’s problem, through csv-parse', async () => {
      const before = (await business()).orders.recorded;
      const file = [
        '\uFEFForderRef,email,purchasedAt,product,customerName,locale',
        'CSV-1,one@mail.example,2026-03-01,BEANS-1,"Doe, Jane",en',
        'CSV-2,two@mail.example,2026-03-02T10:00:00Z,,"Name with ""quotes""\nand a line break",de',
        'CSV-3,not-an-address,2026-03-02,,,',
        'CSV-4,four@mail.example,2026-03-02,NO-SUCH,,',
        'CSV-5,five@mail.example,2099-01-01,,,',
        'CSV-1,again@mail.example,2026-03-01,,,',
        'ONE-1,ann@mail.example,2026-03-01,,,',
        'CSV-6,six@mail.example,2026-03-02',
        '',
        'CSV-7,seven@mail.example,2026-03-04,GRINDER,Sam,cs',
      ].join('\r\n');
      const answer = await csv(file);
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.accepted, 3, answer.text);
      assert.equal(answer.json.duplicates, 2);
      assert.equal(answer.json.rejected, 4);
      // Lines as a spreadsheet counts them; the quoted line break makes CSV-2 end on line 4.
      assert.deepEqual(answer.json.problems, [
        { row: 5, field: 'email', code: 'invalid' },
        { row: 6, field: 'product', code: 'unknown_product' },
        { row: 7, field: 'purchasedAt', code: 'future' },
        { row: 10, field: 'row', code: 'too_few_columns' },
      ]);
      assert.equal((await business()).orders.recorded, before + 3);
      const names = (await invitations()).items.map((i: { orderRef: string; customerName: string }) => [
        i.orderRef,
        i.customerName,
      ]);
      assert.deepEqual(
        names.filter(([ref]: [string]) => ref.startsWith('CSV')),
        [
          ['CSV-7', 'Sam'],
          // A name over two lines is kept on one: it greets the customer in a subject line too.
          ['CSV-2', 'Name with "quotes" and a line break'],
          ['CSV-1', 'Doe, Jane'],
        ],
      );
    });

    it('stores nothing from a CSV with a broken header, and limits the size of a file', async () => {
      const before = (await business()).orders.recorded;
      for (const header of ['orderRef,e-mail,purchasedAt', 'orderRef,email', 'orderRef,email,purchasedAt,email', '']) {
        const answer = await csv(`${header}\nH-1,h@mail.example,2026-03-01\n`);
        assert.equal(answer.status, 400, `${header}: ${answer.text}`);
        assert.ok(Object.keys(answer.json.error.fields)[0]!.startsWith('header'), answer.text);
      }
      assert.equal((await csv('orderRef,email,purchasedAt\n"H-1,h@mail.example\n')).status, 200);
      assert.equal((await business()).orders.recorded, before);

      const { app } = createApp({ db: database.db, adminToken: ADMIN_TOKEN, rateLimit: false, csvLimitBytes: 1000 });
      const big = `orderRef,email,purchasedAt\n${'B-1,b@mail.example,2026-03-01\n'.repeat(100)}`;
      const response = await app.request(`/v1/admin/businesses/${shop}/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
        body: big,
      });
      assert.equal(response.status, 413);
      // JSON keeps the small limit.
      const json = await admin('POST', `/v1/admin/businesses/${shop}/orders`, {
        orderRef: 'J',
        email: 'j@mail.example',
        purchasedAt: '2026-03-01',
        customerName: 'x'.repeat(70_000),
      });
      assert.equal(json.status, 413);
    });

    it('makes a webhook secret shown once; a new one replaces it', async () => {
      assert.equal((await business()).webhook.configured, false);
      const first = await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`);
      assert.equal(first.status, 201, first.text);
      assert.match(first.json.secret, /^whsec_[\w-]{40,}$/);
      const shown = await business();
      assert.equal(shown.webhook.configured, true);
      assert.ok(!JSON.stringify(shown).includes(first.json.secret), 'never shown again');
      const second = await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`);
      assert.notEqual(second.json.secret, first.json.secret);
      const body = JSON.stringify(shopifyOrder({ name: '#OLD' }));
      const old = await api('POST', `/v1/hooks/${shop}/shopify`, body, {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/fulfilled',
        'x-shopify-hmac-sha256': base64Hmac(first.json.secret, body),
      });
      assert.equal(old.status, 401, 'the old secret stopped working');
      const given = await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`, {
        secret: 'shopify-signing-key-0123456789',
      });
      assert.equal(given.json.secret, 'shopify-signing-key-0123456789');
      assert.equal(
        (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`, { secret: 'short' })).status,
        400,
      );
    });

    it('Shopify: a signed orders/fulfilled is recorded once; a bad signature is a 401 that stores nothing', async () => {
      const secret = (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`)).json.secret as string;
      const send = (body: string, headers: Record<string, string>) =>
        api('POST', `/v1/hooks/${shop}/shopify`, body, { 'content-type': 'application/json', ...headers });
      const body = JSON.stringify(shopifyOrder());
      const signed = { 'x-shopify-topic': 'orders/fulfilled', 'x-shopify-hmac-sha256': base64Hmac(secret, body) };
      const recordedBefore = (await business()).orders.recorded;

      for (const headers of [
        { 'x-shopify-topic': 'orders/fulfilled' },
        { ...signed, 'x-shopify-hmac-sha256': base64Hmac('wrong-secret', body) },
        { ...signed, 'x-shopify-hmac-sha256': 'not base64 at all' },
      ]) {
        assert.equal((await send(body, headers)).status, 401);
      }
      // The signature covers the raw bytes: the same JSON re-serialised is not what was signed.
      assert.equal((await send(JSON.stringify(JSON.parse(body), null, 1), signed)).status, 401);
      assert.equal((await business()).orders.recorded, recordedBefore, 'nothing stored');

      const first = await send(body, signed);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.json, { accepted: 1, duplicates: 0, rejected: 0, problems: [] });
      const again = await send(body, signed);
      assert.deepEqual(again.json, { accepted: 0, duplicates: 1, rejected: 0, problems: [] });
      assert.equal((await business()).orders.recorded, recordedBefore + 1);
      const invitation = (await invitations()).items.find((i: { orderRef: string }) => i.orderRef === '#1001');
      assert.equal(invitation.customerName, 'Bob Norman');
      assert.equal(invitation.locale, 'sv-SE');
      assert.equal(invitation.product, 'BEANS-1');
      assert.equal(invitation.email, 'bob.norman@mail.example');
      // Fulfilled 2026-03-02T10:00-05:00, invited 7 days later.
      assert.equal(invitation.dueAt, new Date(Date.parse('2026-03-02T15:00:00Z') + 7 * DAY).toISOString());

      const created = JSON.stringify(shopifyOrder({ name: '#1002' }));
      const otherTopic = await send(created, {
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': base64Hmac(secret, created),
      });
      assert.equal(otherTopic.status, 200);
      assert.equal(otherTopic.json.ignored, 'topic orders/create');
      assert.equal((await business()).orders.recorded, recordedBefore + 1);
    });

    it('answers a client that keeps sending unsigned deliveries 429, before the database is asked', async () => {
      const secret = (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`)).json.secret as string;
      let at = now;
      const guarded = await startServer(database, {
        clock: () => at,
        hookFailureLimit: { perMinute: 3, burst: 3 },
      });
      try {
        const send = (business: string, signature: string, body = JSON.stringify(shopifyOrder({ name: '#9001' }))) =>
          caller(guarded.url)('POST', `/v1/hooks/${business}/shopify`, body, {
            'content-type': 'application/json',
            'x-shopify-topic': 'orders/fulfilled',
            'x-shopify-hmac-sha256': signature,
          });
        const body = JSON.stringify(shopifyOrder({ name: '#9001' }));
        // Signed deliveries spend nothing.
        for (let i = 0; i < 5; i += 1) assert.equal((await send(shop, base64Hmac(secret, body), body)).status, 200);
        assert.equal((await send(shop, 'guess')).status, 401);
        assert.equal((await send('no-such-shop', 'guess')).status, 404);
        assert.equal((await send(shop, base64Hmac('wrong', body), body)).status, 401);
        const refused = await send(shop, base64Hmac(secret, body), body);
        assert.equal(refused.status, 429, refused.text);
        assert.equal(refused.json.error.code, 'rate_limited');
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        // The budget refills with time.
        at = new Date(now.getTime() + 60_000);
        assert.equal((await send(shop, base64Hmac(secret, body), body)).status, 200);
      } finally {
        await guarded.stop();
      }
    });

    it('WooCommerce: answers the ping, records a completed order (two products: the shop is reviewed)', async () => {
      const secret = (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`)).json.secret as string;
      const send = (body: string, headers: Record<string, string> = {}, type = 'application/json') =>
        api('POST', `/v1/hooks/${shop}/woocommerce`, body, { 'content-type': type, ...headers });
      const ping = await send('webhook_id=17', {}, 'application/x-www-form-urlencoded');
      assert.equal(ping.status, 200);
      assert.equal(ping.json.ignored, 'ping');

      const body = JSON.stringify(wooOrder());
      const sign = (b: string) => ({
        'x-wc-webhook-topic': 'order.updated',
        'x-wc-webhook-signature': base64Hmac(secret, b),
      });
      assert.equal((await send(body, { 'x-wc-webhook-signature': base64Hmac('nope', body) })).status, 401);
      assert.equal((await send(body)).status, 401);
      const first = await send(body, sign(body));
      assert.equal(first.json.accepted, 1, first.text);
      assert.equal((await send(body, sign(body))).json.duplicates, 1);
      const invitation = (await invitations()).items.find((i: { orderRef: string }) => i.orderRef === '727');
      assert.equal(invitation.customerName, 'Johanna Müller');
      assert.equal(invitation.product, null, 'two products: one invitation, for the shop');
      assert.equal(invitation.dueAt, new Date(Date.parse('2026-03-03T08:00:00Z') + 7 * DAY).toISOString());

      const processing = JSON.stringify(wooOrder({ id: 728, number: '728', status: 'processing' }));
      const ignored = await send(processing, sign(processing));
      assert.equal(ignored.json.ignored, 'status processing');
      const noEmail = JSON.stringify(wooOrder({ id: 729, number: '729', billing: { first_name: 'No' } }));
      const rejected = await send(noEmail, sign(noEmail));
      assert.equal(rejected.status, 200, 'the platform need not retry a hopeless order');
      assert.deepEqual(rejected.json.problems, [{ row: 1, field: 'email', code: 'required' }]);
    });

    it('our own webhook: Verity-Signature with a timestamp, five minutes of tolerance', async () => {
      const secret = (await admin('POST', `/v1/admin/businesses/${shop}/webhook-secret`)).json.secret as string;
      const body = JSON.stringify({ orderRef: 'OWN-1', email: 'own@mail.example', purchasedAt: '2026-03-05' });
      const send = (signature?: string) =>
        api('POST', `/v1/hooks/${shop}/orders`, body, {
          'content-type': 'application/json',
          ...(signature ? { 'verity-signature': signature } : {}),
        });
      assert.equal((await send()).status, 401);
      assert.equal((await send(veritySignature(secret, body, new Date(now.getTime() - 6 * 60 * 1000)))).status, 401);
      assert.equal((await send(veritySignature('other', body, now))).status, 401);
      assert.equal((await send('t=abc,v1=00')).status, 401);
      const fresh = veritySignature(secret, body, new Date(now.getTime() - 4 * 60 * 1000));
      const first = await send(fresh);
      assert.equal(first.status, 201, first.text);
      const again = await send(veritySignature(secret, body, now));
      assert.equal(again.status, 200);
      assert.equal(again.json.duplicates, 1);
      const invalidBody = JSON.stringify({ orderRef: 'OWN-2', email: 'nope', purchasedAt: '2026-03-05' });
      const bad = await api('POST', `/v1/hooks/${shop}/orders`, invalidBody, {
        'content-type': 'application/json',
        'verity-signature': veritySignature(secret, invalidBody, now),
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.fields.email, 'invalid');
      assert.equal((await api('POST', '/v1/hooks/nowhere/orders', body, { 'verity-signature': fresh })).status, 404);
    });

    it('the invitation policy: validated, and a new delay moves the invitations not yet sent', async () => {
      const patch = (invitations: unknown) => admin('PATCH', `/v1/admin/businesses/${shop}`, { invitations });
      assert.equal((await patch({ delayDays: 400 })).status, 400);
      assert.equal((await patch({ delayDays: -1 })).status, 400);
      const late = await patch({ reminderAfterDays: 60 });
      assert.equal(late.status, 400);
      assert.equal(late.json.error.fields['invitations.reminderAfterDays'], 'required');
      const changed = await patch({ delayDays: 14, reminderAfterDays: null, expiresAfterDays: 30 });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.json.invitations, { delayDays: 14, reminderAfterDays: null, expiresAfterDays: 30 });
      const one = (await invitations()).items.find((i: { orderRef: string }) => i.orderRef === 'ONE-1');
      assert.equal(one.dueAt, '2026-03-17T08:00:00.000Z', '14 days after the fulfilment');
      const form = await admin('PATCH', `/v1/admin/businesses/${shop}`, {
        reviewFormUrl: 'https://orders.example/review',
      });
      assert.equal(form.json.reviewFormUrl, 'https://orders.example/review');
      assert.equal(form.json.invitations.delayDays, 14, 'kept');
      assert.equal((await admin('PATCH', '/v1/admin/businesses/nowhere', { name: 'X' })).status, 404);
    });

    it('lists invitations by state, in pages', async () => {
      const all = await invitations();
      const first = await admin('GET', `/v1/admin/businesses/${shop}/invitations?status=scheduled&limit=2`);
      assert.equal(first.json.items.length, 2);
      assert.equal(first.json.total, all.total);
      const second = await admin(
        'GET',
        `/v1/admin/businesses/${shop}/invitations?status=scheduled&limit=2&cursor=${first.json.nextCursor}`,
      );
      assert.notEqual(second.json.items[0].id, first.json.items[1].id);
      assert.equal((await admin('GET', `/v1/admin/businesses/${shop}/invitations?status=lost`)).status, 400);
      assert.equal((await admin('GET', `/v1/admin/businesses/${shop}/invitations?cursor=zzz`)).status, 400);
      assert.equal((await admin('GET', `/v1/admin/businesses/${shop}/invitations?status=sent`)).json.total, 0);
    });
  });
}
