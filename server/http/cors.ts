/**
 * CORS: public GETs are open to every origin (a widget on any shop may read reviews, and a CDN
 * may cache one answer for all of them, so no `Vary: Origin`); public POSTs only from allowed
 * origins. Admin routes send no CORS headers at all: browsers on other origins cannot call them.
 *
 * A POST that names another origin is refused with 403 before anything runs: CORS only keeps a
 * page from reading the answer, and a request a browser sends without a preflight (a form post,
 * a fetch with no custom header) would otherwise still be carried out. A request without an
 * Origin header comes from no browser page, and is limited per client instead.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

export type OriginCheck = (origin: string, c: Context) => boolean | Promise<boolean>;

// `authorization`: a reviewer's private link token on `/v1/reviewer/…`.
const ALLOW_HEADERS = 'content-type, idempotency-key, accept, authorization';
const EXPOSE_HEADERS = 'retry-after, etag';

export function cors(allowPost: OriginCheck): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith('/v1/admin/')) return next();
    const origin = c.req.header('origin');
    const method = c.req.method;
    const preflight = method === 'OPTIONS' && c.req.header('access-control-request-method');

    if (preflight) {
      const requested = preflight.toUpperCase();
      const headers: Record<string, string> = { 'access-control-max-age': '600', vary: 'origin' };
      if (requested === 'GET' || requested === 'HEAD') {
        Object.assign(headers, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers': ALLOW_HEADERS,
        });
      } else if (['POST', 'PATCH', 'DELETE'].includes(requested) && origin && (await allowPost(origin, c))) {
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, HEAD, POST, PATCH, DELETE',
          'access-control-allow-headers': ALLOW_HEADERS,
        });
      }
      return c.body(null, 204, headers);
    }

    if (method === 'GET' || method === 'HEAD') {
      // Set before the answer exists, so it is built with them (cheaper than changing it afterwards).
      c.header('access-control-allow-origin', '*');
      c.header('access-control-expose-headers', EXPOSE_HEADERS);
      return next();
    }
    if (origin !== undefined && !(await allowPost(origin, c))) {
      throw new ApiError(403, 'origin_not_allowed', `Requests from ${origin.slice(0, 200)} are not accepted here`);
    }
    await next();
    if (origin !== undefined) {
      c.res.headers.append('vary', 'origin');
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    }
  };
}
