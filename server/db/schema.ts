/**
 * The tables as Kysely sees them. Column names are snake_case in SQL; the API speaks camelCase,
 * and the mapping lives in one place per table (see `reviews.ts`).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  Flag,
  InvitationStatus,
  InvitationStep,
  MessageKind,
  OutboxStatus,
  ReviewStatus,
} from '../../src/contract/admin.js';
import type { ModerationReason, VerificationMethod, VerificationStatus } from '../../src/client/schemas.js';
import type { HistoryAction, MemberRole } from '../../src/contract/dashboard.js';
import type { LinkPurpose, ReviewerMessageKind } from '../../src/contract/reviewer.js';

/** A review as stored: the members' states, and `unconfirmed` (a spontaneous review its author has not confirmed yet). */
export type StoredReviewStatus = ReviewStatus | 'unconfirmed';

/** A `timestamptz`: read as a `Date`, written as a `Date` or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date`: read as `YYYY-MM-DD` (the pool's type parser keeps it a string). */
type Day = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface BusinessTable {
  id: string;
  name: string;
  url: string | null;
  verification_policy_url: string | null;
  review_form_url: string | null;
  orders_recorded: Generated<number>;
  orders_invited: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The R11 disclosure's text, in the shop's words. */
  verification_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** Origins, besides the shop's own, allowed to post for this business from a browser. */
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  invitation_delay_days: Generated<number>;
  reminder_after_days: ColumnType<number | null, number | null | undefined, number | null>;
  expires_after_days: Generated<number>;
  /** The webhooks' HMAC key: kept as it is (an HMAC needs it), never shown again after it is made. */
  webhook_secret: ColumnType<string | null, string | null | undefined, string | null>;
  webhook_secret_created_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** R13: addresses that opted out, and invitations that failed (bounced), counted as they happen. */
  opted_out: Generated<number>;
  invitations_failed: Generated<number>;
  /** The invitations' language for orders without a locale of their own (one of `INVITATION_LOCALES`). */
  default_invitation_locale: ColumnType<string, string | undefined, string>;
}

export interface ProductTable {
  business_id: string;
  id: string;
  name: string;
}

export interface OrderTable {
  business_id: string;
  order_ref: string;
  email: string;
  product_id: string | null;
  purchased_at: Timestamp;
  invited_at: Timestamp | null;
  created_at: Timestamp;
  customer_name: ColumnType<string | null, string | null | undefined, string | null>;
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  fulfilled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface InvitationTable {
  /** SHA-256 of the token: a leaked database does not leak usable tokens. */
  token_hash: string;
  business_id: string;
  order_ref: string;
  product_id: string | null;
  created_at: Timestamp;
  /** After this moment the token no longer verifies a review. */
  expires_at: Timestamp;
  used_at: Timestamp | null;
  review_id: string | null;
  /** bigint; read as a number (the pool's int8 parser). */
  id: Generated<number>;
  status: ColumnType<InvitationStatus, InvitationStatus | undefined, InvitationStatus>;
  /**
   * The token itself, while the invitation is open: the e-mail and its reminder must carry it.
   * Cleared when the invitation ends (reviewed, expired, opted out, failed).
   */
  token: Optional<string>;
  /** SHA-256 of the opt-out link's token. */
  opt_out_hash: Optional<string>;
  next_step: Optional<InvitationStep>;
  /** When `next_step` is due, by the server's clock. */
  due_at: OptionalTimestamp;
  /** The step handed to the job queue, and when (by the wall clock): never handed over twice. */
  queued_step: Optional<InvitationStep>;
  queued_at: OptionalTimestamp;
  sent_at: OptionalTimestamp;
  reminded_at: OptionalTimestamp;
  finished_at: OptionalTimestamp;
  last_error: Optional<string>;
}

export interface OutboxTable {
  id: Generated<number>;
  business_id: string;
  invitation_id: number | null;
  order_ref: string | null;
  kind: MessageKind | ReviewerMessageKind;
  /** The review a reviewer's message is about; the message goes with it. */
  review_id: Optional<string>;
  /** Whether its delivery was handed to the queue (a reviewer's message waits for the sweeper). */
  queued: ColumnType<boolean, boolean | undefined, boolean>;
  to_address: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Json<Record<string, string>>;
  status: OutboxStatus;
  attempts: Generated<number>;
  last_error: Optional<string>;
  message_id: Optional<string>;
  created_at: Timestamp;
  claimed_at: OptionalTimestamp;
  sent_at: OptionalTimestamp;
}

/** R13's only exclusions from invitations: the customer's own opt-out, and an address that bounced. */
export interface OptOutTable {
  business_id: string;
  /** Lower case: one address, however it is written. */
  email: string;
  reason: 'opted_out' | 'bounced';
  created_at: Timestamp;
}

export interface ReviewTable {
  id: string;
  business_id: string;
  product_id: string | null;
  /** `product_id`, or '' for a review of the shop itself: one indexable key for both. */
  product_key: Generated<string>;
  rating: number;
  title: string | null;
  body: string;
  language: string;
  /** The primary language subtag, lower case, for the `language` filter. */
  language_base: string;
  author_name: string;
  author_country: string | null;
  email: string | null;
  experienced_at: Day;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  status: StoredReviewStatus;
  /** The order reference the author gave (private); it may verify the review (method `order-reference`). */
  order_reference: Optional<string>;
  /** When the author opened the confirmation link of a spontaneous review. */
  confirmed_at: OptionalTimestamp;
  verification_status: VerificationStatus;
  verification_method: VerificationMethod | null;
  helpful_count: Generated<number>;
  reply_body: string | null;
  reply_author_name: string | null;
  reply_created_at: Timestamp | null;
  moderation_decision: 'approve' | 'reject' | null;
  moderation_reason: ModerationReason | null;
  moderated_at: Timestamp | null;
  flags: Json<Flag[]>;
  /** Title and body, NFC and lower case, for the `q` search. */
  search_text: string;
  /** `search_text`'s words and, in English, Swedish and German, their stems (generated; GIN-indexed). */
  search_vector: Generated<string>;
  /** The other system's id of an imported review. */
  external_id: string | null;
}

export interface ReportTable {
  id: Generated<number>;
  review_id: string;
  reason: string;
  note: string | null;
  created_at: Timestamp;
  /** Who reported, as a keyed hash (one report per client and review); null for older reports. */
  reporter: string | null;
}

/** One helpful vote per client and review; the count itself is kept on the review. */
export interface HelpfulVoteTable {
  review_id: string;
  /** A keyed hash of the client's network, never its address. */
  voter: string;
  created_at: Timestamp;
}

export interface SecretTable {
  name: string;
  value: string;
}

export interface IdempotencyTable {
  key: string;
  fingerprint: string;
  status: number;
  response: Json<unknown>;
  created_at: Timestamp;
}

/** Verified published reviews per day and rating: the R2 score without a scan of all reviews. */
export interface ScoreDayTable {
  business_id: string;
  product_key: string;
  day: Day;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

/** Published reviews by provenance, kept up to date with every change. */
export interface ReviewTotalsTable {
  business_id: string;
  product_key: string;
  published: number;
  verified: number;
  unverified: number;
  imported: number;
  updated_at: Timestamp;
}

export interface MemberTable {
  id: string;
  business_id: string;
  email: string;
  role: MemberRole;
  created_at: Timestamp;
  last_sign_in_at: Timestamp | null;
}

export interface SignInLinkTable {
  /** SHA-256 of the link's token. */
  token_hash: string;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionTable {
  /** The public id (listing, ending a session); the cookie carries another secret. */
  id: string;
  /** SHA-256 of the cookie's secret. */
  token_hash: string;
  email: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
  revoked_at: Timestamp | null;
}

/** What was done to a review and by whom (a member's e-mail, `operator`), for its history. */
export interface ReviewEventTable {
  id: Generated<number>;
  review_id: string;
  at: Timestamp;
  action: HistoryAction;
  actor: string | null;
  reason: string | null;
}

/** A link e-mailed to a review's author: one purpose, one review, expiring; only its hash is kept. */
export interface ReviewerLinkTable {
  token_hash: string;
  review_id: string;
  purpose: LinkPurpose;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: OptionalTimestamp;
}

/** What the author of a review may answer to "Find reviewer": every field optional. */
export interface IdentityAnswer {
  email?: string | undefined;
  orderReference?: string | undefined;
  fullName?: string | undefined;
  phone?: string | undefined;
}

export interface IdentityRequestTable {
  id: Generated<number>;
  review_id: string;
  business_id: string;
  requested_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  answer: ColumnType<IdentityAnswer | null, string | null | undefined, string | null>;
  answered_at: OptionalTimestamp;
  reported_by: Optional<string>;
  proof_due_at: OptionalTimestamp;
  proof: ColumnType<IdentityAnswer | null, string | null | undefined, string | null>;
  proof_at: OptionalTimestamp;
  removed_at: OptionalTimestamp;
}

export interface SeedTable {
  name: string;
  applied_at: Timestamp;
}

export interface Tables {
  businesses: BusinessTable;
  products: ProductTable;
  orders: OrderTable;
  invitations: InvitationTable;
  reviews: ReviewTable;
  reports: ReportTable;
  helpful_votes: HelpfulVoteTable;
  secrets: SecretTable;
  idempotency_keys: IdempotencyTable;
  score_days: ScoreDayTable;
  review_totals: ReviewTotalsTable;
  seeds: SeedTable;
  members: MemberTable;
  sign_in_links: SignInLinkTable;
  sessions: SessionTable;
  review_events: ReviewEventTable;
  outbox: OutboxTable;
  opt_outs: OptOutTable;
  reviewer_links: ReviewerLinkTable;
  identity_requests: IdentityRequestTable;
}

export type ReviewRow = Selectable<ReviewTable>;
export type NewReview = Insertable<ReviewTable>;
export type BusinessRow = Selectable<BusinessTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type OutboxRow = Selectable<OutboxTable>;
