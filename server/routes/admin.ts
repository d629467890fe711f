/**
 * The admin API (SPEC §4), behind the bearer token: businesses and products, orders and
 * invitations (R8, R9), the moderation queue (R4), replies (R6) and imports (R1); orders in one
 * at a time or as CSV, the invitation policy, the webhook secret, the invitations and the outbox
 * (SPEC §7). Every body is checked with the admin schemas of `src/contract/admin.ts`.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ZodMiniType } from 'zod/mini';
import {
  businessInputSchema,
  EMAIL_HTML_CSP,
  businessPatchSchema,
  webhookSecretInputSchema,
  importInputSchema,
  invitationInputSchema,
  moderationInputSchema,
  replyInputSchema,
  REVIEW_STATUSES,
} from '../../src/contract/admin.js';
import type { AdminReviewPage, ReviewStatus } from '../../src/contract/admin.js';
import { validateInput } from '../../src/client/validate.js';
import {
  createInvitation,
  findBusiness,
  getAdminBusiness,
  patchBusiness,
  setWebhookSecret,
  upsertBusiness,
} from '../db/businesses.js';
import { listInvitations, readIdPage } from '../db/invitations.js';
import { importOrdersCsv, recordOrder } from '../db/orders.js';
import { listOutbox, messageHtml } from '../db/outbox.js';
import { importReviews } from '../db/imports.js';
import { identityRequestOf, reportNotGenuine, requestIdentity } from '../db/identity.js';
import { erasePerson } from '../db/reviewer.js';
import { selfOrigin } from '../http/origin.js';
import { personEmailSchema } from '../../src/contract/reviewer.js';
import { moderate, reply } from '../db/moderation.js';
import { findAdminReview, findReviews, reportCounts, toAdminReview } from '../db/reviews.js';
import type { AppContext } from '../context.js';
import { actorName, actorOf } from '../http/access.js';
import { invalid, notFound } from '../http/errors.js';
import { readJsonObject } from '../http/json.js';
import { parseListQuery } from '../http/list-query.js';
import { pathId } from '../http/params.js';

const NO_STORE = { 'cache-control': 'no-store' };

export const isCsv = (type: string | undefined) => /^text\/csv\b/i.test((type ?? '').trim());

async function body<T>(c: Context, schema: ZodMiniType<T>): Promise<T> {
  const result = validateInput(schema, await readJsonObject(c));
  if (!result.success) throw invalid('The request has invalid fields', result.fields);
  return result.data;
}

export function adminRoutes(ctx: AppContext, onBusinessChange: () => void): Hono {
  const app = new Hono();
  const { db, cache } = ctx;
  const changed = (business: string, ...reviews: string[]) =>
    cache.invalidate(`business:${business}`, ...reviews.map((review) => `review:${review}`));

  app.post('/v1/admin/businesses', async (c) => {
    const input = await body(c, businessInputSchema);
    const { created, business } = await upsertBusiness(db, input, ctx.now());
    changed(business.id);
    onBusinessChange();
    return c.json(business, created ? 201 : 200, NO_STORE);
  });

  app.get('/v1/admin/businesses/:business', async (c) => {
    return c.json(await getAdminBusiness(db, pathId(c, 'business', 'business')), 200, NO_STORE);
  });

  app.patch('/v1/admin/businesses/:business', async (c) => {
    const business = pathId(c, 'business', 'business');
    const updated = await patchBusiness(db, business, await body(c, businessPatchSchema), ctx.now());
    changed(business);
    onBusinessChange();
    return c.json(updated, 200, NO_STORE);
  });

  app.post('/v1/admin/businesses/:business/orders', async (c) => {
    const business = pathId(c, 'business', 'business');
    if (isCsv(c.req.header('content-type'))) {
      const stream = c.req.raw.body;
      if (!stream) throw invalid('The CSV is empty: a header row is expected', { header: 'required' });
      const result = await importOrdersCsv(db, business, stream as unknown as AsyncIterable<Uint8Array>, ctx.now);
      if (result.accepted > 0) changed(business);
      return c.json(result, 200, NO_STORE);
    }
    const order = await recordOrder(db, business, await readJsonObject(c), ctx.now());
    changed(business);
    return c.json(order, 201, NO_STORE);
  });

  app.post('/v1/admin/businesses/:business/webhook-secret', async (c) => {
    const business = pathId(c, 'business', 'business');
    // The body is optional: without one the server makes the secret.
    const given = (await c.req.raw.clone().text()).trim()
      ? (await body(c, webhookSecretInputSchema)).secret
      : undefined;
    const secret = await setWebhookSecret(db, business, given, ctx.now());
    return c.json({ secret }, 201, NO_STORE);
  });

  app.post('/v1/admin/businesses/:business/invitations', async (c) => {
    const business = pathId(c, 'business', 'business');
    const { orderRef } = await body(c, invitationInputSchema);
    const invitation = await createInvitation(db, business, orderRef, ctx.now());
    changed(business);
    return c.json(invitation, 201, NO_STORE);
  });

  // The invitations and the outbox: newest first, in pages, optionally of one state.
  for (const [list, read] of [
    ['invitations', listInvitations],
    ['outbox', listOutbox],
  ] as const) {
    app.get(`/v1/admin/businesses/:business/${list}`, async (c) => {
      const business = pathId(c, 'business', 'business');
      const url = new URL(c.req.url);
      const page = readIdPage(url.searchParams);
      if (!(await findBusiness(db, business))) throw notFound(`No business "${business}"`);
      return c.json(await read(db, business, url.searchParams.get('status'), page), 200, NO_STORE);
    });
  }

  // One message's HTML part as a document of its own, as the customer's mail program shows it: its
  // inline styles apply (a frame inside the dashboard would take the dashboard's stricter policy),
  // and nothing else does. Sandboxed by its policy too, so even opened on its own it runs nothing.
  app.get('/v1/admin/businesses/:business/outbox/:id/html', async (c) => {
    const business = pathId(c, 'business', 'business');
    const html = await messageHtml(db, business, pathId(c, 'id', 'message'));
    if (html === undefined) throw notFound('No such message, or it has no HTML part');
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `sandbox; ${EMAIL_HTML_CSP}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'SAMEORIGIN',
    });
  });

  app.get('/v1/admin/businesses/:business/reviews', async (c) => {
    const business = pathId(c, 'business', 'business');
    const url = new URL(c.req.url);
    const status = (url.searchParams.get('status') ?? 'pending') as ReviewStatus;
    const parsed = parseListQuery(url.searchParams, ['newest', 'oldest']);
    const fields = 'fields' in parsed ? { ...parsed.fields } : {};
    if (!REVIEW_STATUSES.includes(status)) Object.assign(fields, { status: 'invalid' });
    if ('fields' in parsed || Object.keys(fields).length > 0) throw invalid('Invalid list query', fields);
    const shop = await findBusiness(db, business);
    if (!shop) throw notFound(`No business "${business}"`);
    const { params } = parsed;
    const page = await findReviews(
      db,
      {
        business,
        // Moderation sees every product's reviews unless one is asked for.
        productKey: params.product,
        status,
        sort: params.sort,
        rating: params.rating,
        verifiedOnly: params.verified,
        language: params.language,
        q: params.q,
        after: params.after,
        limit: params.limit,
      },
      true,
    );
    const reports = await reportCounts(
      db,
      page.rows.map((r) => r.id),
    );
    const now = ctx.now();
    const answer: AdminReviewPage = {
      items: page.rows.map((row) => toAdminReview(row, shop.url, reports.get(row.id) ?? 0, now)),
      nextCursor: page.nextCursor,
      total: page.total,
      ...(page.totalCapped ? { totalCapped: true } : {}),
    };
    return c.json(answer, 200, NO_STORE);
  });

  app.get('/v1/admin/reviews/:id', async (c) => {
    const id = pathId(c, 'id', 'review');
    const review = await findAdminReview(db, id, ctx.now());
    if (!review) throw notFound(`No review "${id}"`);
    return c.json(review, 200, NO_STORE);
  });

  app.post('/v1/admin/reviews/:id/moderation', async (c) => {
    const id = pathId(c, 'id', 'review');
    const { review, business } = await moderate(
      db,
      id,
      await body(c, moderationInputSchema),
      ctx.now(),
      actorName(actorOf(c)),
    );
    changed(business, id);
    return c.json(review, 200, NO_STORE);
  });

  app.post('/v1/admin/reviews/:id/reply', async (c) => {
    const id = pathId(c, 'id', 'review');
    const { review, business } = await reply(db, id, await body(c, replyInputSchema), ctx.now(), actorName(actorOf(c)));
    changed(business, id);
    return c.json(review, 200, NO_STORE);
  });

  // "Find reviewer" (SPEC §7): asked once; the answer is for the business's members only.
  const linkBase = (c: Context) => ctx.publicUrl ?? selfOrigin(c, ctx.trustProxy);
  app.post('/v1/admin/reviews/:id/identity-requests', async (c) => {
    const id = pathId(c, 'id', 'review');
    const made = await requestIdentity(db, id, actorName(actorOf(c)), linkBase(c), ctx.now());
    ctx.wakeJobs();
    return c.json({ id: made.id, expiresAt: made.expiresAt }, 201, NO_STORE);
  });
  app.get('/v1/admin/reviews/:id/identity-requests', async (c) => {
    const id = pathId(c, 'id', 'review');
    const request = await identityRequestOf(db, id, ctx.now());
    if (!request) throw notFound(`Nobody asked the author of review "${id}"`);
    return c.json(request, 200, NO_STORE);
  });
  app.post('/v1/admin/reviews/:id/not-genuine', async (c) => {
    const id = pathId(c, 'id', 'review');
    const { proofDueAt } = await reportNotGenuine(db, id, actorName(actorOf(c)), linkBase(c), ctx.now());
    ctx.wakeJobs();
    return c.json({ proofDueAt }, 202, NO_STORE);
  });

  // Erases everything of one e-mail address at the business (its owner's or the operator's call).
  app.delete('/v1/admin/businesses/:business/people/:email', async (c) => {
    const business = pathId(c, 'business', 'business');
    const email = c.req.param('email');
    if (!validateInput(personEmailSchema, email).success) throw invalid('Not an e-mail address', { email: 'invalid' });
    if (!(await findBusiness(db, business))) throw notFound(`No business "${business}"`);
    const { reviewIds, ...result } = await erasePerson(db, business, email, ctx.now());
    changed(business, ...reviewIds);
    return c.json(result, 200, NO_STORE);
  });

  app.post('/v1/admin/businesses/:business/imports', async (c) => {
    const business = pathId(c, 'business', 'business');
    const result = await importReviews(db, business, await body(c, importInputSchema), ctx.now());
    changed(business);
    return c.json(result, 201, NO_STORE);
  });

  return app;
}
