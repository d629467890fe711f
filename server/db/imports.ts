/**
 * Reviews brought in from another system (R1): stored as `imported`, never counted in the score
 * (R2), shown with their provenance. They are published at once (the business already showed
 * them elsewhere) unless an automatic R4 check flags one: that one waits for the moderator.
 */
import type { Kysely } from 'kysely';
import type { ImportInput, ImportResult } from '../../src/contract/admin.js';
import type { FieldErrors } from '../../src/client/validate.js';
import { isoDay } from '../../src/rules/windows.js';
import { invalid, notFound } from '../http/errors.js';
import { moderationFlags } from '../rules/flags.js';
import { findBusiness } from './businesses.js';
import type { Tables } from './schema.js';
import { newReviewId } from './submissions.js';
import { insertReviews } from './writes.js';
import type { ReviewRecord } from './writes.js';

export async function importReviews(
  db: Kysely<Tables>,
  business: string,
  input: ImportInput,
  now: Date,
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await findBusiness(trx, business))) throw notFound(`No business "${business}"`);

    const products = new Set(
      (await trx.selectFrom('products').select('id').where('business_id', '=', business).execute()).map((p) => p.id),
    );
    const fields: FieldErrors = {};
    input.reviews.forEach((review, i) => {
      if (review.product && !products.has(review.product)) fields[`reviews.${i}.product`] = 'unknown_product';
      if (Date.parse(review.createdAt) > now.getTime()) fields[`reviews.${i}.createdAt`] = 'future';
      if (review.reply && Date.parse(review.reply.createdAt) > now.getTime()) {
        fields[`reviews.${i}.reply.createdAt`] = 'future';
      }
    });
    if (Object.keys(fields).length > 0) throw invalid('Some imported reviews have invalid fields', fields);

    // One review per external id, even when a batch repeats one.
    const byExternalId = new Map<string, ReviewRecord>();
    const records: ReviewRecord[] = input.reviews.map((review) => {
      const previous = review.externalId ? byExternalId.get(review.externalId) : undefined;
      if (previous) return previous;
      const title = review.title?.trim() ? review.title.trim() : null;
      const flags = moderationFlags({ title, body: review.body, authorName: review.authorName });
      // Milliseconds, as JavaScript keeps them: the list's cursor compares exact instants.
      const createdAt = new Date(Date.parse(review.createdAt));
      const record: ReviewRecord = {
        id: newReviewId(business),
        business,
        product: review.product ?? null,
        rating: review.rating,
        title,
        body: review.body,
        language: review.language,
        authorName: review.authorName,
        country: review.country ?? null,
        email: null,
        experiencedAt: review.experiencedAt ?? isoDay(createdAt),
        createdAt,
        status: flags.length > 0 ? 'pending' : 'published',
        verification: { status: 'imported', method: null },
        reply: review.reply
          ? {
              body: review.reply.body,
              authorName: review.reply.authorName,
              createdAt: new Date(review.reply.createdAt),
            }
          : null,
        flags,
        externalId: review.externalId ?? null,
      };
      if (review.externalId) byExternalId.set(review.externalId, record);
      return record;
    });
    const unique = [...new Set(records)];
    const inserted = await insertReviews(trx, unique, now, { skipDuplicates: true });

    // A review imported before keeps its id.
    const skipped = unique.filter((r) => !inserted.has(r.id));
    const existing = new Map<string, string>();
    if (skipped.length > 0) {
      const rows = await trx
        .selectFrom('reviews')
        .select(['id', 'external_id'])
        .where('business_id', '=', business)
        .where(
          'external_id',
          'in',
          skipped.map((r) => r.externalId!),
        )
        .execute();
      for (const row of rows) existing.set(row.external_id!, row.id);
    }
    const idOf = (r: ReviewRecord) => (inserted.has(r.id) ? r.id : (existing.get(r.externalId!) ?? r.id));
    return {
      ids: records.map(idOf),
      imported: inserted.size,
      skipped: skipped.length,
      pending: unique.filter((r) => inserted.has(r.id) && r.status === 'pending').length,
    };
  });
}
