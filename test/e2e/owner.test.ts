/**
 * The shop's owner, end to end, in Chromium, Firefox and WebKit, on the real demo server with the
 * built dashboard and e-mail over a real SMTP server: asks for a sign-in link on the dashboard's
 * sign-in page, opens the link from the e-mail, approves a waiting review in the inbox, and finds
 * it on the shop's product page. Nothing but the browser and the e-mail: no token, no curl.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_OWNER, startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { startSmtp } from '../server/smtp.js';
import type { TestSmtp } from '../server/smtp.js';
import { click, deep, describeEachEngine, waitFor } from './drivers.js';

const ADMIN_TOKEN = 'owner-e2e';
const PRODUCT = 'NK-ESPRESSO-1KG';

describe("the shop's owner signs in by e-mail and approves a review in the dashboard", () => {
  let server: DemoServer;
  let smtp: TestSmtp;
  let dataDir: string;

  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };

  /** A verified review of the espresso from an invited customer, waiting for moderation; its id. */
  const invitedReview = async (title: string): Promise<string> => {
    const orderRef = `OWNER-${title.replace(/\W+/g, '-')}`;
    await admin('POST', '/v1/admin/businesses/nordlys/orders', {
      orderRef,
      email: `${orderRef.toLowerCase()}@customer.example`,
      purchasedAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
      product: PRODUCT,
    });
    const { token } = await admin<{ token: string }>('POST', '/v1/admin/businesses/nordlys/invitations', { orderRef });
    const response = await fetch(`${server.url}/v1/businesses/nordlys/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': orderRef, origin: server.url },
      body: JSON.stringify({
        product: PRODUCT,
        rating: 5,
        title,
        body: 'Chocolate and cherry in the cup, a thick crema, and it arrived two days after roasting.',
        authorName: 'Kim from Malmö',
        experiencedAt: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        language: 'en',
        consent: true,
        website: '',
        invitationToken: token,
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  };

  before(async () => {
    assert.ok(existsSync(new URL('../../dist/dashboard/index.html', import.meta.url)), 'run npm run build first');
    dataDir = mkdtempSync(join(tmpdir(), 'verity-owner-'));
    smtp = await startSmtp();
    server = await startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminToken: ADMIN_TOKEN,
      rateLimitPerMinute: 0,
      maxAgeSeconds: 0,
      cacheTtlMs: 0,
      smtpUrl: smtp.url,
    });
  });

  after(async () => {
    await server?.close();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describeEachEngine((engine, driver) => {
    it('sign-in link by e-mail → the inbox → approve → on the product page', async () => {
      const title = `Approved by the owner in ${engine}`;
      const id = await invitedReview(title);

      // The sign-in page, as a member finds it: the address, then Enter.
      const mailsBefore = smtp.received.filter((m) => m.to === DEMO_OWNER).length;
      await driver.goto(`${server.url}/dashboard/inbox`);
      await waitFor(
        driver,
        `location.pathname === '/dashboard/sign-in' && Boolean(${deep('input#email')})`,
        'the sign-in page',
      );
      await driver.run(`${deep('input#email')}.focus()`);
      await driver.type(DEMO_OWNER);
      await driver.press('Enter');
      await waitFor(driver, `Boolean(${deep('[role="status"] .banner.success')})`, 'the "link sent" notice');

      const deadline = Date.now() + 60_000;
      let mails = smtp.received.filter((m) => m.to === DEMO_OWNER);
      while (mails.length === mailsBefore && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 100));
        mails = smtp.received.filter((m) => m.to === DEMO_OWNER);
      }
      const mail = mails.at(-1);
      assert.ok(mails.length > mailsBefore && mail, 'the sign-in link arrived over SMTP');
      const link = /(http:\/\/\S+\/dashboard\/sign-in\?token=[\w-]+)/.exec(mail.mail.text ?? '')?.[1];
      assert.ok(link, `a sign-in link in the text part:\n${mail.mail.text}`);
      assert.ok(link.startsWith(`${server.url}/`), `the link points at this server: ${link}`);

      // The link signs in and lands in the inbox; the token leaves the address bar.
      await driver.goto(link);
      await waitFor(
        driver,
        `location.pathname === '/dashboard/inbox' && !location.search.includes('token')`,
        'the inbox after signing in',
      );
      await waitFor(driver, `Boolean(${deep(`li[data-id="${id}"] button.approve`)})`, 'the waiting review');
      assert.ok(await driver.run<boolean>(click(`li[data-id="${id}"] button.approve`)), 'the approve button');
      await waitFor(driver, `!${deep(`li[data-id="${id}"]`)}`, 'the review leaves the inbox');

      const stored = await admin<{ status: string }>('GET', `/v1/admin/reviews/${id}`);
      assert.equal(stored.status, 'published');
      // The history says who approved it: the owner, not the operator.
      const history = await admin<{ items: { kind: string; actor?: { email?: string } | null }[] }>(
        'GET',
        `/v1/admin/reviews/${id}/history`,
      );
      assert.ok(
        history.items.some((event) => JSON.stringify(event).includes(DEMO_OWNER)),
        `the owner in the history: ${JSON.stringify(history.items)}`,
      );

      // The outbox shows an invitation as the customer got it: the HTML from its own address,
      // reached with the owner's session, sandboxed by its own policy.
      await driver.goto(`${server.url}/dashboard/outbox`);
      await waitFor(driver, `Boolean(${deep('.message-button')})`, 'the outbox', 60_000);
      assert.ok(await driver.run<boolean>(click('.message-button')));
      await waitFor(driver, `Boolean(${deep('#reader iframe[src]')})`, 'the frame of the HTML part');
      const frame = await driver.run<{ status: number; type: string; policy: string; styled: boolean }>(`(async () => {
        const response = await fetch(${deep('#reader iframe[src]')}.src);
        return {
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          policy: response.headers.get('content-security-policy') ?? '',
          styled: (await response.text()).includes('style="'),
        };
      })()`);
      assert.equal(frame.status, 200);
      assert.match(frame.type, /^text\/html/);
      assert.match(frame.policy, /(^|; )sandbox(;|$)/);
      assert.ok(frame.styled, 'the e-mail brings its inline styles');

      // The shop's product page shows it, linked by its anchor.
      await driver.goto(`${server.url}/espresso.html#verity-review-${id}`);
      await waitFor(
        driver,
        `[...document.querySelector('verity-review-list')?.shadowRoot?.querySelectorAll('article') ?? []].some((a) => a.textContent.includes(${JSON.stringify(title)}))`,
        'the approved review on the product page',
      );
      assert.equal(server.violations.total, 0, JSON.stringify([...server.violations.counts]));
    });
  });
});
