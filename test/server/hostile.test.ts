/**
 * Hostile input, probed from outside on every public and admin route: a NUL character (which
 * PostgreSQL cannot store) in a path id, a query value, a cursor or any text field; other control
 * characters; names of characters that show nothing; cursors with numbers or dates out of the
 * columns' range; JSON nested thousands deep; a JSON-like media type. Each is a 400 naming the
 * field (a 415 for the media type), never a 500, and nothing is logged as an unexpected error.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../../src/mocks/fixtures.js';
import { ADMIN_TOKEN, BACKENDS, caller, dispose, freshDatabase, key, startServer, submission } from './helpers.js';
import type { TestDatabase, TestServer } from './helpers.js';

const NUL = '\u0000';
const BELL = '\u0007';
const INVISIBLE = '\u200B\u200D\u2060\u3164\uFEFF';
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

interface Route {
  method: 'GET' | 'POST';
  /** With `{business}` and `{id}` where the path has them. */
  path: string;
  admin?: boolean;
  /** A valid body, for POSTs. */
  body?: () => Record<string, unknown>;
  /** Dotted paths of the body's text fields that are stored. */
  texts?: string[];
  /** Of those, the names: they must show something. */
  names?: string[];
  /** Dotted paths of date fields, and of query values that are texts. */
  dates?: string[];
  query?: string[];
  /** Sorts whose cursors the route takes. */
  sorts?: string[];
}

const reviewSubmission = () => ({
  ...submission({ product: DEMO_PRODUCTS.espresso, invitationToken: 'not-a-token' }),
});
const importBody = () => ({
  reviews: [
    {
      externalId: 'probe-1',
      product: DEMO_PRODUCTS.espresso,
      rating: 4,
      title: 'Imported title',
      body: 'An imported review body, long enough.',
      authorName: 'Importer',
      country: 'SE',
      language: 'sv',
      experiencedAt: '2025-01-01',
      createdAt: '2025-01-02T00:00:00Z',
      reply: { body: 'Thank you!', authorName: 'The shop', createdAt: '2025-01-03T00:00:00Z' },
    },
  ],
});

const ROUTES: Route[] = [
  { method: 'GET', path: '/v1/businesses/{business}/summary', query: ['product'] },
  {
    method: 'GET',
    path: '/v1/businesses/{business}/reviews',
    query: ['product', 'language', 'q', 'cursor'],
    sorts: ['newest', 'oldest', 'highest', 'lowest', 'helpful'],
  },
  { method: 'GET', path: '/v1/reviews/{id}' },
  {
    method: 'POST',
    path: '/v1/businesses/{business}/reviews',
    body: reviewSubmission,
    texts: ['product', 'title', 'body', 'authorName', 'email', 'language', 'invitationToken', 'experiencedAt'],
    names: ['title', 'body', 'authorName'],
  },
  { method: 'POST', path: '/v1/reviews/{id}/helpful', body: () => ({}) },
  {
    method: 'POST',
    path: '/v1/reviews/{id}/reports',
    body: () => ({ reason: 'spam', note: 'Looks like an advert.' }),
    texts: ['reason', 'note'],
  },
  {
    method: 'POST',
    path: '/v1/admin/businesses',
    admin: true,
    body: () => ({
      id: 'probe-shop',
      name: 'Probe shop',
      url: 'https://probe.example',
      verificationPolicyUrl: 'https://probe.example/policy',
      reviewFormUrl: 'https://probe.example/review',
      products: [{ id: 'PROBE-1', name: 'Probe product' }],
    }),
    texts: ['id', 'name', 'url', 'verificationPolicyUrl', 'reviewFormUrl', 'products.0.id', 'products.0.name'],
    names: ['name', 'products.0.name'],
  },
  {
    method: 'POST',
    path: '/v1/admin/businesses/{business}/orders',
    admin: true,
    body: () => ({
      orderRef: 'PROBE-ORDER',
      email: 'probe@mail.example',
      purchasedAt: '2026-01-01',
      product: DEMO_PRODUCTS.espresso,
    }),
    texts: ['orderRef', 'email', 'purchasedAt', 'product'],
    dates: ['purchasedAt'],
  },
  {
    method: 'POST',
    path: '/v1/admin/businesses/{business}/invitations',
    admin: true,
    body: () => ({ orderRef: 'NO-SUCH-ORDER' }),
    texts: ['orderRef'],
  },
  {
    method: 'GET',
    path: '/v1/admin/businesses/{business}/reviews',
    admin: true,
    query: ['product', 'language', 'q', 'cursor', 'status'],
    sorts: ['newest', 'oldest'],
  },
  { method: 'GET', path: '/v1/admin/reviews/{id}', admin: true },
  {
    method: 'POST',
    path: '/v1/admin/reviews/{id}/moderation',
    admin: true,
    body: () => ({ decision: 'reject', reason: 'offensive' }),
    texts: ['decision', 'reason'],
  },
  {
    method: 'POST',
    path: '/v1/admin/reviews/{id}/reply',
    admin: true,
    body: () => ({ body: 'Thank you for the review.', authorName: 'The shop' }),
    texts: ['body', 'authorName'],
    names: ['body', 'authorName'],
  },
  {
    method: 'POST',
    path: '/v1/admin/businesses/{business}/imports',
    admin: true,
    body: importBody,
    texts: [
      'reviews.0.externalId',
      'reviews.0.product',
      'reviews.0.title',
      'reviews.0.body',
      'reviews.0.authorName',
      'reviews.0.country',
      'reviews.0.language',
      'reviews.0.experiencedAt',
      'reviews.0.createdAt',
      'reviews.0.reply.body',
      'reviews.0.reply.authorName',
      'reviews.0.reply.createdAt',
    ],
    names: ['reviews.0.title', 'reviews.0.body', 'reviews.0.authorName', 'reviews.0.reply.authorName'],
    dates: ['reviews.0.experiencedAt', 'reviews.0.createdAt', 'reviews.0.reply.createdAt'],
  },
];

/** A copy of `body` with the value at a dotted path replaced. */
function withValue(body: Record<string, unknown>, path: string, value: (old: unknown) => unknown) {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  target[last] = value(target[last]);
  return copy;
}

const cursor = (sort: string, k: unknown[]) => Buffer.from(JSON.stringify({ s: sort, k })).toString('base64url');
const WHEN = '2026-01-01T00:00:00.000Z';

/** Cursors of the right shape with values no column holds. */
function badCursors(sort: string): [string, string][] {
  const withId = (id: string) => (sort === 'newest' || sort === 'oldest' ? [WHEN, id] : [3, WHEN, id]);
  const list: [string, string][] = [
    ['an id with a NUL', cursor(sort, withId(`x${NUL}y`))],
    [
      'a date before year 1',
      cursor(
        sort,
        sort === 'newest' || sort === 'oldest' ? ['-271821-04-20T00:00:00Z', 'x'] : [3, '-271821-04-20T00:00:00Z', 'x'],
      ),
    ],
  ];
  if (sort === 'helpful') list.push(['helpful_count 2^53 - 1', cursor(sort, [9007199254740991, WHEN, 'x'])]);
  if (sort === 'highest' || sort === 'lowest') {
    list.push(['rating 2^31', cursor(sort, [2147483648, WHEN, 'x'])], ['rating 1.5', cursor(sort, [1.5, WHEN, 'x'])]);
  }
  return list;
}

interface Probe {
  name: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  admin?: boolean;
  status: number;
  field?: string;
}

function probes(): Probe[] {
  const list: Probe[] = [];
  for (const route of ROUTES) {
    const url = (business: string, id: string) =>
      route.path.replace('{business}', encodeURIComponent(business)).replace('{id}', encodeURIComponent(id));
    const base = route.body?.();
    const json = base === undefined ? undefined : JSON.stringify(base);
    const probe = (name: string, rest: Omit<Probe, 'name' | 'method' | 'admin'>) =>
      list.push({ name: `${route.method} ${route.path}: ${name}`, method: route.method, admin: route.admin, ...rest });

    for (const param of ['business', 'id'] as const) {
      if (!route.path.includes(`{${param}}`)) continue;
      probe(`a NUL in {${param}}`, {
        path: url(param === 'business' ? `nord${NUL}lys` : DEMO_BUSINESS, param === 'id' ? `a${NUL}b` : 'x'),
        body: json,
        status: 400,
        field: param,
      });
    }
    const path = url(DEMO_BUSINESS, `${DEMO_BUSINESS}-no-such-review`);
    for (const name of route.query ?? []) {
      probe(`a NUL in ?${name}`, {
        path: `${path}?${name}=${encodeURIComponent(`a${NUL}b`)}`,
        status: 400,
        field: name,
      });
      probe(`a control character in ?${name}`, {
        path: `${path}?${name}=${encodeURIComponent(`a${BELL}b`)}`,
        status: 400,
        field: name,
      });
    }
    for (const sort of route.sorts ?? []) {
      for (const [what, value] of badCursors(sort)) {
        probe(`a ${sort} cursor with ${what}`, {
          path: `${path}?sort=${sort}&cursor=${value}`,
          status: 400,
          field: 'cursor',
        });
      }
    }
    if (!base) continue;
    probe('JSON nested 5,000 deep', { path, body: `{"deep": ${DEEP}}`, status: 400, field: 'deep' });
    probe('a NUL in a key', { path, body: JSON.stringify({ ...base, [`k${NUL}`]: 1 }), status: 400, field: 'request' });
    probe('application/evil+json', { path, body: json, contentType: 'application/evil+json', status: 415 });
    for (const field of route.texts ?? []) {
      const nul = withValue(base!, field, (old) => `${String(old).slice(0, 4)}${NUL}${String(old).slice(4)}`);
      probe(`a NUL in ${field}`, { path, body: JSON.stringify(nul), status: 400, field });
      const bell = withValue(base!, field, (old) => `${String(old).slice(0, 4)}${BELL}${String(old).slice(4)}`);
      probe(`a control character in ${field}`, { path, body: JSON.stringify(bell), status: 400, field });
    }
    for (const field of route.names ?? []) {
      const hidden = withValue(base!, field, () => INVISIBLE.repeat(field.endsWith('body') ? 5 : 1));
      probe(`${field} of invisible characters only`, { path, body: JSON.stringify(hidden), status: 400, field });
    }
    for (const field of route.dates ?? []) {
      const old = withValue(base!, field, (value) => String(value).replace(/^\d{4}/, '0000'));
      probe(`${field} in year 0`, { path, body: JSON.stringify(old), status: 400, field });
    }
  }
  return list;
}

for (const { backend, skip } of BACKENDS) {
  describe(`hostile input on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    let server: TestServer;
    const logged: string[] = [];

    before(async () => {
      database = await freshDatabase(backend);
      server = await startServer(database, {
        seed: { reviewCount: 30, largeReviewCount: 0 },
        logError: (error) => logged.push(String(error)),
      });
    });
    after(async () => {
      await server?.stop();
      await dispose(database);
    });

    it('answers every probe of every route with 400 naming the field (415 for the media type), never 500', async () => {
      const api = caller(server.url);
      const failures: string[] = [];
      const all = probes();
      for (const p of all) {
        const headers: Record<string, string> = { 'idempotency-key': key() };
        if (p.admin) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
        if (p.body !== undefined) headers['content-type'] = p.contentType ?? 'application/json';
        const answer = await api(p.method, p.path, p.body, headers);
        const fields = answer.json?.error?.fields ?? {};
        if (answer.status !== p.status || (p.field && !(p.field in fields))) {
          failures.push(`${p.name}: ${answer.status} ${answer.text.slice(0, 160)}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${all.length} probes`);
      assert.ok(all.length > 150, `${all.length} probes`);
      assert.deepEqual(logged, [], 'no unexpected error');
    });
  });
}
