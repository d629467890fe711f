/**
 * Businesses, their products and orders, and invitations (R8, R9). An invitation token is random,
 * shown once, stored only as its SHA-256 hash, and works once; the invited share is kept as two
 * counters on the business, updated in the same transaction as the orders they count.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type {
  AdminBusiness,
  BusinessInput,
  BusinessPatch,
  Invitation,
  InvitationPolicy,
} from '../../src/contract/admin.js';
import { invitationPolicySchema } from '../../src/contract/admin.js';
import { validateInput } from '../../src/client/validate.js';
import { invalid, notFound } from '../http/errors.js';
import { mailLocale } from '../mail/messages.js';
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

/**
 * Which of `products` the business has, in one query (a batch of unknown SKUs costs no summary
 * read), or `undefined` when there is no such business.
 */
export async function knownProducts(
  db: Kysely<Tables>,
  business: string,
  products: readonly string[],
): Promise<Set<string> | undefined> {
  const rows = await db
    .selectFrom('businesses as b')
    .leftJoin('products as p', (join) => join.onRef('p.business_id', '=', 'b.id').on('p.id', 'in', [...products]))
    .select('p.id as product')
    .where('b.id', '=', business)
    .execute();
  if (rows.length === 0) return undefined;
  return new Set(rows.flatMap((row) => (row.product === null ? [] : [row.product])));
}

export async function adminBusiness(db: Kysely<Tables>, id: string): Promise<AdminBusiness> {
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
    orders: {
      recorded: business.orders_recorded,
      invited: business.orders_invited,
      optedOut: business.opted_out,
      failed: business.invitations_failed,
    },
    invitations: invitationPolicy(business),
    webhook: {
      configured: business.webhook_secret !== null,
      createdAt: business.webhook_secret_created_at?.toISOString() ?? null,
    },
    verificationText: business.verification_text,
    allowedOrigins: business.allowed_origins,
    defaultInvitationLocale: mailLocale(business.default_invitation_locale),
  };
}

export function invitationPolicy(
  row: Pick<BusinessRow, 'invitation_delay_days' | 'reminder_after_days' | 'expires_after_days'>,
): InvitationPolicy {
  return {
    delayDays: row.invitation_delay_days,
    reminderAfterDays: row.reminder_after_days,
    expiresAfterDays: row.expires_after_days,
  };
}

/** The admin view of a business, or a 404. */
export async function getAdminBusiness(db: Kysely<Tables>, id: string): Promise<AdminBusiness> {
  if (!(await findBusiness(db, id))) throw notFound(`No business "${id}"`);
  return adminBusiness(db, id);
}

/**
 * Changes some settings of a business (a field left out keeps its value). A new delay moves the
 * invitations not yet handed to the workers: they wait the new time from their order's fulfilment.
 */
export async function patchBusiness(
  db: Kysely<Tables>,
  id: string,
  patch: BusinessPatch,
  now: Date,
): Promise<AdminBusiness> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('businesses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound(`No business "${id}"`);
    const policy = { ...invitationPolicy(row), ...patch.invitations };
    // Checked whole: a reminder must come before the link expires, whichever of the two changed.
    const checked = validateInput(invitationPolicySchema, policy);
    if (!checked.success) {
      const fields = Object.fromEntries(Object.entries(checked.fields).map(([k, v]) => [`invitations.${k}`, v]));
      throw invalid('The invitation policy is inconsistent', fields);
    }
    await trx
      .updateTable('businesses')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.verificationPolicyUrl !== undefined ? { verification_policy_url: patch.verificationPolicyUrl } : {}),
        ...(patch.reviewFormUrl !== undefined ? { review_form_url: patch.reviewFormUrl } : {}),
        ...(patch.verificationText !== undefined ? { verification_text: patch.verificationText || null } : {}),
        ...(patch.allowedOrigins !== undefined ? { allowed_origins: [...new Set(patch.allowedOrigins)] } : {}),
        ...(patch.defaultInvitationLocale !== undefined
          ? { default_invitation_locale: patch.defaultInvitationLocale }
          : {}),
        invitation_delay_days: policy.delayDays,
        reminder_after_days: policy.reminderAfterDays,
        expires_after_days: policy.expiresAfterDays,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (policy.delayDays !== row.invitation_delay_days || policy.expiresAfterDays !== row.expires_after_days) {
      await sql`
        UPDATE invitations i SET
          due_at = coalesce(o.fulfilled_at, o.purchased_at) + ${policy.delayDays} * interval '1 day',
          expires_at = coalesce(o.fulfilled_at, o.purchased_at) + ${policy.delayDays + policy.expiresAfterDays} * interval '1 day'
        FROM orders o
        WHERE o.business_id = i.business_id AND o.order_ref = i.order_ref
          AND i.business_id = ${id} AND i.status = 'scheduled' AND i.queued_step IS NULL`.execute(trx);
    }
    return adminBusiness(trx, id);
  });
}

/**
 * A new webhook secret (the old one stops working at once), or the one a platform gave (Shopify
 * signs with a key of its own). Kept as it is, since an HMAC needs it; shown only in this answer.
 */
export async function setWebhookSecret(
  db: Kysely<Tables>,
  id: string,
  given: string | undefined,
  now: Date,
): Promise<string> {
  const secret = given ?? `whsec_${randomBytes(32).toString('base64url')}`;
  const updated = await db
    .updateTable('businesses')
    .set({ webhook_secret: secret, webhook_secret_created_at: now })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw notFound(`No business "${id}"`);
  return secret;
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
          ...(input.defaultInvitationLocale !== undefined
            ? { default_invitation_locale: input.defaultInvitationLocale }
            : {}),
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
          ...(input.defaultInvitationLocale !== undefined
            ? { default_invitation_locale: input.defaultInvitationLocale }
            : {}),
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
    // The operator sends this one: the workers only end it when it expires.
    const expiresAt = new Date(now.getTime() + shop.expires_after_days * 24 * 60 * 60 * 1000);
    await trx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        business_id: business,
        order_ref: orderRef,
        product_id: order.product_id,
        created_at: now,
        status: 'sent',
        sent_at: now,
        next_step: 'expire',
        due_at: expiresAt,
        expires_at: expiresAt,
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
