/**
 * Keyset paging: a cursor holds the sort key of the last review on a page, and the next page
 * starts strictly after it. Unlike an offset, the cost of a page does not grow with its depth,
 * and a review published meanwhile does not shift every later page by one.
 */
import type { Sort } from '../../src/client/schemas.js';

export type SortColumn = 'created_at' | 'rating' | 'helpful_count' | 'id';
export interface SortKey {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

/** Each sort ends with the id, so the order is total and a cursor names one position. */
export const SORT_KEYS: Record<Sort, SortKey[]> = {
  newest: [
    { column: 'created_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
  oldest: [
    { column: 'created_at', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ],
  highest: [
    { column: 'rating', direction: 'desc' },
    { column: 'created_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
  lowest: [
    { column: 'rating', direction: 'asc' },
    { column: 'created_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
  helpful: [
    { column: 'helpful_count', direction: 'desc' },
    { column: 'created_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ],
};

export type CursorValue = Date | number | string;

export interface SortableRow {
  created_at: Date;
  rating: number;
  helpful_count: number;
  id: string;
}

export function encodeCursor(sort: Sort, row: SortableRow): string {
  const values = SORT_KEYS[sort].map(({ column }) =>
    column === 'created_at' ? row.created_at.toISOString() : row[column],
  );
  return Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');
}

/**
 * What a cursor's values may be: what the columns hold (a rating 1 to 5, a count within PostgreSQL's
 * `integer`, a moment from 1970 to 9999), so no cursor, however made, sends the database a value
 * it cannot compare.
 */
const RANGES = {
  rating: [1, 5],
  helpful_count: [0, 2_147_483_647],
} as const;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const CONTROL = /\p{Cc}/u;

/** The position a cursor names, or `undefined` when it is not one of ours or of another sort. */
export function decodeCursor(sort: Sort, cursor: string): CursorValue[] | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { s, k } = parsed as { s?: unknown; k?: unknown };
  const keys = SORT_KEYS[sort];
  if (s !== sort || !Array.isArray(k) || k.length !== keys.length) return undefined;
  const values: CursorValue[] = [];
  for (const [i, { column }] of keys.entries()) {
    const value: unknown = k[i];
    if (column === 'created_at') {
      const time = typeof value === 'string' ? Date.parse(value) : NaN;
      if (!(time >= 0 && time <= LATEST)) return undefined;
      values.push(new Date(time));
    } else if (column === 'id') {
      if (typeof value !== 'string' || value.length === 0 || value.length > 200 || CONTROL.test(value))
        return undefined;
      values.push(value);
    } else {
      const [min, max] = RANGES[column];
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) return undefined;
      values.push(value as number);
    }
  }
  return values;
}
