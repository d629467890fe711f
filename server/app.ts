/**
 * The reference review API as a Hono app: contract v1, the admin API, and what every answer
 * shares (the error envelope, body limits, CORS, rate limits, caching headers).
 */
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { ADMIN_LIMITS } from '../src/contract/admin.js';
import type { AppContext } from './context.js';
import type { Tables } from './db/schema.js';
import { originsOf, urlTextProblem } from '../src/client/requests.js';
import { adminAccess } from './http/access.js';
import { ResponseCache } from './http/cache.js';
import { cors } from './http/cors.js';
import { selfOrigin } from './http/origin.js';
import { ApiError, errorBody, invalid, logLine } from './http/errors.js';
import { rateLimit } from './http/rate-limit.js';
import { securityHeaders } from './http/security.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { createJobs } from './jobs/index.js';
import type { JobSettings, Jobs } from './jobs/index.js';
import { smtpMailer } from './mail/mailer.js';
import { signInSender } from './mail/sign-in.js';
import { adminRoutes, isCsv } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { dashboardRoutes } from './routes/dashboard.js';
import type { SignInMail } from './routes/auth.js';
import { hookRoutes } from './routes/hooks.js';
import { publicRoutes } from './routes/public.js';
import { reviewerRoutes } from './routes/reviewer.js';
import { teamRoutes } from './routes/team.js';

export interface AppOptions {
  db: Kysely<Tables>;
  /** The admin API's bearer token; without one every admin route answers 401. */
  adminToken?: string | undefined;
  /** Origins allowed to POST from a browser: a list, or '*'. By default, the origins of the businesses' URLs. */
  postOrigins?: readonly string[] | '*' | undefined;
  /** Public POSTs per IP; `false` turns the limit off. Default 30 a minute, bursts of 30. */
  rateLimit?: RateLimitOptions | false | undefined;
  /**
   * Public GETs per IP; `false` turns the limit off. Default 1,200 a minute, bursts of 600: far more
   * than pages with widgets ask for, far less than it takes to keep the database busy with
   * searches. Behind a CDN, trust its proxy (`trustProxy`), or every visitor is the CDN's address.
   */
  readRateLimit?: RateLimitOptions | false | undefined;
  /**
   * Take the client's address from the last X-Forwarded-For hop, and the page's own origin from
   * X-Forwarded-Proto and -Host: only behind a proxy of our own that sets them.
   */
  trustProxy?: boolean | undefined;
  /**
   * Wrong admin tokens per client before every admin request of that client is a 429 until the
   * budget refills; `false` turns the limit off. Default 10 a minute.
   */
  adminFailureLimit?: RateLimitOptions | false | undefined;
  /** Refused webhook deliveries (unsigned, wrongly signed, unknown business) per client; default 30 a minute. */
  hookFailureLimit?: RateLimitOptions | false | undefined;
  /** How long this process reuses a hot GET answer (default 1 s; 0 turns the cache off). */
  cacheTtlMs?: number | undefined;
  /** `max-age` of public GET answers for browsers and CDNs (default 60 s). */
  maxAgeSeconds?: number | undefined;
  /** Largest request body (default 64 KiB); imports may be larger. */
  bodyLimitBytes?: number | undefined;
  importLimitBytes?: number | undefined;
  /** Delays every API answer, to show slow networks in a demo. */
  apiDelayMs?: number | undefined;
  /** A CSV of orders may be this large (default 20 MiB); a webhook's order 1 MiB. */
  csvLimitBytes?: number | undefined;
  hookLimitBytes?: number | undefined;
  clock?: (() => Date) | undefined;
  /** Where the dashboard is reached (e-mailed sign-in links point there), e.g. `https://reviews.example.com`. */
  publicUrl?: string | undefined;
  /** Delivers a member's sign-in link; without it the operator's API hands new members theirs. */
  sendSignInLink?: ((mail: SignInMail) => Promise<void>) | undefined;
  /** Sign-in requests a minute per client (default 10); `false` turns the limit off. */
  signInPerMinute?: number | false | undefined;
  /** Where unexpected errors are reported (default: the console). */
  logError?: ((error: unknown, c: Context) => void) | undefined;
  /**
   * The invitation workers (pg-boss on the same database): made, not started, when given —
   * `await verity.jobs.start()`. Without it no queue runs in this process (orders are still
   * recorded and their invitations scheduled, for a process that runs the workers).
   */
  jobs?: JobSettings | undefined;
  /** The built dashboard served at /dashboard/ (default `dist/dashboard`); `false`: none. */
  dashboardDir?: string | false | undefined;
}

export interface VerityApp {
  app: Hono;
  ctx: AppContext;
  jobs: Jobs | undefined;
}

export function createApp(options: AppOptions): VerityApp {
  // Made after the routes, which may wake them.
  const workers: { jobs?: Jobs | undefined } = {};
  const ctx: AppContext = {
    db: options.db,
    now: options.clock ?? (() => new Date()),
    cache: new ResponseCache(options.cacheTtlMs ?? 1000),
    cacheControl: `public, max-age=${options.maxAgeSeconds ?? 60}`,
    trustProxy: options.trustProxy ?? (options.rateLimit ? Boolean(options.rateLimit.trustProxy) : false),
    publicUrl: options.publicUrl ?? options.jobs?.publicUrl,
    wakeJobs: () => workers.jobs?.wake(),
  };
  const logError =
    options.logError ?? ((error: unknown, c: Context) => console.error(logLine(error, c.req.method, c.req.path)));
  const app = new Hono();
  // First, so that every answer has them: errors, 304s, preflights, and what a host app adds.
  app.use('*', securityHeaders());

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message, error.fields), error.status, {
        'cache-control': 'no-store',
        ...error.headers,
      });
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        errorBody(error.status === 413 ? 'payload_too_large' : 'validation_failed', error.message),
        error.status,
      );
    }
    logError(error, c);
    return c.json(errorBody('internal', 'The review service had an internal error'), 500, {
      'cache-control': 'no-store',
    });
  });
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));

  // An answer sent before the request's body arrived in full (a 413, or a 401 before the body was
  // read): the client may stop sending it, and the connection is then in no state for another
  // request. Saying so lets the client open a new one instead of failing on this one.
  app.use('*', async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming && !incoming.complete) c.res.headers.set('connection', 'close');
  });

  // The trivial JSON route: for load balancers' health checks, and the benchmark's baseline.
  app.get('/health', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }));

  const origins = postOrigins(ctx, options.postOrigins);
  app.use('/v1/*', cors(origins.allowed));
  // No path segment may carry a control character (a NUL byte, say): PostgreSQL refuses them, and
  // neither a route nor the access check may pass one to it. The error names the segment as the
  // route's parameter (`business`, `id`, `token`).
  app.use('/v1/*', async (c, next) => {
    const segments = c.req.path.split('/');
    for (const [i, segment] of segments.entries()) {
      let text: string;
      try {
        text = decodeURIComponent(segment);
      } catch {
        text = '\u0000';
      }
      if (!urlTextProblem(text, Number.MAX_SAFE_INTEGER)) continue;
      const before = segments[i - 1] ?? '';
      const name =
        before === 'businesses' || before === 'hooks' ? 'business' : before === 'unsubscribe' ? 'token' : 'id';
      throw invalid(`The ${name} in the path holds a control character`, { [name]: 'invalid' });
    }
    await next();
  });
  if (options.apiDelayMs) {
    const ms = options.apiDelayMs;
    app.use('/v1/*', async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await next();
    });
  }
  const tooLarge = (limit: number) => () => {
    throw new ApiError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`);
  };
  const limit = options.bodyLimitBytes ?? 64 * 1024;
  const importLimit = options.importLimitBytes ?? 10 * 1024 * 1024;
  app.use(
    '/v1/admin/businesses/:business/imports',
    bodyLimit({ maxSize: importLimit, onError: tooLarge(importLimit) }),
  );
  const limitBody = bodyLimit({ maxSize: limit, onError: tooLarge(limit) });
  const csvLimit = options.csvLimitBytes ?? ADMIN_LIMITS.csvBytesMax;
  const limitCsv = bodyLimit({ maxSize: csvLimit, onError: tooLarge(csvLimit) });
  const hookLimit = options.hookLimitBytes ?? 1024 * 1024;
  const limitHook = bodyLimit({ maxSize: hookLimit, onError: tooLarge(hookLimit) });
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.path.endsWith('/imports') && c.req.path.startsWith('/v1/admin/')) return next();
    // Big files only where they belong: a CSV of orders, a platform's order with many lines.
    if (c.req.path.endsWith('/orders') && c.req.path.startsWith('/v1/admin/') && isCsv(c.req.header('content-type'))) {
      return limitCsv(c, next);
    }
    if (c.req.path.startsWith('/v1/hooks/')) return limitHook(c, next);
    return limitBody(c, next);
  });

  app.use(
    '/v1/admin/*',
    adminAccess({
      db: ctx.db,
      adminToken: options.adminToken,
      publicUrl: options.publicUrl ?? options.jobs?.publicUrl,
      now: ctx.now,
      failures:
        options.adminFailureLimit === false
          ? false
          : { clock: () => ctx.now().getTime(), ...(options.adminFailureLimit ?? { perMinute: 10 }) },
      trustProxy: ctx.trustProxy,
    }),
  );
  // One mailer for the invitations and the sign-in links (one SMTP pool).
  const mailer = options.jobs?.mailer ?? (options.jobs?.smtpUrl ? smtpMailer(options.jobs.smtpUrl) : undefined);
  const auth = {
    publicUrl: options.publicUrl ?? options.jobs?.publicUrl,
    sendSignInLink:
      options.sendSignInLink ??
      (options.jobs ? signInSender(mailer, options.jobs.from ?? 'reviews@localhost', ctx.now) : undefined),
    signInPerMinute: options.signInPerMinute ?? 10,
    trustProxy: options.trustProxy ?? false,
  };

  if (options.readRateLimit !== false) {
    const limitReads = rateLimit({
      trustProxy: ctx.trustProxy,
      ...(options.readRateLimit ?? { perMinute: 1200, burst: 600 }),
    });
    app.use('/v1/*', async (c, next) => {
      if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/v1/admin/')) return next();
      return limitReads(c, next);
    });
  }

  const limitPosts =
    options.rateLimit === false
      ? async (_c: Context, next: () => Promise<void>) => next()
      : rateLimit({ trustProxy: ctx.trustProxy, ...(options.rateLimit ?? { perMinute: 30 }) });

  app.route('/', publicRoutes(ctx, limitPosts));
  app.route('/', authRoutes(ctx, auth));
  app.route('/', teamRoutes(ctx, auth));
  app.route('/', adminRoutes(ctx, origins.forget));
  const businessChanged = (business: string) => ctx.cache.invalidate(`business:${business}`);
  app.route('/', hookRoutes(ctx, businessChanged, options.hookFailureLimit ?? { perMinute: 30 }));
  app.route('/', reviewerRoutes(ctx, businessChanged));
  if (options.dashboardDir !== false) app.route('/', dashboardRoutes({ dir: options.dashboardDir }));

  const jobs = options.jobs
    ? createJobs(ctx.db, ctx.now, {
        ...options.jobs,
        mailer,
        changed: (business, review) => ctx.cache.invalidate(`business:${business}`, `review:${review}`),
      })
    : undefined;
  workers.jobs = jobs;
  return { app, ctx, jobs };
}

/** The business a public POST acts for: named in its path, or the business of the review it names. */
const BUSINESS_PATH = /^\/v1\/businesses\/([^/]+)\//;
const REVIEW_PATH = /^\/v1\/reviews\/([^/]+)\//;

/**
 * Who may POST from a browser: the page's own origin, then the configured list, or by default the
 * origins of the business the request acts for: its own URLs (a shop's site may post reviews of
 * that shop) and the origins its owner allowed in the settings. Shop A's site cannot post reviews
 * or votes for shop B. A POST that acts for no business (sign-in, opt-out) comes from our own
 * pages only. Each business's origins are looked up at most once a minute, and at once after a
 * change to the business.
 */
function postOrigins(ctx: AppContext, configured: AppOptions['postOrigins']) {
  const known = new Map<string, { origins: Set<string>; expires: number }>();
  const forget = () => {
    known.clear();
  };
  const businessOf = async (path: string): Promise<string | undefined> => {
    const named = BUSINESS_PATH.exec(path)?.[1];
    if (named) {
      const id = safeDecode(named);
      return id === undefined || urlTextProblem(id) ? undefined : id;
    }
    const review = REVIEW_PATH.exec(path)?.[1];
    if (!review) return undefined;
    const id = safeDecode(review);
    if (id === undefined || urlTextProblem(id)) return undefined;
    const row = await ctx.db.selectFrom('reviews').select('business_id').where('id', '=', id).executeTakeFirst();
    return row?.business_id;
  };
  const originsOfBusiness = async (business: string): Promise<Set<string>> => {
    const cached = known.get(business);
    if (cached && cached.expires >= Date.now()) return cached.origins;
    const row = await ctx.db
      .selectFrom('businesses')
      .select(['url', 'review_form_url', 'allowed_origins'])
      .where('id', '=', business)
      .executeTakeFirst();
    const origins = row ? originsOf([row.url, row.review_form_url, ...row.allowed_origins]) : new Set<string>();
    if (known.size > 10_000) known.clear();
    known.set(business, { origins, expires: Date.now() + 60_000 });
    return origins;
  };
  const allowed = async (origin: string, c: Context): Promise<boolean> => {
    if (origin === selfOrigin(c, ctx.trustProxy)) return true;
    if (configured === '*') return true;
    if (configured) return configured.includes(origin);
    const business = await businessOf(c.req.path);
    return business !== undefined && (await originsOfBusiness(business)).has(origin);
  };
  return { allowed, forget };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
