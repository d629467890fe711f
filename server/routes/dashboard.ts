/**
 * The business dashboard's built files (`dist/dashboard/`, `npm run build`) under `/dashboard/`.
 * The dashboard is a single-page app: any `/dashboard/…` address that is not one of its hashed
 * assets answers `index.html`, and the app's router shows the screen (`/dashboard/inbox`,
 * `/dashboard/reviews/:id`, …), so a reload or a shared link works.
 *
 * Everything is served under a strict Content-Security-Policy with Trusted Types: Lit's templates
 * use the `lit-html` policy, and the outbox's sealed e-mail frame the `verity-email` one (a
 * frame's `srcdoc` takes only TrustedHTML). The server serves these files and imports none of the
 * dashboard's code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';

export const DASHBOARD_BASE = '/dashboard';

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html verity-email',
].join('; ');

/** Headers of every answer under `/dashboard/`. */
export const DASHBOARD_HEADERS: Record<string, string> = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** Hashed file names change with their content: a year, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page names the current hashes: always asked again (a 304 when unchanged is cheap). */
const NO_CACHE = 'no-cache';

export interface DashboardRoutesOptions {
  /** The built dashboard (with `index.html` and `assets/`); `dist/dashboard` by default. */
  dir?: string;
}

const defaultDir = () => fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

export function dashboardRoutes(options: DashboardRoutesOptions = {}): Hono {
  const dir = options.dir ?? defaultDir();
  const app = new Hono();

  const secure: MiddlewareHandler = async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) c.res.headers.set(name, value);
  };
  app.use(DASHBOARD_BASE, secure);
  app.use(`${DASHBOARD_BASE}/*`, secure);

  // `/dashboard` is the app too; its relative addresses need the slash.
  app.get(DASHBOARD_BASE, (c) => {
    const search = new URL(c.req.url).search;
    return c.redirect(`${DASHBOARD_BASE}/${search}`, 301);
  });

  // The hashed assets; one that is not there is a 404, never the page (a stale chunk must fail
  // as a missing script, not as HTML with the wrong type).
  app.use(`${DASHBOARD_BASE}/assets/*`, async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206) c.res.headers.set('cache-control', IMMUTABLE);
  });
  app.use(
    `${DASHBOARD_BASE}/assets/*`,
    serveStatic({ root: dir, rewriteRequestPath: (path) => path.slice(DASHBOARD_BASE.length) }),
  );
  app.all(`${DASHBOARD_BASE}/assets/*`, (c) => c.text('Not found', 404, { 'cache-control': 'no-store' }));

  // Every other address under /dashboard/ is a screen of the app.
  const page = async (head: boolean) => {
    let html: string;
    try {
      html = await readFile(join(dir, 'index.html'), 'utf8');
    } catch {
      return new Response('The dashboard is not built: run npm run build.', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    return new Response(head ? null : html, {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': NO_CACHE },
    });
  };
  app.on(['GET', 'HEAD'], `${DASHBOARD_BASE}/*`, (c) => page(c.req.method === 'HEAD'));

  return app;
}
