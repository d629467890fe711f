/**
 * The list endpoint's query string, checked as contract v1 defines it and answered with the same
 * field problem codes as the mocks. The typed result is then checked once more with the contract's
 * own `listQuerySchema`.
 */
import { safeParse } from 'zod/mini';
import { LIMITS, SORTS, listQuerySchema } from '../../src/client/schemas.js';
import type { Sort } from '../../src/client/schemas.js';
import type { FieldErrors } from '../../src/client/validate.js';
import { decodeCursor } from '../db/cursor.js';
import type { CursorValue } from '../db/cursor.js';

export interface ListParams {
  product: string | undefined;
  sort: Sort;
  rating: number[] | undefined;
  verified: boolean;
  language: string | undefined;
  q: string | undefined;
  after: CursorValue[] | undefined;
  limit: number;
}

export function parseListQuery(
  params: URLSearchParams,
  sorts: readonly Sort[] = SORTS,
): { params: ListParams } | { fields: FieldErrors } {
  const fields: FieldErrors = {};
  const sortParam = params.get('sort') ?? 'newest';
  const sort = (sorts as readonly string[]).includes(sortParam) ? (sortParam as Sort) : undefined;
  if (!sort) fields.sort = 'invalid';
  const ratingParam = params.get('rating');
  const rating = ratingParam ? ratingParam.split(',').map((r) => Number(r.trim())) : undefined;
  if (rating?.some((r) => !Number.isInteger(r) || r < 1 || r > 5)) fields.rating = 'invalid';
  const verifiedParam = params.get('verified');
  if (verifiedParam !== null && verifiedParam !== 'true' && verifiedParam !== 'false') fields.verified = 'invalid';
  const limitParam = params.get('limit');
  const limit = limitParam === null ? LIMITS.pageSizeDefault : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1) fields.limit = 'invalid';
  else if (limit > LIMITS.pageSizeMax) fields.limit = 'too_long';
  const q = params.get('q') ?? undefined;
  if (q && q.length > LIMITS.queryMax) fields.q = 'too_long';
  const language = params.get('language') || undefined;
  if (language && language.length > 35) fields.language = 'too_long';
  const product = params.get('product') || undefined;
  if (product && product.length > 200) fields.product = 'too_long';
  const cursor = params.get('cursor') || undefined;
  const after = cursor && sort ? decodeCursor(sort, cursor) : undefined;
  if (cursor && !after) fields.cursor = 'invalid';
  if (Object.keys(fields).length > 0 || !sort) return { fields };

  const typed = { product, sort, rating, verified: verifiedParam === 'true', language, q, cursor, limit };
  if (!safeParse(listQuerySchema, typed).success) return { fields: { query: 'invalid' } };
  return { params: { product, sort, rating, verified: typed.verified, language, q, after, limit } };
}

/** The same query, with parameters in one order: one cache entry for equivalent URLs. */
export function canonicalQuery(params: ListParams, cursor: string | undefined): string {
  return JSON.stringify([
    params.product ?? '',
    params.sort,
    params.rating ? [...new Set(params.rating)].sort() : [],
    params.verified,
    params.language?.toLowerCase() ?? '',
    params.q?.trim() ?? '',
    cursor ?? '',
    params.limit,
  ]);
}
