/**
 * Demo data for `npm start`, from the same fixtures the mocks and Storybook use, so the demo, the
 * stories and the contract suite see the same kind of data: every provenance, replies, edits,
 * hostile-looking text, reviews older than the 12-month window, an empty business, invitation
 * tokens. Seeded once: the marker row is claimed in the same transaction, so a restart (or a
 * second server starting at the same moment) never adds the data twice.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { DEMO_BUSINESS, createFixtures } from '../src/mocks/fixtures.js';
import type { FixtureOptions } from '../src/mocks/fixtures.js';
import { hashToken } from './db/businesses.js';
import { recordOrders } from './db/orders.js';
import type { Tables } from './db/schema.js';
import { insertReviews } from './db/writes.js';
import type { ReviewRecord } from './db/writes.js';

export const DEMO_SEED = 'demo-v1';

/** Seeds the demo data unless it is there already; answers whether it seeded. */
export async function seedDemo(db: Kysely<Tables>, options: FixtureOptions = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('seeds')
      .values({ name: DEMO_SEED, applied_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('name')
      .executeTakeFirst();
    if (!claimed) return false;

    const data = createFixtures({ ...options, now });
    await trx
      .insertInto('businesses')
      .values(
        data.businesses.map((b) => ({
          id: b.id,
          name: b.name,
          url: b.url,
          verification_policy_url: b.verificationPolicyUrl,
          review_form_url: null,
          default_invitation_locale: b.defaultInvitationLocale ?? 'en',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const products = data.businesses.flatMap((b) =>
      b.products.map((p) => ({ business_id: b.id, id: p.id, name: p.name })),
    );
    if (products.length > 0) await trx.insertInto('products').values(products).execute();

    // The orders behind the invitation tokens, then anonymous ones up to the fixture's counts (R9).
    if (data.invitations.length > 0) {
      await trx
        .insertInto('orders')
        .values(
          data.invitations.map((i) => ({
            business_id: i.business,
            order_ref: i.orderRef,
            email: `${i.orderRef.toLowerCase()}@mail.example`,
            product_id: i.product,
            purchased_at: new Date(now.getTime() - 3 * 24 * 60 * 60 * 1000),
            invited_at: now,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('invitations')
        .values(
          data.invitations.map((i) => ({
            token_hash: hashToken(i.token),
            business_id: i.business,
            order_ref: i.orderRef,
            product_id: i.product,
            created_at: now,
            expires_at: i.expiresAt,
          })),
        )
        .execute();
    }
    for (const business of data.businesses) {
      if (!business.orders) continue;
      const known = data.invitations.filter((i) => i.business === business.id).length;
      const count = Math.max(0, business.orders.recorded - known);
      const invited = Math.max(0, business.orders.invited - known);
      await sql`
        INSERT INTO orders (business_id, order_ref, email, product_id, purchased_at, invited_at, created_at)
        SELECT ${business.id}, 'demo-' || n, 'customer-' || n || '@mail.example', NULL,
               ${now}::timestamptz - n * interval '1 hour',
               CASE WHEN n <= ${invited} THEN ${now}::timestamptz END, ${now}
        FROM generate_series(1, ${count}::integer) AS n`.execute(trx);
    }
    await sql`
      UPDATE businesses SET
        orders_recorded = (SELECT count(*) FROM orders o WHERE o.business_id = businesses.id),
        orders_invited = (SELECT count(o.invited_at) FROM orders o WHERE o.business_id = businesses.id)`.execute(trx);

    const records: ReviewRecord[] = data.reviews.map((r) => ({
      id: r.id,
      business: r.business,
      product: r.product,
      rating: r.rating,
      title: r.title,
      body: r.body,
      language: r.language,
      authorName: r.author.displayName,
      country: r.author.country,
      email: r.email,
      experiencedAt: r.experiencedAt,
      createdAt: new Date(r.createdAt),
      editedAt: r.editedAt ? new Date(r.editedAt) : null,
      status: r.status,
      verification: r.verification,
      helpfulCount: r.helpfulCount,
      reply: r.reply ? { ...r.reply, createdAt: new Date(r.reply.createdAt) } : null,
    }));
    await insertReviews(trx, records, now);
    return true;
  });
}

export interface DemoOrdersOptions {
  now?: Date | undefined;
  /** Where the invitations' links lead (the demo shop's review page); kept as it is when left out. */
  reviewFormUrl?: string | undefined;
}

/**
 * A few orders of the demo business, one per language, fulfilled `delayDays` ago so their
 * invitations are due at once: with the job workers running, the whole loop (order, invitation,
 * outbox or SMTP, review with the link) shows in a minute. Orders are idempotent on their ref, so
 * calling this at every start records them once; answers how many it recorded.
 */
export async function seedDemoOrders(db: Kysely<Tables>, options: DemoOrdersOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const business = await db
    .selectFrom('businesses')
    .select(['invitation_delay_days'])
    .where('id', '=', DEMO_BUSINESS)
    .executeTakeFirst();
  if (!business) return 0;
  if (options.reviewFormUrl) {
    await db
      .updateTable('businesses')
      .set({ review_form_url: options.reviewFormUrl })
      .where('id', '=', DEMO_BUSINESS)
      .execute();
  }
  const fulfilledAt = new Date(now.getTime() - business.invitation_delay_days * 24 * 60 * 60 * 1000);
  const purchasedAt = new Date(fulfilledAt.getTime() - 2 * 24 * 60 * 60 * 1000);
  const customers = [
    ['DEMO-ORDER-EN', 'Alex Morgan', 'en'],
    ['DEMO-ORDER-SV', 'Sara Lindqvist', 'sv-SE'],
    ['DEMO-ORDER-CS', 'Petra Nováková', 'cs'],
    ['DEMO-ORDER-DE', 'Jonas Becker', 'de-DE'],
  ] as const;
  const batch = await recordOrders(
    db,
    DEMO_BUSINESS,
    customers.map(([orderRef, customerName, locale], i) => ({
      row: i + 1,
      input: {
        orderRef,
        email: `${orderRef.toLowerCase()}@mail.example`,
        purchasedAt: purchasedAt.toISOString(),
        fulfilledAt: fulfilledAt.toISOString(),
        customerName,
        locale,
      },
    })),
    now,
  );
  return batch.recorded.length;
}
