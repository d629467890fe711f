/**
 * Whose review is it? `GET /v1/reviews/{id}` answers for any id of any business, so a widget
 * that fetches one review by id (the quote, the list's deep link) checks that it is one of its
 * own before showing it: a shop never shows another shop's words as its own.
 */
import type { Review } from '../client/schemas.js';
import { VerityWidgetError } from './element.js';

export interface ReviewScope {
  business: string;
  /**
   * A product SKU: only that product's reviews. `null`: only the shop's reviews of itself.
   * Left out: any review of the business.
   */
  product?: string | null;
}

/** Whether a review belongs to the business (and the product) a widget shows. */
export function isOwnReview(review: Review, scope: ReviewScope): boolean {
  return review.business === scope.business && (scope.product === undefined || review.product === scope.product);
}

/** The review, or a `foreign_review` failure when it belongs to another business or product. */
export function requireOwnReview(review: Review, scope: ReviewScope): Review {
  if (isOwnReview(review, scope)) return review;
  const where = scope.product ? `product "${scope.product}" of "${scope.business}"` : `"${scope.business}"`;
  throw new VerityWidgetError('foreign_review', `Review ${review.id} is not a review of ${where}; it is not shown.`);
}
