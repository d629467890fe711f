/**
 * Reading reviews: one page of a list (filters, sorts, keyset cursor), one review, and the mapping
 * from rows to the contract's `Review` and the moderator's `AdminReview`. Public reads select only
 * public columns, so an e-mail address cannot reach a public answer by accident (R12).
 */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { AdminReview, Flag, ReviewStatus } from '../../src/contract/admin.js';
import type { Review, Sort } from '../../src/client/schemas.js';
import { reviewUrl } from '../../src/contract/anchor.js';
import { countsTowardScore } from '../../src/rules/score.js';
import { matchesStarts, SEARCH_TOTAL_MAX, searchWords } from '../../src/rules/search.js';
import { encodeCursor, SORT_KEYS } from './cursor.js';
import type { CursorValue } from './cursor.js';
import type { Tables } from './schema.js';

export const PUBLIC_COLUMNS = [
  'reviews.id',
  'reviews.business_id',
  'reviews.product_id',
  'reviews.rating',
  'reviews.title',
  'reviews.body',
  'reviews.language',
  'reviews.author_name',
  'reviews.author_country',
  'reviews.experienced_at',
  'reviews.created_at',
  'reviews.edited_at',
  'reviews.verification_status',
  'reviews.verification_method',
  'reviews.helpful_count',
  'reviews.reply_body',
  'reviews.reply_author_name',
  'reviews.reply_created_at',
] as const;

export const ADMIN_COLUMNS = [
  ...PUBLIC_COLUMNS,
  'reviews.status',
  'reviews.email',
  'reviews.flags',
  'reviews.moderation_decision',
  'reviews.moderation_reason',
  'reviews.moderated_at',
] as const;

type Row = Tables['reviews'];
export interface PublicRow {
  id: string;
  business_id: string;
  product_id: string | null;
  rating: number;
  title: string | null;
  body: string;
  language: string;
  author_name: string;
  author_country: string | null;
  experienced_at: string;
  created_at: Date;
  edited_at: Date | null;
  verification_status: Row['verification_status'];
  verification_method: Row['verification_method'];
  helpful_count: number;
  reply_body: string | null;
  reply_author_name: string | null;
  reply_created_at: Date | null;
}
export interface AdminRow extends PublicRow {
  status: ReviewStatus;
  email: string | null;
  flags: Flag[];
  moderation_decision: 'approve' | 'reject' | null;
  moderation_reason: Row['moderation_reason'];
  moderated_at: Date | null;
}

export function toReview(row: PublicRow, businessUrl: string | null, now: Date): Review {
  const createdAt = row.created_at.toISOString();
  const verification = { status: row.verification_status, method: row.verification_method };
  return {
    id: row.id,
    business: row.business_id,
    product: row.product_id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    language: row.language,
    author: { displayName: row.author_name, country: row.author_country },
    experiencedAt: row.experienced_at,
    createdAt,
    editedAt: row.edited_at?.toISOString() ?? null,
    verification,
    countsTowardScore: countsTowardScore({ rating: row.rating, createdAt, verification }, now),
    reply:
      row.reply_body !== null && row.reply_created_at !== null
        ? {
            body: row.reply_body,
            createdAt: row.reply_created_at.toISOString(),
            authorName: row.reply_author_name ?? '',
          }
        : null,
    helpfulCount: row.helpful_count,
    url: reviewUrl(businessUrl, row.id),
  };
}

export function toAdminReview(row: AdminRow, businessUrl: string | null, reports: number, now: Date): AdminReview {
  const review = toReview(row, businessUrl, now);
  return {
    ...review,
    // Only a published review counts (R2); a pending one may count once approved.
    countsTowardScore: review.countsTowardScore && row.status === 'published',
    status: row.status,
    email: row.email,
    flags: row.flags,
    moderation:
      row.moderation_decision && row.moderated_at
        ? {
            decision: row.moderation_decision,
            reason: row.moderation_reason,
            decidedAt: row.moderated_at.toISOString(),
          }
        : null,
    reports,
  };
}

/** Lower case, NFC: how `search_text` is stored and how a search is compared with it. */
export function searchable(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The primary language subtag, for the `language` filter (`sv-FI` is Swedish). */
export function languageBase(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

export interface ReviewQuery {
  business: string;
  /** A product id, '' for the shop's own reviews, `undefined` for all of them (moderation). */
  productKey: string | undefined;
  status: ReviewStatus;
  sort: Sort;
  rating?: number[] | undefined;
  verifiedOnly?: boolean | undefined;
  language?: string | undefined;
  q?: string | undefined;
  after?: CursorValue[] | undefined;
  limit: number;
}

type ReviewsBuilder = ExpressionBuilder<Tables, 'reviews'>;

/**
 * The query's conditions. A search needs its `tsquery` resolved first (`searchQuery`); `null`
 * there means a search no review can match.
 */
function filters(eb: ReviewsBuilder, query: ReviewQuery, tsquery?: string | null): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    eb('reviews.business_id', '=', query.business),
    eb('reviews.status', '=', query.status),
  ];
  if (query.productKey !== undefined) conditions.push(eb('reviews.product_key', '=', query.productKey));
  if (query.rating && query.rating.length > 0) conditions.push(eb('reviews.rating', 'in', query.rating));
  if (query.verifiedOnly) conditions.push(eb('reviews.verification_status', '=', 'verified'));
  if (query.language) conditions.push(eb('reviews.language_base', '=', languageBase(query.language)));
  if (tsquery === null) conditions.push(sql<SqlBool>`false`);
  else if (tsquery !== undefined) conditions.push(sql<SqlBool>`reviews.search_vector @@ ${tsquery}::tsquery`);
  return eb.and(conditions);
}

/** The stemmers of migration 0004's `search_vector`, besides the words as they are. */
const STEMMERS = ['english', 'swedish', 'german'] as const;

/** A shop with at most this many reviews is searched by reading its reviews, not the text index. */
const SEARCH_SCAN_MAX = 5000;

/**
 * The tsquery of a search: every word, each as it is (or as the start of a word: `matchesStarts`)
 * or as its stem in one of the stemmed languages. PostgreSQL parses and stems each word in a
 * statement of its own, and the alternatives that are the same are dropped: a query that says
 * `'kaffe':* | 'kaffe' | 'kaffe'` is estimated to match three times as much, and planned as a
 * scan. `null` when some word has no lexeme at all (nothing can match).
 *
 * The same statement sets, for the rest of the transaction, how the matches are to be found:
 * never by a scan of the table (with a LIMIT, the planner's rough estimate of a text search makes
 * a scan look cheaper than the index); in a small shop by reading its reviews, since the text
 * index is every shop's and a word common in another makes it the dearer way, by a margin the
 * planner's estimates do not see.
 */
async function searchQuery(trx: Transaction<Tables>, business: string, words: string[]): Promise<string | null> {
  const parts = words.flatMap((word) => [
    matchesStarts(word)
      ? sql`to_tsquery('simple', ${`${word}:*`})::text`
      : sql`plainto_tsquery('simple', ${word})::text`,
    ...STEMMERS.map((config) => sql`plainto_tsquery(${sql.lit(config)}, ${word})::text`),
  ]);
  const size = sql`(SELECT coalesce(sum(published), 0) FROM review_totals WHERE business_id = ${business})`;
  const { rows } = await sql<{ parts: string[] }>`
    SELECT ARRAY[${sql.join(parts)}] AS parts,
           set_config('enable_seqscan', 'off', true),
           set_config('enable_bitmapscan', CASE WHEN ${size} <= ${SEARCH_SCAN_MAX} THEN 'off' ELSE 'on' END, true)`.execute(
    trx,
  );
  const texts = rows[0]!.parts;
  const per = 1 + STEMMERS.length;
  const each = words.map((_, i) => {
    const [simple = '', ...stems] = texts.slice(i * per, (i + 1) * per);
    const alternatives = new Set([simple, ...stems].filter((text) => text && `${text}:*` !== simple));
    return [...alternatives].map((text) => `(${text})`).join(' | ');
  });
  return each.some((alternatives) => !alternatives) ? null : each.map((a) => `(${a})`).join(' & ');
}

/** Rows strictly after the cursor's position in the sort order. */
function afterCursor(eb: ReviewsBuilder, sort: Sort, values: CursorValue[]): Expression<SqlBool> {
  const keys = SORT_KEYS[sort];
  return eb.or(
    keys.map((key, i) =>
      eb.and([
        ...keys.slice(0, i).map((previous, j) => eb(eb.ref(`reviews.${previous.column}`), '=', values[j]!)),
        eb(eb.ref(`reviews.${key.column}`), key.direction === 'desc' ? '<' : '>', values[i]!),
      ]),
    ),
  );
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
  total: number;
  /** The search matched more than `SEARCH_TOTAL_MAX` reviews: `total` is that many, not all. */
  totalCapped?: true;
}

function isUnfiltered(query: ReviewQuery): boolean {
  return (
    query.status === 'published' &&
    query.productKey !== undefined &&
    !(query.rating && query.rating.length > 0) &&
    !query.verifiedOnly &&
    !query.language &&
    searchWords(query.q) === undefined
  );
}

async function total(db: Kysely<Tables>, query: ReviewQuery, tsquery?: string | null): Promise<number> {
  if (isUnfiltered(query)) {
    // The kept totals row answers the common case without counting.
    const totals = await db
      .selectFrom('review_totals')
      .select('published')
      .where('business_id', '=', query.business)
      .where('product_key', '=', query.productKey!)
      .executeTakeFirst();
    return totals?.published ?? 0;
  }
  const { n } = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => filters(eb, query, tsquery))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** One page of reviews, in the query's order, with the cursor of the next page. */
export async function findReviews(db: Kysely<Tables>, query: ReviewQuery, admin: true): Promise<Page<AdminRow>>;
export async function findReviews(db: Kysely<Tables>, query: ReviewQuery, admin?: false): Promise<Page<PublicRow>>;
export async function findReviews(
  db: Kysely<Tables>,
  query: ReviewQuery,
  admin = false,
): Promise<Page<PublicRow | AdminRow>> {
  const words = searchWords(query.q);
  if (words?.length) return db.transaction().execute((trx) => searchReviews(trx, query, words, admin));
  let select = db
    .selectFrom('reviews')
    .select(admin ? ADMIN_COLUMNS : PUBLIC_COLUMNS)
    .where((eb) => filters(eb, query, words ? null : undefined));
  if (query.after) {
    const after = query.after;
    select = select.where((eb) => afterCursor(eb, query.sort, after));
  }
  for (const key of SORT_KEYS[query.sort]) select = select.orderBy(`reviews.${key.column}`, key.direction);
  const [rows, count] = await Promise.all([
    select.limit(query.limit + 1).execute() as Promise<(PublicRow | AdminRow)[]>,
    total(db, query, words ? null : undefined),
  ]);
  return page(query, rows, count);
}

function page<T extends PublicRow>(query: ReviewQuery, rows: T[], total: number, totalCapped = false): Page<T> {
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items[items.length - 1];
  return {
    rows: items,
    nextCursor: more && last ? encodeCursor(query.sort, last) : null,
    total,
    ...(totalCapped ? { totalCapped: true as const } : {}),
  };
}

/**
 * A page of a search, at a bounded cost whatever is searched for. The matches' ids are read first,
 * at most `SEARCH_TOTAL_MAX` + 1 of them (never a count of every review for a common word): a
 * small shop's reviews one by one, a large shop's through the text index. Few: the page is sorted from just those. Many: they are dense, and the page is found
 * by walking the sort's index. The planner is told which, since its estimates of a text search
 * are rough: it would walk every review in the sort's order to find a rare word, or sort every
 * review to page a common one.
 */
async function searchReviews(
  trx: Transaction<Tables>,
  query: ReviewQuery,
  words: string[],
  admin: boolean,
): Promise<Page<PublicRow | AdminRow>> {
  const tsquery = await searchQuery(trx, query.business, words);
  const matching = trx
    .selectFrom('reviews')
    .select('reviews.id')
    .where((eb) => filters(eb, query, tsquery))
    .limit(SEARCH_TOTAL_MAX + 1);
  // One row: the ids, and (set in the same statement, for the page's) how the page is to be read.
  const fewMatch = sql<boolean>`count(*) <= ${SEARCH_TOTAL_MAX}`;
  const { ids } = await trx
    .selectFrom(matching.as('matching'))
    .select([
      sql<string[] | null>`array_agg(matching.id)`.as('ids'),
      sql`set_config('enable_indexscan', CASE WHEN ${fewMatch} THEN 'off' ELSE 'on' END, true)`.as('index_scan'),
      sql`set_config('enable_bitmapscan', CASE WHEN ${fewMatch} THEN 'on' ELSE 'off' END, true)`.as('bitmap_scan'),
    ])
    .executeTakeFirstOrThrow();
  const matches = ids ?? [];
  if (matches.length === 0) return page(query, [], 0);
  const few = matches.length <= SEARCH_TOTAL_MAX;
  let select = trx
    .selectFrom('reviews')
    .select(admin ? ADMIN_COLUMNS : PUBLIC_COLUMNS)
    .where((eb) =>
      few ? eb('reviews.id', '=', sql<string>`ANY(${sql.val(matches)}::text[])`) : filters(eb, query, tsquery),
    );
  if (query.after) {
    const after = query.after;
    select = select.where((eb) => afterCursor(eb, query.sort, after));
  }
  for (const key of SORT_KEYS[query.sort]) select = select.orderBy(`reviews.${key.column}`, key.direction);
  const rows = (await select.limit(query.limit + 1).execute()) as (PublicRow | AdminRow)[];
  return page(query, rows, Math.min(matches.length, SEARCH_TOTAL_MAX), !few);
}

/** A published review with its shop's URL, or `undefined`. */
export async function findPublishedReview(
  db: Kysely<Tables>,
  id: string,
): Promise<{ row: PublicRow; businessUrl: string | null } | undefined> {
  const row = await db
    .selectFrom('reviews')
    .innerJoin('businesses', 'businesses.id', 'reviews.business_id')
    .select(PUBLIC_COLUMNS)
    .select('businesses.url as business_url')
    .where('reviews.id', '=', id)
    .where('reviews.status', '=', 'published')
    .executeTakeFirst();
  if (!row) return undefined;
  const { business_url, ...rest } = row;
  return { row: rest as PublicRow, businessUrl: business_url };
}

/** Reports per review, for the moderator's view. */
export async function reportCounts(db: Kysely<Tables>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('reports')
    .select((eb) => ['review_id', eb.fn.countAll<number>().as('n')])
    .where('review_id', 'in', ids)
    .groupBy('review_id')
    .execute();
  return new Map(rows.map((r) => [r.review_id, Number(r.n)]));
}

/** A review as the moderator sees it, or `undefined`. */
export async function findAdminReview(db: Kysely<Tables>, id: string, now: Date): Promise<AdminReview | undefined> {
  const row = await db
    .selectFrom('reviews')
    .innerJoin('businesses', 'businesses.id', 'reviews.business_id')
    .select(ADMIN_COLUMNS)
    .select('businesses.url as business_url')
    .where('reviews.id', '=', id)
    // An unconfirmed review is its author's draft still: not the business's to see.
    .where('reviews.status', '<>', 'unconfirmed')
    .executeTakeFirst();
  if (!row) return undefined;
  const { business_url, ...rest } = row;
  const reports = await reportCounts(db, [id]);
  return toAdminReview(rest as AdminRow, business_url, reports.get(id) ?? 0, now);
}
