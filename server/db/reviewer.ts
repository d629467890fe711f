/**
 * The reviewer's side (SPEC §7): the links e-mailed to a review's author, the confirmation of a
 * spontaneous review (double opt-in, seed 003) and its order reference, the author's edit
 * (moderated again, then "edited") and withdrawal, the deletion of reviews nobody confirmed, and
 * the erasure of everything of one e-mail address across a business.
 *
 * A link is a random token; only its SHA-256 is kept, with the one review and the one purpose it
 * is for and when it stops working. Nothing here takes a review id from the outside: what a token
 * names is all it reaches. Every change that the public can see goes through `applyChanges` in
 * the same transaction, so the summary follows at once.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { LINK_DAYS, UNCONFIRMED_DAYS } from '../../src/contract/reviewer.js';
import type {
  ConfirmResult,
  ErasureResult,
  LinkPurpose,
  ReviewerEdit,
  ReviewerMessageKind,
  ReviewerReview,
} from '../../src/contract/reviewer.js';
import type { Verification } from '../../src/client/schemas.js';
import { ApiError } from '../http/errors.js';
import type { RenderedMessage } from '../mail/messages.js';
import { renderConfirmation } from '../mail/reviewer.js';
import { moderationFlags } from '../rules/flags.js';
import { hashToken } from './businesses.js';
import { addressKey } from './invitations.js';
import { reviewUrl } from '../../src/contract/anchor.js';
import { reportCounts, searchable } from './reviews.js';
import type { Tables } from './schema.js';
import { applyChanges } from './summaries.js';
import type { ScoreState } from './summaries.js';
import { recordEvent } from './team.js';

const DAY = 24 * 60 * 60 * 1000;

/** The page of `/reviewer/` a link opens. */
export type ReviewerPage = 'confirm' | 'manage' | 'identify';

export function reviewerPageUrl(base: string, page: ReviewerPage, token: string): string {
  return `${base.replace(/\/+$/, '')}/reviewer/${page}?token=${encodeURIComponent(token)}`;
}

/** A new link for one review and one purpose; answers the token (shown once, in the e-mail). */
export async function createLink(
  trx: Kysely<Tables>,
  reviewId: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_DAYS[purpose] * DAY);
  await trx
    .insertInto('reviewer_links')
    .values({ token_hash: hashToken(token), review_id: reviewId, purpose, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The review a token opens for this purpose, while it works; `undefined` for any other token. */
export async function linkedReview(
  db: Kysely<Tables>,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<{ reviewId: string; expiresAt: Date } | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await db
    .selectFrom('reviewer_links')
    .select(['review_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { reviewId: row.review_id, expiresAt: row.expires_at } : undefined;
}

/** The link does not work (unknown, expired, for another purpose, or its review is gone). */
export const linkUnusable = () =>
  new ApiError(404, 'not_found', 'This link does not work: it expired, its review is gone, or it is mistyped');

/**
 * The confirmation e-mail of a spontaneous review, written to the outbox in the submission's
 * transaction: the confirm link and the private manage link. The sweeper hands it to delivery.
 */
export async function writeConfirmation(
  trx: Transaction<Tables>,
  review: { id: string; business: string; language: string; email: string },
  linkBase: string,
  now: Date,
): Promise<void> {
  const business = await trx
    .selectFrom('businesses')
    .select('name')
    .where('id', '=', review.business)
    .executeTakeFirstOrThrow();
  const confirm = await createLink(trx, review.id, 'confirm', now);
  const manage = await createLink(trx, review.id, 'manage', now);
  const message = renderConfirmation({
    shop: business.name,
    locale: review.language,
    confirmUrl: reviewerPageUrl(linkBase, 'confirm', confirm.token),
    manageUrl: reviewerPageUrl(linkBase, 'manage', manage.token),
    confirmBy: new Date(now.getTime() + UNCONFIRMED_DAYS * DAY),
    manageExpiresAt: manage.expiresAt,
  });
  await queueReviewerMessage(trx, review, 'confirmation', message, now);
}

/**
 * A message to a review's author, handed to the outbox's senders: kept with its review (never
 * listed to members, since it carries the author's private links).
 */
export async function queueReviewerMessage(
  trx: Transaction<Tables>,
  review: { id: string; business: string; email: string },
  kind: ReviewerMessageKind,
  message: RenderedMessage,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      business_id: review.business,
      review_id: review.id,
      kind,
      to_address: review.email,
      locale: message.locale,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      headers: JSON.stringify(message.headers),
      status: 'pending',
      queued: false,
      created_at: now,
    })
    .execute();
}

const STATE_COLUMNS = ['business_id', 'product_key', 'status', 'verification_status', 'rating', 'created_at'] as const;

async function lockReview(trx: Transaction<Tables>, id: string) {
  const row = await trx
    .selectFrom('reviews')
    .select([...STATE_COLUMNS, 'email', 'order_reference', 'verification_method', 'title', 'body', 'author_name'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw linkUnusable();
  return row;
}

const scoreState = (row: Pick<Tables['reviews'], never> & ScoreState): ScoreState => ({
  business_id: row.business_id,
  product_key: row.product_key,
  status: row.status,
  verification_status: row.verification_status,
  rating: row.rating,
  created_at: row.created_at,
});

/**
 * Whether an order reference verifies a review: a recorded order of the business with that
 * reference and the review's e-mail address, which no other review was verified by (its own
 * invitation, or the same reference given twice).
 */
async function orderVerifies(
  trx: Transaction<Tables>,
  business: string,
  reviewId: string,
  orderReference: string | null,
  email: string | null,
): Promise<boolean> {
  if (!orderReference || !email) return false;
  const order = await trx
    .selectFrom('orders')
    .select('order_ref')
    .where('business_id', '=', business)
    .where('order_ref', '=', orderReference)
    .where(sql<string>`lower(email)`, '=', addressKey(email))
    .executeTakeFirst();
  if (!order) return false;
  const invited = await trx
    .selectFrom('invitations')
    .select('id')
    .where('business_id', '=', business)
    .where('order_ref', '=', orderReference)
    .where('review_id', 'is not', null)
    .executeTakeFirst();
  if (invited) return false;
  const other = await trx
    .selectFrom('reviews')
    .select('id')
    .where('business_id', '=', business)
    .where('order_reference', '=', orderReference)
    .where('verification_method', '=', 'order-reference')
    .where('id', '<>', reviewId)
    .executeTakeFirst();
  return !other;
}

/**
 * The author opened the confirmation link: the review now waits for moderation, verified by its
 * order reference when that matches. Confirming again answers the review's state as it is.
 */
export async function confirmReview(db: Kysely<Tables>, reviewId: string, now: Date): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx) => {
    const row = await lockReview(trx, reviewId);
    if (row.status !== 'unconfirmed') {
      return {
        id: reviewId,
        status: row.status,
        verification: { status: row.verification_status, method: row.verification_method },
      };
    }
    const verified = await orderVerifies(trx, row.business_id, reviewId, row.order_reference, row.email);
    const verification: Verification = verified
      ? { status: 'verified', method: 'order-reference' }
      : { status: row.verification_status, method: row.verification_method };
    await trx
      .updateTable('reviews')
      .set({
        status: 'pending',
        confirmed_at: now,
        verification_status: verification.status,
        verification_method: verification.method,
      })
      .where('id', '=', reviewId)
      .execute();
    await trx
      .updateTable('reviewer_links')
      .set({ used_at: now })
      .where('review_id', '=', reviewId)
      .where('purpose', '=', 'confirm')
      .execute();
    return { id: reviewId, status: 'pending', verification };
  });
}

/** Everything stored about a review, for its author (the data export of the manage page). */
export async function reviewerReview(
  db: Kysely<Tables>,
  reviewId: string,
  linkExpiresAt: Date,
): Promise<ReviewerReview & { businessUrl: string | null }> {
  const row = await db
    .selectFrom('reviews as r')
    .innerJoin('businesses as b', 'b.id', 'r.business_id')
    .leftJoin('products as p', (j) => j.onRef('p.business_id', '=', 'r.business_id').onRef('p.id', '=', 'r.product_id'))
    .selectAll('r')
    .select(['b.name as business_name', 'b.url as business_url', 'p.name as product_name'])
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
  if (!row) throw linkUnusable();
  const reports = await reportCounts(db, [reviewId]);
  return {
    id: row.id,
    business: { id: row.business_id, name: row.business_name },
    product: row.product_id ? { id: row.product_id, name: row.product_name ?? row.product_id } : null,
    status: row.status,
    rating: row.rating,
    title: row.title,
    body: row.body,
    language: row.language,
    authorName: row.author_name,
    email: row.email,
    orderReference: row.order_reference,
    experiencedAt: row.experienced_at,
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    editedAt: row.edited_at?.toISOString() ?? null,
    verification: { status: row.verification_status, method: row.verification_method },
    moderation:
      row.moderation_decision && row.moderated_at
        ? {
            decision: row.moderation_decision,
            reason: row.moderation_reason,
            decidedAt: row.moderated_at.toISOString(),
          }
        : null,
    reply:
      row.reply_body !== null && row.reply_created_at !== null
        ? {
            body: row.reply_body,
            authorName: row.reply_author_name ?? '',
            createdAt: row.reply_created_at.toISOString(),
          }
        : null,
    helpfulCount: row.helpful_count,
    reports: reports.get(reviewId) ?? 0,
    url: reviewUrl(row.business_url, row.id),
    linkExpiresAt: linkExpiresAt.toISOString(),
    businessUrl: row.business_url,
  };
}

/**
 * The author's edit. A review that changed is moderated again (R4): it leaves the public pages
 * until a moderator approves it, and then says "edited" with the date (R6). The summary follows
 * at once (the old rating leaves the score now; the new one counts once published). Answers
 * whether anything changed, and the business.
 */
export async function editReview(
  db: Kysely<Tables>,
  reviewId: string,
  edit: ReviewerEdit,
  now: Date,
): Promise<{ changed: boolean; business: string }> {
  return db.transaction().execute(async (trx) => {
    const before = await lockReview(trx, reviewId);
    const rating = edit.rating ?? before.rating;
    const title = edit.title === undefined ? before.title : edit.title || null;
    const body = edit.body ?? before.body;
    if (rating === before.rating && title === before.title && body === before.body) {
      return { changed: false, business: before.business_id };
    }
    const unconfirmed = before.status === 'unconfirmed';
    const status = unconfirmed ? 'unconfirmed' : 'pending';
    await trx
      .updateTable('reviews')
      .set({
        rating,
        title,
        body,
        status,
        // Before its confirmation nobody saw it: it is a draft still, not an edit.
        edited_at: unconfirmed ? null : now,
        moderation_decision: null,
        moderation_reason: null,
        moderated_at: null,
        flags: JSON.stringify(moderationFlags({ title, body, authorName: before.author_name })),
        search_text: searchable(`${title ?? ''}\n${body}`),
      })
      .where('id', '=', reviewId)
      .execute();
    await applyChanges(trx, [{ before: scoreState(before), after: { ...scoreState(before), status, rating } }], now);
    if (!unconfirmed) await recordEvent(trx, reviewId, 'edited', null, null, now);
    return { changed: true, business: before.business_id };
  });
}

/**
 * The author withdraws the review: it is deleted with everything stored about it (its links,
 * reports, votes, history and the messages about it go with it), and leaves the summary at once.
 */
export async function withdrawReview(db: Kysely<Tables>, reviewId: string, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const before = await lockReview(trx, reviewId);
    await deleteReviews(trx, [reviewId]);
    await applyChanges(trx, [{ before: scoreState(before), after: null }], now);
    return before.business_id;
  });
}

async function deleteReviews(trx: Transaction<Tables>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // An invitation remembers which review it became; that review is gone.
  await trx.updateTable('invitations').set({ review_id: null }).where('review_id', 'in', ids).execute();
  await trx.deleteFrom('reviews').where('id', 'in', ids).execute();
}

/** Spontaneous reviews nobody confirmed within the days allowed: deleted with their personal data. */
export async function deleteUnconfirmed(db: Kysely<Tables>, now: Date): Promise<number> {
  const deleted = await db
    .deleteFrom('reviews')
    .where('status', '=', 'unconfirmed')
    .where('created_at', '<', new Date(now.getTime() - UNCONFIRMED_DAYS * DAY))
    .returning('id')
    .execute();
  return deleted.length;
}

/**
 * Erases everything of one e-mail address at a business: its reviews (the summary follows), its
 * orders with their invitations, and every message to it. The opt-out stays: it is the person's
 * own wish not to be asked again, and without it a later order would invite them.
 */
export async function erasePerson(
  db: Kysely<Tables>,
  business: string,
  email: string,
  now: Date,
): Promise<ErasureResult & { reviewIds: string[] }> {
  const address = addressKey(email);
  return db.transaction().execute(async (trx) => {
    const reviews = await trx
      .selectFrom('reviews')
      .select(['id', ...STATE_COLUMNS])
      .where('business_id', '=', business)
      .where(sql<string>`lower(email)`, '=', address)
      .forUpdate()
      .execute();
    // Every message to the address (those about its reviews went to the same address).
    const messages = await trx
      .deleteFrom('outbox')
      .where('business_id', '=', business)
      .where(sql<string>`lower(to_address)`, '=', address)
      .returning('id')
      .execute();
    await deleteReviews(
      trx,
      reviews.map((r) => r.id),
    );
    await applyChanges(
      trx,
      reviews.map((r) => ({ before: scoreState(r), after: null })),
      now,
    );
    const orders = await trx
      .deleteFrom('orders')
      .where('business_id', '=', business)
      .where(sql<string>`lower(email)`, '=', address)
      .returning(['order_ref', 'invited_at'])
      .execute();
    if (orders.length > 0) {
      const invited = orders.filter((o) => o.invited_at !== null).length;
      await trx
        .updateTable('businesses')
        .set((eb) => ({
          orders_recorded: eb('orders_recorded', '-', orders.length),
          orders_invited: eb('orders_invited', '-', invited),
        }))
        .where('id', '=', business)
        .execute();
    }
    return {
      reviews: reviews.length,
      orders: orders.length,
      messages: messages.length,
      reviewIds: reviews.map((r) => r.id),
    };
  });
}
