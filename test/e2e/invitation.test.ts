/**
 * Orders in, invitations out, end to end (SPEC §7) as a shop and its customer live it, in
 * Chromium, Firefox and WebKit: Shopify's webhook delivers a fulfilled order, the invitation
 * workers e-mail the customer over real SMTP, the customer opens the link from that e-mail on the
 * demo shop, writes a review through the script tag, and the review is verified by invitation.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { base64Hmac, shopifyOrder } from '../server/fixtures/orders.js';
import { useDemo } from './demo-fixture.js';
import { describeEachEngine, waitFor } from './drivers.js';
import { fillAndSendForm } from './shopper.js';

const ADMIN_TOKEN = 'invitation-admin';
const DAY = 86_400_000;

describe('an order from Shopify becomes a verified review', () => {
  const demo = useDemo('invitation', { adminToken: ADMIN_TOKEN, maxAgeSeconds: 0, cacheTtlMs: 0, smtp: true });
  let secret = '';

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${demo.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  before(async () => {
    const made = await admin('POST', '/v1/admin/businesses/nordlys/webhook-secret');
    assert.equal(made.status, 201);
    secret = made.json.secret;
  });

  describeEachEngine((engine, driver) => {
    it('webhook → scheduled → sent over SMTP → the link → a review verified by invitation', async () => {
      const email = `${engine}.customer@mail.example`;
      const id = 910_000 + engine.length;
      const body = JSON.stringify(
        shopifyOrder({
          id,
          name: `#${engine}`,
          email,
          contact_email: email,
          created_at: new Date(Date.now() - 9 * DAY).toISOString(),
          customer: { id: id + 1, email, first_name: 'Robin', last_name: engine, locale: 'en' },
          customer_locale: 'en',
          fulfillments: [{ id: id + 2, status: 'success', created_at: new Date(Date.now() - 8 * DAY).toISOString() }],
        }),
      );
      const delivered = await fetch(`${demo.server.url}/v1/hooks/nordlys/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/fulfilled',
          'x-shopify-hmac-sha256': base64Hmac(secret, body),
        },
        body,
      });
      assert.equal(delivered.status, 200, await delivered.clone().text());

      // The workers take the due step within their tick and hand the e-mail to the SMTP server.
      const deadline = Date.now() + 60_000;
      let mail = demo.smtp.received.find((m) => m.to === email);
      while (!mail && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 250));
        mail = demo.smtp.received.find((m) => m.to === email);
      }
      assert.ok(mail, 'the invitation arrived over SMTP');
      assert.match(mail.mail.subject ?? '', /Nordlys Kaffe/);
      const oneClick = mail.mail.headerLines.find((l) => l.key === 'list-unsubscribe-post')?.line ?? '';
      assert.match(oneClick, /List-Unsubscribe=One-Click/, 'one-click opt-out (RFC 8058)');
      const link = /(http:\/\/\S+\?invitation=[\w-]+)/.exec(mail.mail.text ?? '')?.[1];
      assert.ok(link, `a review link in the text part:\n${mail.mail.text}`);
      const sent = await admin('GET', '/v1/admin/businesses/nordlys/invitations?status=sent');
      assert.ok(
        sent.json.items.some((i: { orderRef: string }) => i.orderRef === `#${engine}` || i.orderRef === String(id)),
        'the invitation is sent',
      );

      await driver.goto(link);
      await waitFor(driver, `!location.search.includes('invitation')`, 'the token gone from the URL');
      const title = `Invited and happy (${engine})`;
      const thanks = await fillAndSendForm(driver, {
        title,
        body: 'Ordered on a Monday, roasted on Tuesday, in my cup by Thursday. Very good beans.',
        authorName: `Robin in ${engine}`,
      });
      assert.match(thanks, /thank/i);

      const pending = await admin('GET', '/v1/admin/businesses/nordlys/reviews?status=pending&limit=50');
      const review = pending.json.items.find((r: { title: string }) => r.title === title);
      assert.ok(review, 'the review waits for moderation');
      assert.deepEqual(review.verification, { status: 'verified', method: 'invitation' });
      const reviewed = await admin('GET', '/v1/admin/businesses/nordlys/invitations?status=reviewed');
      assert.ok(
        reviewed.json.items.some((i: { email: string }) => i.email === email),
        'the invitation is reviewed',
      );
    });
  });
});
