/**
 * Contract v1 (SPEC §3): what widgets and the typed client call. Every input is checked with the
 * contract's schemas before it reaches the database; hot GETs come from the short-lived cache.
 */
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { PRODUCT_LIST_MESSAGE, productList } from '../../src/client/requests.js';
import { reportInputSchema } from '../../src/client/schemas.js';
import type { ReviewPage } from '../../src/client/schemas.js';
import { validateInput, validateReviewInput } from '../../src/client/validate.js';
import { findBusiness, knownProducts, productExists } from '../db/businesses.js';
import { report, voteHelpful } from '../db/moderation.js';
import { findPublishedReview, findReviews, toReview } from '../db/reviews.js';
import { fingerprint, rememberedAnswer, submitReview } from '../db/submissions.js';
import { readSummary } from '../db/summaries.js';
import type { AppContext } from '../context.js';
import { clientKey } from '../http/client-key.js';
import { selfOrigin } from '../http/origin.js';
import { invalid, notFound } from '../http/errors.js';
import { etagOf } from '../http/cache.js';
import type { CachedAnswer } from '../http/cache.js';
import { answerFor, readJsonObject, sendCacheable } from '../http/json.js';
import { canonicalQuery, parseListQuery } from '../http/list-query.js';
import { pathId, queryText } from '../http/params.js';
import { clientAddress } from '../http/rate-limit.js';

export function publicRoutes(ctx: AppContext, limitPosts: MiddlewareHandler): Hono {
  const app = new Hono();
  const { db, cache } = ctx;

  /** One summary's answer, cached under the same key for the single and the batched route. */
  function summaryAnswer(business: string, product: string | null): Promise<CachedAnswer> {
    const key = `summary\u0000${business}\u0000${product ?? ''}`;
    return cache.answer(key, [`business:${business}`], async () => {
      const result = await readSummary(db, business, product, ctx.now());
      if (!result.found) {
        throw notFound(
          result.missing === 'business' ? `No business "${business}"` : `No product "${product}" at "${business}"`,
        );
      }
      return answerFor(result.summary);
    });
  }

  app.get('/v1/businesses/:business/summary', async (c) => {
    const business = pathId(c, 'business', 'business');
    const product = queryText(c, 'product') ?? null;
    return sendCacheable(c, await summaryAnswer(business, product), ctx.cacheControl);
  });

  // A category page's badges in one request: the known products' summaries in the order asked.
  app.get('/v1/businesses/:business/summaries', async (c) => {
    const business = pathId(c, 'business', 'business');
    const asked = productList(c.req.query('products'));
    if ('problem' in asked) {
      throw invalid(PRODUCT_LIST_MESSAGE, { products: asked.problem });
    }
    const { products } = asked;
    const key = `summaries\u0000${business}\u0000${products.join('\u0000')}`;
    const answer = await cache.answer(key, [`business:${business}`], async () => {
      const known = await knownProducts(db, business, products);
      if (!known) throw notFound(`No business "${business}"`);
      // Each part is the single summary's cached answer: the same bytes, read once for both routes.
      const parts = await Promise.all(products.filter((p) => known.has(p)).map((p) => summaryAnswer(business, p)));
      const body = `{"items":[${parts.map((part) => part.body).join(',')}]}`;
      return { body, etag: etagOf(body) };
    });
    return sendCacheable(c, answer, ctx.cacheControl);
  });

  app.get('/v1/businesses/:business/reviews', async (c) => {
    const business = pathId(c, 'business', 'business');
    const url = new URL(c.req.url);
    const parsed = parseListQuery(url.searchParams);
    if ('fields' in parsed) throw invalid('Invalid list query', parsed.fields);
    const { params } = parsed;
    const key = `list\u0000${business}\u0000${canonicalQuery(params, url.searchParams.get('cursor') ?? undefined)}`;
    const answer = await cache.answer(key, [`business:${business}`], async () => {
      const shop = await findBusiness(db, business);
      if (!shop) throw notFound(`No business "${business}"`);
      if (params.product && !(await productExists(db, business, params.product))) {
        throw notFound(`No product "${params.product}" at "${business}"`);
      }
      const page = await findReviews(db, {
        business,
        productKey: params.product ?? '',
        status: 'published',
        sort: params.sort,
        rating: params.rating,
        verifiedOnly: params.verified,
        language: params.language,
        q: params.q,
        after: params.after,
        limit: params.limit,
      });
      const now = ctx.now();
      const body: ReviewPage = {
        items: page.rows.map((row) => toReview(row, shop.url, now)),
        nextCursor: page.nextCursor,
        total: page.total,
        ...(page.totalCapped ? { totalCapped: true } : {}),
      };
      return answerFor(body);
    });
    return sendCacheable(c, answer, ctx.cacheControl);
  });

  app.get('/v1/reviews/:id', async (c) => {
    const id = pathId(c, 'id', 'review');
    const key = `review\u0000${id}`;
    const answer = await cache.answer(key, [`review:${id}`], async () => {
      const found = await findPublishedReview(db, id);
      if (!found) throw notFound(`No review "${id}"`);
      return answerFor(toReview(found.row, found.businessUrl, ctx.now()));
    });
    return sendCacheable(c, answer, ctx.cacheControl);
  });

  app.post('/v1/businesses/:business/reviews', limitPosts, async (c) => {
    const business = pathId(c, 'business', 'business');
    if (!(await findBusiness(db, business))) throw notFound(`No business "${business}"`);
    const key = c.req.header('idempotency-key')?.trim();
    if (!key) {
      throw invalid('The Idempotency-Key header is required', { idempotencyKey: 'required' });
    }
    if (key.length > 200) throw invalid('The Idempotency-Key header is too long', { idempotencyKey: 'too_long' });
    const body = await readJsonObject(c);
    const print = fingerprint(business, body);
    // A repeat is answered as before, even if the same review would no longer pass (R7's window moves).
    const remembered = await rememberedAnswer(db, key, print);
    if (remembered) return c.json(remembered.body as object, remembered.status as 201);

    const now = ctx.now();
    const result = validateReviewInput(body, now);
    if (!result.success) throw invalid('The review has invalid fields', result.fields);
    const linkBase = ctx.publicUrl ?? selfOrigin(c, ctx.trustProxy);
    const answer = await submitReview(db, { business, input: result.data, key, fingerprint: print, now, linkBase });
    // A confirmation e-mail waits in the outbox: the workers of this process send it now.
    if ((answer.body as { confirmation?: string }).confirmation) ctx.wakeJobs();
    return c.json(answer.body as object, answer.status as 201);
  });

  app.post('/v1/reviews/:id/helpful', limitPosts, async (c) => {
    const id = pathId(c, 'id', 'review');
    // A JSON body (`{}`): a browser sends one to another site only after a CORS preflight, which
    // a site that is not allowed does not pass. A plain form post of another site is a 415.
    await readJsonObject(c);
    const voter = await clientKey(db, 'helpful', id, clientAddress(c, ctx.trustProxy));
    const { helpfulCount, business, counted } = await voteHelpful(db, id, voter, ctx.now());
    if (counted) cache.invalidate(`business:${business}`, `review:${id}`);
    return c.json({ helpfulCount });
  });

  app.post('/v1/reviews/:id/reports', limitPosts, async (c) => {
    const id = pathId(c, 'id', 'review');
    const parsed = validateInput(reportInputSchema, await readJsonObject(c));
    if (!parsed.success) throw invalid('Invalid report', parsed.fields);
    const reporter = await clientKey(db, 'report', id, clientAddress(c, ctx.trustProxy));
    await report(db, id, parsed.data, reporter, ctx.now());
    return c.body(null, 202);
  });

  return app;
}
