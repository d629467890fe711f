/**
 * JSON in and out: request bodies parsed defensively (a malformed, empty, non-object, too deeply
 * nested body or one with a NUL character is a 400, another content type a 415, never a crash),
 * answers with an ETag so a client or CDN that already has them gets a 304.
 */
import type { Context } from 'hono';
import type { ZodMiniType } from 'zod/mini';
import { parseJsonBody } from '../../src/client/requests.js';
import { validateInput } from '../../src/client/validate.js';
import { ApiError, invalid } from './errors.js';
import type { CachedAnswer } from './cache.js';
import { etagOf } from './cache.js';

/** The body as a JSON object. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const parsed = parseJsonBody(c.req.header('content-type'), await c.req.text());
  if ('value' in parsed) return parsed.value;
  const { status, code, message, fields } = parsed.problem;
  throw new ApiError(status, code, message, fields);
}

/** Whether an If-None-Match header names this tag (weak comparison, as for GETs). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

export function answerFor(body: unknown): CachedAnswer {
  const text = JSON.stringify(body);
  return { body: text, etag: etagOf(text) };
}

/** A cacheable GET answer: 304 when the client has it, else the JSON. */
export function sendCacheable(c: Context, answer: CachedAnswer, cacheControl: string): Response {
  const headers = { etag: answer.etag, 'cache-control': cacheControl };
  if (matchesEtag(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304, headers);
  return c.body(answer.body, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
}

/** The body as a JSON object that passes `schema`, or a 400 with a problem code per field. */
export async function readBody<T>(c: Context, schema: ZodMiniType<T>): Promise<T> {
  const result = validateInput(schema, await readJsonObject(c));
  if (!result.success) throw invalid('The request has invalid fields', result.fields);
  return result.data;
}
