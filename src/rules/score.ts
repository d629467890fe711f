/**
 * Rule R2, the score: the simple mean of the ratings of *verified* reviews created in the last
 * 12 months, rounded half-up to 2 decimals, then graded. Imported and unverified reviews never
 * count; no review in the window means no score and no grade. The mocks and the reference
 * server both compute summaries with these functions.
 */
import type { Distribution, Grade, VerificationStatus } from '../client/schemas.js';

export const SCORE_WINDOW_MONTHS = 12;

/** The part of a review the score needs. */
export interface ScoredReview {
  rating: number;
  createdAt: string | Date;
  verification: { status: VerificationStatus };
}

export interface Score {
  average: number | null;
  grade: Grade | null;
  count: number;
  distribution: Distribution;
}

/** Subtracts calendar months in UTC, clamping the day (31 March − 1 month = 28/29 February). */
export function subtractMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The first instant that is inside the score window at `now`. */
export function scoreWindowStart(now: Date): Date {
  return subtractMonths(now, SCORE_WINDOW_MONTHS);
}

/** Whether a published review counts toward the score at `now` (R1, R2). */
export function countsTowardScore(review: ScoredReview, now: Date): boolean {
  if (review.verification.status !== 'verified') return false;
  const created = new Date(review.createdAt).getTime();
  return created >= scoreWindowStart(now).getTime() && created <= now.getTime();
}

/**
 * Rounds half away from zero (for the positive averages here: half-up) to `decimals` places.
 * Shifting through the decimal exponent avoids binary artefacts: 4.495 × 100 is
 * 449.49999999999994 as a double, but "4.495e2" is exactly 449.5.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return Math.sign(value) * Number(`${shifted}e-${decimals}`);
}

/** The grade of an average already rounded to 2 decimals; `null` without an average. */
export function gradeFor(average: number | null): Grade | null {
  if (average === null || Number.isNaN(average)) return null;
  if (average >= 4.5) return 'excellent';
  if (average >= 3.5) return 'good';
  if (average >= 2.5) return 'fair';
  if (average >= 1.5) return 'poor';
  return 'very_poor';
}

export function emptyDistribution(): Distribution {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
}

/** Computes the R2 score of a set of published reviews at `now`. */
export function computeScore(reviews: Iterable<ScoredReview>, now: Date): Score {
  const distribution = emptyDistribution();
  for (const review of reviews) {
    if (!countsTowardScore(review, now)) continue;
    const key = String(review.rating) as keyof Distribution;
    if (key in distribution) distribution[key] += 1;
  }
  return scoreFromDistribution(distribution);
}

/**
 * The score from a distribution of counted ratings. Integer arithmetic keeps the half-up
 * rounding exact: round(sum / count, 2) = floor((200·sum + count) / (2·count)) / 100.
 */
export function scoreFromDistribution(distribution: Distribution): Score {
  let count = 0;
  let sum = 0;
  for (const [rating, n] of Object.entries(distribution)) {
    count += n;
    sum += Number(rating) * n;
  }
  if (count === 0) return { average: null, grade: null, count: 0, distribution };
  const average = Math.floor((200 * sum + count) / (2 * count)) / 100;
  return { average, grade: gradeFor(average), count, distribution };
}
