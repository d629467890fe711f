/**
 * What a request carries besides the fields of its JSON body, checked the same way by the mocks
 * and the reference server: ids in the path, texts in the query, the body's media type, and the
 * shape of the JSON itself. Whatever passes can be handed to a database: no NUL byte, no number out
 * of range, no nesting deep enough to exhaust a stack.
 */
import { CONTROL_CHARACTER, LIMITS } from './schemas.js';
import type { FieldErrors, FieldProblem } from './validate.js';

/**
 * Why a text from the URL (a path id, a query value) cannot be used, or `undefined`. A text with a
 * control character is invalid whatever its length.
 */
export function urlTextProblem(value: string, max: number = LIMITS.idMax): FieldProblem | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'invalid';
  if (value.length > max) return 'too_long';
  return undefined;
}

/**
 * Whether a Content-Type names JSON: `application/json`, optionally with `charset=utf-8` (JSON is
 * UTF-8, RFC 8259). Suffixes such as `application/evil+json` and other charsets are not JSON here.
 */
export function isJsonMediaType(header: string | null | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';');
  if (type!.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value = ''] = parameter.split('=');
    if (name!.trim().toLowerCase() !== 'charset') return true;
    return (
      value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase() === 'utf-8'
    );
  });
}

export type BodyProblem = {
  status: 400 | 415;
  code: 'validation_failed' | 'unsupported_media_type';
  message: string;
  fields?: FieldErrors;
};

/**
 * A request body as a JSON object, or why it is not one: another media type is a 415; malformed,
 * empty, not an object, too deeply nested or with a NUL character is a 400.
 */
export function parseJsonBody(
  contentType: string | null | undefined,
  text: string,
): { value: Record<string, unknown> } | { problem: BodyProblem } {
  const invalid = (message: string, fields?: FieldErrors) => ({
    problem: { status: 400 as const, code: 'validation_failed' as const, message, ...(fields ? { fields } : {}) },
  });
  if (!isJsonMediaType(contentType)) {
    return {
      problem: {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The body must be JSON (Content-Type: application/json)',
      },
    };
  }
  if (!text.trim()) return invalid('The body is empty; a JSON object is expected');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid('The body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid('The body must be a JSON object');
  }
  const fields = jsonShapeProblem(value);
  if (fields) return invalid('The body is nested too deeply or holds a NUL character', fields);
  return { value: value as Record<string, unknown> };
}

/**
 * The origins of a business's own pages (its site, its review form), from which browsers may post
 * to the API by default; what is not a URL names no origin.
 */
export function originsOf(urls: readonly (string | null | undefined)[]): Set<string> {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      if (url) origins.add(new URL(url).origin);
    } catch {
      // Not a URL: no origin to allow.
    }
  }
  return origins;
}

/** Deeper than any request of the API (an import's reply is four levels down). */
export const MAX_JSON_DEPTH = 16;

/**
 * The first place where a parsed JSON body cannot be taken as it is: nested deeper than
 * `MAX_JSON_DEPTH`, or a NUL character in a key or a string (no database stores it). Names the
 * field by its dotted path. Walks without recursion, so no input can overflow the stack.
 */
export function jsonShapeProblem(value: unknown): FieldErrors | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    const field = () => path.join('.') || 'request';
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { [field()]: 'invalid' };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return { [path.slice(0, 1).join('.') || 'request']: 'invalid' };
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\u0000')) return { [field()]: 'invalid' };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * The `products` of a batched summary request (`?products=a,b,…`): SKUs separated by commas, at
 * most `LIMITS.summaryBatchMax` of them, none empty, each a valid URL text; a SKU asked twice is
 * answered once. Why the list cannot be used is a 400 naming `products`. (A SKU that itself
 * holds a comma cannot be asked for this way; the client asks the single summary for it.)
 */
export const PRODUCT_LIST_MESSAGE = `products takes 1 to ${LIMITS.summaryBatchMax} product ids separated by commas`;

export function productList(value: string | null | undefined): { products: string[] } | { problem: FieldProblem } {
  if (!value) return { problem: 'required' };
  const asked = value.split(',');
  if (asked.length > LIMITS.summaryBatchMax) return { problem: 'too_many' };
  for (const sku of asked) {
    if (!sku) return { problem: 'invalid' };
    const problem = urlTextProblem(sku);
    if (problem) return { problem };
  }
  return { products: [...new Set(asked)] };
}
