/**
 * The admin API's bearer token (VERITY_ADMIN_TOKEN). Without a configured token no request is
 * admitted: every admin route answers 401, so a server started without one is read-and-review only.
 *
 * Wrong tokens are counted per client: past the budget (10 a minute by default) every admin
 * request of that client is a 429 until it refills, the right token included, so guessing gets
 * no answer at all.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import { Budget, clientAddress, tooManyRequests } from './rate-limit.js';
import type { RateLimitOptions } from './rate-limit.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export interface AdminAuthOptions {
  /** Wrong tokens allowed per client; `false`: no limit. */
  failures?: RateLimitOptions | false;
  trustProxy?: boolean;
}

export function adminAuth(token: string | undefined, options: AdminAuthOptions = {}): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  const failures = options.failures ? new Budget(options.failures) : undefined;
  return async (c, next) => {
    const client = clientAddress(c, options.trustProxy);
    const wait = failures?.wait(client);
    if (wait !== undefined) throw tooManyRequests(wait, 'Too many wrong admin tokens from here; try again later');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!expected || !given || !timingSafeEqual(digest(given), expected)) {
      failures?.take(client);
      throw new ApiError(401, 'unauthorized', 'A valid admin token is required (Authorization: Bearer …)', undefined, {
        'www-authenticate': 'Bearer realm="verity-admin"',
      });
    }
    await next();
  };
}
