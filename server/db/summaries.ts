/**
 * The R2 summary, kept up to date as reviews change instead of recomputed from every review.
 *
 * Every change to a review (submission, moderation, import, reply) is applied as "what it counted
 * before" minus "what it counts after": published reviews by provenance in `review_totals`, and
 * verified published reviews per day and rating in `score_days`. A summary then reads one totals
 * row, at most 366 day rows, and the reviews of the single day on which the 12-month window
 * starts (the window starts at an instant, so that day is only partly inside). The score itself
 * comes from the same `scoreFromDistribution` the mocks use.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { MODERATION_REASONS } from '../../src/client/schemas.js';
import type { Distribution, Summary, VerificationStatus } from '../../src/client/schemas.js';
import {
  emptyDistribution,
  scoreFromDistribution,
  scoreWindowStart,
  SCORE_WINDOW_MONTHS,
} from '../../src/rules/score.js';
import { isoDay } from '../../src/rules/windows.js';
import type { Tables } from './schema.js';

/** The part of a review the kept summary depends on. */
export interface ScoreState {
  business_id: string;
  product_key: string;
  status: string;
  verification_status: VerificationStatus;
  rating: number;
  created_at: Date;
}

export interface ReviewChange {
  before: ScoreState | null;
  after: ScoreState | null;
}

type Totals = { published: number; verified: number; unverified: number; imported: number };
type Ratings = [number, number, number, number, number];

const SEP = '\u0000';

/**
 * Applies changes to the kept summary inside the caller's transaction. A change to a published
 * review that counts the same before and after (a reply) still marks its summary as updated.
 */
export async function applyChanges(trx: Transaction<Tables>, changes: ReviewChange[], now: Date): Promise<void> {
  const totals = new Map<string, Totals>();
  const days = new Map<string, Ratings>();

  const add = (state: ScoreState | null, sign: 1 | -1) => {
    if (!state) return;
    const key = `${state.business_id}${SEP}${state.product_key}`;
    const total = totals.get(key) ?? { published: 0, verified: 0, unverified: 0, imported: 0 };
    totals.set(key, total);
    if (state.status !== 'published') return;
    total.published += sign;
    total[state.verification_status] += sign;
    if (state.verification_status !== 'verified') return;
    const dayKey = `${key}${SEP}${isoDay(state.created_at)}`;
    const ratings = days.get(dayKey) ?? [0, 0, 0, 0, 0];
    ratings[state.rating - 1]! += sign;
    days.set(dayKey, ratings);
  };
  for (const change of changes) {
    // What the public cannot see (a pending review, a reply to one) changes no summary, not even its date.
    if (change.before?.status !== 'published' && change.after?.status !== 'published') continue;
    add(change.before, -1);
    add(change.after, 1);
  }

  // Sorted keys: concurrent transactions on PostgreSQL then lock rows in one order, never in a cycle.
  const totalRows = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (let i = 0; i < totalRows.length; i += 500) {
    const values = totalRows.slice(i, i + 500).map(([key, t]) => {
      const [business_id, product_key] = key.split(SEP) as [string, string];
      return { business_id, product_key, ...t, updated_at: now };
    });
    await trx
      .insertInto('review_totals')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['business_id', 'product_key']).doUpdateSet((eb) => ({
          published: eb('review_totals.published', '+', eb.ref('excluded.published')),
          verified: eb('review_totals.verified', '+', eb.ref('excluded.verified')),
          unverified: eb('review_totals.unverified', '+', eb.ref('excluded.unverified')),
          imported: eb('review_totals.imported', '+', eb.ref('excluded.imported')),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  const dayRows = [...days.entries()].filter(([, r]) => r.some((n) => n !== 0)).sort(([a], [b]) => (a < b ? -1 : 1));
  for (let i = 0; i < dayRows.length; i += 500) {
    const values = dayRows.slice(i, i + 500).map(([key, r]) => {
      const [business_id, product_key, day] = key.split(SEP) as [string, string, string];
      return { business_id, product_key, day, r1: r[0], r2: r[1], r3: r[2], r4: r[3], r5: r[4] };
    });
    await trx
      .insertInto('score_days')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['business_id', 'product_key', 'day']).doUpdateSet((eb) => ({
          r1: eb('score_days.r1', '+', eb.ref('excluded.r1')),
          r2: eb('score_days.r2', '+', eb.ref('excluded.r2')),
          r3: eb('score_days.r3', '+', eb.ref('excluded.r3')),
          r4: eb('score_days.r4', '+', eb.ref('excluded.r4')),
          r5: eb('score_days.r5', '+', eb.ref('excluded.r5')),
        })),
      )
      .execute();
  }
}

interface SummaryRow {
  id: string;
  name: string;
  url: string | null;
  verification_policy_url: string | null;
  orders_recorded: number;
  orders_invited: number;
  opted_out: number;
  created_at: Date;
  product_id: string | null;
  product_name: string | null;
  published: number | null;
  verified: number | null;
  unverified: number | null;
  imported: number | null;
  updated_at: Date | null;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  e1: number;
  e2: number;
  e3: number;
  e4: number;
  e5: number;
  removed: Record<string, number | string> | null;
}

export type SummaryResult = { found: true; summary: Summary } | { found: false; missing: 'business' | 'product' };

/** The contract's summary of a business, or of one of its products, at `now`. */
export async function readSummary(
  db: Kysely<Tables>,
  businessId: string,
  productId: string | null,
  now: Date,
): Promise<SummaryResult> {
  const productKey = productId ?? '';
  const windowStart = scoreWindowStart(now);
  const boundaryDay = isoDay(windowStart);
  const dayAfterBoundary = new Date(`${boundaryDay}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000;

  // One statement, one round trip: on PGlite every query waits for the single connection.
  const { rows } = await sql<SummaryRow>`
    SELECT b.id, b.name, b.url, b.verification_policy_url, b.orders_recorded, b.orders_invited, b.opted_out, b.created_at,
           p.id AS product_id, p.name AS product_name,
           t.published, t.verified, t.unverified, t.imported, t.updated_at,
           d.r1, d.r2, d.r3, d.r4, d.r5, e.e1, e.e2, e.e3, e.e4, e.e5, x.removed
    FROM businesses b
    LEFT JOIN products p ON p.business_id = b.id AND p.id = ${productKey}
    LEFT JOIN review_totals t ON t.business_id = b.id AND t.product_key = ${productKey}
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(s.r1), 0) AS r1, coalesce(sum(s.r2), 0) AS r2, coalesce(sum(s.r3), 0) AS r3,
             coalesce(sum(s.r4), 0) AS r4, coalesce(sum(s.r5), 0) AS r5
      FROM score_days s
      WHERE s.business_id = b.id AND s.product_key = ${productKey} AND s.day > ${boundaryDay}::date
    ) d
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE r.rating = 1) AS e1, count(*) FILTER (WHERE r.rating = 2) AS e2,
             count(*) FILTER (WHERE r.rating = 3) AS e3, count(*) FILTER (WHERE r.rating = 4) AS e4,
             count(*) FILTER (WHERE r.rating = 5) AS e5
      FROM reviews r
      WHERE r.business_id = b.id AND r.product_key = ${productKey} AND r.status = 'published'
        AND r.verification_status = 'verified'
        AND r.created_at >= ${windowStart} AND r.created_at < ${new Date(dayAfterBoundary)}
    ) e
    CROSS JOIN LATERAL (
      SELECT jsonb_object_agg(reason, n) AS removed FROM (
        SELECT r.moderation_reason AS reason, count(*) AS n
        FROM reviews r
        WHERE r.business_id = b.id AND r.product_key = ${productKey} AND r.status = 'rejected'
          AND r.moderated_at >= ${windowStart}
        GROUP BY r.moderation_reason
      ) g
    ) x
    WHERE b.id = ${businessId}`.execute(db);
  const business = rows[0];

  if (!business) return { found: false, missing: 'business' };
  if (productId && !business.product_id) return { found: false, missing: 'product' };

  // The days wholly inside the window, plus the part of the first day that is.
  const distribution: Distribution = emptyDistribution();
  for (const rating of ['1', '2', '3', '4', '5'] as const) {
    distribution[rating] = Number(business[`r${rating}`]) + Number(business[`e${rating}`]);
  }
  const totals = business.published === null ? undefined : business;
  const score = scoreFromDistribution(distribution);
  const languages = (totals?.published ?? 0) > 0 ? await publishedLanguages(db, businessId, productKey) : [];

  return {
    found: true,
    summary: {
      business: { id: business.id, name: business.name, url: business.url },
      product: productId ? { id: productId, name: business.product_name! } : null,
      rating: { average: score.average, grade: score.grade, count: score.count, windowMonths: SCORE_WINDOW_MONTHS },
      distribution: score.distribution,
      totals: {
        published: totals?.published ?? 0,
        verified: totals?.verified ?? 0,
        unverified: totals?.unverified ?? 0,
        imported: totals?.imported ?? 0,
      },
      invitedShare:
        business.orders_recorded > 0
          ? Math.round((business.orders_invited / business.orders_recorded) * 1000) / 1000
          : null,
      optedOut: business.opted_out,
      verificationPolicyUrl: business.verification_policy_url,
      languages,
      removed: removedCounts(business.removed),
      updatedAt: (totals?.updated_at ?? business.created_at).toISOString(),
    },
  };
}

/** R13: removals in the window by reason, every reason named (0 when none). */
function removedCounts(counts: Record<string, number | string> | null): NonNullable<Summary['removed']> {
  const removed = Object.fromEntries(MODERATION_REASONS.map((reason) => [reason, 0])) as NonNullable<
    Summary['removed']
  >;
  for (const reason of MODERATION_REASONS) removed[reason] = Number(counts?.[reason] ?? 0);
  return removed;
}

/**
 * The languages of the published reviews, for the list's language filter: a skip scan of the
 * language index (one index probe per language, however many reviews there are).
 */
async function publishedLanguages(db: Kysely<Tables>, businessId: string, productKey: string): Promise<string[]> {
  const { rows } = await sql<{ language: string }>`
    WITH RECURSIVE found(language) AS (
      (SELECT language_base FROM reviews
        WHERE business_id = ${businessId} AND product_key = ${productKey} AND status = 'published'
        ORDER BY language_base LIMIT 1)
      UNION ALL
      SELECT (SELECT language_base FROM reviews
               WHERE business_id = ${businessId} AND product_key = ${productKey} AND status = 'published'
                 AND language_base > found.language
               ORDER BY language_base LIMIT 1)
      FROM found WHERE found.language IS NOT NULL
    )
    SELECT language FROM found WHERE language IS NOT NULL`.execute(db);
  return rows.map((row) => row.language);
}
