/**
 * The reviewer's side of the API (SPEC §7): what a review's author does with the private links
 * e-mailed to them — confirm a spontaneous review, see everything stored about it, edit it,
 * withdraw it. Every call carries the link's token (`Authorization: Bearer <token>`), which names
 * one review and one purpose: no call takes a review id, so no token reaches another review.
 */
import * as z from 'zod/mini';
import {
  LIMITS,
  MODERATION_REASONS,
  paragraphs,
  titleText,
  verificationSchema,
  VERIFICATION_METHODS,
} from '../client/schemas.js';

/** What a link e-mailed to a reviewer is for; each works for its own purpose only. */
export const LINK_PURPOSES = ['confirm', 'manage', 'identify', 'proof'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** How long each link works, in days. */
export const LINK_DAYS = { confirm: 7, manage: 365, identify: 3, proof: 7 } as const satisfies Record<
  LinkPurpose,
  number
>;

/** A spontaneous review nobody confirmed is deleted, with its personal data, after this many days. */
export const UNCONFIRMED_DAYS = LINK_DAYS.confirm;

/** The messages the server writes to a reviewer (never listed in the members' outbox: they carry private links). */
export const REVIEWER_MESSAGE_KINDS = ['confirmation', 'identity_request', 'proof_request'] as const;
export type ReviewerMessageKind = (typeof REVIEWER_MESSAGE_KINDS)[number];

/** A review's state as its author sees it. */
export const REVIEWER_STATUSES = ['unconfirmed', 'pending', 'published', 'rejected'] as const;
export type ReviewerStatus = (typeof REVIEWER_STATUSES)[number];

const isoDateTime = z.iso.datetime({ offset: true });
const rating = z.int().check(z.minimum(1), z.maximum(5));

/** Everything stored about one review, for its author (the data export). */
export const reviewerReviewSchema = z.object({
  id: z.string(),
  business: z.object({ id: z.string(), name: z.string() }),
  product: z.nullable(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(REVIEWER_STATUSES),
  rating,
  title: z.nullable(z.string()),
  body: z.string(),
  language: z.string(),
  authorName: z.string(),
  email: z.nullable(z.string()),
  orderReference: z.nullable(z.string()),
  experiencedAt: z.iso.date(),
  createdAt: isoDateTime,
  confirmedAt: z.nullable(isoDateTime),
  editedAt: z.nullable(isoDateTime),
  verification: verificationSchema,
  moderation: z.nullable(
    z.object({
      decision: z.enum(['approve', 'reject']),
      reason: z.nullable(z.enum(MODERATION_REASONS)),
      decidedAt: isoDateTime,
    }),
  ),
  reply: z.nullable(z.object({ body: z.string(), authorName: z.string(), createdAt: isoDateTime })),
  helpfulCount: z.int().check(z.minimum(0)),
  reports: z.int().check(z.minimum(0)),
  /** The public permalink (shown once the review is published). */
  url: z.string(),
  /** Until when this link works. */
  linkExpiresAt: isoDateTime,
});

/** The author's edit: what changed (at least one field). It is moderated again, then shows "edited". */
export const reviewerEditSchema = z
  .object({
    rating: z.optional(rating),
    title: z.optional(z.nullable(titleText(LIMITS.titleMax))),
    body: z.optional(paragraphs(LIMITS.bodyMin, LIMITS.bodyMax)),
  })
  .check(
    z.refine((edit) => edit.rating !== undefined || edit.title !== undefined || edit.body !== undefined, {
      message: 'nothing to change',
      path: ['body'],
    }),
  );

/** The answer to a confirmation: the review now waits for moderation, verified if its order reference matched. */
export const confirmResultSchema = z.object({
  id: z.string(),
  status: z.enum(REVIEWER_STATUSES),
  verification: verificationSchema,
});

/** The address whose data is erased (`DELETE /v1/admin/businesses/{b}/people/{email}`). */
export const personEmailSchema = z.email().check(z.maxLength(320));

/** The people-erasure answer: what was deleted of one e-mail address across a business. */
export const erasureResultSchema = z.object({
  reviews: z.int().check(z.minimum(0)),
  orders: z.int().check(z.minimum(0)),
  messages: z.int().check(z.minimum(0)),
});

export const ORDER_REFERENCE_METHOD = 'order-reference' satisfies (typeof VERIFICATION_METHODS)[number];

/** How long the author has to answer "Find reviewer", and then to send proof after a `not_genuine` report. */
export const IDENTITY_ANSWER_DAYS = LINK_DAYS.identify;
export const PROOF_DAYS = LINK_DAYS.proof;

export const IDENTITY_LIMITS = { fieldMax: 200 } as const;

const answerField = () =>
  z.optional(z.string().check(z.trim(), z.maxLength(IDENTITY_LIMITS.fieldMax), z.regex(/^[^\p{Cc}]*$/u)));

/** The author's answer to "Find reviewer" (or their proof): each field optional, at least one given. */
export const identityAnswerSchema = z
  .object({
    email: answerField(),
    orderReference: answerField(),
    fullName: answerField(),
    phone: answerField(),
  })
  .check(
    z.refine((a) => Boolean(a.email || a.orderReference || a.fullName || a.phone), {
      message: 'at least one field',
      path: ['email'],
    }),
  );

/** A "Find reviewer" request's state. */
export const IDENTITY_REQUEST_STATES = [
  'waiting',
  'answered',
  'unanswered',
  'proof_requested',
  'proof_given',
  'removed',
] as const;
export type IdentityRequestState = (typeof IDENTITY_REQUEST_STATES)[number];

const identityAnswerOut = z.object({
  email: z.optional(z.string()),
  orderReference: z.optional(z.string()),
  fullName: z.optional(z.string()),
  phone: z.optional(z.string()),
});

/** `POST /v1/admin/reviews/{id}/not-genuine` → 202: the author has until then to send proof. */
export const proofDueSchema = z.object({ proofDueAt: isoDateTime });

/** `POST /v1/admin/reviews/{id}/identity-requests` → 201. */
export const identityRequestCreatedSchema = z.object({ id: z.string(), expiresAt: isoDateTime });

/** The request as the business's members see it, with the author's answer (for them only). */
export const identityRequestSchema = z.object({
  id: z.string(),
  review: z.string(),
  state: z.enum(IDENTITY_REQUEST_STATES),
  requestedBy: z.nullable(z.string()),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  answer: z.nullable(identityAnswerOut),
  answeredAt: z.nullable(isoDateTime),
  proofDueAt: z.nullable(isoDateTime),
  proof: z.nullable(identityAnswerOut),
  proofAt: z.nullable(isoDateTime),
  removedAt: z.nullable(isoDateTime),
});

export type IdentityAnswerInput = z.infer<typeof identityAnswerSchema>;
export type IdentityRequest = z.infer<typeof identityRequestSchema>;
export type ReviewerReview = z.infer<typeof reviewerReviewSchema>;
export type ReviewerEdit = z.infer<typeof reviewerEditSchema>;
export type ConfirmResult = z.infer<typeof confirmResultSchema>;
export type ErasureResult = z.infer<typeof erasureResultSchema>;
