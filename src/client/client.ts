/**
 * The typed client of the Verity review API (contract v1). It stands alone: an SPA can use it
 * without a single element, in a browser or on a server. Every answer is validated against the
 * contract's schemas and every failure becomes a `VerityApiError`.
 *
 * One client serves every widget of a page: identical GETs in flight are sent once, answers are
 * kept for a short while (60 s by default), and a review already loaded in a list page answers
 * `getReview` without a request. The product summaries asked for in one task (a category page's
 * badges) go out as one batched request per business. GETs, and POSTs that carry an idempotency key, are retried on
 * network errors, 5xx and 429 with capped exponential backoff and jitter, honouring Retry-After.
 */
import { parser } from './check.js';
import {
  helpfulResultCheck,
  reviewCheck,
  reviewPageCheck,
  submitResultCheck,
  summaryBatchCheck,
  summaryCheck,
} from './contract-checks.js';
import { VerityApiError } from './errors.js';
import { exchange } from './exchange.js';
import type { ParseAnswer } from './exchange.js';
import { LIMITS } from './limits.js';
import type {
  HelpfulResult,
  ListQuery,
  ReportInput,
  Review,
  ReviewInput,
  ReviewPage,
  SubmitResult,
  Summary,
} from './schemas.js';

export interface RetryOptions {
  /** Attempts after the first one. Default 2. */
  retries: number;
  /** The first backoff delay; it doubles with each attempt. Default 300 ms. */
  baseDelayMs: number;
  /** The longest backoff delay. Default 4 000 ms. */
  maxDelayMs: number;
  /** A 429 asking to wait longer than this is not retried but reported as `rate_limited`. Default 10 000 ms. */
  maxRetryAfterMs: number;
}

export interface ClientOptions {
  /** The base URL under which `/v1/…` lives, e.g. `https://reviews.example.com`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, server-side rendering, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds to wait for an answer before failing with `timeout`. Default 10 000. */
  timeoutMs?: number;
  /** How long answers to GETs are reused. Default 60 000 ms; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** Retry policy, or `false` for no retries. */
  retry?: Partial<RetryOptions> | false;
  /** Waits before a retry; tests pass a fake clock. Rejects with the signal's reason on abort. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Randomness for the backoff jitter (0 ≤ x < 1). */
  random?: () => number;
  /** The clock of the cache, in milliseconds. */
  now?: () => number;
  /**
   * Sends the product summaries asked for in one task as one request per business
   * (`/summaries?products=…`). Default `true`; `false` asks each summary on its own.
   */
  batchSummaries?: boolean;
}

export interface RequestOptions {
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** `no-cache` skips the cached answer (the new answer is cached). */
  cache?: 'default' | 'no-cache' | undefined;
}

export interface SubmitOptions extends RequestOptions {
  /**
   * Makes retries safe: the API creates one review per key however often it is sent. Keep one
   * key per draft; a new random key is used when none is given.
   */
  idempotencyKey?: string | undefined;
}

export interface SummaryParams {
  business: string;
  /** A product SKU: the product's reviews instead of the shop's. */
  product?: string | undefined;
}

export interface ListParams extends ListQuery {
  business: string;
}

export interface VerityClient {
  readonly baseUrl: string;
  getSummary(params: SummaryParams, options?: RequestOptions): Promise<Summary>;
  listReviews(params: ListParams, options?: RequestOptions): Promise<ReviewPage>;
  getReview(id: string, options?: RequestOptions): Promise<Review>;
  submitReview(business: string, input: ReviewInput, options?: SubmitOptions): Promise<SubmitResult>;
  voteHelpful(id: string, options?: RequestOptions): Promise<HelpfulResult>;
  reportReview(id: string, report: ReportInput, options?: RequestOptions): Promise<void>;
  /** Forgets every cached answer. */
  clearCache(): void;
  /**
   * Caches answers a server already fetched (`verity-reviews/ssr` embeds them beside the
   * widgets it renders), so a widget's first load makes no request. Each is validated like an
   * answer; what does not match the contract is ignored.
   */
  prime?(data: Prefetched): void;
}

/** Answers fetched ahead, by what was asked. */
export interface Prefetched {
  summaries?: { business: string; product?: string | undefined; summary: unknown }[];
  pages?: { params: ListParams; page: unknown }[];
  reviews?: unknown[];
}

// The answers are checked by the checks generated from the contract's schemas (contract-checks.ts):
// the same rules as the zod schemas, without zod in a shop's page.
const summaryAnswer = parser(summaryCheck);
const summaryBatchAnswer = parser(summaryBatchCheck);
const reviewAnswer = parser(reviewCheck);
const reviewPageAnswer = parser(reviewPageCheck);
const submitAnswer = parser(submitResultCheck);
const helpfulAnswer = parser(helpfulResultCheck);

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CACHE_TTL_MS = 60_000;
export const DEFAULT_RETRY: RetryOptions = { retries: 2, baseDelayMs: 300, maxDelayMs: 4000, maxRetryAfterMs: 10_000 };

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

/** A random UUID v4, also on plain-http pages where `crypto.randomUUID` is not available. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const segment = encodeURIComponent;

function listQuery(params: ListParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.product) query.set('product', params.product);
  if (params.sort) query.set('sort', params.sort);
  if (params.rating && params.rating.length > 0) query.set('rating', [...params.rating].sort().join(','));
  if (params.verified) query.set('verified', 'true');
  if (params.language) query.set('language', params.language);
  if (params.q) query.set('q', params.q);
  if (params.cursor) query.set('cursor', params.cursor);
  if (params.limit !== undefined) query.set('limit', String(params.limit));
  return query;
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

/** A product summary waiting for its task's batch. */
interface QueuedSummary {
  product: string;
  key: string;
  flight: Flight<Summary>;
  resolve: (summary: Summary) => void;
  reject: (error: unknown) => void;
}

/**
 * Statuses that say the batch route itself was not understood (an API older than it), after which
 * each product asks the single summary: a 5xx, a timeout or a network failure is not retried
 * that way, so a struggling API is not sent forty requests instead of one.
 */
const BATCH_NOT_UNDERSTOOD = new Set([400, 404, 405, 501]);

export function createClient(options: ClientOptions): VerityClient {
  const baseUrl = options.baseUrl;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const retry: RetryOptions | undefined = options.retry === false ? undefined : { ...DEFAULT_RETRY, ...options.retry };
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let batchSummaries = options.batchSummaries ?? true;

  const cache = new Map<string, { value: unknown; expires: number }>();
  const flights = new Map<string, Flight<unknown>>();
  const reviews = new Map<string, { review: Review; expires: number }>();

  /** One attempt: fetch with a timeout, then validate. */
  function send<T>(parse: ParseAnswer<T> | null, req: Call, signal: AbortSignal | undefined): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    return exchange(parse, {
      fetch: doFetch,
      url: apiUrl(baseUrl, req.path, req.query),
      path: req.path,
      method: req.method,
      headers,
      body: req.body === undefined ? null : JSON.stringify(req.body),
      // R12: widgets send no cookies and no credentials.
      credentials: 'omit',
      timeoutMs,
      signal,
    });
  }

  /** How long to wait before attempt `attempt + 1`, or `undefined` to give up. */
  function retryDelay(error: unknown, attempt: number): number | undefined {
    if (!retry || attempt >= retry.retries || !(error instanceof VerityApiError)) return undefined;
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt) * (0.5 + random() / 2);
    if (error.code === 'rate_limited') {
      if (error.retryAfter === undefined) return backoff;
      const wait = error.retryAfter * 1000;
      return wait <= retry.maxRetryAfterMs ? Math.max(wait, backoff) : undefined;
    }
    if (error.code === 'network') return backoff;
    if (error.code === 'http' && error.status !== undefined && error.status >= 500) return backoff;
    return undefined;
  }

  async function attempt<T>(
    parse: ParseAnswer<T> | null,
    req: Call,
    signal: AbortSignal | undefined,
    retryable: boolean,
  ): Promise<T> {
    for (let attemptNo = 0; ; attemptNo += 1) {
      try {
        return await send(parse, req, signal);
      } catch (error) {
        const delay = retryable ? retryDelay(error, attemptNo) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  }

  /** Resolves with the flight's result, or rejects when this caller's own signal aborts. */
  function join<T>(key: string, flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> {
    flight.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        flight.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        // The last caller to leave ends the request for everyone.
        if (flight.waiting === 0) {
          if (flights.get(key) === flight) flights.delete(key);
          flight.controller.abort(signal?.reason);
        }
        reject(signal?.reason);
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  function get<T>(
    parse: ParseAnswer<T>,
    req: Call,
    options: RequestOptions = {},
    onLoad?: (value: T) => void,
  ): Promise<T> {
    const key = apiUrl(baseUrl, req.path, req.query);
    if (options.cache !== 'no-cache' && cacheTtlMs > 0) {
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return Promise.resolve(hit.value as T);
    }
    let flight = flights.get(key) as Flight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = {
        controller,
        waiting: 0,
        promise: attempt(parse, req, controller.signal, true).then((value) => {
          if (cacheTtlMs > 0) cache.set(key, { value, expires: now() + cacheTtlMs });
          onLoad?.(value);
          return value;
        }),
      };
      created.promise
        .finally(() => {
          if (flights.get(key) === created) flights.delete(key);
        })
        .catch(() => undefined);
      flights.set(key, created as Flight<unknown>);
      flight = created;
    }
    return join(key, flight, options.signal);
  }

  const summaryPath = (business: string) => `/v1/businesses/${segment(business)}/summary`;
  const queued = new Map<string, QueuedSummary[]>();

  /** The single summary, as one request. */
  function singleSummary(business: string, product: string | undefined, signal: AbortSignal): Promise<Summary> {
    const query = new URLSearchParams();
    if (product) query.set('product', product);
    return attempt(summaryAnswer, { method: 'GET', path: summaryPath(business), query }, signal, true);
  }

  /** A flight that the next batch of this task lands; asked as any other flight is. */
  function queueSummary(business: string, product: string, key: string): Flight<Summary> {
    let settle!: Pick<QueuedSummary, 'resolve' | 'reject'>;
    const flight: Flight<Summary> = {
      controller: new AbortController(),
      waiting: 0,
      promise: new Promise<Summary>((resolve, reject) => (settle = { resolve, reject })),
    };
    flight.promise
      .finally(() => {
        if (flights.get(key) === flight) flights.delete(key);
      })
      .catch(() => undefined);
    flights.set(key, flight as Flight<unknown>);
    const entry: QueuedSummary = { product, key, flight, ...settle };
    const list = queued.get(business);
    if (list) list.push(entry);
    else queued.set(business, [entry]);
    // After the current task, whose microtasks (every element's first update) have all asked.
    if (queued.size === 1 && !list) setTimeout(flushSummaries, 0);
    return flight;
  }

  function land(entry: QueuedSummary, summary: Summary): void {
    if (cacheTtlMs > 0) cache.set(entry.key, { value: summary, expires: now() + cacheTtlMs });
    entry.resolve(summary);
  }

  /** One entry on its own (the single route), settling it. */
  function askAlone(business: string, entry: QueuedSummary): Promise<void> {
    return singleSummary(business, entry.product, entry.flight.controller.signal).then(
      (summary) => land(entry, summary),
      entry.reject,
    );
  }

  function flushSummaries(): void {
    const batches = [...queued];
    queued.clear();
    for (const [business, all] of batches) {
      // Products whose every caller left before the batch went out are not asked for.
      const entries = all.filter((entry) => {
        if (!entry.flight.controller.signal.aborted) return true;
        entry.reject(entry.flight.controller.signal.reason);
        return false;
      });
      // One product asks the single route: the URL a page with one badge always used, cached as
      // such by a CDN, with the API's own 404 for an unknown product.
      if (entries.length === 1) void askAlone(business, entries[0]!);
      for (let i = 0; entries.length > 1 && i < entries.length; i += LIMITS.summaryBatchMax) {
        void askBatch(business, entries.slice(i, i + LIMITS.summaryBatchMax));
      }
    }
  }

  async function askBatch(business: string, entries: QueuedSummary[]): Promise<void> {
    // The request ends when every product's callers have left.
    const controller = new AbortController();
    let open = entries.length;
    for (const { flight } of entries) {
      flight.controller.signal.addEventListener(
        'abort',
        () => {
          open -= 1;
          if (open === 0) controller.abort(flight.controller.signal.reason);
        },
        { once: true },
      );
    }
    const query = new URLSearchParams({ products: entries.map((entry) => entry.product).join(',') });
    try {
      const { items } = await attempt(
        summaryBatchAnswer,
        { method: 'GET', path: `/v1/businesses/${segment(business)}/summaries`, query },
        controller.signal,
        true,
      );
      const found = new Map(items.map((summary) => [summary.product?.id, summary]));
      for (const entry of entries) {
        const summary = found.get(entry.product);
        if (summary) land(entry, summary);
        else {
          entry.reject(
            new VerityApiError('not_found', `No product "${entry.product}" at "${business}"`, {
              status: 404,
              apiCode: 'not_found',
            }),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof VerityApiError) || !BATCH_NOT_UNDERSTOOD.has(error.status ?? 0)) {
        for (const entry of entries) entry.reject(error);
        return;
      }
      // An API without the batch route: each product on its own, and no batches from now on
      // once one of them answers.
      await Promise.all(
        entries.map((entry) =>
          singleSummary(business, entry.product, entry.flight.controller.signal).then((summary) => {
            batchSummaries = false;
            land(entry, summary);
          }, entry.reject),
        ),
      );
    }
  }

  function remember(page: ReviewPage): void {
    if (cacheTtlMs <= 0) return;
    const expires = now() + cacheTtlMs;
    for (const review of page.items) reviews.set(review.id, { review, expires });
  }

  /** Drops cached answers whose URL path contains `fragment`. */
  function invalidate(match: (key: string, value: unknown) => boolean): void {
    for (const [key, entry] of cache) if (match(key, entry.value)) cache.delete(key);
  }

  function pathOf(key: string): string {
    return new URL(key).pathname;
  }

  return {
    baseUrl,

    getSummary({ business, product }, requestOptions = {}) {
      const query = new URLSearchParams();
      if (product) query.set('product', product);
      const call: Call = { method: 'GET', path: summaryPath(business), query };
      // A SKU with a comma cannot be named in a batch's list: it asks on its own.
      if (!product || !batchSummaries || product.includes(',')) return get(summaryAnswer, call, requestOptions);
      const key = apiUrl(baseUrl, call.path, query);
      if (requestOptions.cache !== 'no-cache' && cacheTtlMs > 0) {
        const hit = cache.get(key);
        if (hit && hit.expires > now()) return Promise.resolve(hit.value as Summary);
      }
      const flight = (flights.get(key) as Flight<Summary> | undefined) ?? queueSummary(business, product, key);
      return join(key, flight, requestOptions.signal);
    },

    listReviews(params, requestOptions) {
      const path = `/v1/businesses/${segment(params.business)}/reviews`;
      return get(reviewPageAnswer, { method: 'GET', path, query: listQuery(params) }, requestOptions, remember);
    },

    getReview(id, requestOptions = {}) {
      if (requestOptions.cache !== 'no-cache') {
        const known = reviews.get(id);
        if (known && known.expires > now()) return Promise.resolve(known.review);
      }
      return get(reviewAnswer, { method: 'GET', path: `/v1/reviews/${segment(id)}` }, requestOptions);
    },

    async submitReview(business, input, submitOptions = {}) {
      const key = submitOptions.idempotencyKey ?? randomId();
      const result = await attempt(
        submitAnswer,
        {
          method: 'POST',
          path: `/v1/businesses/${segment(business)}/reviews`,
          body: input,
          headers: { 'idempotency-key': key },
        },
        submitOptions.signal,
        true,
      );
      // A published review changes the business's summary and lists.
      const prefix = `/v1/businesses/${segment(business)}/`;
      invalidate((cached) => pathOf(cached).includes(prefix));
      return result;
    },

    async voteHelpful(id, requestOptions = {}) {
      const result = await attempt(
        helpfulAnswer,
        // A JSON body, even an empty one: the API takes votes only as JSON, which a browser sends
        // to another site only after a CORS preflight (a plain cross-site form post cannot vote).
        { method: 'POST', path: `/v1/reviews/${segment(id)}/helpful`, body: {} },
        requestOptions.signal,
        false,
      );
      reviews.delete(id);
      invalidate(
        (cached, value) =>
          pathOf(cached).endsWith(`/v1/reviews/${segment(id)}`) ||
          ((value as Partial<ReviewPage>).items?.some((review) => review.id === id) ?? false),
      );
      return result;
    },

    async reportReview(id, report, requestOptions = {}) {
      await attempt(
        null,
        { method: 'POST', path: `/v1/reviews/${segment(id)}/reports`, body: report },
        requestOptions.signal,
        false,
      );
    },

    clearCache() {
      cache.clear();
      reviews.clear();
    },

    prime(data) {
      if (cacheTtlMs <= 0 || typeof data !== 'object' || data === null) return;
      const expires = now() + cacheTtlMs;
      const keep = <T>(parse: ParseAnswer<T>, value: unknown, key: string): T | undefined => {
        const parsed = parse(value);
        if (parsed.success) cache.set(key, { value: parsed.data, expires });
        return parsed.success ? parsed.data : undefined;
      };
      for (const { business, product, summary } of Array.isArray(data.summaries) ? data.summaries : []) {
        const query = new URLSearchParams();
        if (product) query.set('product', product);
        if (typeof business === 'string') keep(summaryAnswer, summary, apiUrl(baseUrl, summaryPath(business), query));
      }
      for (const { params, page } of Array.isArray(data.pages) ? data.pages : []) {
        if (typeof params?.business !== 'string') continue;
        const key = apiUrl(baseUrl, `/v1/businesses/${segment(params.business)}/reviews`, listQuery(params));
        const kept = keep(reviewPageAnswer, page, key);
        if (kept) remember(kept);
      }
      for (const review of Array.isArray(data.reviews) ? data.reviews : []) {
        const parsed = reviewAnswer(review);
        if (parsed.success) reviews.set(parsed.data.id, { review: parsed.data, expires });
      }
    },
  };
}
