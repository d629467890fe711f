import type { Grade, ModerationReason, ReportReason, Sort, VerificationMethod } from '../client/schemas.js';
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
  /** R13: the reviews removed in the last 12 months, by reason. */
  disclosureRemoved: (total: number, formatted: string, reasons: string) => string;
  disclosureNoneRemoved: string;
  removalReasons: Record<ModerationReason, string>;
  verificationPolicy: string;
  readAllReviews: string;

  // The review list
  /** The list's accessible name. */
  listLabel: string;
  /** The header's line under the average. */
  basedOn: (count: number, formatted: string) => string;
  histogramLabel: string;
  /** A histogram bar's spoken label. */
  histogramBar: (stars: number, count: number, formatted: { count: string; percent: string }) => string;
  sortLabel: string;
  sorts: Record<Sort, string>;
  searchLabel: string;
  verifiedOnly: string;
  languageLabel: string;
  allLanguages: string;
  clearFilters: string;
  /** R3: a rating filter is always disclosed, e.g. "Showing 4–5 star reviews". */
  showingRatings: (ratings: string) => string;
  showAll: string;
  resultCount: (shown: number, total: number, formatted: { shown: string; total: string }) => string;
  noResults: string;
  writeFirstReview: string;
  loadError: string;
  offline: string;
  retry: string;
  showMore: string;
  loadedMore: (count: number, formatted: string) => string;
  readMore: string;
  showLess: string;
  reviewed: (when: string) => string;
  experienced: (when: string) => string;
  edited: (when: string) => string;
  provenance: Record<'verified' | 'unverified' | 'imported', string>;
  /** What each provenance means (R1). */
  provenanceMeaning: Record<VerificationMethod | 'unverified' | 'imported', string>;
  replyFrom: (name: string) => string;
  helpful: string;
  helpfulFailed: string;
  report: string;
  reportTitle: string;
  reportReasonLegend: string;
  reportReasons: Record<ReportReason, string>;
  /** R10: why "not genuine" cannot be chosen for an old review. */
  notGenuineClosed: string;
  reportNote: string;
  sendReport: string;
  cancel: string;
  reportSent: string;
  reportFailed: string;
  linkedReview: string;

  // The review quote
  readFullReview: string;

  // The star input and the review form
  /** The five options of the star input, 1 to 5. */
  ratingOptions: [string, string, string, string, string];
  formTitle: string;
  ratingLabel: string;
  titleLabel: string;
  bodyLabel: string;
  /** The form's choice of the language the review is written in. */
  reviewLanguageLabel: string;
  /** The visible counter under the review text. */
  bodyCounter: (length: string, max: string) => string;
  /** What the counter says to screen readers when the writer pauses. */
  bodyCounterSpoken: (length: number, min: number, max: number) => string;
  nameLabel: string;
  nameHint: string;
  emailLabel: string;
  emailHint: string;
  orderReferenceLabel: string;
  orderReferenceHint: string;
  dateLabel: string;
  dateHint: (earliest: string) => string;
  consentLabel: string;
  honeypotLabel: string;
  noIncentive: string;
  /** R4: what moderation checks, and what it never does. */
  moderationNote: string;
  invitationNote: string;
  /** Why the API refused the review's invitation link (there is no field to show it at). */
  invitationProblems: Record<'expired' | 'used' | 'invalid' | 'mismatch', string>;
  /** After an invitation problem: the review can still be sent. */
  invitationFallback: string;
  /** The button that drops the refused invitation and keeps what was typed. */
  dropInvitation: string;
  submit: string;
  submitting: string;
  errorSummary: string;
  errors: {
    rating: string;
    titleTooLong: (max: string) => string;
    bodyRequired: string;
    bodyTooShort: (min: string) => string;
    bodyTooLong: (max: string) => string;
    nameRequired: string;
    nameTooShort: (min: string) => string;
    nameTooLong: (max: string) => string;
    emailRequired: string;
    emailInvalid: string;
    dateRequired: string;
    dateFuture: string;
    dateTooOld: (earliest: string) => string;
    consent: string;
    productUnknown: string;
    invalid: string;
  };
  draftRestored: string;
  discardDraft: string;
  networkFailed: string;
  serverFailed: string;
  rateLimited: (wait: string) => string;
  alreadySent: string;
  thanksTitle: string;
  /** A review without an invitation: its author confirms it from an e-mail first. */
  thanksConfirm: string;
  thanksPending: string;
  thanksPublished: string;
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
  disclosureRemoved: (total, n, reasons) =>
    `Removed in the last 12 months: ${n} ${total === 1 ? 'review' : 'reviews'}, each for a stated reason (${reasons}).`,
  disclosureNoneRemoved: 'No review was removed in the last 12 months.',
  removalReasons: {
    offensive: 'offensive',
    personal_data: 'personal data',
    illegal: 'illegal content',
    industry_rule: 'industry rules',
    not_genuine: 'not a genuine experience',
  },
  verificationPolicy: 'Read the verification policy',
  readAllReviews: 'Read all reviews',

  listLabel: 'Customer reviews',
  basedOn: (count, n) =>
    p(count, {
      one: `Based on ${n} verified review from the last 12 months`,
      other: `Based on ${n} verified reviews from the last 12 months`,
    }),
  histogramLabel: 'Ratings of verified reviews from the last 12 months. Choose a rating to filter the list.',
  histogramBar: (stars, count, n) =>
    `${p(stars, { one: `${stars} star`, other: `${stars} stars` })}: ${p(count, { one: `${n.count} review`, other: `${n.count} reviews` })}, ${n.percent}`,
  sortLabel: 'Sort by',
  sorts: {
    newest: 'Newest first',
    oldest: 'Oldest first',
    highest: 'Highest rating',
    lowest: 'Lowest rating',
    helpful: 'Most helpful',
  },
  searchLabel: 'Search reviews',
  verifiedOnly: 'Verified reviews only',
  languageLabel: 'Language',
  allLanguages: 'All languages',
  clearFilters: 'Clear filters',
  showingRatings: (ratings) => `Showing ${ratings} star reviews`,
  showAll: 'Show all',
  resultCount: (shown, total, n) => (total === 1 ? 'Showing 1 review' : `Showing ${n.shown} of ${n.total} reviews`),
  noResults: 'No reviews match your filters.',
  writeFirstReview: 'Write the first review',
  loadError: 'The reviews could not be loaded.',
  offline: 'You are offline. The reviews will load when you are back online.',
  retry: 'Try again',
  showMore: 'Show more reviews',
  loadedMore: (count, n) => p(count, { one: `${n} more review loaded`, other: `${n} more reviews loaded` }),
  readMore: 'Read more',
  showLess: 'Show less',
  reviewed: (when) => `Reviewed ${when}`,
  experienced: (when) => `Experience: ${when}`,
  edited: (when) => `Edited ${when}`,
  provenance: { verified: 'Verified', unverified: 'Unverified', imported: 'Imported' },
  provenanceMeaning: {
    invitation: 'invited after a purchase',
    'order-reference': 'proved an order',
    identity: 'identity confirmed',
    unverified: 'not proven to be a customer; not counted in the score',
    imported: 'from another system; not counted in the score',
  },
  replyFrom: (name) => `Reply from ${name}`,
  helpful: 'Helpful',
  helpfulFailed: 'Your vote could not be saved. Please try again.',
  report: 'Report',
  reportTitle: 'Report this review',
  reportReasonLegend: 'Why are you reporting this review?',
  reportReasons: {
    offensive: 'Offensive or insulting',
    personal_data: 'Contains personal data',
    not_genuine: 'Not based on a genuine experience',
    spam: 'Spam or advertising',
    other: 'Something else',
  },
  notGenuineClosed: 'Only reviews from the last 12 months can be reported as not based on a genuine experience.',
  reportNote: 'Anything else we should know? (optional)',
  sendReport: 'Send report',
  cancel: 'Cancel',
  reportSent: 'Thank you. We will check this review.',
  reportFailed: 'The report could not be sent. Please try again.',
  linkedReview: 'Linked review',
  readFullReview: 'Read the full review',
  ratingOptions: ['1 star: very poor', '2 stars: poor', '3 stars: fair', '4 stars: good', '5 stars: excellent'],
  formTitle: 'Write a review',
  ratingLabel: 'Your rating',
  titleLabel: 'Title (optional)',
  bodyLabel: 'Your review',
  reviewLanguageLabel: 'Language of your review',
  bodyCounter: (length, max) => `${length} / ${max}`,
  bodyCounterSpoken: (length, min, max) =>
    length < min
      ? p(min - length, { one: '1 more character needed', other: `${min - length} more characters needed` })
      : p(max - length, { one: '1 character left', other: `${max - length} characters left` }),
  nameLabel: 'Name shown with your review',
  nameHint: 'Your first name and an initial is enough.',
  emailLabel: 'E-mail',
  emailHint: 'Only to confirm your review. It is never shown.',
  orderReferenceLabel: 'Order reference (optional)',
  orderReferenceHint: 'With the reference of your order, your review is shown as a verified purchase.',
  dateLabel: 'When did you buy or use it?',
  dateHint: (earliest) => `At most 6 months ago (on or after ${earliest}).`,
  consentLabel: 'This is my own experience, and I received nothing in return for this review.',
  honeypotLabel: 'Leave this field empty',
  noIncentive: 'No one is paid or rewarded for a review.',
  moderationNote:
    'Every review is checked for offensive language and personal data before it is published, never for its rating.',
  invitationNote: 'You were invited after your purchase: your review will be marked as verified.',
  invitationProblems: {
    expired: 'This review link has expired.',
    used: 'This review link was already used for a review.',
    invalid: 'This review link is not valid.',
    mismatch: 'This review link is for another product.',
  },
  invitationFallback: 'You can still send your review; it will be shown as not verified.',
  dropInvitation: 'Continue as not verified',
  submit: 'Send review',
  submitting: 'Sending…',
  errorSummary: 'Please check these fields:',
  errors: {
    rating: 'Choose a rating from 1 to 5 stars.',
    titleTooLong: (max) => `Keep the title to ${max} characters.`,
    bodyRequired: 'Write about your experience.',
    bodyTooShort: (min) => `Write at least ${min} characters.`,
    bodyTooLong: (max) => `Keep your review to ${max} characters.`,
    nameRequired: 'Enter the name to show with your review.',
    nameTooShort: (min) => `Enter at least ${min} characters.`,
    nameTooLong: (max) => `Keep the name to ${max} characters.`,
    emailRequired: 'Enter your e-mail address.',
    emailInvalid: 'Enter an e-mail address like name@example.com.',
    dateRequired: 'Enter when you had the experience.',
    dateFuture: 'The date cannot be in the future.',
    dateTooOld: (earliest) => `Reviews are about experiences from the last 6 months: choose ${earliest} or later.`,
    consent: 'Confirm that this is your own experience and that you received nothing for it.',
    productUnknown: 'This product cannot be reviewed here.',
    invalid: 'Check this field.',
  },
  draftRestored: 'We kept the review you had not sent yet.',
  discardDraft: 'Discard draft',
  networkFailed: 'Your review could not be sent: the connection failed. Nothing is lost; try again.',
  serverFailed: 'Something went wrong on our side. Nothing is lost; try again.',
  rateLimited: (wait) => `Too many reviews were sent from here. Please try again ${wait}.`,
  alreadySent: 'This review was already sent. Discard the draft to write another one.',
  thanksTitle: 'Thank you for your review!',
  thanksConfirm: 'Please confirm it: we sent a link to your e-mail address. Unconfirmed, it is deleted after 7 days.',
  thanksPending:
    'It will be published once it has been checked for offensive language and personal data. It is never checked for its rating.',
  thanksPublished: 'Your review is published.',
};
