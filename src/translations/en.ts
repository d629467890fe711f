import type { Grade } from '../client/schemas.js';
import { plural } from '../internal/plural.js';

/**
 * The strings of every widget. Other locales are typed against this interface, so a missing
 * string is a compile error. Plural strings are functions: they receive the count and the count
 * already formatted for the locale.
 */
export interface Translation {
  /** BCP 47 code of the language. */
  $code: string;
  /** The language's own name. */
  $name: string;
  $dir: 'ltr' | 'rtl';

  /** Spoken label of a star rating, e.g. "Rated 4.3 out of 5". */
  starsLabel: (rating: string) => string;
  /** "out of 5" after an average. */
  outOfFive: string;
  grades: Record<Grade, string>;
  /** Reviews counted in the score (verified, last 12 months). */
  verifiedReviewCount: (count: number, formatted: string) => string;
  /** All published reviews. */
  reviewCount: (count: number, formatted: string) => string;
  noReviews: string;
  /** Published reviews exist, but none counts toward a score (R2). */
  noScore: string;
  loading: string;
  unavailable: string;
  /** R9: the share of customers invited to review. */
  invitedShare: (percent: string) => string;
  /** R11: the button that opens how reviews are collected and verified. */
  howVerified: string;
  close: string;
  /** R11 disclosure, first paragraph: what the score is. */
  disclosureScore: (count: number, formatted: string) => string;
  disclosureNoScore: string;
  /** R11 disclosure: how reviews are verified. */
  disclosureVerification: string;
  /** R11 disclosure: nothing is hidden or paid for. */
  disclosureHonesty: string;
  /** R11 disclosure: the published reviews by provenance. */
  disclosureTotals: (totals: { published: string; verified: string; unverified: string; imported: string }) => string;
  verificationPolicy: string;
  readAllReviews: string;
}

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('en', count, forms);

export const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  starsLabel: (rating) => `Rated ${rating} out of 5`,
  outOfFive: 'out of 5',
  grades: {
    excellent: 'Excellent',
    good: 'Good',
    fair: 'Fair',
    poor: 'Poor',
    very_poor: 'Very poor',
  },
  verifiedReviewCount: (count, n) => p(count, { one: `${n} verified review`, other: `${n} verified reviews` }),
  reviewCount: (count, n) => p(count, { one: `${n} review`, other: `${n} reviews` }),
  noReviews: 'No reviews yet',
  noScore: 'No score yet',
  loading: 'Loading reviews…',
  unavailable: 'Reviews are unavailable right now',
  invitedShare: (percent) => `${percent} of customers invited to review`,
  howVerified: 'How reviews are verified',
  close: 'Close',
  disclosureScore: (count, n) =>
    p(count, {
      one: `The score is the average rating of ${n} verified review from the last 12 months.`,
      other: `The score is the average rating of ${n} verified reviews from the last 12 months.`,
    }),
  disclosureNoScore: 'There is no score yet: no verified review from the last 12 months.',
  disclosureVerification:
    'A review is verified when the reviewer was invited after a real purchase or proved an order. Unverified and imported reviews are shown, but never counted in the score.',
  disclosureHonesty:
    'Every published review can be read, whatever its rating. Reviews are checked only for offensive language and personal data, and no one is paid or rewarded for a review.',
  disclosureTotals: (t) =>
    `Published: ${t.published} (${t.verified} verified, ${t.unverified} unverified, ${t.imported} imported).`,
  verificationPolicy: 'Read the verification policy',
  readAllReviews: 'Read all reviews',
};
