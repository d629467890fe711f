/**
 * Path ids and single query values, checked before they reach the database with the rules the
 * mocks use too (`src/client/requests.ts`): a control character (a NUL byte, say) is a 400 naming
 * the parameter; an empty or overlong id names nothing, a 404.
 */
import type { Context } from 'hono';
import { urlTextProblem } from '../../src/client/requests.js';
import { LIMITS } from '../../src/client/schemas.js';
import { invalid, notFound } from './errors.js';

export function pathId(c: Context, name: 'business' | 'id', what: string): string {
  const value = c.req.param(name) ?? '';
  const problem = urlTextProblem(value);
  if (problem === 'invalid') throw invalid(`The ${what} id holds a control character`, { [name]: problem });
  if (!value || problem) throw notFound(`No ${what} "${value.slice(0, LIMITS.idMax)}"`);
  return value;
}

/** An optional query value, e.g. the summary's `product`. */
export function queryText(c: Context, name: string, max: number = LIMITS.idMax): string | undefined {
  const value = c.req.query(name) || undefined;
  const problem = value === undefined ? undefined : urlTextProblem(value, max);
  if (problem) throw invalid(`Invalid ${name}`, { [name]: problem });
  return value;
}
