/**
 * The list endpoint's query string, checked as contract v1 defines it, with the field problem
 * codes every implementation answers. The mocks and the reference server both parse with this;
 * each only says which cursors it issued.
 */
import { safeParse } from 'zod/mini';
import { urlTextProblem } from './requests.js';
import { LANGUAGE_TAG, LIMITS, SORTS, listQuerySchema } from './schemas.js';
import type { ListQuery, Sort } from './schemas.js';
import type { FieldErrors } from './validate.js';

export interface ParsedListQuery extends ListQuery {
  sort: Sort;
  verified: boolean;
  limit: number;
}

export interface ListQueryOptions {
  /** The sorts this list allows (all of contract v1's by default). */
  sorts?: readonly Sort[];
  /** Whether a cursor is one this implementation issued for that sort. */
  isCursor: (cursor: string, sort: Sort) => boolean;
}

export function parseListQuery(
  params: URLSearchParams,
  { sorts = SORTS, isCursor }: ListQueryOptions,
): { query: ParsedListQuery } | { fields: FieldErrors } {
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
  const text = (name: 'q' | 'language' | 'product' | 'cursor', max: number) => {
    const value = params.get(name) || undefined;
    const problem = value === undefined ? undefined : urlTextProblem(value, max);
    if (problem) fields[name] = problem;
    return problem ? undefined : value;
  };
  const q = text('q', LIMITS.queryMax);
  const language = text('language', LIMITS.languageMax);
  if (language && !LANGUAGE_TAG.test(language)) fields.language = 'invalid';
  const product = text('product', LIMITS.idMax);
  const cursor = text('cursor', 2000);
  if (cursor && (!sort || !isCursor(cursor, sort))) fields.cursor = 'invalid';
  if (Object.keys(fields).length > 0 || !sort) return { fields };

  const query: ParsedListQuery = {
    product,
    sort,
    rating,
    verified: verifiedParam === 'true',
    language,
    q,
    cursor,
    limit,
  };
  if (!safeParse(listQuerySchema, query).success) return { fields: { query: 'invalid' } };
  return { query };
}
