/**
 * MSW handlers of contract v1 over an in-memory store. They match any origin, so a
 * widget's `api` attribute can point anywhere in Storybook, tests and the demo.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { MockStore } from './store.js';

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

export interface HandlerOptions {
  /** The store to serve; a fresh fixture store by default. */
  store?: MockStore;
}

export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const store = options.store ?? new MockStore();
  return [
    http.get('*/v1/businesses/:business/summary', ({ params, request }) => {
      const product = new URL(request.url).searchParams.get('product');
      const summary = store.summary(String(params.business), product);
      if (!summary) {
        return apiError(
          404,
          'not_found',
          product ? `No product ${product} at ${String(params.business)}` : `No business ${String(params.business)}`,
        );
      }
      return HttpResponse.json(summary, { headers: { 'cache-control': 'public, max-age=60' } });
    }),
  ];
}

/** Handlers over a default fixture store. */
export const handlers = createHandlers();
