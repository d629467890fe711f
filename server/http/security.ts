/**
 * Headers every answer carries, whatever it is (JSON, an error, a 304, a page or an image of the
 * demo): no content sniffing (a JSON answer is never run as a script or shown as a page), no full
 * URL in the Referer sent to other sites, and a Content-Security-Policy. The API's own answers are
 * data, never documents: their policy allows nothing. An SVG opened on its own is a document that
 * could run script: its policy allows its own styles and nothing else. HTML pages bring their own.
 */
import type { MiddlewareHandler } from 'hono';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** The policy of an answer of this type that did not set its own. */
export function policyFor(contentType: string | null): string {
  return /^image\/svg\+xml\b/i.test(contentType ?? '') ? SVG_CSP : API_CSP;
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    // A page that carries a secret in its address (a reviewer's link) sends no referrer at all.
    if (!headers.has('referrer-policy')) headers.set('referrer-policy', 'strict-origin-when-cross-origin');
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', policyFor(headers.get('content-type')));
  };
}
