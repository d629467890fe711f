import type { Grade, ModerationReason, ReportReason, Sort, VerificationMethod } from '../client/schemas.js';
import { enDisclosure } from './en-disclosure.js';
import { enShared } from './en-shared.js';
import { enWidgets } from './en-widgets.js';

/**
 * The strings the badge (and every widget) needs: always loaded, the English ones in the
 * badge's own chunk.
 */
export interface SharedTranslation {
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
  readAllReviews: string;
}

/**
 * R11's panel, which says how reviews are collected and verified: its English strings load with
 * the panel's code, when a visitor first points at or opens the verified mark (`en-disclosure.ts`).
 */
export interface DisclosureTranslation {
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
}

/**
 * The strings of the list, the quote, the form and the star input: their English ones load with
 * those widgets' code, not with the badge's (`en-widgets.ts`).
 */
export interface WidgetTranslation {
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
  dateLabel: string;
  dateHint: (earliest: string) => string;
  orderReferenceLabel: string;
  orderReferenceHint: string;
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
  thanksPending: string;
  thanksPublished: string;
  /** A review without an invitation: its author confirms it from an e-mail first. */
  thanksConfirm: string;
}

/**
 * The strings of every widget. Other locales are typed against this interface, so a missing
 * string is a compile error. Plural strings are functions: they receive the count and the count
 * already formatted for the locale.
 */
export interface Translation extends SharedTranslation, WidgetTranslation, DisclosureTranslation {}

/** Every English string: the badge's, the disclosure's and the other widgets'. */
export const en: Translation = { ...enShared, ...enDisclosure, ...enWidgets };
