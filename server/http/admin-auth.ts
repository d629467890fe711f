/**
 * The admin API's bearer token (VERITY_ADMIN_TOKEN). Without a configured token no request is
 * admitted: every admin route answers 401, so a server started without one is read-and-review only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function adminAuth(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!expected || !given || !timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, 'unauthorized', 'A valid admin token is required (Authorization: Bearer …)', undefined, {
        'www-authenticate': 'Bearer realm="verity-admin"',
      });
    }
    await next();
  };
}
