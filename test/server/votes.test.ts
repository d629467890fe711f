/**
 * Helpful votes and reports cannot be stuffed: one of each per client and review, kept in the
 * database (so every server behind a load balancer agrees), with the client's address stored only
 * as a keyed hash; a vote from another site's page is refused before anything is written. Clients
 * are told apart by X-Forwarded-For here (the server trusts its proxy).
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { networkOf } from '../../server/http/client-key.js';
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

describe('networkOf', () => {
  it('is an IPv4 address itself, and the /64 of an IPv6 address', () => {
    assert.equal(networkOf('203.0.113.7'), '203.0.113.7');
    assert.equal(networkOf('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(networkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:0DB8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(networkOf('fe80::1%eth0'), 'fe80:0:0:0::/64');
  });
});

for (const { backend, skip } of BACKENDS) {
  describe(`votes and reports once per client on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    let api: ReturnType<typeof caller>;
    const shop = 'vote-shop';
    let ids: string[] = [];

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database, { trustProxy: true });
      api = caller(server.url);
      const admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      await admin('POST', '/v1/admin/businesses', { id: shop, name: 'Vote Shop', url: 'https://vote.example' });
      for (let i = 0; i < 4; i += 1) {
        const created = await api('POST', `/v1/businesses/${shop}/reviews`, submission({ title: `Review ${i}` }), {
          'idempotency-key': key(),
        });
        await confirmByEmail(server.url, database.db, created.json.id);
        await admin('POST', `/v1/admin/reviews/${created.json.id}/moderation`, { decision: 'approve' });
        ids.push(created.json.id);
      }
      ids = ids.reverse();
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    const from = (address: string, headers: Record<string, string> = {}) => ({
      'x-forwarded-for': address,
      ...headers,
    });
    const vote = (id: string, address: string, headers: Record<string, string> = {}) =>
      api('POST', `/v1/reviews/${id}/helpful`, {}, from(address, headers));
    const rows = async (table: 'helpful_votes' | 'reports', id: string) =>
      database.db.selectFrom(table).selectAll().where('review_id', '=', id).execute();

    it('counts one vote per client; a repeat answers the count unchanged and stores nothing', async () => {
      const id = ids[0]!;
      assert.equal((await vote(id, '203.0.113.1')).json.helpfulCount, 1);
      const again = await vote(id, '203.0.113.1');
      assert.equal(again.status, 200);
      assert.equal(again.json.helpfulCount, 1);
      assert.equal((await vote(id, '203.0.113.2')).json.helpfulCount, 2, 'another client counts');
      // One household's IPv6 addresses are one client.
      assert.equal((await vote(id, '2001:db8:7:7::1')).json.helpfulCount, 3);
      assert.equal((await vote(id, '2001:db8:7:7:ffff::2')).json.helpfulCount, 3);
      assert.equal((await rows('helpful_votes', id)).length, 3);
      const page = await api('GET', `/v1/businesses/${shop}/reviews?sort=helpful`);
      assert.equal(page.json.items[0].id, id);
      assert.equal(page.json.items[0].helpfulCount, 3);
    });

    it('counts one of many concurrent votes of one client', async () => {
      const id = ids[1]!;
      const answers = await Promise.all(Array.from({ length: 10 }, () => vote(id, '198.51.100.9')));
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(10).fill(200),
      );
      assert.equal((await api('GET', `/v1/reviews/${id}`)).json.helpfulCount, 1);
      assert.equal((await rows('helpful_votes', id)).length, 1);
    });

    it("refuses another site's vote before writing anything", async () => {
      const id = ids[2]!;
      const refused = await vote(id, '192.0.2.50', { origin: 'https://evil.example' });
      assert.equal(refused.status, 403);
      assert.equal(refused.json.error.code, 'origin_not_allowed');
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const form = await api('POST', `/v1/reviews/${id}/helpful`, 'x=1', {
        ...from('192.0.2.50'),
        'content-type': 'application/x-www-form-urlencoded',
      });
      assert.equal(form.status, 415);
      assert.deepEqual(await rows('helpful_votes', id), []);
      const own = await vote(id, '192.0.2.50', { origin: 'https://vote.example' });
      assert.equal(own.status, 200);
      assert.equal(own.headers.get('access-control-allow-origin'), 'https://vote.example');
    });

    it('accepts one report per client and review; a repeat answers 202 and stores nothing', async () => {
      const id = ids[3]!;
      const path = `/v1/reviews/${id}/reports`;
      assert.equal((await api('POST', path, { reason: 'spam' }, from('203.0.113.1'))).status, 202);
      assert.equal((await api('POST', path, { reason: 'offensive', note: 'Again' }, from('203.0.113.1'))).status, 202);
      assert.equal((await api('POST', path, { reason: 'spam' }, from('203.0.113.2'))).status, 202);
      const stored = await rows('reports', id);
      assert.deepEqual(stored.map((r) => r.reason).sort(), ['spam', 'spam']);
      const admin = caller(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` });
      assert.equal((await admin('GET', `/v1/admin/reviews/${id}`)).json.reports, 2);
    });

    it('keeps no address: only keyed hashes, different per review and per purpose', async () => {
      const votes = await database.db.selectFrom('helpful_votes').select('voter').execute();
      const reports = await database.db.selectFrom('reports').select('reporter').execute();
      const stored = [...votes.map((v) => v.voter), ...reports.map((r) => r.reporter!)];
      for (const address of ['203.0.113.1', '203.0.113.2', '198.51.100.9', '2001:db8:7:7']) {
        const plain = [
          address,
          createHash('sha256').update(address).digest('hex'),
          createHash('sha256').update(address).digest('base64url'),
        ];
        for (const value of stored) {
          assert.ok(!plain.some((p) => value.includes(p)), `${value} does not give ${address} away`);
        }
      }
      // 203.0.113.1 voted on one review and reported another: two different hashes.
      assert.equal(new Set(stored).size, stored.length);
    });
  });
}
