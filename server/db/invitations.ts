/**
 * Invitations as the job workers and the admin API see them (SPEC §7): scheduled with their
 * order, listed by state, and ended by an opt-out. Every state change is a conditional UPDATE on
 * the state it starts from, so of two servers taking one step, one does it and the other finds
 * nothing left to do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { INVITATION_STATUSES } from '../../src/contract/admin.js';
import type { AdminInvitation, AdminInvitationPage, InvitationStatus } from '../../src/contract/admin.js';
import { LIMITS } from '../../src/client/schemas.js';
import { invalid } from '../http/errors.js';
import { hashToken } from './businesses.js';
import { addToCounter } from './counters.js';
import type { InvitationTable, Tables } from './schema.js';

const DAY = 24 * 60 * 60 * 1000;

/** The states in which an invitation's link still works and its next step is still to come. */
export const OPEN_STATUSES = ['scheduled', 'sent', 'reminded'] as const satisfies readonly InvitationStatus[];

/** What a review written with an invitation's link sets on it: no reminder, no expiry, no token. */
export const INVITATION_REVIEWED = (now: Date) =>
  ({ status: 'reviewed', next_step: null, due_at: null, token: null, finished_at: now }) as const;

/** An address as the opt-outs know it: one address, however it is capitalised. */
export const addressKey = (email: string) => email.trim().toLowerCase();

/**
 * The opt-out link's token, derived from the invitation's token: the reminder carries the same
 * link as the invitation without a second secret to keep, and only its hash is stored.
 */
export function optOutToken(token: string): string {
  return createHmac('sha256', token).update('verity-opt-out').digest('base64url');
}

export interface NewInvitation {
  business: string;
  orderRef: string;
  product: string | null;
  dueAt: Date;
  expiresAfterDays: number;
  now: Date;
}

/** The row of an invitation scheduled to be sent at `dueAt` (R13: every order gets one). */
export function newInvitation(i: NewInvitation): Insertable<InvitationTable> {
  const token = randomBytes(24).toString('base64url');
  return {
    token_hash: hashToken(token),
    token,
    opt_out_hash: hashToken(optOutToken(token)),
    business_id: i.business,
    order_ref: i.orderRef,
    product_id: i.product,
    created_at: i.now,
    status: 'scheduled',
    next_step: 'send',
    due_at: i.dueAt,
    // Counted from the sending once it is sent; until then from the planned sending.
    expires_at: new Date(i.dueAt.getTime() + i.expiresAfterDays * DAY),
  };
}

/** Ends every open invitation of an address at a business (an opt-out), inside `trx`. */
async function endInvitationsOf(trx: Transaction<Tables>, business: string, email: string, now: Date) {
  await trx
    .updateTable('invitations')
    .set({ status: 'opted_out', next_step: null, due_at: null, token: null, finished_at: now })
    .where('business_id', '=', business)
    .where('status', 'in', OPEN_STATUSES)
    .where('order_ref', 'in', (eb) =>
      eb
        .selectFrom('orders')
        .select('order_ref')
        .where('business_id', '=', business)
        .where(sql<string>`lower(email)`, '=', email),
    )
    .execute();
}

export interface OptOutTarget {
  business: string;
  businessName: string;
  locale: string | null;
  optedOut: boolean;
}

/**
 * The language a customer is written to in, in a query of invitations with their orders (`o`) and
 * businesses (`b`): the order's own locale, else the business's default for invitations. An
 * order's locale wins even when Verity has no e-mail in it: that customer said their language,
 * and gets English rather than the shop's.
 */
export const customerLocale = sql<string>`coalesce(o.locale, b.default_invitation_locale)`;

/** Invitations with their orders: every reader of an invitation needs its customer's address and language. */
export function invitationsWithOrders(db: Kysely<Tables>) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('orders as o', (j) =>
      j.onRef('o.business_id', '=', 'i.business_id').onRef('o.order_ref', '=', 'i.order_ref'),
    );
}

/** The invitation an opt-out link belongs to, with its business and whether the address opted out. */
function optOutRow(db: Kysely<Tables>, token: string) {
  return invitationsWithOrders(db)
    .innerJoin('businesses as b', 'b.id', 'i.business_id')
    .leftJoin('opt_outs as x', (j) =>
      j.onRef('x.business_id', '=', 'i.business_id').on('x.email', '=', sql<string>`lower(o.email)`),
    )
    .select(['i.business_id', 'b.name', customerLocale.as('locale'), 'o.email', 'x.reason'])
    .where('i.opt_out_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** Who an opt-out link is for, without changing anything (the confirm page). */
export async function findOptOut(db: Kysely<Tables>, token: string): Promise<OptOutTarget | undefined> {
  const row = await optOutRow(db, token);
  if (!row) return undefined;
  return {
    business: row.business_id,
    businessName: row.name,
    locale: row.locale,
    optedOut: row.reason === 'opted_out',
  };
}

/**
 * The opt-out (R13): the address gets no more invitations from this business, its open ones end
 * as `opted_out`, and the business counts it once however often the link is used.
 */
export async function optOut(db: Kysely<Tables>, token: string, now: Date): Promise<OptOutTarget | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await optOutRow(trx, token);
    if (!row) return undefined;
    const email = addressKey(row.email);
    // Counted once; an address that bounced before and now opts out counts as an opt-out.
    const added = await trx
      .insertInto('opt_outs')
      .values({ business_id: row.business_id, email, reason: 'opted_out', created_at: now })
      .onConflict((oc) =>
        oc
          .columns(['business_id', 'email'])
          .doUpdateSet({ reason: 'opted_out', created_at: now })
          .where('opt_outs.reason', '<>', 'opted_out'),
      )
      .returning('email')
      .executeTakeFirst();
    if (added) await addToCounter(trx, row.business_id, 'opted_out', 1);
    await endInvitationsOf(trx, row.business_id, email, now);
    return { business: row.business_id, businessName: row.name, locale: row.locale, optedOut: true };
  });
}

/** A page cursor of the id-ordered admin lists (invitations, the outbox): the last id seen. */
export function idCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function readIdCursor(cursor: string | null): number | undefined | false {
  if (cursor === null || cursor === '') return undefined;
  const match = /^id:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : false;
}

export interface IdPage {
  after: number | undefined;
  limit: number;
}

/** `cursor` and `limit` of an id-ordered admin list, or a 400 naming what is wrong. */
export function readIdPage(params: URLSearchParams): IdPage {
  const after = readIdCursor(params.get('cursor'));
  const rawLimit = params.get('limit');
  const limit = rawLimit === null || rawLimit === '' ? LIMITS.pageSizeDefault : Number(rawLimit);
  const fields: Record<string, 'invalid'> = {};
  if (after === false) fields.cursor = 'invalid';
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSizeMax) fields.limit = 'invalid';
  if (Object.keys(fields).length > 0) throw invalid('Invalid list query', fields);
  return { after: after || undefined, limit };
}

/** Newest first: the dashboard shows what just happened. */
export async function listInvitations(
  db: Kysely<Tables>,
  business: string,
  status: string | null,
  page: IdPage,
): Promise<AdminInvitationPage> {
  if (status !== null && !(INVITATION_STATUSES as readonly string[]).includes(status)) {
    throw invalid('Invalid list query', { status: 'invalid' });
  }
  let query = invitationsWithOrders(db).where('i.business_id', '=', business);
  if (status) query = query.where('i.status', '=', status as InvitationStatus);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'i.id',
      'i.order_ref',
      'o.email',
      'o.customer_name',
      'i.product_id',
      'o.locale',
      'i.status',
      'i.next_step',
      'i.due_at',
      'i.sent_at',
      'i.reminded_at',
      'i.expires_at',
      'i.finished_at',
      'i.last_error',
      'i.created_at',
    ])
    .$if(page.after !== undefined, (q) => q.where('i.id', '<', page.after!))
    .orderBy('i.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items: AdminInvitation[] = rows.slice(0, page.limit).map((r) => ({
    id: String(r.id),
    orderRef: r.order_ref,
    email: r.email,
    customerName: r.customer_name,
    product: r.product_id,
    locale: r.locale,
    status: r.status,
    nextStep: r.next_step,
    dueAt: r.due_at?.toISOString() ?? null,
    sentAt: r.sent_at?.toISOString() ?? null,
    remindedAt: r.reminded_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
  }));
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { items, nextCursor: last ? idCursor(last.id) : null, total: Number(total.n) };
}
