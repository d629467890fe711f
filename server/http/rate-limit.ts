/**
 * Per-IP rate limiting (public POSTs, public GETs, failed admin sign-ins): a token bucket per
 * address, refilled continuously. It is per process; behind a load balancer each server limits on
 * its own, which bounds abuse without a shared store. Over the limit: 429 `rate_limited` with
 * `Retry-After` in seconds.
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

/**
 * Token buckets per key (a client's address), refilled continuously: `burst` at once after a quiet
 * period, `perMinute` on average. The least recently seen keys are forgotten first (a forgotten
 * one starts full), so a flood of addresses cannot grow it without bound.
 */
export class Budget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly clock: () => number;

  constructor(options: Pick<RateLimitOptions, 'perMinute' | 'burst' | 'clock'>) {
    this.capacity = options.burst ?? options.perMinute;
    this.perMs = options.perMinute / 60_000;
    this.clock = options.clock ?? Date.now;
  }

  private bucket(key: string): Bucket {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    // A clock set back gives nothing back, and takes nothing either.
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    while (this.buckets.size > MAX_TRACKED) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket;
  }

  /** Seconds until `key` may go on, or `undefined` when it may now. */
  wait(key: string): number | undefined {
    const bucket = this.bucket(key);
    return bucket.tokens < 1 ? Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) : undefined;
  }

  /** Takes one from `key`'s budget; answers the seconds to wait instead when none is left. */
  take(key: string): number | undefined {
    const wait = this.wait(key);
    if (wait === undefined) this.bucket(key).tokens -= 1;
    return wait;
  }
}

export function tooManyRequests(retryAfter: number, message = 'Too many requests; try again later'): ApiError {
  return new ApiError(429, 'rate_limited', message, undefined, { 'retry-after': String(retryAfter) });
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const budget = new Budget(options);
  return async (c, next) => {
    const wait = budget.take(clientAddress(c, options.trustProxy));
    if (wait !== undefined) throw tooManyRequests(wait);
    await next();
  };
}
