/**
 * Signing in to the dashboard without a password (SPEC §7): a member asks for a link by e-mail,
 * the link's page posts its one-time token, and the server sets a session cookie (`HttpOnly`,
 * `SameSite=Lax`, `Secure` over https) kept in the database, so it can be listed and ended.
 *
 * The sign-in form never tells whether an address is a member: it answers 202 either way, and
 * the work done is the same. Asking is limited per client and per address.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  SESSION_COOKIE,
  SESSION_IDLE_DAYS,
  sessionInputSchema,
  signInInputSchema,
} from '../../src/contract/dashboard.js';
import type { AppContext } from '../context.js';
import {
  createSignInLink,
  describeMe,
  endSession,
  isMemberAnywhere,
  listSessions,
  normalEmail,
  openSession,
  recentSignInLinks,
} from '../db/members.js';
import { checkOrigin, overHttps, sessionOf } from '../http/access.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { readBody } from '../http/json.js';
import { rateLimit } from '../http/rate-limit.js';

const NO_STORE = { 'cache-control': 'no-store' };
/** Sign-in links one address may be sent in 15 minutes. */
const LINKS_PER_ADDRESS = 5;

export interface SignInMail {
  to: string;
  /** The language the member asked in (the dashboard's), for the e-mail. */
  locale?: string | undefined;
  /** The dashboard's sign-in page with the one-time token. */
  url: string;
  expiresAt: Date;
}

export interface AuthOptions {
  /** The address the dashboard is reached at (e-mailed links point there); else the request's own, on loopback only. */
  publicUrl: string | undefined;
  /** Delivers a sign-in link (the mailer or the outbox); without it links go nowhere. */
  sendSignInLink: ((mail: SignInMail) => Promise<void>) | undefined;
  /** Sign-in requests a minute per client; `false` turns the limit off. */
  signInPerMinute: number | false;
  trustProxy: boolean;
}

/**
 * Where e-mailed links point, or null when that is not known. A request's Host is not trusted for
 * it beyond loopback: a forged Host would mail a member a link to someone else's site, carrying a
 * token that signs in.
 */
export function dashboardBase(c: Context, publicUrl: string | undefined): string | null {
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}/dashboard`;
  const url = new URL(c.req.url);
  if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)) return null;
  return `${url.origin}/dashboard`;
}

export function signInUrl(base: string, token: string): string {
  return `${base}/sign-in?token=${encodeURIComponent(token)}`;
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(message);
  warned = true;
}

export function authRoutes(ctx: AppContext, options: AuthOptions): Hono {
  const app = new Hono();
  const { db } = ctx;
  const limit =
    options.signInPerMinute === false
      ? undefined
      : rateLimit({
          perMinute: options.signInPerMinute,
          burst: options.signInPerMinute,
          trustProxy: options.trustProxy,
        });

  app.use('/v1/auth/*', async (c, next) => {
    checkOrigin(c, options.publicUrl);
    await next();
  });

  app.post('/v1/auth/sign-in', async (c) => {
    if (limit) await limit(c, async () => {});
    const input = await readBody(c, signInInputSchema);
    const email = normalEmail(input.email);
    const now = ctx.now();
    const base = dashboardBase(c, options.publicUrl);
    if (!base) {
      warnOnce('VERITY_PUBLIC_URL is not set: sign-in links are not sent to requests from other hosts than loopback');
      return c.json({}, 202, NO_STORE);
    }
    const quiet = (await recentSignInLinks(db, email, new Date(now.getTime() - 15 * 60_000))) >= LINKS_PER_ADDRESS;
    if (!quiet && (await isMemberAnywhere(db, email))) {
      const { token, expiresAt } = await createSignInLink(db, email, now);
      // Not awaited: the answer takes the same time whether or not the address is a member.
      options
        .sendSignInLink?.({ to: email, locale: input.locale, url: signInUrl(base, token), expiresAt })
        .catch((error: unknown) => console.error(`sign-in link to a member: ${String(error)}`));
    }
    return c.json({}, 202, NO_STORE);
  });

  app.post('/v1/auth/session', async (c) => {
    const { token } = await readBody(c, sessionInputSchema);
    const opened = await openSession(db, token, c.req.header('user-agent') ?? null, ctx.now());
    if (!opened) throw invalid('This sign-in link was used already or has expired', { token: 'invalid_token' });
    setCookie(c, SESSION_COOKIE, opened.cookie, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: overHttps(c, options.publicUrl),
      path: '/',
      maxAge: SESSION_IDLE_DAYS * 86_400,
    });
    return c.json(await describeMe(db, opened.email), 200, NO_STORE);
  });

  const signedIn = async (c: Context) => {
    const member = await sessionOf(c, db, ctx.now());
    if (!member) throw new ApiError(401, 'unauthorized', 'Not signed in');
    return member;
  };

  app.get('/v1/auth/me', async (c) => c.json(await describeMe(db, (await signedIn(c)).email), 200, NO_STORE));

  app.post('/v1/auth/sign-out', async (c) => {
    const member = await sessionOf(c, db, ctx.now());
    if (member) await endSession(db, member.email, member.sessionId, ctx.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204, NO_STORE);
  });

  app.get('/v1/auth/sessions', async (c) => {
    const member = await signedIn(c);
    return c.json({ items: await listSessions(db, member.email, member.sessionId, ctx.now()) }, 200, NO_STORE);
  });

  app.delete('/v1/auth/sessions/:id', async (c) => {
    const member = await signedIn(c);
    if (!(await endSession(db, member.email, c.req.param('id'), ctx.now()))) throw notFound('No such session');
    return c.body(null, 204, NO_STORE);
  });

  return app;
}
