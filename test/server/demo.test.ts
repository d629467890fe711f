/**
 * The demo shop's server (scripts/demo-server.ts): hardened headers on every kind of file it
 * serves, a Content-Security-Policy on HTML and on SVG documents, and a CSP report endpoint that
 * cannot be used to fill its memory (64 KB a report, a budget per client, counts only).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CSP_REPORT_MAX_BYTES, DEMO_CSP, startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { API_CSP, SVG_CSP } from '../../server/http/security.js';
import { freshDatabase } from './helpers.js';
import type { TestDatabase } from './helpers.js';

describe('demo server', () => {
  let database: TestDatabase;
  let server: DemoServer;

  before(async () => {
    // A migrated copy of the template database; the demo opens (and seeds) it itself.
    database = await freshDatabase('pglite');
    await database.close();
    server = await startDemo({ port: 0, host: '127.0.0.1', dataDir: database.dataDir!, adminToken: 'demo-test' });
  });
  after(async () => {
    await server?.close();
    await database?.remove();
  });

  it('sends nosniff, a Referrer-Policy and a CSP with every file, the pages their own', async () => {
    // The server-rendered product page allows its shadow roots' inline styles by their hashes, nothing more.
    const withStyleHashes = new RegExp(
      `^${DEMO_CSP.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace("style-src 'self'", "style-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+")}$`,
    );
    const cases: [string, string | RegExp, string | RegExp][] = [
      ['/', /^text\/html/, DEMO_CSP],
      ['/espresso.html', /^text\/html/, withStyleHashes],
      ['/favicon.svg', /^image\/svg\+xml/, SVG_CSP],
      ['/shop.css', /^text\/css/, API_CSP],
      ['/v1/businesses/nordlys/summary', /^application\/json/, API_CSP],
      ['/no-such-file', /^application\/json/, API_CSP],
    ];
    for (const [path, type, policy] of cases) {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      assert.match(response.headers.get('content-type') ?? '', type as RegExp, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      const sent = response.headers.get('content-security-policy') ?? '';
      if (typeof policy === 'string') assert.equal(sent, policy, path);
      else assert.match(sent, policy, path);
    }
  });

  it('takes CSP reports of at most 64 KB, a budget of them per client, and keeps only counts', async () => {
    const report = (blocked: string) =>
      JSON.stringify({ 'csp-report': { 'effective-directive': 'script-src-elem', 'blocked-uri': blocked } });
    const post = (body: string) =>
      fetch(`${server.url}/__csp-report`, {
        method: 'POST',
        headers: { 'content-type': 'application/csp-report' },
        body,
      });

    const huge = await post(`{"csp-report": {"blocked-uri": "${'x'.repeat(16 * 1024 * 1024)}"}}`);
    assert.equal(huge.status, 413);
    assert.equal(server.violations.total, 0, 'nothing kept of it');
    assert.ok(CSP_REPORT_MAX_BYTES <= 64 * 1024);

    assert.equal((await post(report('https://evil.example/x.js'))).status, 204);
    assert.equal((await post(report('https://evil.example/x.js'))).status, 204);
    assert.equal(server.violations.total, 2);
    assert.deepEqual([...server.violations.counts], [['script-src-elem https://evil.example/x.js', 2]]);

    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await post(report(`https://evil.example/${i}.js`))).status);
    assert.ok(statuses.includes(429), 'a budget per client');
    assert.ok(server.violations.counts.size <= 101);
  });
});
