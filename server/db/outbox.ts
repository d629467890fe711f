/**
 * The outbox (SPEC §7): every message the server writes, stored in the same transaction as the
 * invitation's state change that caused it, then delivered. With an SMTP server each message goes
 * `pending → sending → sent | failed`; without one it is `held`, and the outbox is where the
 * dashboard shows it, as the customer would see it.
 *
 * Delivery is at most once. Before talking to the SMTP server a worker claims the message
 * (`pending → sending`, committed): of two workers only one can. If the process dies after the
 * claim, nobody can know whether the SMTP server took the message, so it is never sent again:
 * after a lease it ends `failed` with that reason, visible and counted, rather than risk a
 * customer getting the same e-mail twice.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { MESSAGE_KINDS, OUTBOX_STATUSES } from '../../src/contract/admin.js';
import type { MessageKind, OutboxMessage, OutboxPage, OutboxStatus } from '../../src/contract/admin.js';
import { invalid } from '../http/errors.js';
import { addToCounter } from './counters.js';
import { addressKey, idCursor } from './invitations.js';
import type { IdPage } from './invitations.js';
import type { OutboxRow, Tables } from './schema.js';

/**
 * Messages that reached the customer's side (the SMTP server took them, or they are held in the
 * outbox): an invitation's first message counts its order as invited (R9), once.
 */
export async function delivered(trx: Transaction<Tables>, rows: readonly OutboxRow[], now: Date): Promise<void> {
  const refs = new Map<string, string[]>();
  for (const row of rows) {
    if (row.kind !== 'invitation' || !row.order_ref) continue;
    refs.set(row.business_id, [...(refs.get(row.business_id) ?? []), row.order_ref]);
  }
  for (const [business, orderRefs] of refs) {
    const marked = await trx
      .updateTable('orders')
      .set({ invited_at: now })
      .where('business_id', '=', business)
      .where('order_ref', 'in', orderRefs)
      .where('invited_at', 'is', null)
      .returning('order_ref')
      .execute();
    await addToCounter(trx, business, 'orders_invited', marked.length);
  }
}

/**
 * A message that will not be delivered: the outbox keeps the SMTP server's answer, and its
 * invitation, if still open, ends `failed` and is counted. A bounce (the server refused the
 * address for good) also excludes the address from this business's later invitations (R13).
 */
export async function failMessage(
  trx: Transaction<Tables>,
  id: number,
  from: OutboxStatus,
  answer: string,
  now: Date,
  bounced = false,
): Promise<boolean> {
  const row = await trx
    .updateTable('outbox')
    .set({ status: 'failed', last_error: answer })
    .where('id', '=', id)
    .where('status', '=', from)
    .returning(['business_id', 'invitation_id', 'to_address'])
    .executeTakeFirst();
  if (!row) return false;
  if (bounced) {
    await trx
      .insertInto('opt_outs')
      .values({ business_id: row.business_id, email: addressKey(row.to_address), reason: 'bounced', created_at: now })
      .onConflict((oc) => oc.columns(['business_id', 'email']).doNothing())
      .execute();
  }
  if (row.invitation_id !== null) {
    const ended = await trx
      .updateTable('invitations')
      .set({ status: 'failed', next_step: null, due_at: null, token: null, last_error: answer, finished_at: now })
      .where('id', '=', row.invitation_id)
      .where('status', 'in', ['sent', 'reminded'])
      .returning('id')
      .executeTakeFirst();
    if (ended) await addToCounter(trx, row.business_id, 'invitations_failed', 1);
  }
  return true;
}

/** The Message-ID of an outbox message: ours and stable, so a mail client that somehow got it twice shows it once. */
export const messageIdOf = (row: Pick<OutboxRow, 'id' | 'kind'>, host: string) =>
  `<verity-${row.id}.${row.kind}@${host}>`;

/** Claims pending messages for delivery; those another worker has, or that are done, are not returned. */
export async function claimMessages(db: Kysely<Tables>, ids: readonly number[], wallNow: Date) {
  if (ids.length === 0) return [];
  return db
    .updateTable('outbox as m')
    .set((eb) => ({ status: 'sending', claimed_at: wallNow, attempts: eb('m.attempts', '+', 1) }))
    .from('businesses as b')
    .whereRef('b.id', '=', 'm.business_id')
    .where('m.id', 'in', ids)
    .where('m.status', '=', 'pending')
    .returningAll('m')
    .returning('b.name as business_name')
    .execute();
}

/** The SMTP server took these messages. */
export async function markSent(db: Kysely<Tables>, ids: readonly number[], host: string, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('outbox')
      .set({
        status: 'sent',
        sent_at: now,
        message_id: sql<string>`'<verity-' || id || '.' || kind || '@' || ${host} || '>'`,
        last_error: null,
      })
      .where('id', 'in', ids)
      .where('status', '=', 'sending')
      .returningAll()
      .execute();
    await delivered(trx, rows, now);
  });
}

/**
 * Messages a request wrote (a reviewer's confirmation) wait, `queued = false`, for a process that
 * runs the workers: it holds them in the outbox when it has no SMTP server, or hands their delivery
 * to the queue, in the transaction that marks them queued (never handed over twice).
 */
export async function queueWrittenMessages(
  db: Kysely<Tables>,
  hold: boolean,
  queueDelivery: (trx: Transaction<Tables>, ids: number[]) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('outbox')
      .set({ queued: true, ...(hold ? { status: 'held' as const } : {}) })
      .where('id', 'in', (eb) =>
        eb.selectFrom('outbox').select('id').where('queued', '=', false).orderBy('id').limit(500),
      )
      .where('queued', '=', false)
      .returning('id')
      .execute();
    if (!hold && rows.length > 0)
      await queueDelivery(
        trx,
        rows.map((r) => r.id),
      );
    return hold ? 0 : rows.length;
  });
}

/** The SMTP server said "not now" (or could not be reached): the message waits for a retry. */
export async function markRetry(db: Kysely<Tables>, id: number, answer: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', last_error: answer })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * Messages claimed longer ago than the lease whose worker never said what happened (the process
 * died mid-delivery): failed, never sent again.
 */
export async function failInterrupted(db: Kysely<Tables>, wallNow: Date, leaseMs: number, now: Date): Promise<number> {
  const stale = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'sending')
    .where('claimed_at', '<', new Date(wallNow.getTime() - leaseMs))
    .limit(500)
    .execute();
  let failed = 0;
  for (const { id } of stale) {
    const done = await db
      .transaction()
      .execute((trx) =>
        failMessage(
          trx,
          id,
          'sending',
          'Interrupted: the server stopped while handing the message to the SMTP server. It is not sent again, so the customer never gets it twice.',
          now,
        ),
      );
    if (done) failed += 1;
  }
  return failed;
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: String(row.id),
    kind: row.kind as MessageKind,
    invitationId: row.invitation_id === null ? null : String(row.invitation_id),
    orderRef: row.order_ref,
    to: row.to_address,
    locale: row.locale,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    ...(row.html_body
      ? {
          htmlUrl: `/v1/admin/businesses/${encodeURIComponent(row.business_id)}/outbox/${row.id}/html`,
        }
      : {}),
    headers: row.headers,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

/** Newest first, optionally of one delivery state. */
export async function listOutbox(
  db: Kysely<Tables>,
  business: string,
  status: string | null,
  page: IdPage,
): Promise<OutboxPage> {
  if (status !== null && !(OUTBOX_STATUSES as readonly string[]).includes(status)) {
    throw invalid('Invalid list query', { status: 'invalid' });
  }
  // A reviewer's messages carry their private links: members never see them (like sign-in links).
  let query = db.selectFrom('outbox').where('business_id', '=', business).where('kind', 'in', MESSAGE_KINDS);
  if (status) query = query.where('status', '=', status as OutboxStatus);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .$if(page.after !== undefined, (q) => q.where('id', '<', page.after!))
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    items: rows.slice(0, page.limit).map(toMessage),
    nextCursor: last ? idCursor(last.id) : null,
    total: Number(total.n),
  };
}

/** The HTML part of one message of this business, or undefined (none, or not this business's). */
export async function messageHtml(db: Kysely<Tables>, business: string, id: string): Promise<string | undefined> {
  if (!/^\d{1,15}$/.test(id)) return undefined;
  const row = await db
    .selectFrom('outbox')
    .select('html_body')
    .where('business_id', '=', business)
    .where('id', '=', Number(id))
    .executeTakeFirst();
  return row?.html_body || undefined;
}
