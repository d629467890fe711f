/**
 * The schema, as forward-only migrations run at start-up. Plain SQL that PostgreSQL 15 accepts
 * (PGlite is newer, Debian's and many managed servers are not): one dialect for both backends.
 * Kysely's migrator takes an advisory lock, so several servers starting at once migrate once.
 */
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';

function statements(text: string): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of text.split(/;\s*$/m).map((s) => s.trim())) {
        if (statement) await sql.raw(statement).execute(db);
      }
    },
  };
}

const initial = statements(`
CREATE TABLE businesses (
  id text PRIMARY KEY,
  name text NOT NULL,
  url text,
  verification_policy_url text,
  review_form_url text,
  orders_recorded integer NOT NULL DEFAULT 0 CHECK (orders_recorded >= 0),
  orders_invited integer NOT NULL DEFAULT 0 CHECK (orders_invited >= 0 AND orders_invited <= orders_recorded),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE products (
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (business_id, id)
);

CREATE TABLE orders (
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  order_ref text NOT NULL,
  email text NOT NULL,
  product_id text,
  purchased_at timestamptz NOT NULL,
  invited_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (business_id, order_ref),
  FOREIGN KEY (business_id, product_id) REFERENCES products (business_id, id)
);

CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  business_id text NOT NULL,
  order_ref text NOT NULL,
  product_id text,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  review_id text,
  FOREIGN KEY (business_id, order_ref) REFERENCES orders (business_id, order_ref) ON DELETE CASCADE
);

CREATE INDEX invitations_by_order ON invitations (business_id, order_ref);

CREATE TABLE reviews (
  id text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  product_id text,
  product_key text GENERATED ALWAYS AS (coalesce(product_id, '')) STORED,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title text,
  body text NOT NULL,
  language text NOT NULL,
  language_base text NOT NULL,
  author_name text NOT NULL,
  author_country text,
  email text,
  experienced_at date NOT NULL,
  created_at timestamptz NOT NULL,
  edited_at timestamptz,
  status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  verification_status text NOT NULL CHECK (verification_status IN ('verified', 'unverified', 'imported')),
  verification_method text CHECK (verification_method IN ('invitation', 'order-reference', 'identity')),
  helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
  reply_body text,
  reply_author_name text,
  reply_created_at timestamptz,
  moderation_decision text CHECK (moderation_decision IN ('approve', 'reject')),
  moderation_reason text CHECK (moderation_reason IN ('offensive', 'personal_data', 'illegal', 'industry_rule', 'not_genuine')),
  moderated_at timestamptz,
  flags jsonb NOT NULL DEFAULT '[]',
  search_text text NOT NULL,
  external_id text,
  FOREIGN KEY (business_id, product_id) REFERENCES products (business_id, id),
  UNIQUE (business_id, external_id),
  CHECK ((verification_status = 'verified') = (verification_method IS NOT NULL)),
  CHECK (status <> 'rejected' OR moderation_reason IS NOT NULL)
);

CREATE INDEX reviews_by_date ON reviews (business_id, product_key, status, created_at DESC, id DESC);
CREATE INDEX reviews_by_rating ON reviews (business_id, product_key, status, rating, created_at DESC, id DESC);
CREATE INDEX reviews_by_helpful ON reviews (business_id, product_key, status, helpful_count DESC, created_at DESC, id DESC);
CREATE INDEX reviews_queue ON reviews (business_id, status, created_at DESC, id DESC);

CREATE TABLE reports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  reason text NOT NULL,
  note text,
  created_at timestamptz NOT NULL
);

CREATE INDEX reports_by_review ON reports (review_id);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  status smallint NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE score_days (
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  product_key text NOT NULL,
  day date NOT NULL,
  r1 integer NOT NULL DEFAULT 0,
  r2 integer NOT NULL DEFAULT 0,
  r3 integer NOT NULL DEFAULT 0,
  r4 integer NOT NULL DEFAULT 0,
  r5 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (business_id, product_key, day)
);

CREATE TABLE review_totals (
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  product_key text NOT NULL,
  published integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  unverified integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (business_id, product_key)
);

CREATE TABLE seeds (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL
);
`);

/**
 * Members of a business and their sign-in (SPEC §7): one-time sign-in links and sessions are kept
 * as SHA-256 hashes of their secrets, so a leaked database opens no dashboard. What members do to a
 * review is kept as its history.
 */
const members = statements(`
CREATE TABLE members (
  id text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'moderator')),
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz,
  UNIQUE (business_id, email)
);

CREATE INDEX members_by_email ON members (email);

CREATE TABLE sign_in_links (
  token_hash text PRIMARY KEY,
  email text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE INDEX sign_in_links_by_email ON sign_in_links (email, created_at DESC);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  user_agent text,
  revoked_at timestamptz
);

CREATE INDEX sessions_by_email ON sessions (email, last_seen_at DESC);

CREATE TABLE review_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL,
  actor text,
  reason text
);

CREATE INDEX review_events_by_review ON review_events (review_id, at);

ALTER TABLE businesses ADD COLUMN verification_text text;
ALTER TABLE businesses ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}';
`);

/**
 * Orders in, invitations out (SPEC §7): the invitation policy and webhook secret of a business,
 * what an order tells about its customer, each invitation's state and next step, the outbox of
 * every message, and the two exclusions R13 allows (the customer's opt-out, an address that
 * bounced), kept per business and address.
 */
const collect = statements(`
ALTER TABLE businesses
  ADD COLUMN invitation_delay_days integer NOT NULL DEFAULT 7 CHECK (invitation_delay_days BETWEEN 0 AND 365),
  ADD COLUMN reminder_after_days integer DEFAULT 7 CHECK (reminder_after_days BETWEEN 1 AND 365),
  ADD COLUMN expires_after_days integer NOT NULL DEFAULT 60 CHECK (expires_after_days BETWEEN 1 AND 365),
  ADD COLUMN webhook_secret text,
  ADD COLUMN webhook_secret_created_at timestamptz,
  ADD COLUMN opted_out integer NOT NULL DEFAULT 0 CHECK (opted_out >= 0),
  ADD COLUMN invitations_failed integer NOT NULL DEFAULT 0 CHECK (invitations_failed >= 0);

ALTER TABLE orders
  ADD COLUMN customer_name text,
  ADD COLUMN locale text,
  ADD COLUMN fulfilled_at timestamptz;

ALTER TABLE invitations
  ADD COLUMN id bigint GENERATED BY DEFAULT AS IDENTITY,
  ADD COLUMN status text NOT NULL DEFAULT 'sent',
  ADD COLUMN token text,
  ADD COLUMN opt_out_hash text,
  ADD COLUMN next_step text CHECK (next_step IN ('send', 'remind', 'expire')),
  ADD COLUMN due_at timestamptz,
  ADD COLUMN queued_step text,
  ADD COLUMN queued_at timestamptz,
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN reminded_at timestamptz,
  ADD COLUMN finished_at timestamptz,
  ADD COLUMN last_error text;

ALTER TABLE invitations ADD COLUMN IF NOT EXISTS expires_at timestamptz;

UPDATE invitations SET
  status = CASE WHEN used_at IS NULL THEN 'sent' ELSE 'reviewed' END,
  sent_at = created_at,
  finished_at = used_at;

ALTER TABLE invitations ADD CONSTRAINT invitations_status
  CHECK (status IN ('scheduled', 'sent', 'reminded', 'reviewed', 'expired', 'opted_out', 'failed'));

CREATE UNIQUE INDEX invitations_by_id ON invitations (id);

DROP INDEX invitations_by_order;

CREATE UNIQUE INDEX invitations_one_per_order ON invitations (business_id, order_ref);

CREATE UNIQUE INDEX invitations_by_opt_out ON invitations (opt_out_hash);

CREATE INDEX invitations_due ON invitations (due_at) WHERE next_step IS NOT NULL;

CREATE INDEX invitations_by_status ON invitations (business_id, status, id DESC);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  invitation_id bigint,
  order_ref text,
  kind text NOT NULL CHECK (kind IN ('invitation', 'reminder')),
  to_address text NOT NULL,
  locale text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('held', 'pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL,
  claimed_at timestamptz,
  sent_at timestamptz,
  UNIQUE (invitation_id, kind)
);

CREATE INDEX outbox_by_business ON outbox (business_id, id DESC);

CREATE INDEX outbox_in_flight ON outbox (claimed_at) WHERE status = 'sending';

CREATE TABLE opt_outs (
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  email text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('opted_out', 'bounced')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (business_id, email)
);
`);

/** The summary's languages (the list's language filter) by a skip scan of this index. */
const languages = statements(`
CREATE INDEX reviews_by_language ON reviews (business_id, product_key, status, language_base);
`);

/** Invitations stop working: 60 days after they were made for those made before. */
const invitationExpiry = statements(`
ALTER TABLE invitations ADD COLUMN expires_at timestamptz;
UPDATE invitations SET expires_at = created_at + interval '60 days';
ALTER TABLE invitations ALTER COLUMN expires_at SET NOT NULL;
`);

/**
 * One helpful vote and one report per client and review (R10), counted by a keyed hash of the
 * client's network (see server/http/client-key.ts), never by its address. The key is made here,
 * once, from PostgreSQL's strong random source.
 */
const oncePerClient = statements(`
CREATE TABLE secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);

INSERT INTO secrets (name, value) VALUES ('client-key', gen_random_uuid()::text || gen_random_uuid()::text);

CREATE TABLE helpful_votes (
  review_id text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  voter text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (review_id, voter)
);

ALTER TABLE reports ADD COLUMN reporter text;

CREATE UNIQUE INDEX reports_once_per_reporter ON reports (review_id, reporter);
`);

/**
 * Full-text search of `q` through an index instead of a scan of every review: the words as they
 * are (the `simple` configuration, every language), plus their stems in the review's own language
 * where PostgreSQL has a stemmer for it (English, Swedish, German; Czech has none). The query side
 * is `searchCondition` in reviews.ts.
 */
const searchIndex = statements(`
ALTER TABLE reviews ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig, search_text) ||
  CASE language_base
    WHEN 'en' THEN to_tsvector('english'::regconfig, search_text)
    WHEN 'sv' THEN to_tsvector('swedish'::regconfig, search_text)
    WHEN 'de' THEN to_tsvector('german'::regconfig, search_text)
    ELSE ''::tsvector
  END
) STORED;

CREATE INDEX reviews_search ON reviews USING gin (search_vector);
`);

/**
 * The reviewer's side (SPEC §7): a spontaneous review waits `unconfirmed` until its author opens
 * the e-mailed link; an order reference the author gave may verify it. Each link the author gets
 * is single-purpose, bound to one review, kept as a SHA-256 hash and expiring. The outbox carries
 * the reviewer's messages too (`queued`: their delivery is handed to the queue by the sweeper, not
 * by the request that wrote them), and they go with their review.
 */
const reviewerSide = statements(`
ALTER TABLE reviews DROP CONSTRAINT reviews_status_check;
ALTER TABLE reviews ADD CONSTRAINT reviews_status_check
  CHECK (status IN ('unconfirmed', 'pending', 'published', 'rejected'));
ALTER TABLE reviews
  ADD COLUMN order_reference text,
  ADD COLUMN confirmed_at timestamptz;
CREATE INDEX reviews_unconfirmed ON reviews (created_at) WHERE status = 'unconfirmed';
CREATE INDEX reviews_by_email ON reviews (business_id, lower(email));

CREATE TABLE reviewer_links (
  token_hash text PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm', 'manage', 'identify', 'proof')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX reviewer_links_by_review ON reviewer_links (review_id, purpose);

ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
  CHECK (kind IN ('invitation', 'reminder', 'confirmation', 'identity_request', 'proof_request'));
ALTER TABLE outbox
  ADD COLUMN review_id text REFERENCES reviews (id) ON DELETE CASCADE,
  ADD COLUMN queued boolean NOT NULL DEFAULT true;
CREATE INDEX outbox_unqueued ON outbox (id) WHERE NOT queued;
CREATE INDEX outbox_by_review ON outbox (review_id) WHERE review_id IS NOT NULL;
CREATE INDEX orders_by_email ON orders (business_id, lower(email));
`);

/**
 * "Find reviewer" (SPEC §7, seed 004): a member asks a review's author once for proof of the
 * experience; the answer is for the business's members only. After no answer, a `not_genuine`
 * report asks the author for proof once more, and without it the review is removed for that reason.
 */
const findReviewer = statements(`
CREATE TABLE identity_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id text NOT NULL UNIQUE REFERENCES reviews (id) ON DELETE CASCADE,
  business_id text NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  requested_by text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answer jsonb,
  answered_at timestamptz,
  reported_by text,
  proof_due_at timestamptz,
  proof jsonb,
  proof_at timestamptz,
  removed_at timestamptz
);
CREATE INDEX identity_requests_proof_due ON identity_requests (proof_due_at)
  WHERE proof_due_at IS NOT NULL AND proof_at IS NULL AND removed_at IS NULL;
CREATE INDEX reviews_removed ON reviews (business_id, product_key, moderated_at) WHERE status = 'rejected';
`);

/**
 * The language of invitations whose order carries no locale (a WooCommerce order, a CSV without a
 * `locale` column), per business. English, what such orders got before, until the owner picks
 * another. No CHECK: the list of mail languages is the contract's (`INVITATION_LOCALES`), and a
 * language added there needs no migration.
 */
const invitationLocale = statements(`
ALTER TABLE businesses ADD COLUMN default_invitation_locale text NOT NULL DEFAULT 'en';
`);

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_invitation_expiry': invitationExpiry,
  '0003_once_per_client': oncePerClient,
  '0004_search_index': searchIndex,
  '0005_collect': collect,
  '0006_members': members,
  '0007_languages': languages,
  '0008_reviewer_side': reviewerSide,
  '0009_find_reviewer': findReviewer,
  '0010_invitation_locale': invitationLocale,
};

/**
 * Runs the migrations not yet run. With a schema of its own (PostgreSQL), Kysely's bookkeeping
 * tables are looked for in that schema only: it otherwise takes another schema's for its own and
 * fails while several servers or test suites migrate their schemas on one PostgreSQL at once.
 */
export async function migrate(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const which = failed ? ` ${failed.migrationName}` : '';
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration${which} failed: ${why}`, { cause: error });
  }
}
