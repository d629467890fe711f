/**
 * The list endpoint's query string: the contract's checks (shared with the mocks), then the
 * server's keyset cursor decoded for the chosen sort.
 */
import { parseListQuery as parseContractQuery } from '../../src/client/list-query.js';
import { SORTS } from '../../src/client/schemas.js';
import type { Sort } from '../../src/client/schemas.js';
import type { FieldErrors } from '../../src/client/validate.js';
import { searchWords } from '../../src/rules/search.js';
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
  const parsed = parseContractQuery(params, {
    sorts,
    isCursor: (cursor, sort) => decodeCursor(sort, cursor) !== undefined,
  });
  if ('fields' in parsed) return parsed;
  const { query } = parsed;
  const after = query.cursor ? decodeCursor(query.sort, query.cursor) : undefined;
  return {
    params: {
      product: query.product,
      sort: query.sort,
      rating: query.rating,
      verified: query.verified,
      language: query.language,
      q: query.q,
      after,
      limit: query.limit,
    },
  };
}

/** The same query, with parameters in one order: one cache entry for equivalent URLs. */
export function canonicalQuery(params: ListParams, cursor: string | undefined): string {
  return JSON.stringify([
    params.product ?? '',
    params.sort,
    params.rating ? [...new Set(params.rating)].sort() : [],
    params.verified,
    params.language?.toLowerCase() ?? '',
    // The words searched for: "Espresso " and "espresso" are one query.
    searchWords(params.q) ?? '',
    cursor ?? '',
    params.limit,
  ]);
}
