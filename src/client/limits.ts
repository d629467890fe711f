/**
 * The words of contract v1 that are not schemas: the option lists, the field limits and the text
 * rules. Widgets import them from here, so a bundle that needs a list of sorts or a length limit
 * does not pull in zod with the schemas (schemas.ts re-exports all of it).
 */

// ---------------------------------------------------------------------------------------------
// Option lists (`as const`), reused for validation, types and Storybook controls.

export const GRADES = ['excellent', 'good', 'fair', 'poor', 'very_poor'] as const;
export type Grade = (typeof GRADES)[number];

export const VERIFICATION_STATUSES = ['verified', 'unverified', 'imported'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const VERIFICATION_METHODS = ['invitation', 'order-reference', 'identity'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const SORTS = ['newest', 'oldest', 'highest', 'lowest', 'helpful'] as const;
export type Sort = (typeof SORTS)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const SUBMISSION_STATUSES = ['pending', 'published'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const REPORT_REASONS = ['offensive', 'personal_data', 'not_genuine', 'spam', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reasons a moderator may reject a review for (R4): content, never the rating. */
export const MODERATION_REASONS = ['offensive', 'personal_data', 'illegal', 'industry_rule', 'not_genuine'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** Error codes the API puts in `{"error": {"code"}}`. */
export const API_ERROR_CODES = [
  'validation_failed',
  'not_found',
  'idempotency_conflict',
  'rate_limited',
  'report_window_closed',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'origin_not_allowed',
  'conflict',
  'verified_by_invitation',
  'no_address',
  'internal',
] as const;

/** Field limits shared by the form, the mocks and the server. */
export const LIMITS = {
  titleMax: 120,
  bodyMin: 20,
  bodyMax: 5000,
  authorNameMin: 2,
  authorNameMax: 60,
  reportNoteMax: 1000,
  replyMax: 5000,
  pageSizeMax: 50,
  pageSizeDefault: 20,
  queryMax: 100,
  idMax: 200,
  languageMax: 35,
  /** Products one batched summary request may ask for (`/summaries?products=…`). */
  summaryBatchMax: 50,
  orderReferenceMax: 200,
} as const;

// ---------------------------------------------------------------------------------------------
// Text rules: what any text the API stores may hold. The form checks them too, so a reviewer sees
// the same problem before sending that the API would answer.

/** Control characters (C0, DEL, C1): none in a line of text, nor in an id or a query. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
/** Text of several lines keeps its line breaks and tabs, and no other control character. */
// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
export const NO_CONTROL_BUT_LINE_BREAKS = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;
export const NO_CONTROL = /^[^\p{Cc}]*$/u;
/**
 * A character that shows something: not white space, not a control or format character (zero-width
 * spaces and joiners, bidi marks), not a combining mark on its own, nor one of the letters and
 * symbols that render as nothing (Hangul fillers, the blank Braille pattern).
 */
export const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;
/** A language tag as BCP 47 writes it (`sv`, `sv-FI`, `zh-Hant-TW`); `_` is taken for `-`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** R2: no reviews in the window means no score and no grade, never a made-up number. */
export const scoreAgrees = (rating: { average: number | null; grade: string | null; count: number }): boolean =>
  (rating.average === null) === (rating.grade === null) && (rating.average === null) === (rating.count === 0);
