/**
 * The one error shape of the API, `{"error": {"code", "message", "fields"?}}`. Handlers throw an
 * `ApiError`; the app's error handler turns it (and anything unexpected) into that envelope, so
 * no failure ever reaches a client as HTML, a stack trace or a dropped connection.
 */
import type { FieldErrors } from '../../src/client/validate.js';

export type ApiErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'idempotency_conflict'
  | 'rate_limited'
  | 'report_window_closed'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'origin_not_allowed'
  | 'conflict'
  | 'verified_by_invitation'
  | 'no_address'
  | 'internal';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: ApiErrorCode, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } };
}

export const invalid = (message: string, fields?: FieldErrors) =>
  new ApiError(400, 'validation_failed', message, fields);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

/** Control characters shown as `\u…` escapes: nothing a client sent can break a log line. */
const printable = (text: string) =>
  text.replace(/\p{Cc}/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * An unexpected error as one log line: the request, the error's name, message and code (a
 * PostgreSQL SQLSTATE), and where it was thrown. A stack trace per request would let anyone who can
 * cause an error fill the log forty lines at a time.
 */
export function logLine(error: unknown, method: string, path: string): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  // The first frame after the message (which may itself hold line breaks).
  const header = `${err.name}: ${err.message}`;
  const frames = err.stack?.startsWith(header) ? err.stack.slice(header.length) : err.stack;
  const where = frames
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim();
  const line = [
    `${method} ${path}: ${err.name}: ${err.message}`,
    typeof code === 'string' || typeof code === 'number' ? ` (code ${code})` : '',
    where ? ` ${where}` : '',
  ].join('');
  return printable(line).slice(0, 1000);
}
