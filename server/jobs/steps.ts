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
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { InvitationStatus, InvitationStep, MessageKind } from '../../src/contract/admin.js';
import { invitationUrl } from '../db/businesses.js';
import { addressKey, optOutToken } from '../db/invitations.js';
import { delivered } from '../db/outbox.js';
import type { InvitationTable, Tables } from '../db/schema.js';
import { renderMessage } from '../mail/messages.js';

const DAY = 24 * 60 * 60 * 1000;

export interface StepSettings {
  db: Kysely<Tables>;
  now: () => Date;
  /** The server's public base URL, for the opt-out links (`https://reviews.example.com`). */
  publicUrl: string;
  /** Whether messages only go to the outbox (no SMTP server). */
  holdMail: boolean;
  /** Puts a message's delivery job in the queue, inside the step's transaction. */
  queueDelivery: (trx: Transaction<Tables>, outboxId: number) => Promise<void>;
}

export type StepOutcome = 'sent' | 'reminded' | 'expired' | 'opted_out' | 'skipped' | 'not_due';

/** The public one-click opt-out link of an invitation. */
export function optOutUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/unsubscribe/${optOutToken(token)}`;
}

/** Takes one step of one invitation, if it is still the step to take and it is due. */
export async function takeStep(settings: StepSettings, id: number, step: InvitationStep): Promise<StepOutcome> {
  const { db } = settings;
  return db.transaction().execute(async (trx) => {
    const now = settings.now();
    const row = await trx
      .selectFrom('invitations as i')
      .innerJoin('orders as o', (j) =>
        j.onRef('o.business_id', '=', 'i.business_id').onRef('o.order_ref', '=', 'i.order_ref'),
      )
      .innerJoin('businesses as b', 'b.id', 'i.business_id')
      .leftJoin('products as p', (j) =>
        j.onRef('p.business_id', '=', 'i.business_id').onRef('p.id', '=', 'i.product_id'),
      )
      .select([
        'i.id',
        'i.business_id',
        'i.order_ref',
        'i.status',
        'i.next_step',
        'i.due_at',
        'i.token',
        'i.expires_at',
        'o.email',
        'o.customer_name',
        'o.locale',
        'b.name as business_name',
        'b.url',
        'b.review_form_url',
        'b.reminder_after_days',
        'b.expires_after_days',
        'p.name as product_name',
      ])
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!row || row.next_step !== step) return 'skipped';
    if (!row.due_at || row.due_at.getTime() > now.getTime()) {
      // Not due by the server's clock: back to the sweeper, which hands it over again when it is.
      await trx
        .updateTable('invitations')
        .set({ queued_step: null, queued_at: null })
        .where('id', '=', id)
        .where('next_step', '=', step)
        .execute();
      return 'not_due';
    }

    /** The guarded transition: answers whether this worker moved the state. */
    const move = async (from: InvitationStatus[], set: Updateable<InvitationTable>) =>
      Boolean(
        await trx
          .updateTable('invitations')
          .set(set)
          .set({ queued_step: null, queued_at: null })
          .where('id', '=', id)
          .where('status', 'in', from)
          .where('next_step', '=', step)
          .returning('id')
          .executeTakeFirst(),
      );

    const message = async (kind: MessageKind, expiresAt: Date) => {
      const token = row.token!;
      const rendered = renderMessage({
        kind,
        locale: row.locale,
        shop: row.business_name,
        product: row.product_name,
        name: row.customer_name,
        reviewUrl: invitationUrl(row, token),
        optOutUrl: optOutUrl(settings.publicUrl, token),
        expiresAt,
      });
      const inserted = await trx
        .insertInto('outbox')
        .values({
          business_id: row.business_id,
          invitation_id: row.id,
          order_ref: row.order_ref,
          kind,
          to_address: row.email,
          locale: rendered.locale,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          headers: JSON.stringify(rendered.headers),
          status: settings.holdMail ? 'held' : 'pending',
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['invitation_id', 'kind']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) return;
      if (settings.holdMail) await delivered(trx, inserted, now);
      else await settings.queueDelivery(trx, inserted.id);
    };

    const ended = { next_step: null, due_at: null, token: null, finished_at: now };

    switch (step) {
      case 'send': {
        const optedOut = await trx
          .selectFrom('opt_outs')
          .select('email')
          .where('business_id', '=', row.business_id)
          .where('email', '=', addressKey(row.email))
          .executeTakeFirst();
        if (optedOut) {
          return (await move(['scheduled'], { status: 'opted_out', ...ended })) ? 'opted_out' : 'skipped';
        }
        const expiresAt = new Date(now.getTime() + row.expires_after_days * DAY);
        const remind = row.reminder_after_days;
        const moved = await move(['scheduled'], {
          status: 'sent',
          sent_at: now,
          expires_at: expiresAt,
          next_step: remind === null ? 'expire' : 'remind',
          due_at: remind === null ? expiresAt : new Date(now.getTime() + remind * DAY),
        });
        if (!moved) return 'skipped';
        await message('invitation', expiresAt);
        return 'sent';
      }
      case 'remind': {
        const expiresAt = row.expires_at ?? new Date(now.getTime() + row.expires_after_days * DAY);
        const moved = await move(['sent'], {
          status: 'reminded',
          reminded_at: now,
          next_step: 'expire',
          due_at: expiresAt,
        });
        if (!moved) return 'skipped';
        await message('reminder', expiresAt);
        return 'reminded';
      }
      case 'expire':
        return (await move(['sent', 'reminded'], { status: 'expired', ...ended })) ? 'expired' : 'skipped';
    }
  });
}

export interface DueStep {
  id: number;
  step: InvitationStep;
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
