/**
 * The demo shop: the reference review API under /v1/, the script-tag bundle under /cdn/, and the
 * shop's pages, all from one origin. `npm start` runs it; the end-to-end tests and the benchmark
 * start it in-process on a free port.
 *
 * The pages are served under a strict Content-Security-Policy, as a careful shop would: the
 * widgets must work with no inline script or style, no eval, and Trusted Types required.
 */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';
import { ApiError } from '../server/http/errors.js';
import { rateLimit } from '../server/http/rate-limit.js';
import { listen } from '../server/serve.js';
import type { RunningServer } from '../server/serve.js';
import { createSignInLink, upsertMember } from '../server/db/members.js';
import { signInUrl } from '../server/routes/auth.js';
import { seedDemo, seedDemoOrders } from '../server/seed.js';
import { DEMO_BUSINESS } from '../src/mocks/fixtures.js';
import { categoryPage, ensureCatalog } from './demo-catalog.js';
import { renderProductPage } from './demo-ssr.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The policy of every demo page. `report-uri` lets the tests see any violation in any engine. */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html verity-jsonld',
  'report-uri /__csp-report',
].join('; ');

/** The demo's policy, allowing the inline styles of server-rendered shadow roots by their hashes. */
export function cspWithStyles(sources: string[]): string {
  return DEMO_CSP.replace("style-src 'self'", ["style-src 'self'", ...sources].join(' '));
}

export interface DemoOptions {
  port: number;
  host?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir: string;
  adminToken: string;
  postOrigins?: string[] | '*' | undefined;
  rateLimitPerMinute?: number;
  cacheTtlMs?: number;
  maxAgeSeconds?: number;
  /** Slow answers on purpose, e.g. to watch the widgets reserve their space. */
  apiDelayMs?: number;
  /** Slow widget chunks on purpose, e.g. to see whether they are fetched together or one after another. */
  chunkDelayMs?: number;
  /** More pages to serve (path → HTML), e.g. the benchmark's page without widgets. */
  extraPages?: Record<string, string>;
  /** Deliver e-mail (invitations, sign-in links) over this SMTP server; without it they wait in the outbox and the log. */
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  /** Run the invitation workers (default true): the outbox fills within seconds of the start. */
  jobs?: boolean;
  /** More folders to serve (URL prefix such as `/app` → folder), e.g. an app built on the npm package. */
  extraFolders?: Record<string, string>;
}

/**
 * Content-Security-Policy violations reported by the pages so far: how many, and how many of each
 * directive and blocked resource (at most `MAX_KINDS` kinds; later ones count as "other"). The
 * reports themselves are not kept: anyone can send them.
 */
export interface CspViolations {
  total: number;
  counts: Map<string, number>;
}

export interface DemoServer extends RunningServer {
  violations: CspViolations;
  seeded: boolean;
  /** Signs the demo shop's owner in to the dashboard: a one-time link, valid for 15 minutes. */
  ownerSignInLink(): Promise<string>;
}

/** The demo shop's owner, a member of `nordlys` who can sign in to the dashboard. */
export const DEMO_OWNER = 'owner@nordlys.example';
/** A report larger than this is no CSP report (a real one is well under 4 KB). */
export const CSP_REPORT_MAX_BYTES = 64 * 1024;
const MAX_KINDS = 100;

/** What a report is about: its directive and what it blocked, from either report format. */
export function violationKind(report: unknown): string {
  const entry = (Array.isArray(report) ? report[0] : report) as Record<string, unknown> | undefined;
  const body = (entry?.['csp-report'] ?? entry?.body ?? entry ?? {}) as Record<string, unknown>;
  const text = (...names: string[]) => {
    const value = names.map((name) => body[name]).find((v) => typeof v === 'string') as string | undefined;
    return (value ?? '?').replace(/\p{Cc}/gu, '').slice(0, 100);
  };
  return `${text('effective-directive', 'effectiveDirective', 'violated-directive')} ${text('blocked-uri', 'blockedURL')}`;
}

export async function startDemo(options: DemoOptions): Promise<DemoServer> {
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  // The demo shop's own data: reviews that read like a real shop's, no hostile test texts.
  const seeded = await seedDemo(database.db, { demo: true });
  await ensureCatalog(database.db);
  // The port is needed before listening: e-mailed links (opt-out, sign-in) point at it.
  const port = options.port || (await freePort(options.host));
  const publicUrl = `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`;
  const { app, jobs } = createApp({
    db: database.db,
    publicUrl,
    jobs:
      options.jobs === false
        ? undefined
        : { smtpUrl: options.smtpUrl, from: options.mailFrom, publicUrl, tickSeconds: 10 },
    adminToken: options.adminToken,
    postOrigins: options.postOrigins,
    rateLimit: (options.rateLimitPerMinute ?? 30) > 0 ? { perMinute: options.rateLimitPerMinute ?? 30 } : false,
    cacheTtlMs: options.cacheTtlMs ?? 1000,
    maxAgeSeconds: options.maxAgeSeconds ?? 60,
    apiDelayMs: options.apiDelayMs ?? 0,
  });

  const violations: CspViolations = { total: 0, counts: new Map() };
  app.post(
    '/__csp-report',
    rateLimit({ perMinute: 60, burst: 30 }),
    bodyLimit({
      maxSize: CSP_REPORT_MAX_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `A report is at most ${CSP_REPORT_MAX_BYTES} bytes`);
      },
    }),
    async (c) => {
      const kind = violationKind(await c.req.json().catch(() => undefined));
      const key = violations.counts.has(kind) || violations.counts.size < MAX_KINDS ? kind : 'other';
      violations.total += 1;
      violations.counts.set(key, (violations.counts.get(key) ?? 0) + 1);
      console.warn(`Content-Security-Policy violation: ${kind}`);
      return c.body(null, 204);
    },
  );

  const noCache = (_path: string, c: { header: (name: string, value: string) => void }) =>
    c.header('cache-control', 'no-cache');
  const chunkDelayMs = options.chunkDelayMs ?? 0;
  if (chunkDelayMs > 0) {
    app.use('/cdn/chunks/*', async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
      await next();
    });
  }
  app.use(
    '/cdn/*',
    serveStatic({ root: `${root}dist/cdn`, rewriteRequestPath: (path) => path.slice('/cdn'.length), onFound: noCache }),
  );
  app.use('*', async (c, next) => {
    await next();
    // The dashboard and the server's own pages bring their own policy.
    if (c.req.path.startsWith('/dashboard') || c.req.path.startsWith('/v1/')) return;
    if (c.res.headers.get('content-type')?.startsWith('text/html') && !c.res.headers.has('content-security-policy'))
      c.res.headers.set('content-security-policy', DEMO_CSP);
  });
  for (const [path, page] of Object.entries(options.extraPages ?? {})) app.get(path, (c) => c.html(page));
  // The product page is server-rendered (verity-reviews/ssr): readable without JavaScript.
  app.get('/espresso.html', async (c) => {
    const page = await renderProductPage(c.req.url, (input, init) =>
      Promise.resolve(app.fetch(new Request(input, init))),
    );
    c.header('cache-control', 'no-cache');
    c.header('content-security-policy', cspWithStyles(page.styleSources));
    return c.html(page.html);
  });
  const category = categoryPage();
  app.get('/category.html', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(category);
  });
  for (const [prefix, folder] of Object.entries(options.extraFolders ?? {})) {
    app.use(
      `${prefix}/*`,
      serveStatic({ root: folder, rewriteRequestPath: (path) => path.slice(prefix.length), onFound: noCache }),
    );
  }
  app.use('*', serveStatic({ root: `${root}demo`, onFound: noCache }));

  const server = await listen(app, database, port, options.host, { beforeClose: async () => jobs?.stop() });
  // A few orders of the demo shop due now: their invitations are in the outbox within seconds.
  await seedDemoOrders(database.db, { reviewFormUrl: `${server.url}/` });
  void jobs?.start().then(
    () => jobs.runDue(),
    (error: unknown) => console.error('The invitation workers did not start:', error),
  );
  await upsertMember(database.db, DEMO_BUSINESS, { email: DEMO_OWNER, role: 'owner' }, new Date());
  const ownerSignInLink = async () => {
    const { token } = await createSignInLink(database.db, DEMO_OWNER, new Date());
    return signInUrl(`${server.url}/dashboard`, token);
  };
  return { ...server, violations, seeded, ownerSignInLink };
}

/** A port free on this host now (the demo is then started on it). */
function freePort(host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host ?? '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
