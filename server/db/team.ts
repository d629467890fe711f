/**
 * What the dashboard reads beyond the moderation queue: a review's history, the reports (R10)
 * and their outcome, and the insights of the last 12 months.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AdminReport, HistoryEntry, Insights, ReportOutcome } from '../../src/contract/dashboard.js';
import type { ModerationReason, ReportReason } from '../../src/client/schemas.js';
import { emptyDistribution, scoreFromDistribution } from '../../src/rules/score.js';
import type { Tables } from './schema.js';

/** Records what a member (or the operator) did to a review, for its history. */
export async function recordEvent(
  db: Kysely<Tables>,
  review: string,
  action: HistoryEntry['action'],
  actor: string | null,
  reason: string | null,
  at: Date,
): Promise<void> {
  await db.insertInto('review_events').values({ review_id: review, action, actor, reason, at }).execute();
}

/** Everything that happened to a review, oldest first: written, moderated, edited, replied, reported. */
export async function reviewHistory(db: Kysely<Tables>, id: string): Promise<HistoryEntry[] | undefined> {
  const review = await db
    .selectFrom('reviews')
    .select(['created_at', 'edited_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!review) return undefined;
  const [events, reports] = await Promise.all([
    db
      .selectFrom('review_events')
      .select(['at', 'action', 'actor', 'reason'])
      .where('review_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('reports').select(['created_at', 'reason']).where('review_id', '=', id).orderBy('id').execute(),
  ]);
  const entries: HistoryEntry[] = [
    { at: review.created_at.toISOString(), action: 'submitted', by: null, reason: null },
    ...(review.edited_at
      ? [{ at: review.edited_at.toISOString(), action: 'edited' as const, by: null, reason: null }]
      : []),
    ...events.map((e) => ({ at: e.at.toISOString(), action: e.action, by: e.actor, reason: e.reason })),
    ...reports.map((r) => ({
      at: r.created_at.toISOString(),
      action: 'reported' as const,
      by: null,
      reason: r.reason,
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A report's outcome: what the moderator decided about the review after it was reported. */
const OUTCOME = sql<ReportOutcome>`CASE
  WHEN r.moderated_at IS NULL OR r.moderated_at < p.created_at THEN 'open'
  WHEN r.moderation_decision = 'reject' THEN 'removed'
  ELSE 'kept' END`;

interface ReportRow {
  id: string;
  reason: ReportReason;
  note: string | null;
  created_at: Date;
  outcome: ReportOutcome;
  review_id: string;
  title: string | null;
  body: string;
  rating: number;
  author_name: string;
  status: 'pending' | 'published' | 'rejected';
  moderation_reason: ModerationReason | null;
}

export async function listReports(
  db: Kysely<Tables>,
  business: string,
  query: { outcome?: ReportOutcome | undefined; cursor?: number | undefined; limit: number },
): Promise<{ items: AdminReport[]; nextCursor: string | null; total: number }> {
  const outcome = query.outcome ? sql`AND ${OUTCOME} = ${query.outcome}` : sql``;
  const before = query.cursor !== undefined ? sql`AND p.id < ${query.cursor}` : sql``;
  const [{ rows }, { rows: counted }] = await Promise.all([
    sql<ReportRow>`
      SELECT p.id::text AS id, p.reason, p.note, p.created_at, ${OUTCOME} AS outcome,
             r.id AS review_id, r.title, r.body, r.rating, r.author_name, r.status, r.moderation_reason
      FROM reports p JOIN reviews r ON r.id = p.review_id
      WHERE r.business_id = ${business} ${outcome} ${before}
      ORDER BY p.id DESC
      LIMIT ${query.limit + 1}`.execute(db),
    sql<{ n: string }>`
      SELECT count(*) AS n FROM reports p JOIN reviews r ON r.id = p.review_id
      WHERE r.business_id = ${business} ${outcome}`.execute(db),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      review: {
        id: row.review_id,
        title: row.title,
        body: row.body,
        rating: row.rating,
        authorName: row.author_name,
        status: row.status,
      },
      reason: row.reason,
      note: row.note,
      createdAt: row.created_at.toISOString(),
      outcome: row.outcome,
      removedFor: row.outcome === 'removed' ? row.moderation_reason : null,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
    total: Number(counted[0]?.n ?? 0),
  };
}

interface MonthRow {
  month: string;
  r1: string;
  r2: string;
  r3: string;
  r4: string;
  r5: string;
}

/** A count of one month: `kind` says of what. */
interface VolumeRow {
  kind: 'published' | 'verified' | 'orders' | 'invited';
  month: string;
  n: string;
}

/**
 * The last 12 months, oldest first. Each month's score is the R2 score as it stood at the month's
 * end (the shop's own reviews), read from the kept day buckets at day precision; volumes count
 * what was published, recorded and invited within the month. Each table is read once, grouped by
 * month (orders have no index by date: one pass over a business's orders, never one per month).
 */
export async function readInsights(db: Kysely<Tables>, business: string, now: Date): Promise<Insights> {
  const { rows: months } = await sql<MonthRow>`
    WITH months AS (
      SELECT m::date AS start, (m + interval '1 month')::date AS next
      FROM generate_series(date_trunc('month', ${now}::timestamptz AT TIME ZONE 'UTC') - interval '11 months',
                           date_trunc('month', ${now}::timestamptz AT TIME ZONE 'UTC'), interval '1 month') AS m
    )
    SELECT to_char(m.start, 'YYYY-MM') AS month,
      coalesce(s.r1, 0) AS r1, coalesce(s.r2, 0) AS r2, coalesce(s.r3, 0) AS r3, coalesce(s.r4, 0) AS r4, coalesce(s.r5, 0) AS r5
    FROM months m
    LEFT JOIN LATERAL (
      SELECT sum(d.r1) AS r1, sum(d.r2) AS r2, sum(d.r3) AS r3, sum(d.r4) AS r4, sum(d.r5) AS r5
      FROM score_days d
      WHERE d.business_id = ${business} AND d.product_key = ''
        AND d.day >= (LEAST(m.next, (${now}::timestamptz AT TIME ZONE 'UTC')::date + 1) - interval '12 months')::date
        AND d.day < LEAST(m.next, (${now}::timestamptz AT TIME ZONE 'UTC')::date + 1)
    ) s ON true
    ORDER BY m.start`.execute(db);

  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const { rows: volumes } = await sql<VolumeRow>`
    SELECT v.kind, to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS n
    FROM reviews r
    CROSS JOIN LATERAL (VALUES ('published', r.created_at),
      ('verified', CASE WHEN r.verification_status = 'verified' THEN r.created_at END)) AS v(kind, at)
    WHERE r.business_id = ${business} AND r.status = 'published' AND r.created_at >= ${first} AND v.at IS NOT NULL
    GROUP BY 1, 2
    UNION ALL
    SELECT v.kind, to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS n
    FROM orders o
    CROSS JOIN LATERAL (VALUES ('orders', o.created_at), ('invited', o.invited_at)) AS v(kind, at)
    WHERE o.business_id = ${business} AND v.at >= ${first}
    GROUP BY 1, 2`.execute(db);
  const volume = new Map(volumes.map((row) => [`${row.kind} ${row.month}`, Number(row.n)]));

  const yearAgo = new Date(now);
  yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 12);
  const { rows: totals } = await sql<{
    orders: string;
    invited: string;
    invitations: string;
    answered: string;
    median_hours: number | null;
    pending: string;
  }>`
    SELECT o.orders, o.invited, i.invitations, i.answered,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM moderated_at - created_at) / 3600)
         FROM reviews WHERE business_id = ${business} AND moderated_at >= ${yearAgo}) AS median_hours,
      (SELECT count(*) FROM reviews WHERE business_id = ${business} AND status = 'pending') AS pending
    FROM (SELECT count(*) FILTER (WHERE created_at >= ${yearAgo}) AS orders,
                 count(*) FILTER (WHERE invited_at >= ${yearAgo}) AS invited
          FROM orders WHERE business_id = ${business}) AS o,
         (SELECT count(*) AS invitations, count(*) FILTER (WHERE review_id IS NOT NULL) AS answered
          FROM invitations WHERE business_id = ${business} AND created_at >= ${yearAgo}) AS i`.execute(db);
  const t = totals[0]!;
  const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

  let distribution = emptyDistribution();
  const shaped = months.map((row) => {
    const dist = emptyDistribution();
    for (const r of ['1', '2', '3', '4', '5'] as const) dist[r] = Number(row[`r${r}`]);
    distribution = dist;
    return {
      month: row.month,
      average: scoreFromDistribution(dist).average,
      published: volume.get(`published ${row.month}`) ?? 0,
      verified: volume.get(`verified ${row.month}`) ?? 0,
      orders: volume.get(`orders ${row.month}`) ?? 0,
      invited: volume.get(`invited ${row.month}`) ?? 0,
    };
  });
  return {
    months: shaped,
    distribution,
    invitedShare: share(Number(t.invited), Number(t.orders)),
    answeredShare: share(Number(t.answered), Number(t.invitations)),
    medianHoursToModerate: t.median_hours === null ? null : Math.round(Number(t.median_hours) * 10) / 10,
    pending: Number(t.pending),
  };
}
