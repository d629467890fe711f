// The dashboard's heaviest read in `npm run bench:server`: a business's insights (SPEC §7: the score
// month by month over 12 months, the distribution, volumes, the share invited and answered, the
// median time to moderate) on a business with 100,000 reviews, 100,000 orders and 80,000
// invitations spread over 30 months, on PGlite. Server time: the admin route answered in-process
// (no socket), so what is measured is the route and its queries. Each BENCH_ROUNDS × 3 times after
// one warm-up; the median and the spread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../server/app.js';
import { upsertBusiness } from '../server/db/businesses.js';
import { openDatabase } from '../server/db/database.js';
import { insertReviews } from '../server/db/writes.js';
import type { Spread } from './collect.js';
import { benchReviews } from './data.js';

const TOKEN = 'bench-insights-token';
export const INSIGHTS_REVIEWS = 100_000;

export interface InsightsResult {
  reviews: number;
  orders: number;
  invitations: number;
  /** Milliseconds per answer of GET /v1/admin/businesses/{b}/insights. */
  ms: Spread;
}

const spread = (runs: number[]): Spread => {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs };
};

export async function benchInsights(rounds: number): Promise<InsightsResult> {
  const folder = mkdtempSync(join(tmpdir(), 'verity-bench-insights-'));
  const database = await openDatabase({ dataDir: folder });
  try {
    const now = new Date();
    const business = 'bench-insights';
    await upsertBusiness(database.db, { id: business, name: 'Bench insights', url: 'https://insights.example' }, now);
    const all = benchReviews(business, INSIGHTS_REVIEWS, now);
    for (let i = 0; i < all.length; i += 10_000) {
      await database.db.transaction().execute((trx) => insertReviews(trx, all.slice(i, i + 10_000), now));
    }
    // Moderated within hours to days of arriving, as a shop's staff do.
    await sql`UPDATE reviews SET moderated_at = created_at + (hashtext(id) % 72 + 73) * interval '1 hour'
      WHERE business_id = ${business}`.execute(database.db);
    // An order a review, four in five of them invited, one invitation in three answered.
    await sql`INSERT INTO orders (business_id, order_ref, email, purchased_at, invited_at, created_at)
      SELECT ${business}, 'ORD-' || i, 'customer' || i || '@mail.example',
        ${now}::timestamptz - (i % 900) * interval '1 day' - interval '7 days',
        CASE WHEN i % 5 = 0 THEN NULL ELSE ${now}::timestamptz - (i % 900) * interval '1 day' END,
        ${now}::timestamptz - (i % 900) * interval '1 day' - interval '7 days'
      FROM generate_series(1, ${INSIGHTS_REVIEWS}) AS i`.execute(database.db);
    await sql`INSERT INTO invitations (token_hash, business_id, order_ref, created_at, sent_at, expires_at, status, review_id)
      SELECT 'bench-' || o.order_ref, o.business_id, o.order_ref, o.invited_at, o.invited_at,
        o.invited_at + interval '30 days',
        CASE WHEN hashtext(o.order_ref) % 3 = 0 THEN 'reviewed' ELSE 'sent' END,
        CASE WHEN hashtext(o.order_ref) % 3 = 0 THEN 'answered-' || o.order_ref ELSE NULL END
      FROM orders o WHERE o.business_id = ${business} AND o.invited_at IS NOT NULL`.execute(database.db);
    await sql`ANALYZE`.execute(database.db);
    const counted = await sql<{ orders: string; invitations: string }>`SELECT
      (SELECT count(*) FROM orders WHERE business_id = ${business}) AS orders,
      (SELECT count(*) FROM invitations WHERE business_id = ${business}) AS invitations`.execute(database.db);

    const { app } = createApp({ db: database.db, adminToken: TOKEN, rateLimit: false, cacheTtlMs: 0 });
    const ask = async (): Promise<number> => {
      const started = performance.now();
      const response = await app.request(`/v1/admin/businesses/${business}/insights`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const body = (await response.json()) as { months?: unknown[] };
      const ms = performance.now() - started;
      if (response.status !== 200 || body.months?.length !== 12) {
        throw new Error(`insights answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      }
      return Math.round(ms * 10) / 10;
    };
    await ask();
    const runs: number[] = [];
    for (let i = 0; i < rounds * 3; i += 1) runs.push(await ask());
    const result = {
      reviews: INSIGHTS_REVIEWS,
      orders: Number(counted.rows[0]!.orders),
      invitations: Number(counted.rows[0]!.invitations),
      ms: spread(runs),
    };
    console.log(
      `\nInsights of a business with ${result.reviews.toLocaleString('en')} reviews, ${result.orders.toLocaleString('en')} orders and ${result.invitations.toLocaleString('en')} invitations: ${result.ms.median} ms (${result.ms.min}–${result.ms.max}) server time, median of ${runs.length}`,
    );
    return result;
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
