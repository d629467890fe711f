/**
 * What happens to a review after it was written: moderation (R4), the business's reply (R6),
 * helpful votes and reports (R10). Each change locks the review's row and applies what it changes
 * to the kept summary in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AdminReview, ModerationInput, ReplyInput } from '../../src/contract/admin.js';
import type { ReportInput } from '../../src/client/schemas.js';
import { canReportNotGenuine } from '../../src/rules/windows.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { findAdminReview } from './reviews.js';
import { recordEvent } from './team.js';
import type { ReviewRow, Tables } from './schema.js';
import { applyChanges } from './summaries.js';
import type { ScoreState } from './summaries.js';

async function lockReview(trx: Transaction<Tables>, id: string): Promise<ScoreState> {
  const row = await trx
    .selectFrom('reviews')
    .select(['business_id', 'product_key', 'status', 'verification_status', 'rating', 'created_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(`No review "${id}"`);
  return row;
}

/**
 * Approves (publishes) or rejects a review. A rejection needs one of the R4 reasons; the schema
 * offers no other, so a low rating can never be one. A published review may still be rejected
 * (after a report), and a rejected one approved (after an appeal).
 */
export async function moderate(
  db: Kysely<Tables>,
  id: string,
  input: ModerationInput,
  now: Date,
  /** Who decided, for the review's history: a member's e-mail or `operator`. */
  actor: string | null = null,
): Promise<{ review: AdminReview; business: string }> {
  if (input.decision === 'reject' && !input.reason) {
    throw invalid('A rejection needs a reason: offensive, personal_data, illegal, industry_rule or not_genuine', {
      reason: 'required',
    });
  }
  if (input.decision === 'approve' && input.reason) {
    throw invalid('An approval has no reason', { reason: 'invalid' });
  }
  const business = await db.transaction().execute(async (trx) => {
    const before = await lockReview(trx, id);
    // Not yet a review: its author has not confirmed writing it (double opt-in, SPEC §7).
    if (before.status === 'unconfirmed') throw notFound(`No review "${id}"`);
    const status = input.decision === 'approve' ? 'published' : 'rejected';
    await trx
      .updateTable('reviews')
      .set({
        status,
        moderation_decision: input.decision,
        moderation_reason: input.reason ?? null,
        moderated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await applyChanges(trx, [{ before, after: { ...before, status } }], now);
    await recordEvent(
      trx,
      id,
      input.decision === 'approve' ? 'approved' : 'rejected',
      actor,
      input.reason ?? null,
      now,
    );
    return before.business_id;
  });
  return { review: (await findAdminReview(db, id, now))!, business };
}

/** The business's public answer under a review (R6); a second reply replaces the first. */
export async function reply(
  db: Kysely<Tables>,
  id: string,
  input: ReplyInput,
  now: Date,
  actor: string | null = null,
): Promise<{ review: AdminReview; business: string }> {
  const business = await db.transaction().execute(async (trx) => {
    const state = await lockReview(trx, id);
    if (state.status === 'unconfirmed') throw notFound(`No review "${id}"`);
    const earlier = await trx.selectFrom('reviews').select('reply_body').where('id', '=', id).executeTakeFirstOrThrow();
    await trx
      .updateTable('reviews')
      .set({ reply_body: input.body, reply_author_name: input.authorName, reply_created_at: now })
      .where('id', '=', id)
      .execute();
    // Nothing the score counts changed, but the summary's updatedAt moves on.
    await applyChanges(trx, [{ before: state, after: state }], now);
    await recordEvent(trx, id, earlier.reply_body === null ? 'replied' : 'reply_edited', actor, null, now);
    return state.business_id;
  });
  return { review: (await findAdminReview(db, id, now))!, business };
}

/** A column of a published review; a review not published is no review to the public (404). */
async function published<C extends 'business_id' | 'created_at'>(
  db: Kysely<Tables>,
  id: string,
  column: C,
): Promise<Pick<ReviewRow, C>> {
  const row = await db
    .selectFrom('reviews')
    .select(column)
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw notFound(`No review "${id}"`);
  return row as unknown as Pick<ReviewRow, C>;
}

/**
 * A helpful vote, once per voter (a keyed hash of the client): a repeat changes nothing and answers
 * the count as it is, so `sort=helpful` cannot be stuffed from one client.
 */
export async function voteHelpful(
  db: Kysely<Tables>,
  id: string,
  voter: string,
  now: Date,
): Promise<{ helpfulCount: number; business: string; counted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const review = await published(trx, id, 'business_id');
    // Of two concurrent votes of one voter, the second waits here for the first, then adds nothing.
    const counted = await trx
      .insertInto('helpful_votes')
      .values({ review_id: id, voter, created_at: now })
      .onConflict((oc) => oc.columns(['review_id', 'voter']).doNothing())
      .returning('review_id')
      .executeTakeFirst();
    const row = counted
      ? await trx
          .updateTable('reviews')
          .set((eb) => ({ helpful_count: eb('helpful_count', '+', 1) }))
          .where('id', '=', id)
          .returning('helpful_count')
          .executeTakeFirstOrThrow()
      : await trx.selectFrom('reviews').select('helpful_count').where('id', '=', id).executeTakeFirstOrThrow();
    return { helpfulCount: row.helpful_count, business: review.business_id, counted: Boolean(counted) };
  });
}

/**
 * A report for the moderator (R10: "not genuine" only within 12 months of the review), once per
 * reporter and review: a repeat is accepted and stores nothing.
 */
export async function report(
  db: Kysely<Tables>,
  id: string,
  input: ReportInput,
  reporter: string,
  now: Date,
): Promise<void> {
  const review = await published(db, id, 'created_at');
  if (input.reason === 'not_genuine' && !canReportNotGenuine(review.created_at, now)) {
    throw new ApiError(
      422,
      'report_window_closed',
      'A review can be reported as not based on a genuine experience only within 12 months',
    );
  }
  await db
    .insertInto('reports')
    .values({ review_id: id, reason: input.reason, note: input.note ?? null, reporter, created_at: now })
    .onConflict((oc) => oc.columns(['review_id', 'reporter']).doNothing())
    .execute();
}
