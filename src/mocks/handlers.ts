/**
 * MSW handlers of contract v1 over an in-memory store. They match any origin, so a widget's
 * `api` attribute can point anywhere in Storybook, tests and the demo.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { parseJsonBody, PRODUCT_LIST_MESSAGE, productList, urlTextProblem } from '../client/requests.js';
import type { FieldErrors } from '../client/validate.js';
import { errorAnswer, MockStore } from './store.js';
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

/**
 * A path id with a control character, or a query value with one or too long: a 400 naming it, as
 * the server answers (an overlong id names nothing: the store answers 404).
 */
function urlProblem(ids: Record<string, string>, query: Record<string, string | null> = {}): StoreAnswer | undefined {
  const fields: FieldErrors = {};
  for (const [name, value] of Object.entries(ids)) if (urlTextProblem(value) === 'invalid') fields[name] = 'invalid';
  for (const [name, value] of Object.entries(query)) {
    const problem = value ? urlTextProblem(value) : undefined;
    if (problem) fields[name] = problem;
  }
  return Object.keys(fields).length > 0 ? errorAnswer(400, 'validation_failed', 'Invalid request', fields) : undefined;
}

/** The request's JSON object, or the answer the server would give for the body it is not. */
async function jsonBody(request: Request): Promise<{ value: Record<string, unknown> } | { answer: StoreAnswer }> {
  const parsed = parseJsonBody(request.headers.get('content-type'), await request.text());
  if ('value' in parsed) return parsed;
  const { status, code, message, fields } = parsed.problem;
  return { answer: errorAnswer(status, code, message, fields) };
}

/** The request's JSON, or `undefined` when it has none (the admin mocks validate it themselves). */
export async function readJson(request: Request): Promise<unknown> {
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

  /** A POST as the server takes it: from an allowed origin, with valid ids, with a JSON object. */
  async function post(
    request: Request,
    ids: Record<string, string>,
    run: (body: Record<string, unknown>) => StoreAnswer,
  ): Promise<Response> {
    const origin = request.headers.get('origin');
    if (origin !== null && !data().allowsOrigin(origin, request.url)) {
      return respond(errorAnswer(403, 'origin_not_allowed', `Requests from ${origin} are not accepted here`));
    }
    const refused = urlProblem(ids);
    if (refused) return respond(refused);
    const body = await jsonBody(request);
    return respond('answer' in body ? body.answer : run(body.value));
  }

  return [
    http.get('*/v1/businesses/:business/summary', ({ params, request }) => {
      const product = new URL(request.url).searchParams.get('product');
      const business = param(params.business);
      const answer = urlProblem({ business }, { product }) ?? data().summaryAnswer(business, product);
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.get('*/v1/businesses/:business/summaries', ({ params, request }) => {
      const business = param(params.business);
      const asked = productList(new URL(request.url).searchParams.get('products'));
      const answer =
        urlProblem({ business }) ??
        ('problem' in asked
          ? errorAnswer(400, 'validation_failed', PRODUCT_LIST_MESSAGE, {
              products: asked.problem,
            })
          : data().summaryBatchAnswer(business, asked.products));
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.get('*/v1/businesses/:business/reviews', ({ params, request }) => {
      const business = param(params.business);
      const answer = urlProblem({ business }) ?? data().list(business, new URL(request.url).searchParams);
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.post('*/v1/businesses/:business/reviews', ({ params, request }) => {
      const business = param(params.business);
      return post(request, { business }, (body) =>
        data().submit(business, body, request.headers.get('idempotency-key')),
      );
    }),
    http.get('*/v1/reviews/:id', ({ params }) => {
      const id = param(params.id);
      const answer = urlProblem({ id }) ?? data().review(id);
      return respond(answer, answer.status === 200 ? CACHEABLE : {});
    }),
    http.post('*/v1/reviews/:id/helpful', ({ params, request }) => {
      const id = param(params.id);
      return post(request, { id }, () => data().helpful(id));
    }),
    http.post('*/v1/reviews/:id/reports', ({ params, request }) => {
      const id = param(params.id);
      return post(request, { id }, (body) => data().report(id, body));
    }),
    // The reviewer's links (SPEC §7): the token names the review; nothing else is asked.
    http.post('*/v1/reviewer/confirm', ({ request }) => respond(data().confirm(request.headers.get('authorization')))),
    http.get('*/v1/reviewer/review', ({ request }) =>
      respond(data().ownReview(request.headers.get('authorization')), { 'cache-control': 'no-store' }),
    ),
    http.patch('*/v1/reviewer/review', async ({ request }) => {
      const body = await jsonBody(request);
      if ('answer' in body) return respond(body.answer);
      return respond(data().editOwn(request.headers.get('authorization'), body.value));
    }),
    http.delete('*/v1/reviewer/review', ({ request }) =>
      respond(data().withdrawOwn(request.headers.get('authorization'))),
    ),
  ];
}

/** Handlers over a default fixture store. */
export const handlers = createHandlers();
