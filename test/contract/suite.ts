/**
 * The contract suite of API v1 (SPEC §3): one suite for every implementation. It runs against
 * the MSW handlers (in Node) and, unchanged, against a live server, so the mocks Storybook and
 * the tests use can never drift from what production answers.
 *
 * It checks every endpoint, filter, sort, paging edge and error code, and the rules the public
 * API shows: R1 (provenance), R2 (the score), R3 (nothing hidden), R7 (experience window),
 * R8 (invitations), R10 (report window) and R12 (privacy).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeParse } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import {
  apiErrorSchema,
  helpfulResultSchema,
  reviewPageSchema,
  reviewSchema,
  submitResultSchema,
  summaryBatchSchema,
  summarySchema,
  LIMITS,
  SORTS,
} from '../../src/client/schemas.js';
import type { Review, ReviewPage, Summary } from '../../src/client/schemas.js';
import { confirmResultSchema, reviewerReviewSchema } from '../../src/contract/reviewer.js';
import { computeScore, subtractMonths } from '../../src/rules/score.js';
import { readAnswer } from '../helpers/http.js';
import type { Answer } from '../helpers/http.js';

export interface ContractTarget {
  /** Where `/v1/…` lives. */
  baseUrl: string;
  /** A business with many published reviews of every provenance, some older than 12 months. */
  business: string;
  /** A product of that business with published reviews. */
  product: string;
  /** Another product of that business. */
  otherProduct: string;
  /** A business with no reviews. */
  emptyBusiness: string;
  /** A fresh, unused invitation token of `business` (R8), for a review of the shop or of a product. */
  invitation: (product?: string) => Promise<string>;
  /** An unused invitation token of `business` that has expired; without it that case is skipped. */
  expiredInvitation?: (() => Promise<string>) | undefined;
  /** The tokens of the links e-mailed to a review's author (SPEC §7); without it those cases are skipped. */
  reviewerLinks?: ((review: string) => Promise<{ confirm: string; manage: string }>) | undefined;
}

export function contractSuite(target: ContractTarget): void {
  const { business, product, otherProduct, emptyBusiness } = target;

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(new URL(path.replace(/^\//, ''), `${target.baseUrl.replace(/\/$/, '')}/`), {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return readAnswer(response);
  }

  function valid<T>(schema: ZodMiniType<T>, answer: Answer, what: string): T {
    const parsed = safeParse(schema, answer.json);
    assert.ok(
      parsed.success,
      `${what} matches contract v1: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`,
    );
    return parsed.data;
  }

  function expectError(
    answer: Answer,
    status: number,
    code: string,
  ): { code: string; message: string; fields?: Record<string, string> } {
    assert.equal(answer.status, status, `status ${status} (got ${answer.status}: ${answer.text.slice(0, 200)})`);
    const error = valid(apiErrorSchema, answer, `the ${status} error body`).error;
    assert.equal(error.code, code);
    assert.ok(error.message.length > 0, 'the error has a message');
    return error;
  }

  const reviewsPath = (b: string, query = '') =>
    `/v1/businesses/${encodeURIComponent(b)}/reviews${query ? `?${query}` : ''}`;
  const summaryPath = (b: string, query = '') =>
    `/v1/businesses/${encodeURIComponent(b)}/summary${query ? `?${query}` : ''}`;

  async function page(b: string, query = ''): Promise<ReviewPage> {
    const answer = await call('GET', reviewsPath(b, query));
    assert.equal(answer.status, 200, `GET ${reviewsPath(b, query)}: ${answer.text.slice(0, 200)}`);
    return valid(reviewPageSchema, answer, 'the review page');
  }

  /** Every review a query finds, page after page. */
  async function all(b: string, query = ''): Promise<Review[]> {
    const items: Review[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const params = new URLSearchParams(query);
      params.set('limit', '50');
      if (cursor) params.set('cursor', cursor);
      const next = await page(b, params.toString());
      items.push(...next.items);
      cursor = next.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('paging did not end');
  }

  async function summary(b: string, query = ''): Promise<Summary> {
    const answer = await call('GET', summaryPath(b, query));
    assert.equal(answer.status, 200, answer.text.slice(0, 200));
    return valid(summarySchema, answer, 'the summary');
  }

  const today = () => new Date().toISOString().slice(0, 10);
  let counter = 0;
  const key = () => `contract-${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2)}`;
  const submission = (overrides: Record<string, unknown> = {}) => ({
    rating: 4,
    title: 'Good coffee',
    body: 'The beans arrived quickly and tasted fresh. I would buy them again.',
    authorName: 'Contract Tester',
    email: 'tester@mail.example',
    experiencedAt: today(),
    language: 'en',
    consent: true,
    website: '',
    ...overrides,
  });

  describe('contract v1', () => {
    describe('GET /v1/businesses/{business}/summary', () => {
      it('answers with a valid, cacheable summary whose numbers agree', async () => {
        const answer = await call('GET', summaryPath(business));
        assert.equal(answer.status, 200);
        assert.match(answer.headers.get('cache-control') ?? '', /max-age=\d+/);
        const s = valid(summarySchema, answer, 'the summary');
        assert.equal(s.business.id, business);
        assert.equal(s.product, null);
        assert.equal(s.rating.windowMonths, 12);
        assert.equal(s.totals.published, s.totals.verified + s.totals.unverified + s.totals.imported);
        const counted = Object.values(s.distribution).reduce((a, b) => a + b, 0);
        assert.equal(counted, s.rating.count, 'the distribution counts the reviews in the score');
        assert.ok(s.rating.count > 0 && s.rating.count <= s.totals.verified);
        assert.ok(s.invitedShare === null || (s.invitedShare >= 0 && s.invitedShare <= 1));
        // R13: how many customers opted out of invitations, where the API knows the orders.
        if (s.invitedShare !== null) assert.ok(Number.isInteger(s.optedOut) && s.optedOut! >= 0, 'optedOut');
      });

      it('R2: the score is the mean of verified reviews of the last 12 months, half-up to 2 decimals', async () => {
        const s = await summary(business);
        const reviews = await all(business);
        const now = new Date();
        const expected = computeScore(reviews, now);
        assert.equal(s.rating.count, expected.count);
        assert.equal(s.rating.average, expected.average);
        assert.equal(s.rating.grade, expected.grade);
        assert.deepEqual(s.distribution, expected.distribution);
        const window = subtractMonths(now, 12).getTime();
        assert.ok(
          reviews.some((r) => r.verification.status === 'verified' && Date.parse(r.createdAt) < window),
          'the business has verified reviews older than 12 months (which must not count)',
        );
      });

      it('R2: no reviews means no score and no grade, never a made-up number', async () => {
        const s = await summary(emptyBusiness);
        assert.equal(s.rating.average, null);
        assert.equal(s.rating.grade, null);
        assert.equal(s.rating.count, 0);
        assert.equal(s.totals.published, 0);
      });

      it('summarises a product when asked', async () => {
        const s = await summary(business, `product=${encodeURIComponent(product)}`);
        assert.equal(s.product?.id, product);
        assert.ok(s.product.name.length > 0);
        const reviews = await all(business, `product=${encodeURIComponent(product)}`);
        assert.equal(s.totals.published, reviews.length);
        assert.ok(reviews.every((r) => r.product === product));
      });

      it('lists the languages of the published reviews, for the language filter', async () => {
        for (const query of ['', `product=${encodeURIComponent(product)}`]) {
          const s = await summary(business, query);
          const reviews = await all(business, query);
          const expected = [...new Set(reviews.map((r) => r.language.split('-')[0]!.toLowerCase()))].sort();
          assert.deepEqual([...(s.languages ?? [])].sort(), expected, query || 'the shop');
        }
        assert.deepEqual((await summary(emptyBusiness)).languages ?? [], []);
      });

      it('404 not_found for an unknown business or product', async () => {
        expectError(await call('GET', summaryPath('no-such-business-contract')), 404, 'not_found');
        expectError(await call('GET', summaryPath(business, 'product=NO-SUCH-SKU')), 404, 'not_found');
      });
    });

    describe('GET /v1/businesses/{business}/summaries', () => {
      const summariesPath = (b: string, query: string) => `/v1/businesses/${encodeURIComponent(b)}/summaries?${query}`;
      const products = (...skus: string[]) => `products=${skus.map(encodeURIComponent).join(',')}`;

      it("answers the known products' summaries in the order asked, each as the single summary, unknown ones left out", async () => {
        const answer = await call('GET', summariesPath(business, products(otherProduct, 'NO-SUCH-SKU', product)));
        assert.equal(answer.status, 200, answer.text.slice(0, 200));
        assert.match(answer.headers.get('cache-control') ?? '', /max-age=\d+/);
        const { items } = valid(summaryBatchSchema, answer, 'the summaries');
        assert.deepEqual(
          items.map((s) => s.product?.id),
          [otherProduct, product],
        );
        assert.deepEqual(items[0], await summary(business, `product=${encodeURIComponent(otherProduct)}`));
        assert.deepEqual(items[1], await summary(business, `product=${encodeURIComponent(product)}`));
        assert.ok(items.every((s) => s.business.id === business));
      });

      it('answers a product asked twice once, and no product known as an empty list', async () => {
        const twice = await call('GET', summariesPath(business, products(product, otherProduct, product)));
        assert.deepEqual(
          valid(summaryBatchSchema, twice, 'the summaries').items.map((s) => s.product?.id),
          [product, otherProduct],
        );
        const none = await call('GET', summariesPath(business, products('NO-SUCH-SKU', 'NOR-THIS')));
        assert.equal(none.status, 200);
        assert.deepEqual(valid(summaryBatchSchema, none, 'the summaries').items, []);
      });

      it(`400 validation_failed naming products: none, an empty id, a bad id, more than ${LIMITS.summaryBatchMax}`, async () => {
        const cases: [string, string][] = [
          ['', 'required'],
          ['products=', 'required'],
          [`products=${encodeURIComponent(product)},,x`, 'invalid'],
          [`products=${encodeURIComponent(product)},`, 'invalid'],
          ['products=a%00b', 'invalid'],
          [`products=${'x'.repeat(LIMITS.idMax + 1)}`, 'too_long'],
          [`products=${Array.from({ length: LIMITS.summaryBatchMax + 1 }, (_, i) => `p${i}`).join(',')}`, 'too_many'],
        ];
        for (const [query, problem] of cases) {
          const error = expectError(await call('GET', summariesPath(business, query)), 400, 'validation_failed');
          assert.deepEqual(error.fields, { products: problem }, query.slice(0, 60));
        }
        const most = Array.from({ length: LIMITS.summaryBatchMax }, (_, i) => (i === 0 ? product : `p${i}`));
        const answer = await call('GET', summariesPath(business, products(...most)));
        assert.equal(answer.status, 200, `${LIMITS.summaryBatchMax} products are taken`);
        assert.equal(valid(summaryBatchSchema, answer, 'the summaries').items.length, 1);
      });

      it('404 not_found for an unknown business, 400 for a control character in it', async () => {
        expectError(await call('GET', summariesPath('no-such-business-contract', products(product))), 404, 'not_found');
        expectError(
          await call('GET', `/v1/businesses/shop%01/summaries?${products(product)}`),
          400,
          'validation_failed',
        );
      });
    });

    describe('GET /v1/businesses/{business}/reviews', () => {
      it('R3: lists every published review, newest first by default', async () => {
        const s = await summary(business);
        const first = await page(business);
        assert.equal(first.total, s.totals.published);
        assert.equal(first.items.length, Math.min(20, first.total), 'the default page size is 20');
        const reviews = await all(business);
        assert.equal(reviews.length, s.totals.published);
        for (let i = 1; i < reviews.length; i += 1) {
          assert.ok(reviews[i - 1]!.createdAt >= reviews[i]!.createdAt, 'newest first');
        }
      });

      it('pages with a cursor: no review twice, none missing, and an end', async () => {
        const seen = new Set<string>();
        let cursor: string | null = null;
        let total: number;
        let pages = 0;
        do {
          const p: ReviewPage = await page(business, `limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          total = p.total;
          assert.ok(p.items.length <= 7);
          for (const r of p.items) {
            assert.ok(!seen.has(r.id), `review ${r.id} appears twice`);
            seen.add(r.id);
          }
          cursor = p.nextCursor;
          pages += 1;
        } while (cursor && pages < 500);
        assert.ok(total > 7, 'enough reviews for several pages');
        assert.equal(seen.size, total);
        assert.equal(pages, Math.ceil(total / 7));
      });

      for (const sort of SORTS) {
        it(`sorts ${sort}`, async () => {
          const reviews = (await page(business, `sort=${sort}&limit=50`)).items;
          assert.ok(reviews.length > 1);
          for (let i = 1; i < reviews.length; i += 1) {
            const [a, b] = [reviews[i - 1]!, reviews[i]!];
            if (sort === 'newest') assert.ok(a.createdAt >= b.createdAt);
            if (sort === 'oldest') assert.ok(a.createdAt <= b.createdAt);
            if (sort === 'highest') assert.ok(a.rating >= b.rating);
            if (sort === 'lowest') assert.ok(a.rating <= b.rating);
            if (sort === 'helpful') assert.ok(a.helpfulCount >= b.helpfulCount);
          }
        });
      }

      it('filters by rating; the filters add up to the whole', async () => {
        const whole = (await page(business)).total;
        let sum = 0;
        for (const rating of [1, 2, 3, 4, 5]) sum += (await page(business, `rating=${rating}`)).total;
        assert.equal(sum, whole);
        const high = await all(business, 'rating=4,5');
        assert.ok(high.length > 0 && high.every((r) => r.rating >= 4));
        assert.equal(high.length, (await page(business, 'rating=4')).total + (await page(business, 'rating=5')).total);
      });

      it('filters verified reviews only', async () => {
        const s = await summary(business);
        const verified = await all(business, 'verified=true');
        assert.equal(verified.length, s.totals.verified);
        assert.ok(verified.every((r) => r.verification.status === 'verified'));
      });

      it('filters by language', async () => {
        const swedish = await all(business, 'language=sv');
        assert.ok(swedish.length > 0);
        assert.ok(swedish.every((r) => r.language.split('-')[0] === 'sv'));
      });

      it('searches text in titles and bodies, ignoring case', async () => {
        const sample = (await page(business, 'sort=oldest&limit=50')).items.find((r) => r.body.split(' ').length > 3)!;
        const word = sample.body
          .split(/\s+/)
          .find((w) => w.length > 5)!
          .replace(/[^\p{L}]/gu, '');
        const found = await all(business, `q=${encodeURIComponent(word.toUpperCase())}`);
        assert.ok(
          found.some((r) => r.id === sample.id),
          `searching "${word}" finds review ${sample.id}`,
        );
        assert.ok(found.every((r) => `${r.title ?? ''} ${r.body}`.toLowerCase().includes(word.toLowerCase())));
        assert.equal((await page(business, 'q=zzzqqqxxx-nothing-matches')).total, 0);
      });

      it('accepts limit 50 and rejects 51, 0 and nonsense with validation_failed', async () => {
        assert.equal((await page(business, 'limit=50')).items.length, 50);
        for (const limit of ['51', '0', 'ten']) {
          const error = expectError(
            await call('GET', reviewsPath(business, `limit=${limit}`)),
            400,
            'validation_failed',
          );
          assert.ok(error.fields?.limit, `fields.limit for limit=${limit}`);
        }
      });

      it('rejects an unknown sort, rating or cursor with validation_failed', async () => {
        assert.ok(
          expectError(await call('GET', reviewsPath(business, 'sort=random')), 400, 'validation_failed').fields?.sort,
        );
        assert.ok(
          expectError(await call('GET', reviewsPath(business, 'rating=6')), 400, 'validation_failed').fields?.rating,
        );
        assert.ok(
          expectError(await call('GET', reviewsPath(business, 'cursor=not-a-cursor')), 400, 'validation_failed').fields
            ?.cursor,
        );
      });

      it('caps q at 100 characters with too_long', async () => {
        assert.equal((await page(business, `q=${'x'.repeat(100)}`)).total, 0);
        const error = expectError(
          await call('GET', reviewsPath(business, `q=${'x'.repeat(101)}`)),
          400,
          'validation_failed',
        );
        assert.equal(error.fields?.q, 'too_long');
      });

      it('answers an empty page for a business without reviews, and 404 for an unknown one', async () => {
        const empty = await page(emptyBusiness);
        assert.deepEqual(empty, { items: [], nextCursor: null, total: 0 });
        expectError(await call('GET', reviewsPath('no-such-business-contract')), 404, 'not_found');
      });

      it('R1: every review carries its provenance; only verified reviews of the window count', async () => {
        const reviews = await all(business);
        const statuses = new Set(reviews.map((r) => r.verification.status));
        assert.deepEqual([...statuses].sort(), ['imported', 'unverified', 'verified']);
        const window = subtractMonths(new Date(), 12).getTime();
        for (const r of reviews) {
          if (r.verification.status === 'verified') assert.ok(r.verification.method, `${r.id} has a method`);
          else assert.equal(r.verification.method, null, `${r.id} has no method`);
          if (r.countsTowardScore) {
            assert.equal(r.verification.status, 'verified');
            assert.ok(Date.parse(r.createdAt) >= window);
          }
        }
      });

      it('R12: no public answer contains an e-mail address or a phone field', async () => {
        const answer = await call('GET', reviewsPath(business, 'limit=50'));
        assert.doesNotMatch(answer.text, /"(email|phone)"/);
        assert.doesNotMatch(answer.text, /[\w.+-]+@[\w-]+\.[\w.]+/);
        const one = await call('GET', `/v1/reviews/${encodeURIComponent((answer.json as ReviewPage).items[0]!.id)}`);
        assert.doesNotMatch(one.text, /"(email|phone)"/);
      });
    });

    describe('hostile input', () => {
      const nul = encodeURIComponent('a\u0000b');
      it('answers a control character in a path id or a query value with 400 naming it', async () => {
        const cases: [string, string][] = [
          [`/v1/businesses/${nul}/summary`, 'business'],
          [summaryPath(business, `product=${nul}`), 'product'],
          [`/v1/businesses/${nul}/reviews`, 'business'],
          [`/v1/reviews/${nul}`, 'id'],
          ...['product', 'language', 'q', 'cursor'].map((name): [string, string] => [
            reviewsPath(business, `${name}=${nul}`),
            name,
          ]),
          [reviewsPath(business, `q=${encodeURIComponent('bell\u0007')}`), 'q'],
        ];
        for (const [path, field] of cases) {
          const error = expectError(await call('GET', path), 400, 'validation_failed');
          assert.equal(error.fields?.[field], 'invalid', path);
        }
      });

      it('refuses control characters and names that show nothing in what is written', async () => {
        const review = (await page(business)).items[0]!;
        const refused = expectError(
          await call(
            'POST',
            reviewsPath(business),
            submission({ authorName: '\u200B\u200D\u3164', title: 'Bell\u0007', body: `${submission().body}\u0001` }),
            { 'idempotency-key': key() },
          ),
          400,
          'validation_failed',
        );
        assert.deepEqual(
          Object.keys(refused.fields ?? {}).sort(),
          ['authorName', 'body', 'title'],
          JSON.stringify(refused.fields),
        );
        const note = expectError(
          await call('POST', `/v1/reviews/${encodeURIComponent(review.id)}/reports`, {
            reason: 'spam',
            note: 'x\u001b[2J',
          }),
          400,
          'validation_failed',
        );
        assert.equal(note.fields?.note, 'invalid');
      });

      it('takes only application/json as JSON', async () => {
        for (const type of ['application/evil+json', 'text/plain', 'application/json; charset=latin1']) {
          expectError(
            await call('POST', reviewsPath(business), submission(), { 'idempotency-key': key(), 'content-type': type }),
            415,
            'unsupported_media_type',
          );
        }
        const answer = await call('POST', reviewsPath(business), submission(), {
          'idempotency-key': key(),
          'content-type': 'application/json; charset=UTF-8',
        });
        assert.equal(answer.status, 201, answer.text);
      });
    });

    describe('GET /v1/reviews/{id}', () => {
      it('answers the same review the list shows', async () => {
        const listed = (await page(business)).items[3]!;
        const answer = await call('GET', `/v1/reviews/${encodeURIComponent(listed.id)}`);
        assert.equal(answer.status, 200);
        assert.deepEqual(valid(reviewSchema, answer, 'the review'), listed);
      });

      it('404 not_found for an unknown review', async () => {
        expectError(await call('GET', '/v1/reviews/no-such-review-contract'), 404, 'not_found');
      });
    });

    describe('POST /v1/businesses/{business}/reviews', () => {
      it('creates an unverified review without an invitation', async () => {
        const answer = await call('POST', reviewsPath(business), submission(), { 'idempotency-key': key() });
        assert.equal(answer.status, 201, answer.text);
        const result = valid(submitResultSchema, answer, 'the submit result');
        assert.ok(['pending', 'published'].includes(result.status));
        assert.deepEqual(result.verification, { status: 'unverified', method: null });
      });

      it('requires an Idempotency-Key', async () => {
        expectError(await call('POST', reviewsPath(business), submission()), 400, 'validation_failed');
      });

      it('answers a repeated key and body with the same review, and another body with 409', async () => {
        const k = key();
        const body = submission({ title: 'Sent twice' });
        const first = valid(
          submitResultSchema,
          await call('POST', reviewsPath(business), body, { 'idempotency-key': k }),
          'first',
        );
        const again = await call('POST', reviewsPath(business), body, { 'idempotency-key': k });
        assert.ok(again.status === 200 || again.status === 201, again.text);
        assert.equal(valid(submitResultSchema, again, 'the repeat').id, first.id);
        expectError(
          await call('POST', reviewsPath(business), submission({ title: 'Something else' }), { 'idempotency-key': k }),
          409,
          'idempotency_conflict',
        );
      });

      it('lets a key be reused after a rejected body is fixed', async () => {
        const k = key();
        expectError(
          await call('POST', reviewsPath(business), submission({ body: 'short' }), { 'idempotency-key': k }),
          400,
          'validation_failed',
        );
        const fixed = await call('POST', reviewsPath(business), submission(), { 'idempotency-key': k });
        assert.equal(fixed.status, 201, fixed.text);
      });

      it('rejects invalid fields with validation_failed and one problem per field', async () => {
        const error = expectError(
          await call(
            'POST',
            reviewsPath(business),
            submission({ rating: 7, body: 'Too short', consent: false, authorName: '' }),
            { 'idempotency-key': key() },
          ),
          400,
          'validation_failed',
        );
        assert.ok(error.fields);
        for (const field of ['rating', 'body', 'consent', 'authorName'])
          assert.ok(error.fields[field], `fields.${field}`);
      });

      it('needs an e-mail address without an invitation', async () => {
        const error = expectError(
          await call('POST', reviewsPath(business), submission({ email: undefined }), { 'idempotency-key': key() }),
          400,
          'validation_failed',
        );
        assert.ok(error.fields?.email);
      });

      it('R7: rejects an experience more than 6 months back or in the future', async () => {
        const old = subtractMonths(new Date(), 7).toISOString().slice(0, 10);
        const tooOld = expectError(
          await call('POST', reviewsPath(business), submission({ experiencedAt: old }), { 'idempotency-key': key() }),
          400,
          'validation_failed',
        );
        assert.equal(tooOld.fields?.experiencedAt, 'too_old');
        const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
        const tooNew = expectError(
          await call('POST', reviewsPath(business), submission({ experiencedAt: future }), {
            'idempotency-key': key(),
          }),
          400,
          'validation_failed',
        );
        assert.equal(tooNew.fields?.experiencedAt, 'future');
      });

      it('R8: an invitation makes the review verified, once', async () => {
        const token = await target.invitation();
        const body = submission({ email: undefined, invitationToken: token });
        const answer = await call('POST', reviewsPath(business), body, { 'idempotency-key': key() });
        assert.equal(answer.status, 201, answer.text);
        assert.deepEqual(valid(submitResultSchema, answer, 'the result').verification, {
          status: 'verified',
          method: 'invitation',
        });
        const reused = expectError(
          await call('POST', reviewsPath(business), { ...body, title: 'Again' }, { 'idempotency-key': key() }),
          400,
          'validation_failed',
        );
        assert.equal(reused.fields?.invitationToken, 'invitation_used');
        const unknown = expectError(
          await call('POST', reviewsPath(business), submission({ invitationToken: 'no-such-invitation' }), {
            'idempotency-key': key(),
          }),
          400,
          'validation_failed',
        );
        assert.equal(unknown.fields?.invitationToken, 'invalid_invitation');
      });

      it('R8: the invitation decides the product; another one is refused and the token stays unused', async () => {
        const post = (token: string, overrides: Record<string, unknown>) =>
          call('POST', reviewsPath(business), submission({ email: undefined, invitationToken: token, ...overrides }), {
            'idempotency-key': key(),
          });
        const shopToken = await target.invitation();
        const forShop = expectError(await post(shopToken, { product }), 400, 'validation_failed');
        assert.equal(forShop.fields?.product, 'invitation_mismatch', 'a shop invitation does not review a product');
        const productToken = await target.invitation(product);
        const forOther = expectError(await post(productToken, { product: otherProduct }), 400, 'validation_failed');
        assert.equal(forOther.fields?.product, 'invitation_mismatch', 'an invitation for one product reviews that one');

        for (const [token, overrides] of [
          [shopToken, {}],
          [productToken, { product }],
        ] as const) {
          const answer = await post(token, overrides);
          assert.equal(answer.status, 201, `the refused attempt did not spend the token: ${answer.text}`);
          assert.deepEqual(valid(submitResultSchema, answer, 'the result').verification, {
            status: 'verified',
            method: 'invitation',
          });
        }
      });

      it(
        'R8: an expired invitation is refused with invitation_expired',
        { skip: !target.expiredInvitation },
        async () => {
          const token = await target.expiredInvitation!();
          const error = expectError(
            await call('POST', reviewsPath(business), submission({ email: undefined, invitationToken: token }), {
              'idempotency-key': key(),
            }),
            400,
            'validation_failed',
          );
          assert.equal(error.fields?.invitationToken, 'invitation_expired');
        },
      );

      it('answers a filled honeypot like a success', async () => {
        const answer = await call('POST', reviewsPath(business), submission({ website: 'http://spam.example' }), {
          'idempotency-key': key(),
        });
        assert.equal(answer.status, 201);
        valid(submitResultSchema, answer, 'the result');
      });

      it('404 not_found for an unknown business', async () => {
        expectError(
          await call('POST', reviewsPath('no-such-business-contract'), submission(), { 'idempotency-key': key() }),
          404,
          'not_found',
        );
      });
    });

    describe('POST /v1/reviews/{id}/helpful', () => {
      const vote = (id: string, headers: Record<string, string> = {}, body: unknown = {}) =>
        call('POST', `/v1/reviews/${encodeURIComponent(id)}/helpful`, body, headers);
      const count = async (id: string) =>
        valid(reviewSchema, await call('GET', `/v1/reviews/${encodeURIComponent(id)}`), 'the review').helpfulCount;

      it('counts a vote once per client: a repeat answers the same count', async () => {
        const review = (await page(business)).items[1]!;
        const first = await vote(review.id);
        assert.equal(first.status, 200, first.text);
        assert.equal(valid(helpfulResultSchema, first, 'the vote result').helpfulCount, review.helpfulCount + 1);
        const again = await vote(review.id);
        assert.equal(again.status, 200, again.text);
        assert.equal(valid(helpfulResultSchema, again, 'the repeat').helpfulCount, review.helpfulCount + 1);
        assert.equal(await count(review.id), review.helpfulCount + 1);
        expectError(await vote('no-such-review-contract'), 404, 'not_found');
      });

      it("refuses a vote from another site's page before counting it; the shop's own site may vote", async () => {
        const [, , stranger, shop] = (await page(business)).items;
        expectError(await vote(stranger!.id, { origin: 'https://evil.example' }), 403, 'origin_not_allowed');
        expectError(await vote(stranger!.id, { origin: 'null' }), 403, 'origin_not_allowed');
        assert.equal(await count(stranger!.id), stranger!.helpfulCount, 'not counted');
        const own = await vote(shop!.id, { origin: new URL((await summary(business)).business.url!).origin });
        assert.equal(own.status, 200, own.text);
        assert.equal(valid(helpfulResultSchema, own, 'the vote result').helpfulCount, shop!.helpfulCount + 1);
      });

      it('takes a vote only as JSON, so a plain cross-site form post cannot vote', async () => {
        const review = (await page(business)).items[4]!;
        const path = `/v1/reviews/${encodeURIComponent(review.id)}/helpful`;
        expectError(await call('POST', path), 415, 'unsupported_media_type');
        for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
          const answer = await fetch(new URL(path.slice(1), `${target.baseUrl.replace(/\/$/, '')}/`), {
            method: 'POST',
            headers: { 'content-type': type },
            body: '{}',
          });
          expectError(await readAnswer(answer), 415, 'unsupported_media_type');
        }
        expectError(await vote(review.id, {}, []), 400, 'validation_failed');
        assert.equal(await count(review.id), review.helpfulCount, 'not counted');
      });
    });

    describe('POST /v1/reviews/{id}/reports', () => {
      it('accepts a report with 202', async () => {
        const review = (await page(business)).items[0]!;
        const answer = await call('POST', `/v1/reviews/${encodeURIComponent(review.id)}/reports`, {
          reason: 'spam',
          note: 'Looks like an advert.',
        });
        assert.equal(answer.status, 202);
      });

      it('R10: "not genuine" is accepted for a recent review and refused for one older than 12 months', async () => {
        const recent = (await page(business)).items[0]!;
        const ok = await call('POST', `/v1/reviews/${encodeURIComponent(recent.id)}/reports`, {
          reason: 'not_genuine',
        });
        assert.equal(ok.status, 202);
        const oldest = (await page(business, 'sort=oldest&limit=1')).items[0]!;
        assert.ok(Date.parse(oldest.createdAt) < subtractMonths(new Date(), 12).getTime());
        expectError(
          await call('POST', `/v1/reviews/${encodeURIComponent(oldest.id)}/reports`, { reason: 'not_genuine' }),
          422,
          'report_window_closed',
        );
        const other = await call('POST', `/v1/reviews/${encodeURIComponent(oldest.id)}/reports`, {
          reason: 'offensive',
        });
        assert.equal(other.status, 202, 'other reasons have no time limit');
      });

      it('accepts a repeated report with 202 (it is stored once per client)', async () => {
        const review = (await page(business)).items[5]!;
        const path = `/v1/reviews/${encodeURIComponent(review.id)}/reports`;
        assert.equal((await call('POST', path, { reason: 'offensive' })).status, 202);
        assert.equal((await call('POST', path, { reason: 'spam', note: 'Again' })).status, 202);
      });

      it('rejects an unknown reason, and 404 for an unknown review', async () => {
        const review = (await page(business)).items[0]!;
        expectError(
          await call('POST', `/v1/reviews/${encodeURIComponent(review.id)}/reports`, { reason: 'dislike' }),
          400,
          'validation_failed',
        );
        expectError(
          await call('POST', '/v1/reviews/no-such-review-contract/reports', { reason: 'spam' }),
          404,
          'not_found',
        );
      });
    });
  });

  describe(
    "the reviewer's links (SPEC §7)",
    { skip: target.reviewerLinks ? false : 'no access to the e-mailed links' },
    () => {
      const as = (token: string) => ({ authorization: `Bearer ${token}` });

      it('a review without an invitation waits for its author to confirm it by e-mail', async () => {
        const answer = await call('POST', reviewsPath(business), submission({ title: 'Confirm me' }), {
          'idempotency-key': key(),
        });
        assert.equal(answer.status, 201);
        const result = valid(submitResultSchema, answer, 'the submit result');
        assert.equal(result.status, 'pending');
        assert.equal(result.confirmation, 'email');
        const links = await target.reviewerLinks!(result.id);

        const stored = await call('GET', '/v1/reviewer/review', undefined, as(links.manage));
        assert.equal(stored.status, 200, stored.text);
        const own = valid(reviewerReviewSchema, stored, "the author's review");
        assert.equal(own.id, result.id);
        assert.equal(own.status, 'unconfirmed');
        assert.equal(own.email, 'tester@mail.example', 'its author sees the address stored with it');
        assert.equal(own.business.id, business);

        const confirmed = await call('POST', '/v1/reviewer/confirm', undefined, as(links.confirm));
        assert.equal(confirmed.status, 200, confirmed.text);
        const first = valid(confirmResultSchema, confirmed, 'the confirmation');
        assert.deepEqual([first.id, first.status], [result.id, 'pending']);
        const again = valid(
          confirmResultSchema,
          await call('POST', '/v1/reviewer/confirm', undefined, as(links.confirm)),
          'again',
        );
        assert.equal(again.status, 'pending', 'confirming twice changes nothing');
      });

      it('each link does its own thing only, and a missing or unknown one is refused', async () => {
        const answer = await call('POST', reviewsPath(business), submission({ title: 'Links' }), {
          'idempotency-key': key(),
        });
        const links = await target.reviewerLinks!(valid(submitResultSchema, answer, 'the submit result').id);
        expectError(await call('GET', '/v1/reviewer/review'), 401, 'unauthorized');
        expectError(await call('GET', '/v1/reviewer/review', undefined, as('no-such-link')), 404, 'not_found');
        expectError(await call('GET', '/v1/reviewer/review', undefined, as(links.confirm)), 404, 'not_found');
        expectError(await call('POST', '/v1/reviewer/confirm', undefined, as(links.manage)), 404, 'not_found');
        expectError(await call('DELETE', '/v1/reviewer/review', undefined, as(links.confirm)), 404, 'not_found');
      });

      it('the author edits the review (then "edited") and withdraws it (then gone)', async () => {
        const answer = await call('POST', reviewsPath(business), submission({ title: 'Edit me' }), {
          'idempotency-key': key(),
        });
        const links = await target.reviewerLinks!(valid(submitResultSchema, answer, 'the submit result').id);
        await call('POST', '/v1/reviewer/confirm', undefined, as(links.confirm));
        const refused = expectError(
          await call('PATCH', '/v1/reviewer/review', { rating: 6, body: 'short' }, as(links.manage)),
          400,
          'validation_failed',
        );
        assert.ok(refused.fields?.rating && refused.fields?.body, JSON.stringify(refused.fields));
        expectError(await call('PATCH', '/v1/reviewer/review', {}, as(links.manage)), 400, 'validation_failed');
        const edited = await call(
          'PATCH',
          '/v1/reviewer/review',
          { rating: 2, title: 'Changed my mind', body: 'On second thought the beans were stale when they arrived.' },
          as(links.manage),
        );
        assert.equal(edited.status, 200, edited.text);
        const own = valid(reviewerReviewSchema, edited, 'the edited review');
        assert.deepEqual([own.rating, own.title, own.status], [2, 'Changed my mind', 'pending']);
        assert.ok(own.editedAt, 'an edit after the confirmation is an edit');

        const withdrawn = await call('DELETE', '/v1/reviewer/review', undefined, as(links.manage));
        assert.equal(withdrawn.status, 204);
        expectError(await call('GET', '/v1/reviewer/review', undefined, as(links.manage)), 404, 'not_found');
        expectError(
          await call(
            'GET',
            `/v1/reviews/${encodeURIComponent(valid(submitResultSchema, answer, 'the submit result').id)}`,
          ),
          404,
          'not_found',
        );
      });
    },
  );
}
