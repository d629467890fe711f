/**
 * Serving the dashboard's built files: any screen's address answers the page, hashed assets are
 * cached for good and a missing one is a 404, and every answer carries the strict policy. A
 * folder made here stands in for dist/dashboard: nothing is built.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { DASHBOARD_CSP, dashboardRoutes } from '../../server/routes/dashboard.js';

const PAGE =
  '<!doctype html><title>Verity</title><script type="module" src="/dashboard/assets/index-AbC123.js"></script>';
const SCRIPT = 'console.log("dashboard");';

describe('dashboard serving', () => {
  let dir = '';
  let app: Hono;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'verity-dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    app = new Hono();
    app.route('/', dashboardRoutes({ dir }));
    app.get('/v1/health', (c) => c.json({ ok: true }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const strict = (response: Response) => {
    assert.equal(response.headers.get('content-security-policy'), DASHBOARD_CSP);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'same-origin');
  };

  it('answers every screen address with the page, never cached without asking', async () => {
    for (const path of [
      '/dashboard/',
      '/dashboard/inbox',
      '/dashboard/reviews/nordlys-00003?business=nordlys',
      '/dashboard/sign-in?token=abc',
    ]) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(await response.text(), PAGE);
      strict(response);
    }
    const head = await app.request('/dashboard/settings', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('serves the policy the dashboard needs: no inline code, Trusted Types, no framing', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html verity-email',
      "frame-ancestors 'none'",
    ]) {
      assert.ok(DASHBOARD_CSP.split('; ').includes(directive), directive);
    }
    assert.doesNotMatch(DASHBOARD_CSP, /unsafe-inline|unsafe-eval/);
  });

  it('caches hashed assets for good, and a missing one is a 404, not the page', async () => {
    const asset = await app.request('/dashboard/assets/index-AbC123.js');
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await asset.text(), SCRIPT);
    strict(asset);
    const missing = await app.request('/dashboard/assets/index-Old999.js');
    assert.equal(missing.status, 404);
    assert.notEqual(await missing.text(), PAGE);
    strict(missing);
  });

  it('sends /dashboard to /dashboard/ and keeps the query', async () => {
    const response = await app.request('/dashboard?business=nordlys');
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/dashboard/?business=nordlys');
  });

  it('serves nothing outside the built assets, and leaves other routes alone', async () => {
    for (const path of [
      '/dashboard/assets/../secret.txt',
      '/dashboard/assets/%2e%2e/secret.txt',
      '/dashboard/secret.txt',
    ]) {
      const response = await app.request(path);
      assert.notEqual(await response.text(), 'not for the web', path);
    }
    assert.deepEqual(await (await app.request('/v1/health')).json(), { ok: true });
    assert.equal((await app.request('/elsewhere')).status, 404);
  });

  it('says when the dashboard was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'verity-dashboard-empty-'));
    try {
      const response = await dashboardRoutes({ dir: empty }).request('/dashboard/inbox');
      assert.equal(response.status, 503);
      strict(response);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
