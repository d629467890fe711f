/** The English strings the badge needs (and every widget with it). */
import { plural } from '../internal/plural.js';
import type { SharedTranslation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('en', count, forms);

export const enShared: SharedTranslation = {
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
  readAllReviews: 'Read all reviews',
};
