/**
 * Orders in (SPEC §7): one path for every way an order arrives — the admin API one at a time, a
 * CSV file of many, and the shop platforms' webhooks. Each order is checked with the contract's
 * schema, recorded once (a repeated order ref changes nothing), counted toward R9's "orders
 * recorded", and its invitation is scheduled in the same transaction (R13: every order is
 * invited, once), so no order is ever recorded without its invitation.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import {
  ORDER_CSV_COLUMNS,
  ORDER_CSV_EXTRA_COLUMNS,
  ORDER_CSV_REQUIRED_COLUMNS,
  orderInputSchema,
} from '../../src/contract/admin.js';
import type { Order, OrderBatchResult, OrderInput } from '../../src/contract/admin.js';
import { validateInput } from '../../src/client/validate.js';
import type { FieldErrors } from '../../src/client/validate.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { addToCounter } from './counters.js';
import { newInvitation } from './invitations.js';
import type { Tables } from './schema.js';

const DAY = 24 * 60 * 60 * 1000;
/** Rows per statement. */
const CHUNK = 5000;

/** A row that was left out: its line (or index), the field and a problem code. */
export interface OrderProblem {
  row: number;
  field: string;
  code: string;
}

export interface OrderCandidate {
  /** Where the order came from, for its problems: a CSV line, an index. */
  row: number;
  input: unknown;
}

export interface RecordedOrder {
  orderRef: string;
  product: string | null;
  purchasedAt: Date;
  fulfilledAt: Date | null;
  customerName: string | null;
  locale: string | null;
  dueAt: Date;
}

export interface OrderBatch {
  recorded: RecordedOrder[];
  /** Order refs recorded before (or twice in this batch). */
  duplicates: string[];
  problems: OrderProblem[];
}

/** A moment or a day (`2026-05-01` is midnight UTC). */
export function orderMoment(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/**
 * Checks and records orders of one business at `now`. Invalid rows are left out and named in
 * `problems`; the others are recorded in one transaction with their invitations.
 */
export async function recordOrders(
  db: Kysely<Tables>,
  business: string,
  candidates: readonly OrderCandidate[],
  now: Date,
): Promise<OrderBatch> {
  const problems: OrderProblem[] = [];
  const valid: { row: number; order: OrderInput }[] = [];
  const latest = now.getTime() + DAY;
  for (const { row, input } of candidates) {
    const result = validateInput(orderInputSchema, input);
    if (!result.success) {
      for (const [field, code] of Object.entries(result.fields)) problems.push({ row, field, code: code! });
      continue;
    }
    const order = result.data;
    let ok = true;
    for (const field of ['purchasedAt', 'fulfilledAt'] as const) {
      const value = order[field];
      if (value && orderMoment(value).getTime() > latest) {
        problems.push({ row, field, code: 'future' });
        ok = false;
      }
    }
    if (ok) valid.push({ row, order });
  }

  return db.transaction().execute(async (trx) => {
    const shop = await trx
      .selectFrom('businesses')
      .select(['id', 'invitation_delay_days', 'expires_after_days'])
      .where('id', '=', business)
      .executeTakeFirst();
    if (!shop) throw notFound(`No business "${business}"`);

    const skus = [...new Set(valid.map((v) => v.order.product).filter((p): p is string => Boolean(p)))];
    const known = new Set<string>();
    for (let i = 0; i < skus.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('products')
        .select('id')
        .where('business_id', '=', business)
        .where('id', 'in', skus.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) known.add(r.id);
    }

    // The first of two rows with one order ref is the order; the second is a duplicate.
    const orders = new Map<string, OrderInput>();
    const duplicates: string[] = [];
    for (const { row, order } of valid) {
      if (order.product && !known.has(order.product)) {
        problems.push({ row, field: 'product', code: 'unknown_product' });
      } else if (orders.has(order.orderRef)) {
        duplicates.push(order.orderRef);
      } else {
        orders.set(order.orderRef, order);
      }
    }

    const delay = shop.invitation_delay_days * DAY;
    const recorded: RecordedOrder[] = [];
    const all = [...orders.values()];
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      // Columns as arrays through unnest(): nine parameters for any number of rows, instead of
      // nine per row, which is most of the cost of a big CSV on PGlite.
      const { rows: inserted } = await sql<{ order_ref: string }>`
        INSERT INTO orders (business_id, order_ref, email, product_id, purchased_at, fulfilled_at, customer_name, locale, created_at)
        SELECT ${business}, r.*, ${now}::timestamptz
        FROM unnest(
          ${chunk.map((o) => o.orderRef)}::text[],
          ${chunk.map((o) => o.email)}::text[],
          ${chunk.map((o) => o.product ?? null)}::text[],
          ${chunk.map((o) => orderMoment(o.purchasedAt).toISOString())}::timestamptz[],
          ${chunk.map((o) => (o.fulfilledAt ? orderMoment(o.fulfilledAt).toISOString() : null))}::timestamptz[],
          ${chunk.map((o) => o.customerName ?? null)}::text[],
          ${chunk.map((o) => o.locale ?? null)}::text[]
        ) AS r
        ON CONFLICT (business_id, order_ref) DO NOTHING
        RETURNING order_ref`.execute(trx);
      const fresh = new Set(inserted.map((r) => r.order_ref));
      const invitations = [];
      for (const o of chunk) {
        if (!fresh.has(o.orderRef)) {
          duplicates.push(o.orderRef);
          continue;
        }
        const purchasedAt = orderMoment(o.purchasedAt);
        const fulfilledAt = o.fulfilledAt ? orderMoment(o.fulfilledAt) : null;
        const dueAt = new Date((fulfilledAt ?? purchasedAt).getTime() + delay);
        recorded.push({
          orderRef: o.orderRef,
          product: o.product ?? null,
          purchasedAt,
          fulfilledAt,
          customerName: o.customerName ?? null,
          locale: o.locale ?? null,
          dueAt,
        });
        invitations.push(
          newInvitation({
            business,
            orderRef: o.orderRef,
            product: o.product ?? null,
            dueAt,
            expiresAfterDays: shop.expires_after_days,
            now,
          }),
        );
      }
      if (invitations.length > 0) {
        const at = (d: unknown) => (d instanceof Date ? d.toISOString() : (d as string));
        await sql`
          INSERT INTO invitations (business_id, created_at, status, next_step, token_hash, token, opt_out_hash, order_ref, product_id, due_at, expires_at)
          SELECT ${business}, ${now}::timestamptz, 'scheduled', 'send', r.*
          FROM unnest(
            ${invitations.map((i) => i.token_hash)}::text[],
            ${invitations.map((i) => i.token)}::text[],
            ${invitations.map((i) => i.opt_out_hash)}::text[],
            ${invitations.map((i) => i.order_ref)}::text[],
            ${invitations.map((i) => i.product_id ?? null)}::text[],
            ${invitations.map((i) => at(i.due_at))}::timestamptz[],
            ${invitations.map((i) => at(i.expires_at))}::timestamptz[]
          ) AS r`.execute(trx);
        await addToCounter(trx, business, 'orders_recorded', invitations.length);
      }
    }
    problems.sort((a, b) => a.row - b.row);
    return { recorded, duplicates, problems };
  });
}

/** A 400 naming each field of a single order's problems, if it has any. */
export function throwProblems(batch: OrderBatch): void {
  if (batch.problems.length === 0) return;
  const fields = Object.fromEntries(batch.problems.map((p) => [p.field, p.code])) as FieldErrors;
  throw invalid(fields.product === 'unknown_product' ? 'Unknown product' : 'The order has invalid fields', fields);
}

/** One order from the admin API: 201 with it, 409 when its ref was recorded before, 400 for a problem. */
export async function recordOrder(db: Kysely<Tables>, business: string, input: unknown, now: Date): Promise<Order> {
  const batch = await recordOrders(db, business, [{ row: 1, input }], now);
  throwProblems(batch);
  const order = batch.recorded[0];
  if (!order) throw new ApiError(409, 'conflict', `Order "${batch.duplicates[0]}" is already recorded`);
  return toOrder(order);
}

export function toOrder(order: RecordedOrder): Order {
  return {
    orderRef: order.orderRef,
    product: order.product,
    purchasedAt: order.purchasedAt.toISOString(),
    invited: false,
    customerName: order.customerName,
    locale: order.locale,
    fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
    invitation: { status: 'scheduled', dueAt: order.dueAt.toISOString() },
  };
}

/** Orders of a CSV are recorded in transactions of this many rows while the file streams in. */
const CSV_BATCH = 5000;
const MAX_LISTED_PROBLEMS = 1000;

/**
 * A CSV of orders (header row `orderRef,email,purchasedAt,product,customerName,locale`, in any
 * order, names in any case; `fulfilledAt` may be added; the optional columns may be left out).
 * A broken header stores nothing (400). The rows stream through csv-parse in batches, so a file
 * of 100,000 orders never sits in memory whole; a row with a problem is left out and named. A
 * record that cannot be read (a quote never closed) is named too. A file cut off in the middle
 * keeps the batches before the cut: uploading it again changes
 * nothing for those (orders are idempotent on their ref).
 */
export async function importOrdersCsv(
  db: Kysely<Tables>,
  business: string,
  body: AsyncIterable<Uint8Array | string>,
  now: () => Date,
): Promise<OrderBatchResult> {
  if (!(await db.selectFrom('businesses').select('id').where('id', '=', business).executeTakeFirst())) {
    throw notFound(`No business "${business}"`);
  }
  // A malformed record (a quote never closed) is skipped and named, not the end of the file.
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
  });
  const source = Readable.from(body);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  const result: OrderBatchResult = { accepted: 0, duplicates: 0, rejected: 0, problems: [] };
  const problem = (p: OrderProblem) => {
    result.rejected += 1;
    if (result.problems.length < MAX_LISTED_PROBLEMS) result.problems.push(p);
  };
  parser.on('skip', (error: CsvError & { lines?: number }) =>
    problem({ row: error.lines ?? 0, field: 'row', code: 'malformed' }),
  );
  let columns: string[] | undefined;
  let batch: OrderCandidate[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const done = await recordOrders(db, business, batch, now());
    batch = [];
    result.accepted += done.recorded.length;
    result.duplicates += done.duplicates.length;
    const rows = new Set<number>();
    for (const p of done.problems) {
      if (result.problems.length < MAX_LISTED_PROBLEMS) result.problems.push(p);
      rows.add(p.row);
    }
    result.rejected += rows.size;
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!columns) {
      columns = readHeader(record);
      continue;
    }
    if (record.length !== columns.length) {
      problem({
        row: info.lines,
        field: 'row',
        code: record.length > columns.length ? 'too_many_columns' : 'too_few_columns',
      });
      continue;
    }
    const input: Record<string, string> = {};
    record.forEach((value, i) => {
      if (value !== '') input[columns![i]!] = value;
    });
    batch.push({ row: info.lines, input });
    if (batch.length >= CSV_BATCH) await flush();
  }
  if (!columns) throw invalid('The CSV is empty: a header row is expected', { header: 'required' });
  await flush();
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}

const CSV_COLUMNS: readonly string[] = [...ORDER_CSV_COLUMNS, ...ORDER_CSV_EXTRA_COLUMNS];

/** The header's column names as the schema spells them, or a 400 that names every problem. */
function readHeader(record: string[]): string[] {
  const fields: FieldErrors = {};
  const columns = record.map((name) => CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name);
  columns.forEach((name, i) => {
    if (!CSV_COLUMNS.includes(name)) fields[`header.${name || i + 1}`] = 'invalid';
    else if (columns.indexOf(name) !== i) fields[`header.${name}`] = 'invalid';
  });
  for (const required of ORDER_CSV_REQUIRED_COLUMNS) {
    if (!columns.includes(required)) fields[`header.${required}`] = 'required';
  }
  if (Object.keys(fields).length > 0) {
    throw invalid(`The header row must name the columns ${ORDER_CSV_COLUMNS.join(',')}`, fields);
  }
  return columns;
}
