/**
 * Every failure of the client is one `VerityApiError`: a widget or an SPA switches on `code`
 * and never has to tell a `TypeError` from a `SyntaxError` from an HTTP status.
 */
export const CLIENT_ERROR_CODES = [
  /** The request never got an answer: offline, DNS, CORS, connection reset. */
  'network',
  /** No answer within the client's `timeoutMs`. */
  'timeout',
  /** An HTTP error status with no more specific code below. */
  'http',
  /** The answer was not JSON or not of contract v1's shape; `path` names the field. */
  'invalid_response',
  /** 400: the API rejected the input; `fields` maps field names to messages. */
  'validation_failed',
  /** 429: too many requests; `retryAfter` says how many seconds to wait. */
  'rate_limited',
  /** 409: the idempotency key was used before with another body. */
  'idempotency_conflict',
  /** 404: no such business or review. */
  'not_found',
  /** 422: a "not genuine" report on a review older than 12 months (R10). */
  'report_window_closed',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export interface VerityApiErrorOptions {
  status?: number | undefined;
  apiCode?: string | undefined;
  fields?: Record<string, string> | undefined;
  path?: string | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

export class VerityApiError extends Error {
  override readonly name = 'VerityApiError';
  /** What went wrong, in the client's terms. */
  readonly code: ClientErrorCode;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** The `error.code` the API sent, when it sent one. */
  readonly apiCode: string | undefined;
  /** Per-field messages of a `validation_failed` answer. */
  readonly fields: Record<string, string> | undefined;
  /** For `invalid_response`: the path of the first field that did not match, e.g. `rating.average`. */
  readonly path: string | undefined;
  /** For `rate_limited`: seconds to wait before trying again. */
  readonly retryAfter: number | undefined;

  constructor(code: ClientErrorCode, message: string, options: VerityApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.apiCode = options.apiCode;
    this.fields = options.fields;
    this.path = options.path;
    this.retryAfter = options.retryAfter;
  }
}

export function isVerityApiError(value: unknown): value is VerityApiError {
  return value instanceof VerityApiError;
}

const STATUS_CODES: Record<string, ClientErrorCode> = {
  validation_failed: 'validation_failed',
  rate_limited: 'rate_limited',
  idempotency_conflict: 'idempotency_conflict',
  not_found: 'not_found',
  report_window_closed: 'report_window_closed',
};

/** Maps an HTTP error answer to the client's code: the API's own code first, then the status. */
export function codeForStatus(status: number, apiCode: string | undefined): ClientErrorCode {
  const fromApi = apiCode ? STATUS_CODES[apiCode] : undefined;
  if (fromApi) return fromApi;
  switch (status) {
    case 400:
      return 'validation_failed';
    case 404:
      return 'not_found';
    case 409:
      return 'idempotency_conflict';
    case 429:
      return 'rate_limited';
    default:
      return 'http';
  }
}
