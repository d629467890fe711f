/**
 * Storing new reviews, in bulk or one at a time, with the kept summary updated in the same
 * transaction: submissions, imports and the demo seed all go through `insertReviews`.
 */
import type { Transaction } from 'kysely';
import type { Flag } from '../../src/contract/admin.js';
import type { VerificationMethod, VerificationStatus } from '../../src/client/schemas.js';
import { languageBase, searchable } from './reviews.js';
import type { NewReview, StoredReviewStatus, Tables } from './schema.js';
import { applyChanges } from './summaries.js';
import type { ScoreState } from './summaries.js';

export interface ReviewRecord {
  id: string;
  business: string;
  product: string | null;
  rating: number;
  title: string | null;
  body: string;
  language: string;
  authorName: string;
  country: string | null;
  email: string | null;
  experiencedAt: string;
  createdAt: Date;
  editedAt?: Date | null;
  status: StoredReviewStatus;
  verification: { status: VerificationStatus; method: VerificationMethod | null };
  helpfulCount?: number;
  reply?: { body: string; authorName: string; createdAt: Date } | null;
  flags?: Flag[];
  externalId?: string | null;
  orderReference?: string | null;
}

export function toRow(record: ReviewRecord): NewReview {
  return {
    id: record.id,
    business_id: record.business,
    product_id: record.product,
    rating: record.rating,
    title: record.title,
    body: record.body,
    language: record.language,
    language_base: languageBase(record.language),
    author_name: record.authorName,
    author_country: record.country,
    email: record.email,
    experienced_at: record.experiencedAt,
    created_at: record.createdAt,
    edited_at: record.editedAt ?? null,
    status: record.status,
    verification_status: record.verification.status,
    verification_method: record.verification.method,
    helpful_count: record.helpfulCount ?? 0,
    reply_body: record.reply?.body ?? null,
    reply_author_name: record.reply?.authorName ?? null,
    reply_created_at: record.reply?.createdAt ?? null,
    flags: JSON.stringify(record.flags ?? []),
    search_text: searchable(`${record.title ?? ''}\n${record.body}`),
    external_id: record.externalId ?? null,
    order_reference: record.orderReference ?? null,
  };
}

export function scoreState(record: ReviewRecord): ScoreState {
  return {
    business_id: record.business,
    product_key: record.product ?? '',
    status: record.status,
    verification_status: record.verification.status,
    rating: record.rating,
    created_at: record.createdAt,
  };
}

/**
 * Inserts reviews and counts them into the kept summary. With `skipDuplicates`, a review whose
 * `externalId` is already stored for its business is left out; returns the ids inserted.
 */
export async function insertReviews(
  trx: Transaction<Tables>,
  records: ReviewRecord[],
  now: Date,
  options: { skipDuplicates?: boolean } = {},
): Promise<Set<string>> {
  const inserted = new Set<string>();
  // About 25 parameters a row: 1,000 rows stay well below PostgreSQL's 65,535 per statement.
  for (let i = 0; i < records.length; i += 1000) {
    let insert = trx.insertInto('reviews').values(records.slice(i, i + 1000).map(toRow));
    if (options.skipDuplicates)
      insert = insert.onConflict((oc) => oc.columns(['business_id', 'external_id']).doNothing());
    for (const { id } of await insert.returning('id').execute()) inserted.add(id);
  }
  await applyChanges(
    trx,
    records.filter((r) => inserted.has(r.id)).map((r) => ({ before: null, after: scoreState(r) })),
    now,
  );
  return inserted;
}
