/**
 * Per-IP rate limiting of public POSTs: a token bucket per address, refilled continuously. It is
 * per process; behind a load balancer each server limits on its own, which bounds abuse without a
 * shared store. Over the limit: 429 `rate_limited` with `Retry-After` in seconds.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from './errors.js';

export interface RateLimitOptions {
  /** Requests a minute, on average. */
  perMinute: number;
  /** Requests allowed at once after a quiet period (default: `perMinute`). */
  burst?: number;
  /** Use the address the proxy appended to X-Forwarded-For instead of the socket's. */
  trustProxy?: boolean;
  clock?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_TRACKED = 50_000;

/** The client's address: the socket's, or the one our own proxy saw (the last X-Forwarded-For hop). */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (app.request in a test): one shared bucket.
    return 'unknown';
  }
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const clock = options.clock ?? Date.now;
  const capacity = options.burst ?? options.perMinute;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  return async (c, next) => {
    const now = clock();
    const address = clientAddress(c, options.trustProxy);
    const bucket = buckets.get(address) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new ApiError(429, 'rate_limited', 'Too many requests; try again later', undefined, {
        'retry-after': String(retryAfter),
      });
    }
    bucket.tokens -= 1;
    buckets.delete(address);
    buckets.set(address, bucket);
    // Forget the least recently seen addresses first; a forgotten one starts with a full bucket.
    while (buckets.size > MAX_TRACKED) buckets.delete(buckets.keys().next().value!);
    await next();
  };
}
