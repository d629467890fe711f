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
  | 'conflict'
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
