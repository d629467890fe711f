/**
 * The steps of an invitation (SPEC §7): send it `delayDays` after the order was fulfilled, remind
 * once `reminderAfterDays` later if no review came, end it when its link expires.
 *
 * Each step is one transaction: a conditional UPDATE from the state the step starts in (`WHERE
 * status = 'scheduled' AND next_step = 'send'`), the message written to the outbox, and the
 * message's delivery job put in the queue — all or nothing. Of two workers given the same step,
 * the second finds the state already moved and does nothing; the outbox's unique
 * (invitation, kind) is a last guard. The clock is the server's injectable one, so tests move days
 * forward without sleeping.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction, UpdateObject } from 'kysely';
import type { InvitationStatus, InvitationStep, MessageKind } from '../../src/contract/admin.js';
import { invitationUrl } from '../db/businesses.js';
import { addToCounter } from '../db/counters.js';
import { customerLocale, invitationsWithOrders, optOutToken } from '../db/invitations.js';
import { delivered } from '../db/outbox.js';
import type { Tables } from '../db/schema.js';
import { renderMessage } from '../mail/messages.js';

const DAY = 24 * 60 * 60 * 1000;

export interface StepSettings {
  db: Kysely<Tables>;
  now: () => Date;
  /** The server's public base URL, for the opt-out links (`https://reviews.example.com`). */
  publicUrl: string;
  /** Whether messages only go to the outbox (no SMTP server). */
  holdMail: boolean;
  /** Puts the messages' delivery jobs in the queue, inside the steps' transaction. */
  queueDelivery: (trx: Transaction<Tables>, outboxIds: number[]) => Promise<void>;
}

export interface DueStep {
  id: number;
  step: InvitationStep;
}

export interface StepCounts {
  sent: number;
  reminded: number;
  expired: number;
  optedOut: number;
  /** Not sent: the address bounced before. */
  failed: number;
  /** Steps already taken (by another worker), or no longer the next one. */
  skipped: number;
  /** Steps not due yet by the server's clock: handed back to the sweeper. */
  notDue: number;
}

/** The public one-click opt-out link of an invitation. */
export function optOutUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/unsubscribe/${optOutToken(token)}`;
}

/**
 * Takes the given steps, those still to take and due, in one transaction: each kind of step is
 * one conditional UPDATE from the state it starts in, so a step another worker took meanwhile is
 * simply not in its RETURNING; then the messages of the steps taken here go to the outbox and
 * their deliveries to the queue. One transaction for a batch keeps thousands of due invitations
 * from costing thousands of round trips to a single-connection PGlite.
 */
export async function takeSteps(settings: StepSettings, due: readonly DueStep[]): Promise<StepCounts> {
  const counts: StepCounts = { sent: 0, reminded: 0, expired: 0, optedOut: 0, failed: 0, skipped: 0, notDue: 0 };
  if (due.length === 0) return counts;
  return settings.db.transaction().execute(async (trx) => {
    const now = settings.now();
    const rows = await invitationsWithOrders(trx)
      .innerJoin('businesses as b', 'b.id', 'i.business_id')
      .leftJoin('products as p', (j) =>
        j.onRef('p.business_id', '=', 'i.business_id').onRef('p.id', '=', 'i.product_id'),
      )
      .leftJoin('opt_outs as x', (j) =>
        j.onRef('x.business_id', '=', 'i.business_id').on('x.email', '=', sql<string>`lower(o.email)`),
      )
      .select([
        'i.id',
        'i.business_id',
        'i.order_ref',
        'i.next_step',
        'i.due_at',
        'i.token',
        'o.email',
        'o.customer_name',
        customerLocale.as('locale'),
        'b.name as business_name',
        'b.url',
        'b.review_form_url',
        'p.name as product_name',
        'x.reason as excluded',
      ])
      .where(
        'i.id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));

    const groups = {
      send: [] as number[],
      optOut: [] as number[],
      bounced: [] as number[],
      remind: [] as number[],
      expire: [] as number[],
    };
    const notDue: number[] = [];
    for (const { id, step } of due) {
      const row = byId.get(id);
      if (!row || row.next_step !== step) counts.skipped += 1;
      else if (!row.due_at || row.due_at.getTime() > now.getTime()) notDue.push(id);
      else if (step === 'send') {
        // R13's only exclusions: the customer opted out, or the address bounced before.
        const group = row.excluded === 'opted_out' ? 'optOut' : row.excluded === 'bounced' ? 'bounced' : 'send';
        groups[group].push(id);
      } else groups[step].push(id);
    }
    const cleared = { queued_step: null, queued_at: null } as const;
    const ended = { next_step: null, due_at: null, token: null, finished_at: now, ...cleared } as const;

    if (notDue.length > 0) {
      // Back to the sweeper, which hands them over again when they are due.
      await trx.updateTable('invitations').set(cleared).where('id', 'in', notDue).execute();
      counts.notDue = notDue.length;
    }

    /** One guarded transition for a group: the ids this transaction moved, with their expiry. */
    const move = async (
      ids: number[],
      from: InvitationStatus[],
      step: InvitationStep,
      set: UpdateObject<Tables, 'invitations'>,
    ) =>
      ids.length === 0
        ? []
        : trx
            .updateTable('invitations')
            .set({ ...set, ...cleared })
            .where('id', 'in', ids)
            .where('status', 'in', from)
            .where('next_step', '=', step)
            .returning(['id', 'expires_at'])
            .execute();

    counts.optedOut = (await move(groups.optOut, ['scheduled'], 'send', { status: 'opted_out', ...ended })).length;
    const bounced = await move(groups.bounced, ['scheduled'], 'send', {
      status: 'failed',
      last_error: 'Not sent: an earlier message to this address bounced.',
      ...ended,
    });
    const failedBy = new Map<string, number>();
    for (const { id } of bounced) {
      const business = byId.get(id)!.business_id;
      failedBy.set(business, (failedBy.get(business) ?? 0) + 1);
    }
    for (const [business, n] of failedBy) await addToCounter(trx, business, 'invitations_failed', n);
    counts.failed = bounced.length;
    // The link expires expiresAfterDays after the sending; the reminder (if any) comes first.
    const sent =
      groups.send.length === 0
        ? []
        : await trx
            .updateTable('invitations as i')
            .from('businesses as b')
            .set({
              status: 'sent',
              sent_at: now,
              expires_at: sql`${now}::timestamptz + b.expires_after_days * interval '1 day'`,
              next_step: sql`CASE WHEN b.reminder_after_days IS NULL THEN 'expire' ELSE 'remind' END`,
              due_at: sql`${now}::timestamptz + coalesce(b.reminder_after_days, b.expires_after_days) * interval '1 day'`,
              ...cleared,
            })
            .whereRef('b.id', '=', 'i.business_id')
            .where('i.id', 'in', groups.send)
            .where('i.status', '=', 'scheduled')
            .where('i.next_step', '=', 'send')
            .returning(['i.id', 'i.expires_at'])
            .execute();
    const reminded = await move(groups.remind, ['sent'], 'remind', {
      status: 'reminded',
      reminded_at: now,
      next_step: 'expire',
      due_at: sql<Date>`expires_at`,
    });
    counts.expired = (
      await move(groups.expire, ['sent', 'reminded'], 'expire', { status: 'expired', ...ended })
    ).length;
    counts.sent = sent.length;
    counts.reminded = reminded.length;
    counts.skipped +=
      due.length - notDue.length - counts.optedOut - counts.failed - counts.sent - counts.reminded - counts.expired;

    const messages = [
      ...sent.map((m) => ({ ...m, kind: 'invitation' as MessageKind })),
      ...reminded.map((m) => ({ ...m, kind: 'reminder' as MessageKind })),
    ].map(({ id, kind, expires_at }) => {
      const row = byId.get(id)!;
      const rendered = renderMessage({
        kind,
        locale: row.locale,
        shop: row.business_name,
        product: row.product_name,
        name: row.customer_name,
        reviewUrl: invitationUrl(row, row.token!),
        optOutUrl: optOutUrl(settings.publicUrl, row.token!),
        expiresAt: expires_at ?? new Date(now.getTime() + 60 * DAY),
      });
      return {
        business_id: row.business_id,
        invitation_id: id,
        order_ref: row.order_ref,
        kind,
        to_address: row.email,
        locale: rendered.locale,
        subject: rendered.subject,
        text_body: rendered.text,
        html_body: rendered.html,
        headers: JSON.stringify(rendered.headers),
        status: settings.holdMail ? ('held' as const) : ('pending' as const),
        created_at: now,
      };
    });
    if (messages.length === 0) return counts;
    const stored = await trx
      .insertInto('outbox')
      .values(messages)
      .onConflict((oc) => oc.columns(['invitation_id', 'kind']).doNothing())
      .returningAll()
      .execute();
    if (settings.holdMail) await delivered(trx, stored, now);
    else
      await settings.queueDelivery(
        trx,
        stored.map((m) => m.id),
      );
    return counts;
  });
}

/**
 * The sweeper: hands every step due by the server's clock to the queue, in batches. Marking the
 * step as queued and queueing its job happen in one transaction, and `SKIP LOCKED` keeps two
 * servers sweeping at once from taking the same rows; a step queued long ago whose job was lost
 * (its retries ran out) is handed over again after `requeueMs`.
 */
export async function queueDueSteps(
  db: Kysely<Tables>,
  now: Date,
  wallNow: Date,
  requeueMs: number,
  queueSteps: (trx: Transaction<Tables>, steps: DueStep[]) => Promise<void>,
  batch = 500,
): Promise<number> {
  let queued = 0;
  for (;;) {
    const steps = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('invitations')
        .select(['id', 'next_step'])
        .where('next_step', 'is not', null)
        .where('due_at', '<=', now)
        .where((eb) =>
          eb.or([eb('queued_step', 'is', null), eb('queued_at', '<', new Date(wallNow.getTime() - requeueMs))]),
        )
        .orderBy('due_at')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('invitations')
        .set({ queued_step: sql`next_step`, queued_at: wallNow })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      const due = rows.map((r) => ({ id: r.id, step: r.next_step! }));
      await queueSteps(trx, due);
      return due;
    });
    queued += steps.length;
    if (steps.length < batch) return queued;
  }
}
