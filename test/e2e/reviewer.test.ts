/**
 * The reviewer's pages in real browsers (Chromium, Firefox, WebKit), with the e-mail over real
 * SMTP: a spontaneous review's author opens the confirm link and presses the button (a form post
 * the browser sends with its own Origin), then edits the review on the manage page by keyboard
 * (moderated again, then shown as edited), and withdraws it (gone from the public API at once).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { eventually, startSmtp } from '../server/smtp.js';
import type { TestSmtp } from '../server/smtp.js';
import { describeEachEngine, waitFor } from './drivers.js';

const ADMIN_TOKEN = 'reviewer-admin';
const BUSINESS = 'nordlys';

describe("the reviewer's pages in a browser", () => {
  let server: DemoServer;
  let smtp: TestSmtp;
  let dataDir: string;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, path, body, { authorization: `Bearer ${ADMIN_TOKEN}` });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verity-reviewer-'));
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
    it('confirm by the button, edit by keyboard, withdraw: each a form post of the page itself', async () => {
      const email = `${engine}.reviewer@mail.example`;
      const title = `Spontaneous in ${engine}`;
      const written = await call(
        'POST',
        `/v1/businesses/${BUSINESS}/reviews`,
        {
          rating: 4,
          title,
          body: 'Found the shop by chance; the beans were fresh and the parcel came in two days.',
          authorName: `Reviewer in ${engine}`,
          email,
          experiencedAt: new Date().toISOString().slice(0, 10),
          language: 'en',
          consent: true,
          website: '',
        },
        { 'idempotency-key': `e2e-reviewer-${engine}-${Date.now()}` },
      );
      assert.equal(written.status, 201);
      assert.equal(written.json.confirmation, 'email');
      const id: string = written.json.id;

      const mail = await eventually(async () => smtp.received.find((m) => m.to === email), 60_000);
      const confirm = /(http:\/\/\S+\/reviewer\/confirm\?token=[\w-]+)/.exec(mail.mail.text ?? '')?.[1];
      const manage = /(http:\/\/\S+\/reviewer\/manage\?token=[\w-]+)/.exec(mail.mail.text ?? '')?.[1];
      assert.ok(confirm && manage, mail.mail.text);

      await driver.goto(confirm);
      assert.match(await driver.run<string>('document.querySelector("h1").textContent'), /Your review of/);
      await driver.run('document.querySelector("form button[type=submit]").click()');
      await waitFor(driver, `document.body.textContent.includes('your review is confirmed')`, 'the confirmation');
      const queue = await admin('GET', `/v1/admin/businesses/${BUSINESS}/reviews?status=pending&limit=50`);
      assert.ok(
        queue.json.items.some((r: { id: string }) => r.id === id),
        'confirmed: now for moderation',
      );
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/moderation`, { decision: 'approve' })).status, 200);

      await driver.goto(manage);
      assert.ok(await driver.run<boolean>(`document.body.textContent.includes(${JSON.stringify(email)})`));
      await driver.run(
        '(() => { const t = document.querySelector("#body"); t.focus(); t.setSelectionRange(t.value.length, t.value.length); })()',
      );
      await driver.type(' Edited by keyboard.');
      await driver.press('Tab', 'Enter');
      await waitFor(driver, `document.body.textContent.includes('Saved.')`, 'the saved edit');
      assert.equal((await call('GET', `/v1/reviews/${id}`)).status, 404, 'out of the public answers until moderated');
      assert.equal((await admin('POST', `/v1/admin/reviews/${id}/moderation`, { decision: 'approve' })).status, 200);
      const edited = await call('GET', `/v1/reviews/${id}`);
      assert.match(edited.json.body, /Edited by keyboard\.$/);
      assert.ok(edited.json.editedAt, 'shown as edited');

      await driver.goto(manage);
      await driver.run('document.querySelector("input[name=sure]").click()');
      await driver.run('document.querySelector("button.secondary").click()');
      await waitFor(driver, `document.body.textContent.includes('Your review is withdrawn')`, 'the withdrawal');
      assert.equal((await call('GET', `/v1/reviews/${id}`)).status, 404);
      const list = await call('GET', `/v1/businesses/${BUSINESS}/reviews?limit=50`);
      assert.ok(!list.json.items.some((r: { id: string }) => r.id === id), 'gone from the list');
    });
  });
});
