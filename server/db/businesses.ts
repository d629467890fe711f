/**
 * Businesses, their products and orders, and invitations (R8, R9). An invitation token is random,
 * shown once, stored only as its SHA-256 hash, and works once; the invited share is kept as two
 * counters on the business, updated in the same transaction as the orders they count.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AdminBusiness, BusinessInput, Invitation, Order, OrderInput } from '../../src/client/admin-schemas.js';
import { invitationExpiry } from '../../src/rules/invitations.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import type { BusinessRow, Tables } from './schema.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function findBusiness(db: Kysely<Tables>, id: string): Promise<BusinessRow | undefined> {
  return db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function productExists(db: Kysely<Tables>, business: string, product: string): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('business_id', '=', business)
    .where('id', '=', product)
    .executeTakeFirst();
  return Boolean(row);
}

async function adminBusiness(db: Kysely<Tables>, id: string): Promise<AdminBusiness> {
  const business = await db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const products = await db
    .selectFrom('products')
    .select(['id', 'name'])
    .where('business_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: business.id,
    name: business.name,
    url: business.url,
    verificationPolicyUrl: business.verification_policy_url,
    reviewFormUrl: business.review_form_url,
    products,
    orders: { recorded: business.orders_recorded, invited: business.orders_invited },
  };
}

/**
 * Creates a business or updates the one with that id (a field left out keeps its value), and adds
 * or renames the listed products. Answers whether it was created.
 */
export async function upsertBusiness(
  db: Kysely<Tables>,
  input: BusinessInput,
  now: Date,
): Promise<{ created: boolean; business: AdminBusiness }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('businesses')
      .select('id')
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('businesses')
        .set({
          name: input.name,
          url: input.url,
          ...(input.verificationPolicyUrl !== undefined
            ? { verification_policy_url: input.verificationPolicyUrl }
            : {}),
          ...(input.reviewFormUrl !== undefined ? { review_form_url: input.reviewFormUrl } : {}),
          updated_at: now,
        })
        .where('id', '=', input.id)
        .execute();
    } else {
      await trx
        .insertInto('businesses')
        .values({
          id: input.id,
          name: input.name,
          url: input.url,
          verification_policy_url: input.verificationPolicyUrl ?? null,
          review_form_url: input.reviewFormUrl ?? null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    const products = [...new Map((input.products ?? []).map((p) => [p.id, p])).values()];
    if (products.length > 0) {
      await trx
        .insertInto('products')
        .values(products.map((p) => ({ business_id: input.id, id: p.id, name: p.name })))
        .onConflict((oc) => oc.columns(['business_id', 'id']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
        .execute();
    }
    return { created: !existing, business: await adminBusiness(trx, input.id) };
  });
}

/** Records an order (R9: it counts toward "orders recorded"). A known order ref is a 409. */
export async function recordOrder(db: Kysely<Tables>, business: string, input: OrderInput, now: Date): Promise<Order> {
  const purchasedAt = new Date(input.purchasedAt.length === 10 ? `${input.purchasedAt}T00:00:00Z` : input.purchasedAt);
  if (purchasedAt.getTime() > now.getTime() + 24 * 60 * 60 * 1000) {
    throw invalid('The purchase is in the future', { purchasedAt: 'future' });
  }
  return db.transaction().execute(async (trx) => {
    if (!(await findBusiness(trx, business))) throw notFound(`No business "${business}"`);
    if (input.product && !(await productExists(trx, business, input.product))) {
      throw invalid(`No product "${input.product}" at "${business}"`, { product: 'unknown_product' });
    }
    const inserted = await trx
      .insertInto('orders')
      .values({
        business_id: business,
        order_ref: input.orderRef,
        email: input.email,
        product_id: input.product ?? null,
        purchased_at: purchasedAt,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['business_id', 'order_ref']).doNothing())
      .returning('order_ref')
      .executeTakeFirst();
    if (!inserted) throw new ApiError(409, 'conflict', `Order "${input.orderRef}" is already recorded`);
    await trx
      .updateTable('businesses')
      .set((eb) => ({ orders_recorded: eb('orders_recorded', '+', 1) }))
      .where('id', '=', business)
      .execute();
    return {
      orderRef: input.orderRef,
      product: input.product ?? null,
      purchasedAt: purchasedAt.toISOString(),
      invited: false,
    };
  });
}

/** The link an invitation e-mail carries: the review form with the token. */
export function invitationUrl(business: Pick<BusinessRow, 'url' | 'review_form_url'>, token: string): string {
  const base = business.review_form_url ?? business.url ?? '';
  try {
    const url = new URL(base);
    url.searchParams.set('invitation', token);
    return url.toString();
  } catch {
    return `?invitation=${encodeURIComponent(token)}`;
  }
}

/**
 * A new invitation token for an order (R8). Asking again for the same order replaces a token not
 * yet used (the old link stops working); once a review was written with one, the order is done.
 * The token verifies a review of the order's product (or of the shop) until it expires.
 */
export async function createInvitation(
  db: Kysely<Tables>,
  business: string,
  orderRef: string,
  now: Date,
  token: string = randomBytes(24).toString('base64url'),
): Promise<Invitation> {
  return db.transaction().execute(async (trx) => {
    const shop = await findBusiness(trx, business);
    if (!shop) throw notFound(`No business "${business}"`);
    const order = await trx
      .selectFrom('orders')
      .select(['order_ref', 'product_id', 'invited_at'])
      .where('business_id', '=', business)
      .where('order_ref', '=', orderRef)
      .forUpdate()
      .executeTakeFirst();
    if (!order) throw notFound(`No order "${orderRef}" at "${business}"`);
    const used = await trx
      .selectFrom('invitations')
      .select('review_id')
      .where('business_id', '=', business)
      .where('order_ref', '=', orderRef)
      .where('used_at', 'is not', null)
      .executeTakeFirst();
    if (used) throw invalid('A review was already written for this order', { orderRef: 'invitation_used' });
    await trx.deleteFrom('invitations').where('business_id', '=', business).where('order_ref', '=', orderRef).execute();
    await trx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        business_id: business,
        order_ref: orderRef,
        product_id: order.product_id,
        created_at: now,
        expires_at: invitationExpiry(now),
      })
      .execute();
    if (!order.invited_at) {
      await trx
        .updateTable('orders')
        .set({ invited_at: now })
        .where('business_id', '=', business)
        .where('order_ref', '=', orderRef)
        .execute();
      await trx
        .updateTable('businesses')
        .set((eb) => ({ orders_invited: eb('orders_invited', '+', 1) }))
        .where('id', '=', business)
        .execute();
    }
    return { orderRef, token, url: invitationUrl(shop, token) };
  });
}
