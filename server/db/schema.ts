/**
 * The tables as Kysely sees them. Column names are snake_case in SQL; the API speaks camelCase,
 * and the mapping lives in one place per table (see `reviews.ts`).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Flag, ReviewStatus } from '../../src/client/admin-schemas.js';
import type { ModerationReason, VerificationMethod, VerificationStatus } from '../../src/client/schemas.js';

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
}

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
  status: ReviewStatus;
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
}

export type ReviewRow = Selectable<ReviewTable>;
export type NewReview = Insertable<ReviewTable>;
export type BusinessRow = Selectable<BusinessTable>;
