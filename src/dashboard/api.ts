/**
 * The dashboard's client of the review API: the member's session (a same-origin `HttpOnly`
 * cookie), the admin routes scoped to the member's businesses, and the provisional routes of
 * `provisional.ts`. Every answer is checked against the contract's schemas, and every failure is a
 * `VerityApiError` (`status` 401: no session; 403: an owner-only route for a moderator).
 *
 * Shipped widget code never imports this module.
 */
import { safeParse } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import { adminReviewPageSchema, adminReviewSchema } from '../contract/admin.js';
import type { AdminReview, AdminReviewPage, ModerationInput, ReplyInput, ReviewStatus } from '../contract/admin.js';
import { apiUrl, DEFAULT_TIMEOUT_MS } from '../client/client.js';
import { isVerityApiError } from '../client/errors.js';
import { exchange } from '../client/exchange.js';
import type { Rating } from '../client/schemas.js';
import {
  adminReportPageSchema,
  businessSettingsSchema,
  historySchema,
  insightsSchema,
  memberListSchema,
  memberSchema,
  meSchema,
  sessionListSchema,
  webhookSecretSchema,
} from '../contract/dashboard.js';
import type {
  AdminReportPage,
  BusinessPatch,
  BusinessSettings,
  HistoryEntry,
  Insights,
  Me,
  Member,
  MemberInput,
  MemberRole,
  ReportOutcome,
  Session,
} from '../contract/dashboard.js';
import { identityRequestCreatedSchema, identityRequestSchema, proofDueSchema } from '../contract/reviewer.js';
import type { IdentityRequest } from '../contract/reviewer.js';
import { invitationFromServer, messageFromServer, problemsFromFields, uploadFromServer } from './provisional.js';
import { adminInvitationPageSchema, orderBatchResultSchema, outboxPageSchema } from '../contract/admin.js';
import type { AdminInvitationPage, InvitationState, OrderUploadResult, OutboxPage } from './provisional.js';

export interface Options {
  signal?: AbortSignal | undefined;
}

export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface ReviewQuery extends PageQuery {
  status: ReviewStatus;
  sort?: 'newest' | 'oldest' | undefined;
  q?: string | undefined;
  rating?: readonly Rating[] | undefined;
  verified?: boolean | undefined;
  product?: string | undefined;
}

export interface DashboardApi {
  signIn(email: string, options?: Options): Promise<void>;
  createSession(token: string, options?: Options): Promise<Me>;
  me(options?: Options): Promise<Me>;
  signOut(options?: Options): Promise<void>;
  sessions(options?: Options): Promise<Session[]>;
  endSession(id: string, options?: Options): Promise<void>;

  business(business: string, options?: Options): Promise<BusinessSettings>;
  updateBusiness(business: string, patch: BusinessPatch, options?: Options): Promise<BusinessSettings>;
  newWebhookSecret(business: string, options?: Options): Promise<string>;
  members(business: string, options?: Options): Promise<Member[]>;
  addMember(business: string, input: MemberInput, options?: Options): Promise<Member>;
  changeRole(business: string, id: string, role: MemberRole, options?: Options): Promise<Member>;
  removeMember(business: string, id: string, options?: Options): Promise<void>;

  reviews(business: string, query: ReviewQuery, options?: Options): Promise<AdminReviewPage>;
  review(id: string, options?: Options): Promise<AdminReview>;
  moderate(id: string, input: ModerationInput, options?: Options): Promise<AdminReview>;
  reply(id: string, input: ReplyInput, options?: Options): Promise<AdminReview>;
  history(id: string, options?: Options): Promise<HistoryEntry[]>;
  /** "Find reviewer": the request about this review and its answer, or null when nobody asked. */
  identityRequest(id: string, options?: Options): Promise<IdentityRequest | null>;
  requestIdentity(id: string, options?: Options): Promise<{ id: string; expiresAt: string }>;
  /** After no answer: the author is asked for proof, due at `proofDueAt`. */
  reportNotGenuine(id: string, options?: Options): Promise<{ proofDueAt: string }>;
  reports(
    business: string,
    query: PageQuery & { outcome?: ReportOutcome | undefined },
    options?: Options,
  ): Promise<AdminReportPage>;
  insights(business: string, options?: Options): Promise<Insights>;

  // Provisional (see provisional.ts).
  uploadOrders(business: string, csv: string, options?: Options): Promise<OrderUploadResult>;
  invitations(
    business: string,
    query: PageQuery & { status?: InvitationState | undefined },
    options?: Options,
  ): Promise<AdminInvitationPage>;
  outbox(business: string, query: PageQuery, options?: Options): Promise<OutboxPage>;
}

export interface DashboardApiOptions {
  /** Where `/v1/…` lives; the page's own origin by default (the session cookie is same-origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  json?: unknown;
  csv?: string;
}

const segment = encodeURIComponent;

function pageParams(query: PageQuery & Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, [...value].sort().join(','));
    } else params.set(key, String(value));
  }
  return params;
}

export function createDashboardApi(options: DashboardApiOptions = {}): DashboardApi {
  const baseUrl = options.baseUrl ?? (globalThis as { location?: { origin: string } }).location?.origin ?? '';
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  function send<T>(schema: ZodMiniType<T> | null, call: Call, signal: AbortSignal | undefined): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | null = null;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = call.csv;
    }
    const parse =
      schema &&
      ((value: unknown) => {
        const parsed = safeParse(schema, value);
        return parsed.success ? parsed : { success: false as const, issues: parsed.error.issues };
      });
    return exchange(parse, {
      fetch: doFetch,
      url: apiUrl(baseUrl, call.path, call.query),
      path: call.path,
      method: call.method,
      headers,
      body,
      // The session cookie; the server checks `Origin` on every state-changing request.
      credentials: 'same-origin',
      timeoutMs,
      signal,
    });
  }

  const admin = (business: string, rest = '') => `/v1/admin/businesses/${segment(business)}${rest}`;
  const adminReview = (id: string, rest = '') => `/v1/admin/reviews/${segment(id)}${rest}`;

  return {
    signIn: (email, o = {}) => send(null, { method: 'POST', path: '/v1/auth/sign-in', json: { email } }, o.signal),
    createSession: (token, o = {}) =>
      send(meSchema, { method: 'POST', path: '/v1/auth/session', json: { token } }, o.signal),
    me: (o = {}) => send(meSchema, { method: 'GET', path: '/v1/auth/me' }, o.signal),
    signOut: (o = {}) => send(null, { method: 'POST', path: '/v1/auth/sign-out' }, o.signal),
    sessions: async (o = {}) =>
      (await send(sessionListSchema, { method: 'GET', path: '/v1/auth/sessions' }, o.signal)).items,
    endSession: (id, o = {}) => send(null, { method: 'DELETE', path: `/v1/auth/sessions/${segment(id)}` }, o.signal),

    business: (b, o = {}) => send(businessSettingsSchema, { method: 'GET', path: admin(b) }, o.signal),
    updateBusiness: (b, patch, o = {}) =>
      send(businessSettingsSchema, { method: 'PATCH', path: admin(b), json: patch }, o.signal),
    newWebhookSecret: async (b, o = {}) =>
      (await send(webhookSecretSchema, { method: 'POST', path: admin(b, '/webhook-secret') }, o.signal)).secret,
    members: async (b, o = {}) =>
      (await send(memberListSchema, { method: 'GET', path: admin(b, '/members') }, o.signal)).items,
    addMember: (b, input, o = {}) =>
      send(memberSchema, { method: 'POST', path: admin(b, '/members'), json: input }, o.signal),
    changeRole: (b, id, role, o = {}) =>
      send(memberSchema, { method: 'PATCH', path: admin(b, `/members/${segment(id)}`), json: { role } }, o.signal),
    removeMember: (b, id, o = {}) =>
      send(null, { method: 'DELETE', path: admin(b, `/members/${segment(id)}`) }, o.signal),

    reviews: (b, query, o = {}) =>
      send(
        adminReviewPageSchema,
        { method: 'GET', path: admin(b, '/reviews'), query: pageParams({ ...query }) },
        o.signal,
      ),
    review: (id, o = {}) => send(adminReviewSchema, { method: 'GET', path: adminReview(id) }, o.signal),
    moderate: (id, input, o = {}) =>
      send(adminReviewSchema, { method: 'POST', path: adminReview(id, '/moderation'), json: input }, o.signal),
    reply: (id, input, o = {}) =>
      send(adminReviewSchema, { method: 'POST', path: adminReview(id, '/reply'), json: input }, o.signal),
    history: async (id, o = {}) =>
      (await send(historySchema, { method: 'GET', path: adminReview(id, '/history') }, o.signal)).items,
    identityRequest: async (id, o = {}) => {
      try {
        return await send(
          identityRequestSchema,
          { method: 'GET', path: adminReview(id, '/identity-requests') },
          o.signal,
        );
      } catch (error) {
        if (isVerityApiError(error) && error.code === 'not_found') return null;
        throw error;
      }
    },
    requestIdentity: (id, o = {}) =>
      send(identityRequestCreatedSchema, { method: 'POST', path: adminReview(id, '/identity-requests') }, o.signal),
    reportNotGenuine: (id, o = {}) =>
      send(proofDueSchema, { method: 'POST', path: adminReview(id, '/not-genuine') }, o.signal),
    reports: (b, query, o = {}) =>
      send(
        adminReportPageSchema,
        { method: 'GET', path: admin(b, '/reports'), query: pageParams({ ...query }) },
        o.signal,
      ),
    insights: (b, o = {}) => send(insightsSchema, { method: 'GET', path: admin(b, '/insights') }, o.signal),

    async uploadOrders(b, csv, o = {}) {
      try {
        return uploadFromServer(
          await send(orderBatchResultSchema, { method: 'POST', path: admin(b, '/orders'), csv }, o.signal),
        );
      } catch (error) {
        // Every row refused: the problems may come as the fields of a 400 instead.
        if (isVerityApiError(error) && error.code === 'validation_failed' && error.fields) {
          const problems = problemsFromFields(error.fields);
          if (problems.length > 0) return { accepted: 0, skipped: 0, problems };
        }
        throw error;
      }
    },
    invitations: async (b, query, o = {}) => {
      const page = await send(
        adminInvitationPageSchema,
        { method: 'GET', path: admin(b, '/invitations'), query: pageParams({ ...query }) },
        o.signal,
      );
      return { ...page, items: page.items.map(invitationFromServer) };
    },
    outbox: async (b, query, o = {}) => {
      const page = await send(
        outboxPageSchema,
        { method: 'GET', path: admin(b, '/outbox'), query: pageParams({ ...query }) },
        o.signal,
      );
      return { ...page, items: page.items.map(messageFromServer) };
    },
  };
}

let shared: DashboardApi | undefined;

/** The page's one client of its own origin's API. */
export function sameOriginApi(): DashboardApi {
  shared ??= createDashboardApi();
  return shared;
}

/** Whether a failure means "no session": the sign-in screen is the answer. */
export function isSignedOut(error: unknown): boolean {
  return isVerityApiError(error) && error.status === 401;
}

/** Whether a failure means "not for your role" (a moderator on an owner-only route). */
export function isForbidden(error: unknown): boolean {
  return isVerityApiError(error) && error.status === 403;
}
