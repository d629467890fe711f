/**
 * The admin API of the reference server (SPEC §4), as zod schemas beside contract v1's: the
 * server validates with them, the OpenAPI document is generated from them, and a shop's back
 * office can import the types. Widgets never use these, so browser bundles never contain them.
 */
import * as z from 'zod/mini';
import {
  LIMITS,
  MODERATION_REASONS,
  displayName,
  languageTag,
  paragraphs,
  reference,
  reviewSchema,
  singleLine,
  titleText,
} from './schemas.js';

export const MODERATION_DECISIONS = ['approve', 'reject'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const REVIEW_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an automatic R4 check found; the moderator decides, the flag never rejects by itself. */
export const FLAG_KINDS = ['insult', 'email', 'phone', 'iban', 'card'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const ADMIN_LIMITS = {
  nameMax: 200,
  orderRefMax: 200,
  productsMax: 1000,
  importMax: 1000,
} as const;

/** Years 1970 to 9999: what a date from another system may be (and what the database can store). */
const SANE_YEAR = /^(?:19[7-9]\d|[2-9]\d{3})-/;
const isoDateTime = z.iso.datetime({ offset: true }).check(z.regex(SANE_YEAR));
const isoDate = z.iso.date().check(z.regex(SANE_YEAR));
const httpUrl = z.httpUrl().check(z.maxLength(2000), z.regex(/^[^\p{Cc}]*$/u));
const sku = reference();

/** Business ids appear in URLs and review ids: lower-case letters, digits and inner hyphens. */
export const BUSINESS_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

// ---------------------------------------------------------------------------------------------
// Requests

/** Creates a business, or updates it when the id exists; listed products are added or renamed. */
export const businessInputSchema = z.object({
  id: z.string().check(z.regex(BUSINESS_ID_PATTERN)),
  name: displayName(1, ADMIN_LIMITS.nameMax),
  url: httpUrl,
  verificationPolicyUrl: z.optional(z.nullable(httpUrl)),
  /** Where invitation links point (the page with the review form); the shop's `url` by default. */
  reviewFormUrl: z.optional(z.nullable(httpUrl)),
  products: z.optional(
    z
      .array(z.object({ id: sku, name: displayName(1, ADMIN_LIMITS.nameMax) }))
      .check(z.maxLength(ADMIN_LIMITS.productsMax)),
  ),
});

export const orderInputSchema = z.object({
  orderRef: singleLine(1, ADMIN_LIMITS.orderRefMax),
  email: z.email(),
  /** A moment (`2026-05-01T12:00:00Z`) or a day (`2026-05-01`). */
  purchasedAt: z.union([isoDateTime, isoDate]),
  product: z.optional(sku),
});

export const invitationInputSchema = z.object({
  orderRef: singleLine(1, ADMIN_LIMITS.orderRefMax),
});

export const moderationInputSchema = z.object({
  decision: z.enum(MODERATION_DECISIONS),
  /** Required to reject, and only one of the R4 reasons: a low rating is never a reason. */
  reason: z.optional(z.enum(MODERATION_REASONS)),
});

export const replyInputSchema = z.object({
  body: paragraphs(1, LIMITS.replyMax),
  authorName: displayName(LIMITS.authorNameMin, LIMITS.authorNameMax),
});

/** One review brought in from another system: stored as `imported` (R1), never counted (R2). */
export const importedReviewSchema = z.object({
  /** The other system's id: importing the same review twice stores it once. */
  externalId: z.optional(reference()),
  product: z.optional(sku),
  rating: z.int().check(z.minimum(1), z.maximum(5)),
  title: z.optional(z.nullable(titleText(LIMITS.titleMax))),
  body: paragraphs(1, LIMITS.bodyMax),
  authorName: displayName(1, LIMITS.authorNameMax),
  country: z.optional(z.nullable(z.string().check(z.regex(/^[A-Z]{2}$/)))),
  language: languageTag,
  experiencedAt: z.optional(isoDate),
  createdAt: isoDateTime,
  reply: z.optional(
    z.nullable(
      z.object({
        body: paragraphs(1, LIMITS.replyMax),
        authorName: displayName(1, LIMITS.authorNameMax),
        createdAt: isoDateTime,
      }),
    ),
  ),
});

export const importInputSchema = z.object({
  reviews: z.array(importedReviewSchema).check(z.minLength(1), z.maxLength(ADMIN_LIMITS.importMax)),
});

// ---------------------------------------------------------------------------------------------
// Responses

export const adminBusinessSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.nullable(z.string()),
  verificationPolicyUrl: z.nullable(z.string()),
  reviewFormUrl: z.nullable(z.string()),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  orders: z.object({ recorded: z.int(), invited: z.int() }),
});

export const orderSchema = z.object({
  orderRef: z.string(),
  product: z.nullable(z.string()),
  purchasedAt: isoDateTime,
  invited: z.boolean(),
});

export const invitationSchema = z.object({
  orderRef: z.string(),
  /** Shown once: the server keeps only its hash. */
  token: z.string(),
  /** The review form with `?invitation=<token>`, for the invitation e-mail. */
  url: z.string(),
});

export const flagSchema = z.object({
  reason: z.enum(MODERATION_REASONS),
  kind: z.enum(FLAG_KINDS),
  /** Where it was found. */
  field: z.enum(['title', 'body', 'authorName']),
  /** What was found, for the moderator. */
  match: z.string(),
});

/** A review as the moderator sees it: the public review plus what the public never sees. */
export const adminReviewSchema = z.extend(reviewSchema, {
  status: z.enum(REVIEW_STATUSES),
  /** Private (R12). */
  email: z.nullable(z.string()),
  flags: z.array(flagSchema),
  moderation: z.nullable(
    z.object({
      decision: z.enum(MODERATION_DECISIONS),
      reason: z.nullable(z.enum(MODERATION_REASONS)),
      decidedAt: isoDateTime,
    }),
  ),
  reports: z.int().check(z.minimum(0)),
});

export const adminReviewPageSchema = z.object({
  items: z.array(adminReviewSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.minimum(0)),
  /** As in a public page: a search matched more than `total` reviews. */
  totalCapped: z.optional(z.boolean()),
});

export const importResultSchema = z.object({
  /** Ids of the stored reviews, in the order given (an already imported one keeps its id). */
  ids: z.array(z.string()),
  imported: z.int(),
  /** Already imported before (same `externalId`). */
  skipped: z.int(),
  /** Imported reviews an automatic R4 check flagged wait for moderation instead of being published. */
  pending: z.int(),
});

// ---------------------------------------------------------------------------------------------
// Types

export type BusinessInput = z.infer<typeof businessInputSchema>;
export type OrderInput = z.infer<typeof orderInputSchema>;
export type InvitationInput = z.infer<typeof invitationInputSchema>;
export type ModerationInput = z.infer<typeof moderationInputSchema>;
export type ReplyInput = z.infer<typeof replyInputSchema>;
export type ImportedReview = z.infer<typeof importedReviewSchema>;
export type ImportInput = z.infer<typeof importInputSchema>;
export type AdminBusiness = z.infer<typeof adminBusinessSchema>;
export type Order = z.infer<typeof orderSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type AdminReview = z.infer<typeof adminReviewSchema>;
export type AdminReviewPage = z.infer<typeof adminReviewPageSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
