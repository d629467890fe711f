/**
 * JSON in and out: request bodies parsed defensively (a malformed, empty or non-object body is a
 * 400, another content type a 415, never a crash), answers with an ETag so a client or CDN that
 * already has them gets a 304.
 */
import type { Context } from 'hono';
import type { ZodMiniType } from 'zod/mini';
import { validateInput } from '../../src/client/validate.js';
import { ApiError, invalid } from './errors.js';
import type { CachedAnswer } from './cache.js';
import { etagOf } from './cache.js';

/** The body as a JSON object. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new ApiError(415, 'unsupported_media_type', 'The body must be JSON (Content-Type: application/json)');
  }
  const text = await c.req.text();
  if (!text.trim()) throw invalid('The body is empty; a JSON object is expected');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('The body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('The body must be a JSON object');
  }
  return value as Record<string, unknown>;
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
