/**
 * Contract v1 of the Verity review API, as zod schemas: the single source of truth for the
 * TypeScript types, the client's response validation, the form's validation, the mocks, the
 * reference server and the OpenAPI document.
 *
 * Browser code must stay small, so this module uses `zod/mini`. Objects are not strict: a newer
 * API may add optional fields without breaking older widgets.
 */
import * as z from 'zod/mini';

export * from './limits.js';
import {
  GRADES,
  LANGUAGE_TAG,
  LIMITS,
  NO_CONTROL,
  NO_CONTROL_BUT_LINE_BREAKS,
  REPORT_REASONS,
  SORTS,
  SUBMISSION_STATUSES,
  VERIFICATION_METHODS,
  VERIFICATION_STATUSES,
  VISIBLE,
  scoreAgrees,
} from './limits.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

/**
 * Builds a schema. Marked free of side effects, so a bundler drops every schema a bundle does not
 * use: the rating badge's code carries the summary's schema, not the review form's.
 */
/* @__NO_SIDE_EFFECTS__ */
function lazy<T>(build: () => T): T {
  return build();
}

const isoDateTime = lazy(() => z.iso.datetime({ offset: true }));
const isoDate = lazy(() => z.iso.date());
const nonNegativeInt = lazy(() => z.int().check(z.minimum(0)));
const id = lazy(() => z.string().check(z.minLength(1), z.maxLength(LIMITS.idMax)));
const rating = lazy(() => z.int().check(z.minimum(1), z.maximum(5)));

/** An id a client sends (a SKU, a token, an order reference): one line, no control characters. */
export const reference = (max: number = LIMITS.idMax) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(NO_CONTROL));
/** One line of text, trimmed: no control characters, tabs and line breaks included. */
export const singleLine = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max), z.regex(NO_CONTROL));
/** A name: one line with at least one character that shows (not only zero-width ones). */
export const displayName = (min: number, max: number) => singleLine(min, max).check(z.regex(VISIBLE));
/** A title: one line, empty or with something that shows. */
export const titleText = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max), z.regex(NO_CONTROL), z.regex(new RegExp(`^$|${VISIBLE.source}`, 'u')));
/**
 * Text of several lines, trimmed, with something that shows (`visible`): line breaks (CRLF stored as
 * LF) and tabs are kept, other control characters refused.
 */
export const paragraphs = (min: number, max: number, visible = true) =>
  z.string().check(
    z.overwrite((text) => text.replace(/\r\n?/g, '\n')),
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.regex(NO_CONTROL_BUT_LINE_BREAKS),
    ...(visible ? [z.regex(VISIBLE)] : []),
  );
export const languageTag = lazy(() =>
  z.string().check(z.minLength(2), z.maxLength(LIMITS.languageMax), z.regex(LANGUAGE_TAG)),
);

export const gradeSchema = lazy(() => z.enum(GRADES));
export const sortSchema = lazy(() => z.enum(SORTS));

// ---------------------------------------------------------------------------------------------
// Responses

export const businessSchema = lazy(() =>
  z.object({
    id,
    name: z.string(),
    url: z.nullable(z.string()),
  }),
);

export const productSchema = lazy(() =>
  z.object({
    id,
    name: z.string(),
  }),
);

export const distributionSchema = lazy(() =>
  z.object({
    '1': nonNegativeInt,
    '2': nonNegativeInt,
    '3': nonNegativeInt,
    '4': nonNegativeInt,
    '5': nonNegativeInt,
  }),
);

export const ratingSummarySchema = lazy(() =>
  z
    .object({
      average: z.nullable(z.number().check(z.minimum(1), z.maximum(5))),
      grade: z.nullable(gradeSchema),
      count: nonNegativeInt,
      windowMonths: z.int().check(z.positive()),
    })
    .check(z.refine(scoreAgrees, { message: 'average, grade and count must agree' })),
);

export const summarySchema = lazy(() =>
  z.object({
    business: businessSchema,
    product: z.nullable(productSchema),
    rating: ratingSummarySchema,
    distribution: distributionSchema,
    totals: z.object({
      published: nonNegativeInt,
      verified: nonNegativeInt,
      unverified: nonNegativeInt,
      imported: nonNegativeInt,
    }),
    invitedShare: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
    /** R13: customers who opted out of the business's review invitations (when the API knows). */
    optedOut: z.optional(nonNegativeInt),
    verificationPolicyUrl: z.nullable(z.string()),
    updatedAt: isoDateTime,
    /**
     * The languages the published reviews (of the shop, or of the product) are written in: the
     * primary subtags, lowercase, e.g. `["de", "sv"]`. The list's language filter offers them.
     * Optional: a server that leaves it out is still valid, and the list falls back to the
     * languages of the reviews it has loaded.
     */
    languages: z.optional(z.array(z.string().check(z.minLength(2), z.maxLength(35)))),
    /**
     * R13: reviews removed (not published, or taken down) in the last 12 months, by their stated
     * R4/R10 reason. Optional: a server that leaves it out is still valid.
     */
    removed: z.optional(
      z.object({
        offensive: nonNegativeInt,
        personal_data: nonNegativeInt,
        illegal: nonNegativeInt,
        industry_rule: nonNegativeInt,
        not_genuine: nonNegativeInt,
      }),
    ),
  }),
);

export const verificationSchema = lazy(() =>
  z.object({
    status: z.enum(VERIFICATION_STATUSES),
    method: z.nullable(z.enum(VERIFICATION_METHODS)),
  }),
);

export const replySchema = lazy(() =>
  z.object({
    body: z.string(),
    createdAt: isoDateTime,
    authorName: z.string(),
  }),
);

export const reviewSchema = lazy(() =>
  z.object({
    id,
    business: id,
    product: z.nullable(z.string()),
    rating,
    title: z.nullable(z.string()),
    body: z.string(),
    language: z.string(),
    author: z.object({
      displayName: z.string(),
      country: z.nullable(z.string()),
    }),
    experiencedAt: isoDate,
    createdAt: isoDateTime,
    editedAt: z.nullable(isoDateTime),
    verification: verificationSchema,
    countsTowardScore: z.boolean(),
    reply: z.nullable(replySchema),
    helpfulCount: nonNegativeInt,
    url: z.string(),
  }),
);

export const reviewPageSchema = lazy(() =>
  z.object({
    items: z.array(reviewSchema),
    nextCursor: z.nullable(z.string()),
    total: nonNegativeInt,
    /**
     * Only for a search (`q`) that matched more reviews than the API counts (1,000): `total` is
     * that many, and there are more ("1,000+").
     */
    totalCapped: z.optional(z.boolean()),
  }),
);

/** `GET …/summaries?products=a,b`: one summary per known product, in the order asked. */
export const summaryBatchSchema = lazy(() => z.object({ items: z.array(summarySchema) }));

export const submitResultSchema = lazy(() =>
  z.object({
    id,
    status: z.enum(SUBMISSION_STATUSES),
    verification: verificationSchema,
    /**
     * `email`: the review waits until its author opens the link e-mailed to them (a review without
     * an invitation); it is checked and published only then. Absent: nothing to confirm.
     */
    confirmation: z.optional(z.literal('email')),
  }),
);

export const helpfulResultSchema = lazy(() => z.object({ helpfulCount: nonNegativeInt }));

export const apiErrorSchema = lazy(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** Field name → problem code (see `FIELD_PROBLEMS`), for `validation_failed`. */
      fields: z.optional(z.record(z.string(), z.string())),
    }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Requests

export const listQuerySchema = lazy(() =>
  z.object({
    product: z.optional(reference()),
    sort: z.optional(sortSchema),
    rating: z.optional(z.array(rating)),
    verified: z.optional(z.boolean()),
    language: z.optional(languageTag),
    q: z.optional(z.string().check(z.maxLength(LIMITS.queryMax), z.regex(NO_CONTROL))),
    cursor: z.optional(reference(2000)),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(LIMITS.pageSizeMax))),
  }),
);

export const reviewInputSchema = lazy(() =>
  z
    .object({
      product: z.optional(reference()),
      rating,
      title: z.optional(z.nullable(titleText(LIMITS.titleMax))),
      body: paragraphs(LIMITS.bodyMin, LIMITS.bodyMax),
      authorName: displayName(LIMITS.authorNameMin, LIMITS.authorNameMax),
      email: z.optional(z.email()),
      experiencedAt: isoDate,
      language: languageTag,
      invitationToken: z.optional(reference()),
      /**
       * The order's reference, as the shop labels it (optional, without an invitation): with a
       * recorded order of the same e-mail address it verifies the review (method `order-reference`).
       */
      orderReference: z.optional(reference(LIMITS.orderReferenceMax)),
      consent: z.literal(true),
      // The honeypot: people leave it empty; a bot that fills it is answered like a success.
      website: z.optional(z.string()),
    })
    .check(
      z.refine((input) => Boolean(input.invitationToken) || Boolean(input.email), {
        message: 'email is required without an invitation',
        path: ['email'],
      }),
    ),
);

export const reportInputSchema = lazy(() =>
  z.object({
    reason: z.enum(REPORT_REASONS),
    note: z.optional(paragraphs(0, LIMITS.reportNoteMax, false)),
  }),
);

// ---------------------------------------------------------------------------------------------
// Types

export type Business = z.infer<typeof businessSchema>;
export type Product = z.infer<typeof productSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type RatingSummary = z.infer<typeof ratingSummarySchema>;
export type Summary = z.infer<typeof summarySchema>;
export type SummaryBatch = z.infer<typeof summaryBatchSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type Reply = z.infer<typeof replySchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewPage = z.infer<typeof reviewPageSchema>;
export type SubmitResult = z.infer<typeof submitResultSchema>;
export type HelpfulResult = z.infer<typeof helpfulResultSchema>;
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type ReportInput = z.infer<typeof reportInputSchema>;
