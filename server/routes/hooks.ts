/**
 * Order webhooks (SPEC §7): Shopify (`orders/fulfilled`), WooCommerce (completed orders) and our
 * own signed JSON. Each is signed with the business's webhook secret over the raw body, checked
 * in constant time before anything is parsed; a bad or missing signature is a 401 and stores
 * nothing. The order then takes the same path as every other (`recordOrders`), so a repeated
 * delivery of one order changes nothing.
 *
 * Several products in one order: one invitation per order (R13 counts orders, and a customer gets
 * one e-mail per purchase). When the order's line items name exactly one product the shop has
 * registered (by SKU, else by the platform's product id), the invitation asks for a review of that
 * product; otherwise it asks for a review of the shop.
 */
import { Budget, clientAddress, tooManyRequests } from '../http/rate-limit.js';
import type { RateLimitOptions } from '../http/rate-limit.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { OrderBatch } from '../db/orders.js';
import { recordOrders, throwProblems } from '../db/orders.js';
import type { Tables } from '../db/schema.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { pathId } from '../http/params.js';

const NO_STORE = { 'cache-control': 'no-store' };
/** Our own signature's freshness window, against replays of an old delivery. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const unauthorized = (why: string) => new ApiError(401, 'unauthorized', why);

/** Whether `given` (in `encoding`) is the HMAC-SHA256 of `data` with `secret`, compared in constant time. */
export function signatureMatches(
  secret: string,
  data: Buffer,
  given: string | undefined,
  encoding: 'base64' | 'hex',
): boolean {
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(data).digest();
  const received = Buffer.from(given.trim(), encoding);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** `Verity-Signature: t=<unix seconds>,v1=<hex>` (several `v1` while a secret changes hands). */
export function verityMatches(secret: string, body: Buffer, header: string | undefined, now: Date): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('=') as [string, string | undefined]);
  const t = parts.find(([k]) => k === 't')?.[1];
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const signed = Buffer.concat([Buffer.from(`${t}.`), body]);
  return parts.filter(([k]) => k === 'v1').some(([, v]) => signatureMatches(secret, signed, v, 'hex'));
}

/** Signs a body as `POST /v1/hooks/{b}/orders` expects (for senders and tests). */
export function veritySignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
const fullName = (first: unknown, last: unknown) => [str(first), str(last)].filter(Boolean).join(' ') || undefined;
/** WooCommerce's `*_gmt` dates have no offset: they are UTC. */
const gmt = (value: unknown) => {
  const s = str(value);
  return s && /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? `${s}Z` : s;
};

export interface MappedOrder {
  order: Json;
  /** The SKUs (or the platform's product ids) of its line items. */
  skus: string[];
}

/** Shopify's order (REST Admin API `Order`, the payload of `orders/fulfilled`). */
export function fromShopify(payload: Json): MappedOrder | { ignored: string } {
  if (payload.cancelled_at) return { ignored: 'cancelled' };
  const customer = obj(payload.customer);
  const fulfillments = Array.isArray(payload.fulfillments) ? payload.fulfillments.map(obj) : [];
  const fulfilledAt = fulfillments
    .map((f) => str(f.created_at))
    .filter((d): d is string => Boolean(d))
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const items = Array.isArray(payload.line_items) ? payload.line_items.map(obj) : [];
  return {
    order: {
      orderRef: str(payload.name) ?? str(payload.id),
      email: str(payload.email) ?? str(payload.contact_email) ?? str(customer.email),
      purchasedAt: str(payload.created_at),
      fulfilledAt: fulfilledAt ?? str(payload.closed_at) ?? str(payload.updated_at),
      customerName:
        fullName(customer.first_name, customer.last_name) ??
        str(obj(payload.billing_address).name) ??
        str(obj(payload.shipping_address).name),
      locale: str(payload.customer_locale) ?? str(customer.locale),
    },
    skus: items.map((i) => str(i.sku) ?? str(i.product_id)).filter((s): s is string => Boolean(s)),
  };
}

/** WooCommerce's order (REST API v3 `Order`); only a completed order is fulfilled. */
export function fromWooCommerce(payload: Json): MappedOrder | { ignored: string } {
  if (payload.status !== 'completed') return { ignored: `status ${String(payload.status ?? 'unknown')}` };
  const billing = obj(payload.billing);
  const items = Array.isArray(payload.line_items) ? payload.line_items.map(obj) : [];
  return {
    order: {
      orderRef: str(payload.number) ?? str(payload.id),
      email: str(billing.email),
      purchasedAt: gmt(payload.date_created_gmt) ?? str(payload.date_created),
      fulfilledAt: gmt(payload.date_completed_gmt) ?? gmt(payload.date_paid_gmt),
      customerName: fullName(billing.first_name, billing.last_name),
    },
    skus: items.map((i) => str(i.sku) ?? str(i.product_id)).filter((s): s is string => Boolean(s)),
  };
}

/** The product an order invites a review of: its one registered product, if it has exactly one. */
async function productOf(db: Kysely<Tables>, business: string, skus: string[]): Promise<string | undefined> {
  const distinct = [...new Set(skus)];
  if (distinct.length === 0) return undefined;
  const known = await db
    .selectFrom('products')
    .select('id')
    .where('business_id', '=', business)
    .where('id', 'in', distinct.slice(0, 500))
    .execute();
  return known.length === 1 ? known[0]!.id : undefined;
}

const dropEmpty = (order: Json) => Object.fromEntries(Object.entries(order).filter(([, v]) => v !== undefined));

export function hookRoutes(
  ctx: AppContext,
  onOrders: (business: string) => void,
  failureLimit: RateLimitOptions | false = { perMinute: 30 },
): Hono {
  const app = new Hono();
  const { db } = ctx;
  // A platform signs every delivery: a client that keeps sending unsigned or wrongly signed ones
  // (or to businesses that do not exist) is guessing, and is answered 429 before the database is
  // asked again. Signed deliveries never spend this budget.
  const failures =
    failureLimit === false ? undefined : new Budget({ clock: () => ctx.now().getTime(), ...failureLimit });

  /** A refused delivery: counted against its client's budget. */
  const refused = (c: Context, error: Error): Error => {
    failures?.take(clientAddress(c, ctx.trustProxy));
    return error;
  };

  /** The raw body and the business's secret, or 429 / 404 / 401 before anything is parsed. */
  async function signedBody(c: Context): Promise<{ business: string; secret: string | null; raw: Buffer }> {
    const wait = failures?.wait(clientAddress(c, ctx.trustProxy));
    if (wait !== undefined) throw tooManyRequests(wait, 'Too many unsigned or wrongly signed deliveries from here');
    const business = pathId(c, 'business', 'business')!;
    const row = await db
      .selectFrom('businesses')
      .select('webhook_secret')
      .where('id', '=', business.slice(0, 200))
      .executeTakeFirst();
    if (!row) throw refused(c, notFound(`No business "${business.slice(0, 200)}"`));
    return { business, secret: row.webhook_secret, raw: Buffer.from(await c.req.arrayBuffer()) };
  }

  function parse(raw: Buffer): Json {
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalid('The body is not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid('The body must be a JSON object');
    return value as Json;
  }

  async function record(business: string, mapped: MappedOrder): Promise<OrderBatch> {
    const product = await productOf(db, business, mapped.skus);
    const batch = await recordOrders(
      db,
      business,
      [{ row: 1, input: dropEmpty({ ...mapped.order, product }) }],
      ctx.now(),
    );
    if (batch.recorded.length > 0) onOrders(business);
    return batch;
  }

  /**
   * A platform's delivery: 200 for whatever was understood (recorded, repeated, ignored, or
   * rejected with its problems), so the platform neither retries a hopeless order nor disables
   * the webhook for it.
   */
  const platformAnswer = (c: Context, batch: OrderBatch) =>
    c.json(
      {
        accepted: batch.recorded.length,
        duplicates: batch.duplicates.length,
        rejected: batch.problems.length > 0 ? 1 : 0,
        problems: batch.problems,
      },
      200,
      NO_STORE,
    );
  const ignored = (c: Context, reason: string) =>
    c.json({ accepted: 0, duplicates: 0, rejected: 0, problems: [], ignored: reason }, 200, NO_STORE);

  app.post('/v1/hooks/:business/shopify', async (c) => {
    const { business, secret, raw } = await signedBody(c);
    if (!secret || !signatureMatches(secret, raw, c.req.header('x-shopify-hmac-sha256'), 'base64')) {
      throw refused(c, unauthorized('Invalid or missing X-Shopify-Hmac-Sha256'));
    }
    const topic = c.req.header('x-shopify-topic');
    if (topic !== 'orders/fulfilled') return ignored(c, `topic ${topic ?? 'missing'}`);
    const mapped = fromShopify(parse(raw));
    if ('ignored' in mapped) return ignored(c, mapped.ignored);
    return platformAnswer(c, await record(business, mapped));
  });

  app.post('/v1/hooks/:business/woocommerce', async (c) => {
    const { business, secret, raw } = await signedBody(c);
    // Saving a webhook in WooCommerce sends `webhook_id=<id>` to check the URL answers: it is
    // answered, and nothing is stored from it.
    if (/^webhook_id=\d+$/.test(raw.toString('utf8').trim())) return ignored(c, 'ping');
    if (!secret || !signatureMatches(secret, raw, c.req.header('x-wc-webhook-signature'), 'base64')) {
      throw refused(c, unauthorized('Invalid or missing X-WC-Webhook-Signature'));
    }
    const mapped = fromWooCommerce(parse(raw));
    if ('ignored' in mapped) return ignored(c, mapped.ignored);
    return platformAnswer(c, await record(business, mapped));
  });

  app.post('/v1/hooks/:business/orders', async (c) => {
    const { business, secret, raw } = await signedBody(c);
    if (!secret || !verityMatches(secret, raw, c.req.header('verity-signature'), ctx.now())) {
      throw refused(c, unauthorized('Invalid, old or missing Verity-Signature'));
    }
    const payload = parse(raw);
    const batch = await recordOrders(db, business, [{ row: 1, input: payload }], ctx.now());
    throwProblems(batch);
    if (batch.recorded.length > 0) onOrders(business);
    return c.json(
      { accepted: batch.recorded.length, duplicates: batch.duplicates.length, rejected: 0, problems: [] },
      batch.recorded.length > 0 ? 201 : 200,
      NO_STORE,
    );
  });

  return app;
}
