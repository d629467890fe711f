/**
 * MSW handlers of contract v1 over an in-memory store. They match any origin, so a widget's
 * `api` attribute can point anywhere in Storybook, tests and the demo.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { MockStore } from './store.js';
import type { StoreAnswer } from './store.js';

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

/** GET answers may be cached by a CDN for a minute, like the reference server's. */
const CACHEABLE = { 'cache-control': 'public, max-age=60' };

export function respond(answer: StoreAnswer, headers: Record<string, string> = {}): Response {
  const all = { ...headers, ...answer.headers };
  if (answer.body === undefined) return new HttpResponse(null, { status: answer.status, headers: all });
  return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status, headers: all });
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export interface HandlerOptions {
  /** The store to serve; a fresh fixture store by default. */
  store?: MockStore;
  /** Or makes the store on the first request (handlers sharing a store that is made lazily). */
  lazyStore?: () => MockStore;
}

export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  let store = options.store;
  // The fixtures are generated on the first request, not when a story file is imported.
  const data = () => (store ??= options.lazyStore?.() ?? new MockStore());
  const param = (value: string | readonly string[] | undefined) => String(value ?? '');

  return [
    http.get('*/v1/businesses/:business/summary', ({ params, request }) => {
      const product = new URL(request.url).searchParams.get('product');
      const answer = data().summaryAnswer(param(params.business), product);
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.get('*/v1/businesses/:business/reviews', ({ params, request }) => {
      const answer = data().list(param(params.business), new URL(request.url).searchParams);
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.post('*/v1/businesses/:business/reviews', async ({ params, request }) => {
      const body = await jsonBody(request);
      return respond(data().submit(param(params.business), body, request.headers.get('idempotency-key')));
    }),
    http.get('*/v1/reviews/:id', ({ params }) => {
      const answer = data().review(param(params.id));
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.post('*/v1/reviews/:id/helpful', ({ params }) => respond(data().helpful(param(params.id)))),
    http.post('*/v1/reviews/:id/reports', async ({ params, request }) =>
      respond(data().report(param(params.id), await jsonBody(request))),
    ),
  ];
}

/** Handlers over a default fixture store. */
export const handlers = createHandlers();
