/**
 * The typed client of the Verity review API (contract v1). It stands alone: an SPA can use it
 * without a single element. Every answer is validated against the contract's schemas and every
 * failure becomes a `VerityApiError`.
 */
import { safeParse } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import { VerityApiError, codeForStatus } from './errors.js';
import { apiErrorSchema, summarySchema } from './schemas.js';
import type { Summary } from './schemas.js';

export interface ClientOptions {
  /** The base URL under which `/v1/…` lives, e.g. `https://reviews.example.com`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, server-side rendering, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds to wait for an answer before failing with `timeout`. Default 10 000. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

export interface SummaryParams {
  business: string;
  /** A product SKU: the product's reviews instead of the shop's. */
  product?: string | undefined;
}

export interface VerityClient {
  readonly baseUrl: string;
  getSummary(params: SummaryParams, options?: RequestOptions): Promise<Summary>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

interface Call {
  method: 'GET' | 'POST';
  path: string;
  query?: URLSearchParams | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
}

/** The page's URL in a browser, to resolve a relative base URL; `undefined` on a server. */
function pageHref(): string | undefined {
  return (globalThis as { location?: { href?: string } }).location?.href;
}

/** Joins the base URL and an API path, keeping any path the base URL has. */
export function apiUrl(baseUrl: string, path: string, query?: URLSearchParams): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(path.replace(/^\//, ''), new URL(base, pageHref()));
  if (query && [...query.keys()].length > 0) url.search = query.toString();
  return url.toString();
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const segment = encodeURIComponent;

export function createClient(options: ClientOptions): VerityClient {
  const baseUrl = options.baseUrl;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<T>(schema: ZodMiniType<T>, req: Call, { signal }: RequestOptions = {}): Promise<T> {
    signal?.throwIfAborted();
    // One controller for the caller's signal and the timeout, so either ends the request.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      let response: Response;
      try {
        const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
        if (req.body !== undefined) headers['content-type'] = 'application/json';
        response = await doFetch(apiUrl(baseUrl, req.path, req.query), {
          method: req.method,
          headers,
          body: req.body === undefined ? null : JSON.stringify(req.body),
          signal: controller.signal,
          // R12: widgets send no cookies and no credentials.
          credentials: 'omit',
        });
      } catch (error) {
        throw failure(error);
      }

      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw failure(error);
      }

      if (!response.ok) throw httpError(response, text);

      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new VerityApiError('invalid_response', `${req.path}: the answer is not JSON`, {
          status: response.status,
          cause: error,
        });
      }
      const parsed = safeParse(schema, json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue ? issuePath(issue.path) : '';
        throw new VerityApiError(
          'invalid_response',
          `${req.path}: the answer does not match contract v1 at "${path || '(root)'}": ${issue?.message ?? 'invalid'}`,
          { status: response.status, path, cause: parsed.error },
        );
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    function failure(error: unknown): unknown {
      if (signal?.aborted) return signal.reason;
      if (timedOut) {
        return new VerityApiError('timeout', `${req.path}: no answer within ${timeoutMs} ms`, { cause: error });
      }
      return new VerityApiError('network', `${req.path}: the review service could not be reached`, {
        cause: error,
      });
    }
  }

  function httpError(response: Response, text: string): VerityApiError {
    let body: ReturnType<typeof safeParse<typeof apiErrorSchema>> | undefined;
    try {
      body = safeParse(apiErrorSchema, JSON.parse(text));
    } catch {
      body = undefined;
    }
    const apiError = body?.success ? body.data.error : undefined;
    const code = codeForStatus(response.status, apiError?.code);
    return new VerityApiError(code, apiError?.message ?? `HTTP ${response.status}`, {
      status: response.status,
      apiCode: apiError?.code,
      fields: apiError?.fields,
      retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  return {
    baseUrl,
    getSummary({ business, product }, requestOptions) {
      const query = new URLSearchParams();
      if (product) query.set('product', product);
      return call(
        summarySchema,
        { method: 'GET', path: `/v1/businesses/${segment(business)}/summary`, query },
        requestOptions,
      );
    },
  };
}
