/**
 * `verity-reviews`: the element classes, the client and the types. Importing this registers
 * nothing (no side effects): import `verity-reviews/define` or a component's `define` entry to
 * register tags, or register the classes under names of your own.
 */
export * from './client/index.js';
export { VerityStars } from './components/stars/stars.js';
export { VerityRatingBadge, BADGE_VARIANTS } from './components/rating-badge/rating-badge.js';
export type { BadgeVariant } from './components/rating-badge/rating-badge.js';
export { VerityProvider } from './components/provider/provider.js';
export { VerityReviewList, parseRatings } from './components/review-list/review-list.js';
export { VerityReviewQuote, QUOTE_VARIANTS, fullReviewLink } from './components/review-quote/review-quote.js';
export type { QuoteVariant } from './components/review-quote/review-quote.js';
export { VerityStarInput } from './components/star-input/star-input.js';
export { VerityReviewForm } from './components/review-form/review-form.js';
export type { DraftFields } from './components/review-form/review-form.js';
export { VerityElement, VerityDataElement, THEMES } from './internal/element.js';
export type { Theme } from './internal/element.js';
export { configure, getConfig } from './internal/config.js';
export type { VerityConfig } from './internal/config.js';
export { registerTranslation, BUILT_IN_LOCALES } from './internal/localize.js';
export type { Translation, BuiltInLocale } from './internal/localize.js';
export {
  VerityErrorEvent,
  VerityLoadEvent,
  VerityReviewSubmittedEvent,
  VerityFilterChangeEvent,
} from './internal/events.js';
export type {
  VerityErrorCode,
  VerityErrorDetail,
  VerityLoadDetail,
  VerityReviewSubmittedDetail,
  VerityFilterChangeDetail,
} from './internal/events.js';
export { VERSION } from './internal/version.js';
export { computeScore, gradeFor, roundHalfUp, countsTowardScore, SCORE_WINDOW_MONTHS } from './rules/score.js';
export { checkQuote, autoExcerpt, normalizeText } from './rules/quote.js';
export type { QuoteVerdict, QuoteProblem } from './rules/quote.js';
