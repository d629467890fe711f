/**
 * MSW handlers of the business side (SPEC §7): `/v1/auth/…` and the admin routes the dashboard
 * uses, over an `AdminMockStore`. `createDashboardHandlers` adds the public contract-v1 handlers
 * over the same store, so the dashboard's widget previews show what the inbox just approved.
 */
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { AdminMockStore } from './admin-store.js';
import type { AdminStoreOptions } from './admin-store.js';
import { createHandlers, readJson, respond } from './handlers.js';
import { offline, serverError, slow } from './scenarios.js';

const NO_STORE = { 'cache-control': 'no-store' };

export interface AdminHandlerOptions extends AdminStoreOptions {
  /** The store to serve; a new one (from the other options), made on the first request, by default. */
  store?: AdminMockStore;
}

/** The store of `options`, made when first asked for (not when a story file is imported). */
function lazyAdminStore(options: AdminHandlerOptions): () => AdminMockStore {
  let store = options.store;
  return () => (store ??= new AdminMockStore(options));
}

export function createAdminHandlers(options: AdminHandlerOptions = {}): HttpHandler[] {
  return adminHandlers(lazyAdminStore(options));
}

function adminHandlers(data: () => AdminMockStore): HttpHandler[] {
  const p = (value: string | readonly string[] | undefined) => String(value ?? '');
  const query = (request: Request) => new URL(request.url).searchParams;
  const answer = (result: ReturnType<AdminMockStore['meAnswer']>) => respond(result, NO_STORE);

  return [
    http.post('*/v1/auth/sign-in', async ({ request }) => answer(data().signIn(await readJson(request)))),
    http.post('*/v1/auth/session', async ({ request }) => answer(data().createSession(await readJson(request)))),
    http.get('*/v1/auth/me', () => answer(data().meAnswer())),
    http.post('*/v1/auth/sign-out', () => answer(data().signOut())),
    http.get('*/v1/auth/sessions', () => answer(data().sessions())),
    http.delete('*/v1/auth/sessions/:id', ({ params }) => answer(data().endSession(p(params.id)))),

    http.get('*/v1/admin/businesses/:b/members', ({ params }) => answer(data().members(p(params.b)))),
    http.post('*/v1/admin/businesses/:b/members', async ({ params, request }) =>
      answer(data().addMember(p(params.b), await readJson(request))),
    ),
    http.patch('*/v1/admin/businesses/:b/members/:id', async ({ params, request }) =>
      answer(data().changeRole(p(params.b), p(params.id), await readJson(request))),
    ),
    http.delete('*/v1/admin/businesses/:b/members/:id', ({ params }) =>
      answer(data().removeMember(p(params.b), p(params.id))),
    ),
    http.post('*/v1/admin/businesses/:b/webhook-secret', ({ params }) => answer(data().newWebhookSecret(p(params.b)))),
    http.get('*/v1/admin/businesses/:b/reviews', ({ params, request }) =>
      answer(data().reviews(p(params.b), query(request))),
    ),
    http.get('*/v1/admin/businesses/:b/reports', ({ params, request }) =>
      answer(data().reports(p(params.b), query(request))),
    ),
    http.get('*/v1/admin/businesses/:b/insights', ({ params }) => answer(data().insights(p(params.b)))),
    http.post('*/v1/admin/businesses/:b/orders', async ({ params, request }) =>
      answer(data().uploadOrders(p(params.b), request.headers.get('content-type'), await request.text())),
    ),
    http.get('*/v1/admin/businesses/:b/invitations', ({ params, request }) =>
      answer(data().invitations(p(params.b), query(request))),
    ),
    http.get('*/v1/admin/businesses/:b/outbox', ({ params, request }) =>
      answer(data().outbox(p(params.b), query(request))),
    ),
    http.get('*/v1/admin/businesses/:b', ({ params }) => answer(data().business(p(params.b)))),
    http.patch('*/v1/admin/businesses/:b', async ({ params, request }) =>
      answer(data().updateBusiness(p(params.b), await readJson(request))),
    ),

    http.get('*/v1/admin/reviews/:id/history', ({ params }) => answer(data().history(p(params.id)))),
    http.get('*/v1/admin/reviews/:id/identity-requests', ({ params }) => answer(data().identityRequest(p(params.id)))),
    http.post('*/v1/admin/reviews/:id/identity-requests', ({ params }) => answer(data().requestIdentity(p(params.id)))),
    http.post('*/v1/admin/reviews/:id/not-genuine', ({ params }) => answer(data().reportNotGenuine(p(params.id)))),
    http.post('*/v1/admin/reviews/:id/moderation', async ({ params, request }) =>
      answer(data().moderate(p(params.id), await readJson(request))),
    ),
    http.post('*/v1/admin/reviews/:id/reply', async ({ params, request }) =>
      answer(data().reply(p(params.id), await readJson(request))),
    ),
    http.get('*/v1/admin/reviews/:id', ({ params }) => answer(data().review(p(params.id)))),
  ];
}

/** The dashboard's whole API: the business side and contract v1, over one store. */
export function createDashboardHandlers(options: AdminHandlerOptions = {}): HttpHandler[] {
  const data = lazyAdminStore(options);
  return [...adminHandlers(data), ...createHandlers({ lazyStore: () => data().base })];
}

export const DASHBOARD_SCENARIOS = ['normal', 'signed-out', 'moderator', 'empty', 'error', 'slow', 'offline'] as const;
export type DashboardScenario = (typeof DASHBOARD_SCENARIOS)[number];

/** The dashboard's API in a named state, for stories, tests and the scenario controls. */
export function dashboardScenarioHandlers(scenario: DashboardScenario, delayMs = 2000): HttpHandler[] {
  switch (scenario) {
    case 'signed-out':
      return createDashboardHandlers({ signedIn: false });
    case 'moderator':
      return createDashboardHandlers({ role: 'moderator' });
    case 'empty':
      return createDashboardHandlers({ empty: true });
    case 'error':
      return serverError();
    case 'slow':
      return slow(delayMs, createDashboardHandlers());
    case 'offline':
      return offline();
    default:
      return createDashboardHandlers();
  }
}
