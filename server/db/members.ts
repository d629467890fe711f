/**
 * Members, sign-in links and sessions (SPEC §7). Secrets (the link's token, the session cookie)
 * are random 32-byte values handed out once; the database keeps only their SHA-256, so a copy of
 * it signs nobody in. A sign-in link works once, for 15 minutes; a session ends after 30 idle
 * days, on sign-out, or when ended from another session.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Me, Member, MemberRole, Session } from '../../src/contract/dashboard.js';
import { SESSION_IDLE_DAYS, SIGN_IN_LINK_MINUTES } from '../../src/contract/dashboard.js';
import { hashToken } from './businesses.js';
import type { Tables } from './schema.js';

const DAY = 86_400_000;
/** A session's last use is written at most this often (every request would be a write). */
const TOUCH_EVERY_MS = 60_000;

const secret = () => randomBytes(32).toString('base64url');
export const normalEmail = (email: string) => email.trim().toLowerCase();

function toMember(row: {
  id: string;
  email: string;
  role: MemberRole;
  created_at: Date;
  last_sign_in_at: Date | null;
}): Member {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

export async function listMembers(db: Kysely<Tables>, business: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'email', 'role', 'created_at', 'last_sign_in_at'])
    .where('business_id', '=', business)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toMember);
}

/** Adds a member, or gives an existing one the role asked for. */
export async function upsertMember(
  db: Kysely<Tables>,
  business: string,
  input: { email: string; role: MemberRole },
  now: Date,
): Promise<{ member: Member; created: boolean }> {
  const email = normalEmail(input.email);
  const existing = await db
    .selectFrom('members')
    .select('id')
    .where('business_id', '=', business)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) {
    const row = await db
      .updateTable('members')
      .set({ role: input.role })
      .where('id', '=', existing.id)
      .returning(['id', 'email', 'role', 'created_at', 'last_sign_in_at'])
      .executeTakeFirstOrThrow();
    return { member: toMember(row), created: false };
  }
  const row = await db
    .insertInto('members')
    .values({
      id: `m_${randomBytes(9).toString('base64url')}`,
      business_id: business,
      email,
      role: input.role,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['business_id', 'email']).doUpdateSet({ role: input.role }))
    .returning(['id', 'email', 'role', 'created_at', 'last_sign_in_at'])
    .executeTakeFirstOrThrow();
  return { member: toMember(row), created: true };
}

export type MemberChange = { ok: true; member: Member } | { ok: false; why: 'not_found' | 'last_owner' };

async function ownersLeft(db: Kysely<Tables>, business: string, without: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('business_id', '=', business)
    .where('role', '=', 'owner')
    .where('id', '<>', without)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Changes a member's role; the last owner stays an owner (someone must be able to add members). */
export async function changeRole(
  db: Kysely<Tables>,
  business: string,
  id: string,
  role: MemberRole,
): Promise<MemberChange> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('members')
      .select(['role'])
      .where('business_id', '=', business)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, why: 'not_found' };
    if (current.role === 'owner' && role !== 'owner' && (await ownersLeft(trx, business, id)) === 0)
      return { ok: false, why: 'last_owner' };
    const row = await trx
      .updateTable('members')
      .set({ role })
      .where('id', '=', id)
      .returning(['id', 'email', 'role', 'created_at', 'last_sign_in_at'])
      .executeTakeFirstOrThrow();
    return { ok: true, member: toMember(row) };
  });
}

/** Removes a member; their sessions lose this business at once (access is looked up per request). */
export async function removeMember(db: Kysely<Tables>, business: string, id: string): Promise<MemberChange> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('members')
      .select(['id', 'email', 'role', 'created_at', 'last_sign_in_at'])
      .where('business_id', '=', business)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, why: 'not_found' };
    if (current.role === 'owner' && (await ownersLeft(trx, business, id)) === 0)
      return { ok: false, why: 'last_owner' };
    await trx.deleteFrom('members').where('id', '=', id).execute();
    return { ok: true, member: toMember(current) };
  });
}

export async function isMemberAnywhere(db: Kysely<Tables>, email: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('email', '=', normalEmail(email)).executeTakeFirst();
  return Boolean(row);
}

/** A new one-time sign-in link's token for this e-mail. */
export async function createSignInLink(
  db: Kysely<Tables>,
  email: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = secret();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await db
    .insertInto('sign_in_links')
    .values({ token_hash: hashToken(token), email: normalEmail(email), created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** Sign-in links asked for this e-mail since `since` (a limit per address, beside the one per client). */
export async function recentSignInLinks(db: Kysely<Tables>, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_links')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email', '=', normalEmail(email))
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Uses a sign-in link (once: the conditional update lets one of two concurrent uses win) and opens
 * a session. Answers the session's cookie secret, or null for a used, expired or unknown token.
 */
export async function openSession(
  db: Kysely<Tables>,
  token: string,
  userAgent: string | null,
  now: Date,
): Promise<{ cookie: string; email: string } | null> {
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('sign_in_links')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['email'])
      .executeTakeFirst();
    if (!link) return null;
    const cookie = secret();
    await trx
      .insertInto('sessions')
      .values({
        id: `s_${randomBytes(9).toString('base64url')}`,
        token_hash: hashToken(cookie),
        email: link.email,
        created_at: now,
        last_seen_at: now,
        user_agent: userAgent ? userAgent.slice(0, 200) : null,
      })
      .execute();
    await trx.updateTable('members').set({ last_sign_in_at: now }).where('email', '=', link.email).execute();
    return { cookie, email: link.email };
  });
}

export interface SignedIn {
  sessionId: string;
  email: string;
  /** Business id → role. */
  roles: Map<string, MemberRole>;
}

/** The person behind a session cookie, or null when it is unknown, ended or idle too long. */
export async function findSession(db: Kysely<Tables>, cookie: string, now: Date): Promise<SignedIn | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'email', 'last_seen_at'])
    .where('token_hash', '=', hashToken(cookie))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_DAYS * DAY) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  const memberships = await db
    .selectFrom('members')
    .select(['business_id', 'role'])
    .where('email', '=', row.email)
    .execute();
  return { sessionId: row.id, email: row.email, roles: new Map(memberships.map((m) => [m.business_id, m.role])) };
}

export async function describeMe(db: Kysely<Tables>, email: string): Promise<Me> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('businesses', 'businesses.id', 'members.business_id')
    .select(['businesses.id', 'businesses.name', 'members.role'])
    .where('members.email', '=', email)
    .orderBy('businesses.name')
    .execute();
  return { email, memberships: rows.map((r) => ({ business: { id: r.id, name: r.name }, role: r.role })) };
}

export async function listSessions(db: Kysely<Tables>, email: string, current: string, now: Date): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
    .where('email', '=', email)
    .where('revoked_at', 'is', null)
    .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_DAYS * DAY))
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    userAgent: r.user_agent,
    current: r.id === current,
  }));
}

/** Ends one of this person's sessions; answers whether there was one to end. */
export async function endSession(db: Kysely<Tables>, email: string, id: string, now: Date): Promise<boolean> {
  const ended = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('email', '=', email)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(ended);
}
