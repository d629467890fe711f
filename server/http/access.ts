/**
 * Who is asking, and may they (SPEC §7). Every admin route accepts the operator's bearer token
 * (everything, every business) or a member's session cookie, which reaches only that member's own
 * businesses: another business's routes answer 404, as if it did not exist, and an owner's
 * routes answer a moderator 403. The rules live in one table keyed by the route's shape, so a new
 * admin route is the operator's alone until the table says otherwise: nothing opens by accident.
 *
 * A session is a cookie, so every state-changing request that carries one must also come from the
 * dashboard's own origin (`Origin`), or it could have been sent by any site the member visits.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { MemberRole } from '../../src/contract/dashboard.js';
import { SESSION_COOKIE } from '../../src/contract/dashboard.js';
import { findSession } from '../db/members.js';
import type { SignedIn } from '../db/members.js';
import type { Tables } from '../db/schema.js';
import { ApiError } from './errors.js';
import { Budget, clientAddress, tooManyRequests } from './rate-limit.js';
import type { RateLimitOptions } from './rate-limit.js';

export type Actor = { kind: 'operator' } | ({ kind: 'member' } & SignedIn);

/** What a route needs: any member of its business, an owner of it, or the operator. */
export type Need = 'member' | 'owner' | 'operator';

interface Rule {
  methods: readonly string[] | '*';
  pattern: RegExp;
  need: Need;
  /** Which capture of `pattern` names the business, or the review whose business counts. */
  scope: 'business' | 'review';
}

const SEGMENT = '([^/]+)';
const RULES: Rule[] = [
  {
    methods: ['GET', 'HEAD'],
    pattern: new RegExp(`^/v1/admin/businesses/${SEGMENT}$`),
    need: 'member',
    scope: 'business',
  },
  { methods: '*', pattern: new RegExp(`^/v1/admin/businesses/${SEGMENT}$`), need: 'owner', scope: 'business' },
  {
    methods: '*',
    pattern: new RegExp(`^/v1/admin/businesses/${SEGMENT}/(?:members|webhook-secret|imports|people)(?:/.*)?$`),
    need: 'owner',
    scope: 'business',
  },
  { methods: '*', pattern: new RegExp(`^/v1/admin/businesses/${SEGMENT}/.+$`), need: 'member', scope: 'business' },
  { methods: '*', pattern: new RegExp(`^/v1/admin/reviews/${SEGMENT}(?:/.*)?$`), need: 'member', scope: 'review' },
];

/** The rule for a request: the first that matches, else the operator's alone. */
export function ruleFor(method: string, path: string): { need: Need; scope?: Rule['scope']; id?: string } {
  for (const rule of RULES) {
    if (rule.methods !== '*' && !rule.methods.includes(method)) continue;
    const match = rule.pattern.exec(path);
    if (match) return { need: rule.need, scope: rule.scope, id: decodeURIComponent(match[1]!) };
  }
  return { need: 'operator' };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const actors = new WeakMap<Request, Actor>();

/** The one who made this admin request (set by `adminAccess`). */
export function actorOf(c: Context): Actor {
  const actor = actors.get(c.req.raw);
  if (!actor) throw new Error('actorOf() outside adminAccess()');
  return actor;
}

/** How the history names whoever did something: a member's e-mail, or `operator`. */
export const actorName = (actor: Actor): string => (actor.kind === 'operator' ? 'operator' : actor.email);

/** The origins the dashboard is served from: the request's own, and the configured public URL's. */
export function ownOrigins(c: Context, publicUrl: string | undefined): string[] {
  const own = new URL(c.req.url).origin;
  return publicUrl ? [own, new URL(publicUrl).origin] : [own];
}

/** Whether the dashboard is reached over https (behind a proxy, the public URL says so). */
export function overHttps(c: Context, publicUrl: string | undefined): boolean {
  return ownOrigins(c, publicUrl).some((origin) => origin.startsWith('https:'));
}

/**
 * A cookie-authenticated request that changes something must come from our own origin: browsers
 * send `Origin` with every such request and no page can forge it, so a foreign site's form or
 * fetch is refused before anything is read or written.
 */
export function checkOrigin(c: Context, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (!origin || !ownOrigins(c, publicUrl).includes(origin)) {
    throw new ApiError(403, 'forbidden', 'This request must come from the dashboard (Origin)');
  }
}

export interface AccessOptions {
  db: Kysely<Tables>;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  now: () => Date;
  /**
   * Wrong admin tokens allowed per client (10 a minute by default); `false`: no limit. Past the
   * budget every admin request of that client is a 429 until it refills, the right token
   * included, so guessing gets no answer at all.
   */
  failures?: RateLimitOptions | false | undefined;
  trustProxy?: boolean | undefined;
}

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Sign in, or send a valid admin token (Authorization: Bearer …)', undefined, {
    'www-authenticate': 'Bearer realm="verity-admin"',
  });

/** Whether the bearer token is the operator's: digests of one length, compared in constant time. */
export function isOperatorToken(expected: string | undefined, given: string | undefined): boolean {
  return Boolean(expected && given && timingSafeEqual(digest(given), digest(expected)));
}

/** The signed-in member of this request's session cookie, if any. */
export async function sessionOf(c: Context, db: Kysely<Tables>, now: Date): Promise<SignedIn | null> {
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? findSession(db, cookie, now) : null;
}

export function adminAccess(options: AccessOptions): MiddlewareHandler {
  const failures = options.failures === false ? undefined : new Budget(options.failures ?? { perMinute: 10 });
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const client = clientAddress(c, options.trustProxy);
      const wait = failures?.wait(client);
      if (wait !== undefined) throw tooManyRequests(wait, 'Too many wrong admin tokens from here; try again later');
      const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      if (!isOperatorToken(options.adminToken, given)) {
        failures?.take(client);
        throw unauthorized();
      }
      actors.set(c.req.raw, { kind: 'operator' });
      return next();
    }
    const member = await sessionOf(c, options.db, options.now());
    if (!member) throw unauthorized();
    checkOrigin(c, options.publicUrl);
    await authorize(options.db, member, c.req.method, c.req.path);
    actors.set(c.req.raw, { kind: 'member', ...member });
    return next();
  };
}

async function authorize(db: Kysely<Tables>, member: SignedIn, method: string, path: string): Promise<void> {
  const rule = ruleFor(method, path);
  if (rule.need === 'operator') throw new ApiError(403, 'forbidden', 'Only the operator of this server may do this');
  let business = rule.id;
  if (rule.scope === 'review') {
    const review = await db.selectFrom('reviews').select('business_id').where('id', '=', rule.id!).executeTakeFirst();
    business = review?.business_id;
  }
  const role: MemberRole | undefined = business ? member.roles.get(business) : undefined;
  // Another business's things do not exist for this member: the same 404 as a wrong id.
  if (!role) throw new ApiError(404, 'not_found', rule.scope === 'review' ? 'No such review' : 'No such business');
  if (rule.need === 'owner' && role !== 'owner') {
    throw new ApiError(403, 'forbidden', 'Only an owner of this business may do this');
  }
}
