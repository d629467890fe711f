/**
 * The kept summary (per-day buckets and totals, updated incrementally) equals a full recomputation
 * with R2's `computeScore` over every stored review, after random submissions, moderation
 * decisions both ways, imports, replies and a clock that moves the 12-month window across reviews
 * (including reviews exactly on the window's edge).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { MODERATION_REASONS } from '../../src/client/schemas.js';
import type { VerificationStatus } from '../../src/client/schemas.js';
import { seededRandom } from '../../src/mocks/random.js';
import { computeScore, SCORE_WINDOW_MONTHS, subtractMonths } from '../../src/rules/score.js';
import { isoDay } from '../../src/rules/windows.js';
import { upsertBusiness } from '../../server/db/businesses.js';
import { importReviews } from '../../server/db/imports.js';
import { moderate, reply } from '../../server/db/moderation.js';
import { confirmReview } from '../../server/db/reviewer.js';
import type { Tables } from '../../server/db/schema.js';
import { fingerprint, newReviewId, submitReview } from '../../server/db/submissions.js';
import { readSummary } from '../../server/db/summaries.js';
import { insertReviews } from '../../server/db/writes.js';
import type { ReviewRecord } from '../../server/db/writes.js';
import { BACKENDS, dispose, freshDatabase } from './helpers.js';
import type { TestDatabase } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const BUSINESS = 'random-shop';
const PRODUCTS = [null, 'P-1', 'P-2'] as const;

/** The summary's numbers recomputed from every stored review. */
async function recompute(db: Kysely<Tables>, product: string | null, now: Date) {
  const rows = await db
    .selectFrom('reviews')
    .select(['rating', 'created_at', 'verification_status'])
    .where('business_id', '=', BUSINESS)
    .where('product_key', '=', product ?? '')
    .where('status', '=', 'published')
    .execute();
  const score = computeScore(
    rows.map((r) => ({ rating: r.rating, createdAt: r.created_at, verification: { status: r.verification_status } })),
    now,
  );
  const totals = { published: rows.length, verified: 0, unverified: 0, imported: 0 };
  for (const r of rows) totals[r.verification_status] += 1;
  return {
    rating: { average: score.average, grade: score.grade, count: score.count, windowMonths: SCORE_WINDOW_MONTHS },
    distribution: score.distribution,
    totals,
  };
}

for (const { backend, skip } of BACKENDS) {
  describe(`kept summary on ${backend}`, { skip }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await freshDatabase(backend);
    });
    after(() => dispose(database));

    it('equals a full recomputation after random operations while the window moves', async () => {
      const { db } = database;
      const seed = 8;
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      let now = new Date();
      await upsertBusiness(
        db,
        {
          id: BUSINESS,
          name: 'Random',
          url: 'https://random.example',
          products: [
            { id: 'P-1', name: 'One' },
            { id: 'P-2', name: 'Two' },
          ],
        },
        now,
      );

      const record = (createdAt: Date, overrides: Partial<ReviewRecord> = {}): ReviewRecord => {
        const status = pick<VerificationStatus>(['verified', 'verified', 'unverified', 'imported']);
        return {
          id: newReviewId(BUSINESS),
          business: BUSINESS,
          product: pick(PRODUCTS),
          rating: 1 + Math.floor(random() * 5),
          title: null,
          body: 'A review written for the random test.',
          language: 'en',
          authorName: 'Random',
          country: null,
          email: null,
          experiencedAt: isoDay(createdAt),
          createdAt,
          status: random() < 0.7 ? 'published' : 'pending',
          verification: { status, method: status === 'verified' ? 'invitation' : null },
          ...overrides,
        };
      };

      // History: 30 months of reviews, at millisecond-random moments.
      const history = Array.from({ length: 400 }, () => record(new Date(now.getTime() - random() * 900 * DAY)));
      await db.transaction().execute((trx) => insertReviews(trx, history, now));
      const ids = history.map((r) => r.id);

      const check = async (step: number) => {
        for (const product of PRODUCTS) {
          const kept = await readSummary(db, BUSINESS, product, now);
          assert.ok(kept.found);
          const { rating, distribution, totals } = kept.summary;
          assert.deepEqual(
            { rating, distribution, totals },
            await recompute(db, product, now),
            `seed ${seed}, step ${step}, product ${product}, now ${now.toISOString()}`,
          );
        }
      };
      await check(0);

      let counted = 0;
      for (let step = 1; step <= 120; step += 1) {
        const op = random();
        if (op < 0.35) {
          const decision = random() < 0.6 ? 'approve' : 'reject';
          await moderate(
            db,
            pick(ids),
            decision === 'approve' ? { decision } : { decision, reason: pick(MODERATION_REASONS) },
            now,
          );
        } else if (op < 0.5) {
          const k = `random-${step}`;
          const input = {
            rating: 1 + Math.floor(random() * 5),
            title: null,
            body: 'Submitted during the random test.',
            authorName: 'Tester',
            email: 'random@mail.example',
            experiencedAt: isoDay(now),
            language: 'en',
            consent: true as const,
            product: pick(['P-1', 'P-2', undefined]),
          };
          const answer = await submitReview(db, {
            business: BUSINESS,
            input,
            key: k,
            fingerprint: fingerprint(BUSINESS, input),
            now,
            linkBase: 'https://reviews.example',
          });
          const id = (answer.body as { id: string }).id;
          // Confirmed by its author (double opt-in): only then does moderation see it.
          await confirmReview(db, id, now);
          ids.push(id);
        } else if (op < 0.6) {
          const result = await importReviews(
            db,
            BUSINESS,
            {
              reviews: Array.from({ length: 3 }, (_, i) => ({
                externalId: `import-${step}-${i}`,
                rating: 1 + Math.floor(random() * 5),
                body: 'Imported during the random test.',
                authorName: 'Importer',
                language: 'de',
                createdAt: new Date(now.getTime() - random() * 600 * DAY).toISOString(),
                product: pick(['P-1', 'P-2', undefined]),
              })),
            },
            now,
          );
          ids.push(...result.ids);
        } else if (op < 0.7) {
          await reply(db, pick(ids), { body: 'Thanks for your review.', authorName: 'Team' }, now);
        } else if (op < 0.85) {
          // Reviews exactly on the window's edge, and a millisecond outside it, at a later moment.
          const later = new Date(now.getTime() + random() * 5 * DAY);
          const edge = subtractMonths(later, 12);
          const edgeReviews = [
            record(edge, { status: 'published', verification: { status: 'verified', method: 'invitation' } }),
            record(new Date(edge.getTime() - 1), {
              status: 'published',
              verification: { status: 'verified', method: 'identity' },
            }),
          ];
          await db.transaction().execute((trx) => insertReviews(trx, edgeReviews, now));
          ids.push(...edgeReviews.map((r) => r.id));
          now = later;
        } else {
          now = new Date(now.getTime() + random() * 10 * DAY);
        }
        if (step % 10 === 0) {
          await check(step);
          counted += 1;
        }
      }
      assert.equal(counted, 12);
      const final = await readSummary(db, BUSINESS, null, now);
      assert.ok(final.found && final.summary.rating.count > 0, 'the test kept some reviews in the window');
    });
  });
}
