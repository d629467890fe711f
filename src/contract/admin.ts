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
} from '../client/schemas.js';

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
  localeMax: 35,
  /** A CSV upload of orders (the only large body besides imports). */
  csvBytesMax: 20 * 1024 * 1024,
  policyDaysMax: 365,
  webhookSecretMin: 16,
  webhookSecretMax: 200,
} as const;

/** An invitation's life (SPEC §7): scheduled → sent → reminded → reviewed | expired | opted_out | failed. */
export const INVITATION_STATUSES = [
  'scheduled',
  'sent',
  'reminded',
  'reviewed',
  'expired',
  'opted_out',
  'failed',
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The steps the job workers take for an invitation, each at most once. */
export const INVITATION_STEPS = ['send', 'remind', 'expire'] as const;
export type InvitationStep = (typeof INVITATION_STEPS)[number];

/** The kinds of message the outbox holds. */
export const MESSAGE_KINDS = ['invitation', 'reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A message's delivery: `held` (kept in the outbox: no SMTP server is configured), `pending`
 * (waiting for the SMTP server), `sending` (handed to it), `sent` (accepted by it), `failed`.
 */
export const OUTBOX_STATUSES = ['held', 'pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The languages the invitation e-mails are written in (the server's mail templates, one each).
 * A business picks one of them for the orders that carry no locale of their own.
 */
export const INVITATION_LOCALES = ['en', 'sv', 'cs', 'de'] as const;
export type InvitationLocale = (typeof INVITATION_LOCALES)[number];

/** The columns of an orders CSV, in the order of the documented header row. */
export const ORDER_CSV_COLUMNS = ['orderRef', 'email', 'purchasedAt', 'product', 'customerName', 'locale'] as const;
/** Columns a CSV may also have, and the ones it must have. */
export const ORDER_CSV_EXTRA_COLUMNS = ['fulfilledAt'] as const;
export const ORDER_CSV_REQUIRED_COLUMNS = ['orderRef', 'email', 'purchasedAt'] as const;

/** Years 1970 to 9999: what a date from another system may be (and what the database can store). */
const SANE_YEAR = /^(?:19[7-9]\d|[2-9]\d{3})-/;
const isoDateTime = z.iso.datetime({ offset: true }).check(z.regex(SANE_YEAR));
const isoDate = z.iso.date().check(z.regex(SANE_YEAR));
const httpUrl = z.httpUrl().check(z.maxLength(2000), z.regex(/^[^\p{Cc}]*$/u));
const sku = reference();

/**
 * The language of the invitations (and reminders, and their opt-out page) of an order without a
 * locale of its own: a WooCommerce order, a CSV without a `locale` column. An order's own locale
 * always wins, even one Verity has no e-mail for (that customer gets English). `en` by default.
 */
const invitationLocale = z.enum(INVITATION_LOCALES);

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
  defaultInvitationLocale: z.optional(invitationLocale),
  products: z.optional(
    z
      .array(z.object({ id: sku, name: displayName(1, ADMIN_LIMITS.nameMax) }))
      .check(z.maxLength(ADMIN_LIMITS.productsMax)),
  ),
});

/** A moment (`2026-05-01T12:00:00Z`) or a day (`2026-05-01`). */
const moment = z.union([isoDateTime, isoDate]);
const days = (min: number) => z.int().check(z.minimum(min), z.maximum(ADMIN_LIMITS.policyDaysMax));

export const orderInputSchema = z.object({
  orderRef: singleLine(1, ADMIN_LIMITS.orderRefMax),
  email: z.email(),
  purchasedAt: moment,
  product: z.optional(sku),
  /** How the invitation greets the customer. */
  // A name that came over several lines (a CSV cell, a shop's form) is one line here, not a lost order.
  customerName: z.optional(
    z.pipe(
      z.string().check(z.overwrite((name) => name.replace(/[\r\n\t]+/g, ' '))),
      displayName(1, ADMIN_LIMITS.nameMax),
    ),
  ),
  /**
   * The customer's language (BCP 47): the invitation is in it when Verity has it, else in English.
   * Without one, the invitation is in the business's `defaultInvitationLocale`.
   */
  locale: z.optional(
    z.string().check(z.regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/), z.maxLength(ADMIN_LIMITS.localeMax)),
  ),
  /** When the order reached the customer: the invitation waits `delayDays` from then (else from the purchase). */
  fulfilledAt: z.optional(moment),
});

/** When invitations go out (SPEC §7, R13): every order, `delayDays` after it was fulfilled, once. */
export const invitationPolicySchema = z
  .object({
    delayDays: days(0),
    /** One reminder this many days after the invitation if no review came; `null`: none. */
    reminderAfterDays: z.nullable(days(1)),
    /** The link stops working this many days after the invitation was sent. */
    expiresAfterDays: days(1),
  })
  .check(
    z.refine((p) => p.reminderAfterDays === null || p.reminderAfterDays < p.expiresAfterDays, {
      message: 'the reminder must come before the link expires',
      path: ['reminderAfterDays'],
    }),
  );

export const DEFAULT_INVITATION_POLICY = { delayDays: 7, reminderAfterDays: 7, expiresAfterDays: 60 } as const;

/** The R11 disclosure's text, at most this long. */
export const VERIFICATION_TEXT_MAX = 2000;
export const ALLOWED_ORIGINS_MAX = 20;

/** A web origin: scheme and host (and port), nothing after. */
const origin = z
  .string()
  .check(z.maxLength(300), z.regex(/^https?:\/\/[^/?#\s]+$/, { message: 'an origin: scheme and host, no path' }));

/** Changes some settings of a business; a field left out keeps its value. */
export const businessPatchSchema = z.object({
  name: z.optional(displayName(1, ADMIN_LIMITS.nameMax)),
  url: z.optional(httpUrl),
  verificationPolicyUrl: z.optional(z.nullable(httpUrl)),
  reviewFormUrl: z.optional(z.nullable(httpUrl)),
  invitations: z.optional(
    z.object({
      delayDays: z.optional(days(0)),
      reminderAfterDays: z.optional(z.nullable(days(1))),
      expiresAfterDays: z.optional(days(1)),
    }),
  ),
  verificationText: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(VERIFICATION_TEXT_MAX)))),
  allowedOrigins: z.optional(z.array(origin).check(z.maxLength(ALLOWED_ORIGINS_MAX))),
  defaultInvitationLocale: z.optional(invitationLocale),
});

/** Without a body, the server makes the secret; Shopify's own signing key may be given instead. */
export const webhookSecretInputSchema = z.object({
  secret: z.optional(
    z.string().check(z.minLength(ADMIN_LIMITS.webhookSecretMin), z.maxLength(ADMIN_LIMITS.webhookSecretMax)),
  ),
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

const count = z.int().check(z.minimum(0));

export const adminBusinessSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.nullable(z.string()),
  verificationPolicyUrl: z.nullable(z.string()),
  reviewFormUrl: z.nullable(z.string()),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  /** R9 and R13: orders recorded, invitations sent, customers who opted out, invitations that failed. */
  orders: z.object({ recorded: z.int(), invited: z.int(), optedOut: z.optional(count), failed: z.optional(count) }),
  invitations: z.optional(invitationPolicySchema),
  /** Whether the order webhooks have a secret; the secret itself is shown once, when made. */
  webhook: z.optional(z.object({ configured: z.boolean(), createdAt: z.nullable(isoDateTime) })),
  /** The text the R11 disclosure ("How reviews are verified") shows, in the shop's words. */
  verificationText: z.optional(z.nullable(z.string())),
  /** Origins besides the shop's own allowed to post reviews, votes and reports for it from a browser. */
  allowedOrigins: z.optional(z.array(z.string())),
  /** The invitations' language for orders without a locale of their own (absent from older servers: `en`). */
  defaultInvitationLocale: z.optional(invitationLocale),
});

export const orderSchema = z.object({
  orderRef: z.string(),
  product: z.nullable(z.string()),
  purchasedAt: isoDateTime,
  invited: z.boolean(),
  customerName: z.optional(z.nullable(z.string())),
  locale: z.optional(z.nullable(z.string())),
  fulfilledAt: z.optional(z.nullable(isoDateTime)),
  /** The invitation scheduled for the order (R13). */
  invitation: z.optional(z.object({ status: z.enum(INVITATION_STATUSES), dueAt: z.nullable(isoDateTime) })),
});

/** The answer to many orders at once (a CSV upload, a webhook). */
export const orderBatchResultSchema = z.object({
  /** Orders recorded now, each with its invitation scheduled. */
  accepted: count,
  /** Orders recorded before (same `orderRef`), left as they were. */
  duplicates: count,
  /** Rows left out for a problem. */
  rejected: count,
  /** Why (the first 1,000): the CSV line (the header is line 1), the column and a problem code. */
  problems: z.array(z.object({ row: z.int(), field: z.string(), code: z.string() })),
});

/** A webhook's answer: what was recorded, or why the delivery was left alone (a ping, another topic). */
export const hookResultSchema = z.extend(orderBatchResultSchema, {
  ignored: z.optional(z.string()),
});

export const webhookSecretSchema = z.object({
  /** Shown once; the webhooks sign with it (HMAC-SHA256). The previous secret stops working. */
  secret: z.string(),
});

export const adminInvitationSchema = z.object({
  id: z.string(),
  orderRef: z.string(),
  /** Private (R12). */
  email: z.string(),
  customerName: z.nullable(z.string()),
  product: z.nullable(z.string()),
  locale: z.nullable(z.string()),
  status: z.enum(INVITATION_STATUSES),
  /** The step the workers take next, and when. */
  nextStep: z.nullable(z.enum(INVITATION_STEPS)),
  dueAt: z.nullable(isoDateTime),
  sentAt: z.nullable(isoDateTime),
  remindedAt: z.nullable(isoDateTime),
  expiresAt: z.nullable(isoDateTime),
  finishedAt: z.nullable(isoDateTime),
  /** Why it failed: the SMTP server's answer. */
  lastError: z.nullable(z.string()),
  createdAt: isoDateTime,
});

export const adminInvitationPageSchema = z.object({
  items: z.array(adminInvitationSchema),
  nextCursor: z.nullable(z.string()),
  total: count,
});

/**
 * What an e-mail's HTML may do when the dashboard shows it: inline styles and `data:` images,
 * nothing remote (no tracking pixel, font or frame) and no script. The server sends it with the
 * HTML part (`htmlUrl`), the dashboard puts it first in a sealed frame's document.
 */
export const EMAIL_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A message as the customer sees it, and what became of it. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  invitationId: z.nullable(z.string()),
  orderRef: z.nullable(z.string()),
  to: z.string(),
  locale: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /**
   * Where the HTML part is served on its own (a path of this API), as the customer's mail program
   * shows it: inline styles and `data:` images only, under `EMAIL_HTML_CSP` and a sandbox. Absent
   * when there is no HTML part.
   */
  htmlUrl: z.optional(z.string()),
  headers: z.record(z.string(), z.string()),
  status: z.enum(OUTBOX_STATUSES),
  attempts: count,
  /** The SMTP server's answer to the last attempt that failed. */
  lastError: z.nullable(z.string()),
  createdAt: isoDateTime,
  sentAt: z.nullable(isoDateTime),
});

export const outboxPageSchema = z.object({
  items: z.array(outboxMessageSchema),
  nextCursor: z.nullable(z.string()),
  total: count,
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
export type InvitationPolicy = z.infer<typeof invitationPolicySchema>;
export type BusinessPatch = z.infer<typeof businessPatchSchema>;
export type WebhookSecretInput = z.infer<typeof webhookSecretInputSchema>;
export type WebhookSecret = z.infer<typeof webhookSecretSchema>;
export type OrderBatchResult = z.infer<typeof orderBatchResultSchema>;
export type HookResult = z.infer<typeof hookResultSchema>;
export type AdminInvitation = z.infer<typeof adminInvitationSchema>;
export type AdminInvitationPage = z.infer<typeof adminInvitationPageSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OutboxPage = z.infer<typeof outboxPageSchema>;
export type Order = z.infer<typeof orderSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type AdminReview = z.infer<typeof adminReviewSchema>;
export type AdminReviewPage = z.infer<typeof adminReviewPageSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
