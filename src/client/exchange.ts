/**
 * One HTTP exchange with the review API: fetch with a timeout and the caller's signal, then an
 * answer checked against a schema. Every failure becomes a `VerityApiError`. The widgets' client
 * and the dashboard's client both send through this; they differ only in what they send (the
 * widgets never send cookies, the dashboard sends its session cookie).
 */
import { parser } from './check.js';
import { apiErrorCheck } from './contract-checks.js';
import { VerityApiError, codeForStatus } from './errors.js';

/**
 * Checks an answer against the contract: the generated checks (`parser(summaryCheck)`) in the
 * widgets' client, a zod schema in the dashboard's. The first issue names the field in errors.
 */
export type ParseAnswer<T> = (
  value: unknown,
) =>
  { success: true; data: T } | { success: false; issues: readonly { path: readonly PropertyKey[]; message: string }[] };

const parseApiError = parser(apiErrorCheck);

export interface ExchangeRequest {
  fetch: typeof fetch;
  /** The absolute URL. */
  url: string;
  /** The API path, for error messages. */
  path: string;
  method: string;
  headers: Record<string, string>;
  body: RequestInit['body'];
  credentials: RequestInit['credentials'];
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The error of a non-2xx answer, with the API's own code, message and fields when it sent them. */
export function httpError(response: Response, text: string): VerityApiError {
  let apiError: { code: string; message: string; fields?: Record<string, string> | undefined } | undefined;
  try {
    const body = parseApiError(JSON.parse(text));
    if (body.success) apiError = body.data.error;
  } catch {
    apiError = undefined;
  }
  const code = codeForStatus(response.status, apiError?.code);
  return new VerityApiError(code, apiError?.message ?? `HTTP ${response.status}`, {
    status: response.status,
    apiCode: apiError?.code,
    fields: apiError?.fields,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** Sends one request; resolves with the answer checked by `parse` (`undefined` when `parse` is null). */
export async function exchange<T>(parse: ParseAnswer<T> | null, req: ExchangeRequest): Promise<T> {
  const { signal } = req;
  signal?.throwIfAborted();
  // One controller for the caller's signal and the timeout, so either ends the request.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason;
    if (timedOut) {
      return new VerityApiError('timeout', `${req.path}: no answer within ${req.timeoutMs} ms`, { cause: error });
    }
    return new VerityApiError('network', `${req.path}: the review service could not be reached`, { cause: error });
  };

  try {
    let response: Response;
    let text: string;
    try {
      response = await req.fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: controller.signal,
        credentials: req.credentials,
      });
      text = await response.text();
    } catch (error) {
      throw failure(error);
    }

    if (!response.ok) throw httpError(response, text);
    if (parse === null) return undefined as T;

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new VerityApiError('invalid_response', `${req.path}: the answer is not JSON`, {
        status: response.status,
        cause: error,
      });
    }
    const parsed = parse(json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue ? issue.path.map(String).join('.') : '';
      throw new VerityApiError(
        'invalid_response',
        `${req.path}: the answer does not match the contract at "${path || '(root)'}": ${issue?.message ?? 'invalid'}`,
        { status: response.status, path, cause: parsed.issues },
      );
    }
    return parsed.data;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
