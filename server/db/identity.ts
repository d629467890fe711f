/**
 * "Find reviewer" (SPEC §7, seed 004): a member asks a review's author, once, for what helps find
 * the order behind it — never for a review verified by invitation, which already proves one. The
 * author has 3 days to answer through the e-mailed link; the answer is for the business's members
 * only. Without an answer a member may report the review `not_genuine` (R10: at most 12 months
 * old): the author is asked for proof, and without it within 7 days the sweeper removes the review
 * for that reason (R13 counts it in the summary).
 */
import type { Kysely, Transaction } from 'kysely';
import { PROOF_DAYS } from '../../src/contract/reviewer.js';
import type {
  IdentityAnswerInput,
  IdentityRequest,
  IdentityRequestState,
  ReviewerMessageKind,
} from '../../src/contract/reviewer.js';
import { canReportNotGenuine } from '../../src/rules/windows.js';
import { ApiError, notFound } from '../http/errors.js';
import { renderRequest } from '../mail/reviewer.js';
import { createLink, linkedReview, queueReviewerMessage, reviewerPageUrl } from './reviewer.js';
import type { IdentityAnswer, Tables } from './schema.js';
import { applyChanges } from './summaries.js';
import { recordEvent } from './team.js';

const DAY = 24 * 60 * 60 * 1000;

async function writeRequestMail(
  trx: Transaction<Tables>,
  kind: ReviewerMessageKind & ('identity_request' | 'proof_request'),
  review: { id: string; business: string; language: string; email: string },
  linkBase: string,
  now: Date,
): Promise<Date> {
  const business = await trx
    .selectFrom('businesses')
    .select('name')
    .where('id', '=', review.business)
    .executeTakeFirstOrThrow();
  const link = await createLink(trx, review.id, kind === 'identity_request' ? 'identify' : 'proof', now);
  const message = renderRequest({
    kind,
    shop: business.name,
    locale: review.language,
    url: reviewerPageUrl(linkBase, 'identify', link.token),
    expiresAt: link.expiresAt,
  });
  await queueReviewerMessage(trx, review, kind, message, now);
  return link.expiresAt;
}

async function lockReview(trx: Transaction<Tables>, id: string) {
  const row = await trx
    .selectFrom('reviews')
    .select([
      'business_id',
      'product_key',
      'status',
      'verification_status',
      'verification_method',
      'rating',
      'created_at',
      'email',
      'language',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status === 'unconfirmed') throw notFound(`No review "${id}"`);
  return row;
}

/** Asks the author of a review, once; answers the request's id and when its link stops working. */
export async function requestIdentity(
  db: Kysely<Tables>,
  reviewId: string,
  actor: string | null,
  linkBase: string,
  now: Date,
): Promise<{ id: string; expiresAt: string; business: string }> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (review.verification_method === 'invitation') {
      throw new ApiError(
        422,
        'verified_by_invitation',
        'This review came from an invitation after a recorded order: it is verified already, and its author is not asked',
      );
    }
    if (!review.email) {
      throw new ApiError(
        422,
        'no_address',
        'No e-mail address is stored with this review (an imported one?): nobody can be asked',
      );
    }
    const earlier = await trx
      .selectFrom('identity_requests')
      .select('id')
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    if (earlier)
      throw new ApiError(409, 'conflict', "This review's author was asked already: a review's author is asked once");
    const expiresAt = await writeRequestMail(
      trx,
      'identity_request',
      { id: reviewId, business: review.business_id, language: review.language, email: review.email },
      linkBase,
      now,
    );
    const row = await trx
      .insertInto('identity_requests')
      .values({
        review_id: reviewId,
        business_id: review.business_id,
        requested_by: actor,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: String(row.id), expiresAt: expiresAt.toISOString(), business: review.business_id };
  });
}

function stateOf(
  row: {
    removed_at: Date | null;
    proof_at: Date | null;
    proof_due_at: Date | null;
    answered_at: Date | null;
    expires_at: Date;
  },
  now: Date,
): IdentityRequestState {
  if (row.removed_at) return 'removed';
  if (row.proof_at) return 'proof_given';
  if (row.proof_due_at) return 'proof_requested';
  if (row.answered_at) return 'answered';
  return row.expires_at <= now ? 'unanswered' : 'waiting';
}

const answerOut = (answer: IdentityAnswer | null) =>
  answer ? Object.fromEntries(Object.entries(answer).filter(([, v]) => typeof v === 'string' && v !== '')) : null;

/** The request about a review, with the author's answer, for the business's members. */
export async function identityRequestOf(
  db: Kysely<Tables>,
  reviewId: string,
  now: Date,
): Promise<IdentityRequest | undefined> {
  const row = await db.selectFrom('identity_requests').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: String(row.id),
    review: row.review_id,
    state: stateOf(row, now),
    requestedBy: row.requested_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    answer: answerOut(row.answer),
    answeredAt: row.answered_at?.toISOString() ?? null,
    proofDueAt: row.proof_due_at?.toISOString() ?? null,
    proof: answerOut(row.proof),
    proofAt: row.proof_at?.toISOString() ?? null,
    removedAt: row.removed_at?.toISOString() ?? null,
  };
}

export type AnswerOutcome = { done: true; business: string } | { done: false; reason: 'already' | 'unknown' };

/** The author's answer (or proof) through the e-mailed link; a link answers once. */
export async function answerIdentity(
  db: Kysely<Tables>,
  token: string,
  answer: IdentityAnswerInput,
  now: Date,
): Promise<AnswerOutcome> {
  const identify = await linkedReview(db, token, 'identify', now);
  const proof = identify ? undefined : await linkedReview(db, token, 'proof', now);
  const link = identify ?? proof;
  if (!link) return { done: false, reason: 'unknown' };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('identity_requests')
      .select(['id', 'business_id', 'answered_at', 'proof_at', 'removed_at'])
      .where('review_id', '=', link.reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.removed_at) return { done: false, reason: 'unknown' };
    const stored = JSON.stringify(answer);
    if (identify) {
      if (row.answered_at) return { done: false, reason: 'already' };
      await trx
        .updateTable('identity_requests')
        .set({ answer: stored, answered_at: now })
        .where('id', '=', row.id)
        .execute();
    } else {
      if (row.proof_at) return { done: false, reason: 'already' };
      await trx
        .updateTable('identity_requests')
        .set({ proof: stored, proof_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    return { done: true, business: row.business_id };
  });
}

/** Who a `/reviewer/identify` link is for, without changing anything (the page). */
export async function identifyTarget(
  db: Kysely<Tables>,
  token: string,
  now: Date,
): Promise<{ shop: string; language: string; answered: boolean } | undefined> {
  const identify = await linkedReview(db, token, 'identify', now);
  const link = identify ?? (await linkedReview(db, token, 'proof', now));
  if (!link) return undefined;
  const row = await db
    .selectFrom('identity_requests as q')
    .innerJoin('reviews as r', 'r.id', 'q.review_id')
    .innerJoin('businesses as b', 'b.id', 'q.business_id')
    .select(['b.name', 'r.language', 'q.answered_at', 'q.proof_at', 'q.removed_at'])
    .where('q.review_id', '=', link.reviewId)
    .executeTakeFirst();
  if (!row || row.removed_at) return undefined;
  return { shop: row.name, language: row.language, answered: Boolean(identify ? row.answered_at : row.proof_at) };
}

/**
 * A member reports the review `not_genuine` after its author left the question unanswered: the
 * author is asked for proof, with 7 days to send it.
 */
export async function reportNotGenuine(
  db: Kysely<Tables>,
  reviewId: string,
  actor: string | null,
  linkBase: string,
  now: Date,
): Promise<{ proofDueAt: string; business: string }> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    const request = await trx
      .selectFrom('identity_requests')
      .selectAll()
      .where('review_id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new ApiError(409, 'conflict', "Ask the review's author first (an identity request)");
    const state = stateOf(request, now);
    if (state !== 'unanswered') {
      const why: Record<Exclude<IdentityRequestState, 'unanswered'>, string> = {
        waiting: 'The author still has time to answer',
        answered: 'The author answered the request',
        proof_requested: 'The author was asked for proof already',
        proof_given: 'The author sent proof',
        removed: 'The review was removed already',
      };
      throw new ApiError(409, 'conflict', why[state]);
    }
    if (!canReportNotGenuine(review.created_at, now)) {
      throw new ApiError(
        422,
        'report_window_closed',
        'A review can be reported as not based on a genuine experience only within 12 months',
      );
    }
    await writeRequestMail(
      trx,
      'proof_request',
      { id: reviewId, business: review.business_id, language: review.language, email: review.email! },
      linkBase,
      now,
    );
    const proofDueAt = new Date(now.getTime() + PROOF_DAYS * DAY);
    await trx
      .updateTable('identity_requests')
      .set({ reported_by: actor, proof_due_at: proofDueAt })
      .where('id', '=', request.id)
      .execute();
    await trx
      .insertInto('reports')
      .values({
        review_id: reviewId,
        reason: 'not_genuine',
        note: null,
        reporter: `member:${actor ?? 'operator'}`,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['review_id', 'reporter']).doNothing())
      .execute();
    await recordEvent(trx, reviewId, 'reported', actor, 'not_genuine', now);
    return { proofDueAt: proofDueAt.toISOString(), business: review.business_id };
  });
}

/** Reviews whose author sent no proof in time: removed for `not_genuine` (R13 counts them). Answers them with their businesses. */
export async function removeUnproven(db: Kysely<Tables>, now: Date): Promise<{ business: string; review: string }[]> {
  const due = await db
    .selectFrom('identity_requests')
    .select(['id', 'review_id'])
    .where('proof_due_at', '<=', now)
    .where('proof_at', 'is', null)
    .where('removed_at', 'is', null)
    .limit(500)
    .execute();
  const removed: { business: string; review: string }[] = [];
  for (const request of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('identity_requests')
        .set({ removed_at: now })
        .where('id', '=', request.id)
        .where('removed_at', 'is', null)
        .where('proof_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return;
      const before = await lockReview(trx, request.review_id);
      await trx
        .updateTable('reviews')
        .set({ status: 'rejected', moderation_decision: 'reject', moderation_reason: 'not_genuine', moderated_at: now })
        .where('id', '=', request.review_id)
        .execute();
      await applyChanges(trx, [{ before, after: { ...before, status: 'rejected' } }], now);
      await recordEvent(trx, request.review_id, 'rejected', null, 'not_genuine', now);
      removed.push({ business: before.business_id, review: request.review_id });
    });
  }
  return removed;
}
