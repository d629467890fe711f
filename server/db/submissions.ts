/**
 * A review submission: idempotent, verified by an invitation (R8), waiting for moderation (R4).
 *
 * Idempotency lives in the database, not in a process: several stateless servers may share one
 * PostgreSQL. The first request with a key inserts the key's row before it does anything else;
 * a concurrent request with the same key blocks on that row until the first commits, then reads
 * its answer (or, if the first failed and rolled back, goes ahead itself). So one key creates at
 * most one review, and only a created review (or a honeypot's fake one) is remembered: after a
 * 400 the corrected review may reuse the key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SubmitResult, Verification } from '../../src/client/schemas.js';
import type { ReviewInputResult } from '../../src/client/validate.js';
import { invitationProblem } from '../../src/rules/invitations.js';
import { ApiError, invalid } from '../http/errors.js';
import { moderationFlags } from '../rules/flags.js';
import { hashToken, productExists } from './businesses.js';
import { INVITATION_REVIEWED, OPEN_STATUSES } from './invitations.js';
import type { Tables } from './schema.js';
import { writeConfirmation } from './reviewer.js';
import { insertReviews } from './writes.js';

export type ValidReviewInput = Extract<ReviewInputResult, { success: true }>['data'];

export interface Answer {
  status: number;
  body: unknown;
}

/** JSON with sorted keys: the same review sent with its fields in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(business: string, body: unknown): string {
  return createHash('sha256')
    .update(canonical([business, body]))
    .digest('hex');
}

const conflict = () => new ApiError(409, 'idempotency_conflict', 'This Idempotency-Key was used with another request');

/** The remembered answer of a key, or a 409 when the key was used with another request. */
export async function rememberedAnswer(db: Kysely<Tables>, key: string, print: string): Promise<Answer | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'response'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint !== print) throw conflict();
  return { status: row.status, body: row.response };
}

/** A review id: readable in a URL, unguessable, and telling which shop it belongs to. */
export function newReviewId(business: string): string {
  return `${business}-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export interface Submission {
  business: string;
  input: ValidReviewInput;
  key: string;
  fingerprint: string;
  now: Date;
  /** Where this server's `/reviewer/` pages are reached, for the confirmation e-mail's links. */
  linkBase: string;
}

export async function submitReview(db: Kysely<Tables>, submission: Submission): Promise<Answer> {
  const { business, input, key, now } = submission;
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ key, fingerprint: submission.fingerprint, status: 0, response: 'null', created_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      // Another request with this key committed while we waited: answer as it did.
      const answer = await rememberedAnswer(trx, key, submission.fingerprint);
      if (answer) return answer;
      throw new Error('idempotency key vanished');
    }

    if (input.product && !(await productExists(trx, business, input.product))) {
      throw invalid('Unknown product', { product: 'unknown_product' });
    }

    let result: SubmitResult;
    if (input.website) {
      // The honeypot was filled: answer like a success, store nothing.
      result = { id: newReviewId(business), status: 'pending', verification: { status: 'unverified', method: null } };
    } else {
      result = await storeReview(trx, business, input, now, submission.linkBase);
    }
    const answer: Answer = { status: 201, body: result };
    await trx
      .updateTable('idempotency_keys')
      .set({ status: answer.status, response: JSON.stringify(answer.body) })
      .where('key', '=', key)
      .execute();
    return answer;
  });
}

async function storeReview(
  trx: Transaction<Tables>,
  business: string,
  input: ValidReviewInput,
  now: Date,
  linkBase: string,
): Promise<SubmitResult> {
  const id = newReviewId(business);
  let verification: Verification = { status: 'unverified', method: null };
  let product = input.product ?? null;
  let email = input.email ?? null;

  if (input.invitationToken) {
    const tokenHash = hashToken(input.invitationToken);
    // Locked: of two concurrent uses, the second waits and then finds it used. An invitation that
    // expired, was opted out of or failed verifies nothing; the review ends the invitation, and
    // its reminder and expiry are cancelled.
    const invitation = await trx
      .selectFrom('invitations')
      .select(['order_ref', 'product_id', 'used_at', 'expires_at', 'status'])
      .where('token_hash', '=', tokenHash)
      .where('business_id', '=', business)
      .forUpdate()
      .executeTakeFirst();
    const problem = invitationProblem(
      invitation && {
        used: invitation.used_at !== null,
        // A link that no longer works for another reason says so as an expired one does.
        expiresAt: (OPEN_STATUSES as readonly string[]).includes(invitation.status)
          ? (invitation.expires_at ?? new Date(8.64e15))
          : new Date(0),
        product: invitation.product_id,
      },
      input.product,
      now,
    );
    if (problem || !invitation) throw invalid(problem?.message ?? 'Unknown invitation', problem?.fields);
    await trx
      .updateTable('invitations')
      .set({ used_at: now, review_id: id, ...INVITATION_REVIEWED(now) })
      .where('token_hash', '=', tokenHash)
      .execute();
    verification = { status: 'verified', method: 'invitation' };
    // The invitation decides what is reviewed: its product, or the shop itself.
    product = invitation.product_id;
    if (!email) {
      const order = await trx
        .selectFrom('orders')
        .select('email')
        .where('business_id', '=', business)
        .where('order_ref', '=', invitation.order_ref)
        .executeTakeFirst();
      email = order?.email ?? null;
    }
  }

  // Without an invitation the author confirms by e-mail first (double opt-in, SPEC §7).
  const unconfirmed = !input.invitationToken && email !== null;
  await insertReviews(
    trx,
    [
      {
        id,
        business,
        product,
        rating: input.rating,
        title: input.title,
        body: input.body,
        language: input.language,
        authorName: input.authorName,
        country: null,
        email,
        experiencedAt: input.experiencedAt,
        createdAt: now,
        status: unconfirmed ? 'unconfirmed' : 'pending',
        verification,
        flags: moderationFlags({ title: input.title, body: input.body, authorName: input.authorName }),
        orderReference: unconfirmed ? (input.orderReference ?? null) : null,
      },
    ],
    now,
  );
  if (!unconfirmed) return { id, status: 'pending', verification };
  await writeConfirmation(trx, { id, business, language: input.language, email: email! }, linkBase, now);
  return { id, status: 'pending', verification, confirmation: 'email' };
}

/** Forgets idempotency keys older than a week: long past any client's retries. */
export async function purgeIdempotencyKeys(db: Kysely<Tables>, now: Date): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000))
    .execute();
}
