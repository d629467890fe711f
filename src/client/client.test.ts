import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { freshApi, useMocks } from '../../test/helpers/msw.js';
import { summaryOf } from '../../test/helpers/summaries.js';
import { createClient } from './client.js';
import { VerityApiError } from './errors.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('client: getSummary', () => {
  it('returns a valid summary and asks for the product', async () => {
    const api = freshApi();
    let seen: URL | undefined;
    await useMocks(
      http.get('*/v1/businesses/:business/summary', ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json(summaryOf());
      }),
    );
    const summary = await createClient({ baseUrl: api }).getSummary({ business: 'a shop/1', product: 'SKU 9' });
    expect(summary.rating.average).to.equal(4.62);
    expect(summary.rating.grade).to.equal('excellent');
    expect(seen?.pathname).to.equal(`${new URL(api).pathname}/v1/businesses/a%20shop%2F1/summary`);
    expect(seen?.searchParams.get('product')).to.equal('SKU 9');
  });

  it('sends no cookies or credentials', async () => {
    let credentials: RequestCredentials | undefined;
    const fetchSpy: typeof fetch = (input, init) => {
      credentials = init?.credentials;
      return fetch(input, init);
    };
    await useMocks(http.get('*/v1/businesses/:business/summary', () => HttpResponse.json(summaryOf())));
    await createClient({ baseUrl: freshApi(), fetch: fetchSpy }).getSummary({ business: 'x' });
    expect(credentials).to.equal('omit');
  });

  it('rejects a response of the wrong shape as invalid_response naming the field', async () => {
    const bad = { ...summaryOf(), rating: { average: 'high', grade: 'excellent', count: 3, windowMonths: 12 } };
    await useMocks(http.get('*/v1/businesses/:business/summary', () => HttpResponse.json(bad)));
    const error = await failure(createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }));
    expect(error).to.be.instanceOf(VerityApiError);
    expect((error as VerityApiError).code).to.equal('invalid_response');
    expect((error as VerityApiError).path).to.equal('rating.average');
    expect((error as VerityApiError).message).to.contain('rating.average');
  });

  it('rejects a made-up score (an average without reviews) as invalid_response', async () => {
    const bad = { ...summaryOf(), rating: { average: 4.2, grade: 'good', count: 0, windowMonths: 12 } };
    await useMocks(http.get('*/v1/businesses/:business/summary', () => HttpResponse.json(bad)));
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('invalid_response');
    expect(error.path).to.equal('rating');
  });

  it('rejects a body that is not JSON as invalid_response', async () => {
    await useMocks(
      http.get(
        '*/v1/businesses/:business/summary',
        () => new HttpResponse('<html>oops', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(200);
  });

  it('turns a 404 into not_found with the API error code and message', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'No business nope' } }, { status: 404 }),
      ),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'nope' }),
    )) as VerityApiError;
    expect(error.code).to.equal('not_found');
    expect(error.status).to.equal(404);
    expect(error.apiCode).to.equal('not_found');
    expect(error.message).to.equal('No business nope');
  });

  it('turns a 500 into http with the status and the API error code', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', () =>
        HttpResponse.json({ error: { code: 'internal', message: 'Database down' } }, { status: 500 }),
      ),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(500);
    expect(error.apiCode).to.equal('internal');
  });

  it('keeps the status of an error answer that is not JSON', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', () => new HttpResponse('Bad gateway', { status: 502 })),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.apiCode).to.equal(undefined);
  });

  it('reads Retry-After of a 429', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Slow down' } },
          { status: 429, headers: { 'retry-after': '30' } },
        ),
      ),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(30);
  });

  it('turns a network failure into network', async () => {
    await useMocks(http.get('*/v1/businesses/:business/summary', () => HttpResponse.error()));
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('network');
  });

  it('gives up after timeoutMs with timeout', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', async () => {
        await delay(5000);
        return HttpResponse.json(summaryOf());
      }),
    );
    const started = performance.now();
    const error = (await failure(
      createClient({ baseUrl: freshApi(), timeoutMs: 150 }).getSummary({ business: 'x' }),
    )) as VerityApiError;
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain('150 ms');
    expect(performance.now() - started).to.be.below(3000);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    await useMocks(
      http.get('*/v1/businesses/:business/summary', async () => {
        await delay(5000);
        return HttpResponse.json(summaryOf());
      }),
    );
    const controller = new AbortController();
    const pending = createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('does not send a request when the signal is already aborted', async () => {
    let requests = 0;
    await useMocks(
      http.get('*/v1/businesses/:business/summary', () => {
        requests += 1;
        return HttpResponse.json(summaryOf());
      }),
    );
    const error = await failure(
      createClient({ baseUrl: freshApi() }).getSummary({ business: 'x' }, { signal: AbortSignal.abort() }),
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(requests).to.equal(0);
  });
});

describe('client: every endpoint', () => {
  const review = (id: string, overrides: Record<string, unknown> = {}) => ({
    id,
    business: 'shop',
    product: null,
    rating: 5,
    title: null,
    body: 'Lovely coffee, quick delivery.',
    language: 'en',
    author: { displayName: 'Anna L.', country: 'SE' },
    experiencedAt: '2026-11-01',
    createdAt: '2026-11-02T10:00:00.000Z',
    editedAt: null,
    verification: { status: 'verified', method: 'invitation' },
    countsTowardScore: true,
    reply: null,
    helpfulCount: 2,
    url: `https://shop.example/reviews#verity-review-${id}`,
    ...overrides,
  });

  it('listReviews sends every filter, the sort, the cursor and the limit', async () => {
    let seen: URLSearchParams | undefined;
    await useMocks(
      http.get('*/v1/businesses/:business/reviews', ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [review('r1')], nextCursor: 'abc', total: 41 });
      }),
    );
    const page = await createClient({ baseUrl: freshApi() }).listReviews({
      business: 'shop',
      product: 'SKU',
      sort: 'helpful',
      rating: [5, 4],
      verified: true,
      language: 'sv',
      q: 'kaffe bönor',
      cursor: 'c1',
      limit: 50,
    });
    expect(page.total).to.equal(41);
    expect(page.nextCursor).to.equal('abc');
    expect(Object.fromEntries(seen!)).to.deep.equal({
      product: 'SKU',
      sort: 'helpful',
      rating: '4,5',
      verified: 'true',
      language: 'sv',
      q: 'kaffe bönor',
      cursor: 'c1',
      limit: '50',
    });
  });

  it('getReview fetches one review and validates it', async () => {
    await useMocks(http.get('*/v1/reviews/:id', ({ params }) => HttpResponse.json(review(String(params.id)))));
    const one = await createClient({ baseUrl: freshApi() }).getReview('r 9');
    expect(one.id).to.equal('r 9');
  });

  it('submitReview sends the body with an Idempotency-Key, and keeps a given key', async () => {
    const keys: (string | null)[] = [];
    let body: unknown;
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        body = await request.json();
        return HttpResponse.json(
          { id: 'new-1', status: 'pending', verification: { status: 'unverified', method: null } },
          { status: 201 },
        );
      }),
    );
    const client = createClient({ baseUrl: freshApi() });
    const input = {
      rating: 5,
      body: 'Wonderful coffee, arrived quickly.',
      authorName: 'Anna',
      email: 'anna@mail.example',
      experiencedAt: '2026-11-01',
      language: 'sv',
      consent: true as const,
      website: '',
    };
    const result = await client.submitReview('shop', input);
    await client.submitReview('shop', input, { idempotencyKey: 'draft-key-1' });
    expect(result).to.deep.equal({
      id: 'new-1',
      status: 'pending',
      verification: { status: 'unverified', method: null },
    });
    expect(body).to.deep.equal(input);
    expect(keys[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).to.equal('draft-key-1');
  });

  it('maps a 400 to validation_failed with the field problems', async () => {
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json(
          {
            error: { code: 'validation_failed', message: 'Invalid', fields: { body: 'too_short', email: 'required' } },
          },
          { status: 400 },
        ),
      ),
    );
    const error = (await failure(
      createClient({ baseUrl: freshApi() }).submitReview('shop', {} as never, { idempotencyKey: 'k' }),
    )) as VerityApiError;
    expect(error.code).to.equal('validation_failed');
    expect(error.fields).to.deep.equal({ body: 'too_short', email: 'required' });
  });

  it('maps 409 to idempotency_conflict and 422 to report_window_closed', async () => {
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json({ error: { code: 'idempotency_conflict', message: 'Key reused' } }, { status: 409 }),
      ),
      http.post('*/v1/reviews/:id/reports', () =>
        HttpResponse.json({ error: { code: 'report_window_closed', message: 'Too old' } }, { status: 422 }),
      ),
    );
    const client = createClient({ baseUrl: freshApi() });
    expect(((await failure(client.submitReview('shop', {} as never))) as VerityApiError).code).to.equal(
      'idempotency_conflict',
    );
    expect(((await failure(client.reportReview('r1', { reason: 'not_genuine' }))) as VerityApiError).code).to.equal(
      'report_window_closed',
    );
  });

  it('voteHelpful sends a JSON body and returns the new count; reportReview resolves on 202', async () => {
    let reported: unknown;
    let vote: { type: string | null; body: string } | undefined;
    await useMocks(
      http.post('*/v1/reviews/:id/helpful', async ({ request }) => {
        vote = { type: request.headers.get('content-type'), body: await request.text() };
        return HttpResponse.json({ helpfulCount: 8 });
      }),
      http.post('*/v1/reviews/:id/reports', async ({ request }) => {
        reported = await request.json();
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const client = createClient({ baseUrl: freshApi() });
    expect(await client.voteHelpful('r1')).to.deep.equal({ helpfulCount: 8 });
    // Only JSON counts: a cross-site form post (no preflight) cannot vote.
    expect(vote).to.deep.equal({ type: 'application/json', body: '{}' });
    expect(await client.reportReview('r1', { reason: 'spam', note: 'Advert' })).to.equal(undefined);
    expect(reported).to.deep.equal({ reason: 'spam', note: 'Advert' });
  });
});

describe('client: one request for many widgets', () => {
  const page = (ids: string[]) => ({
    items: ids.map((id) => ({
      id,
      business: 'shop',
      product: null,
      rating: 4,
      title: 'Nice',
      body: 'Good beans, fresh and well packed.',
      language: 'en',
      author: { displayName: 'Jo', country: null },
      experiencedAt: '2026-10-01',
      createdAt: '2026-10-02T10:00:00.000Z',
      editedAt: null,
      verification: { status: 'unverified', method: null },
      countsTowardScore: false,
      reply: null,
      helpfulCount: 0,
      url: `https://shop.example/r/${id}`,
    })),
    nextCursor: null,
    total: ids.length,
  });

  function counting() {
    const counts = { summary: 0, list: 0, review: 0 };
    const handlers = [
      http.get('*/v1/businesses/:business/summary', async () => {
        counts.summary += 1;
        await delay(30);
        return HttpResponse.json(summaryOf());
      }),
      http.get('*/v1/businesses/:business/reviews', async () => {
        counts.list += 1;
        await delay(30);
        return HttpResponse.json(page(['a', 'b', 'c']));
      }),
      http.get('*/v1/reviews/:id', ({ params }) => {
        counts.review += 1;
        return HttpResponse.json(page([String(params.id)]).items[0]);
      }),
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json(
          { id: 'n', status: 'pending', verification: { status: 'unverified', method: null } },
          { status: 201 },
        ),
      ),
      http.post('*/v1/reviews/:id/helpful', () => HttpResponse.json({ helpfulCount: 1 })),
    ];
    return { counts, handlers };
  }

  it('sends identical GETs in flight once', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    const answers = await Promise.all([
      client.getSummary({ business: 'shop' }),
      client.getSummary({ business: 'shop' }),
      client.getSummary({ business: 'shop' }),
      client.getSummary({ business: 'shop', product: 'SKU' }),
    ]);
    expect(answers[0]).to.equal(answers[1]);
    expect(counts.summary).to.equal(2);
  });

  it('answers repeats from its cache until the TTL passes, and not at all with cache: no-cache', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    let clock = 1_000;
    const client = createClient({ baseUrl: freshApi(), cacheTtlMs: 60_000, now: () => clock });
    await client.getSummary({ business: 'shop' });
    clock += 59_000;
    await client.getSummary({ business: 'shop' });
    expect(counts.summary).to.equal(1);
    clock += 2_000;
    await client.getSummary({ business: 'shop' });
    expect(counts.summary).to.equal(2);
    await client.getSummary({ business: 'shop' }, { cache: 'no-cache' });
    expect(counts.summary).to.equal(3);
  });

  it('caches nothing with cacheTtlMs: 0', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi(), cacheTtlMs: 0 });
    await client.getSummary({ business: 'shop' });
    await client.getSummary({ business: 'shop' });
    expect(counts.summary).to.equal(2);
  });

  it('answers getReview from a loaded list page without a request', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    await client.listReviews({ business: 'shop' });
    const b = await client.getReview('b');
    expect(b.id).to.equal('b');
    expect(counts.review).to.equal(0);
    await client.getReview('zzz');
    expect(counts.review).to.equal(1);
  });

  it('a badge, a list and a quote of one business make one summary and one list request', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    await Promise.all([
      client.getSummary({ business: 'shop' }), // the badge
      client.getSummary({ business: 'shop' }).then(() => client.listReviews({ business: 'shop' })), // the list
      client.listReviews({ business: 'shop' }).then(() => client.getReview('c')), // the quote
    ]);
    expect(counts).to.deep.equal({ summary: 1, list: 1, review: 0 });
  });

  it('forgets what a new review, or a vote, changes', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    await client.getSummary({ business: 'shop' });
    await client.getSummary({ business: 'other' });
    await client.listReviews({ business: 'shop' });
    await client.submitReview('shop', {} as never);
    await client.getSummary({ business: 'shop' });
    await client.getSummary({ business: 'other' });
    await client.listReviews({ business: 'shop' });
    expect(counts).to.deep.equal({ summary: 3, list: 2, review: 0 });

    await client.voteHelpful('a');
    await client.listReviews({ business: 'shop' });
    await client.getReview('a');
    await client.getSummary({ business: 'shop' });
    expect(counts).to.deep.equal({ summary: 3, list: 3, review: 0 });
  });

  it('one caller aborting does not abort the request another caller waits for', async () => {
    const { counts, handlers } = counting();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    const controller = new AbortController();
    const first = client.getSummary({ business: 'shop' }, { signal: controller.signal });
    const second = client.getSummary({ business: 'shop' });
    controller.abort();
    expect(((await failure(first)) as DOMException).name).to.equal('AbortError');
    expect((await second).rating.average).to.equal(4.62);
    expect(counts.summary).to.equal(1);
  });
});

describe('client: retries', () => {
  /** A fake clock for the backoff: records each wait and returns at once. */
  function fakeSleep() {
    const waits: number[] = [];
    const sleep = (ms: number, signal?: AbortSignal) => {
      waits.push(Math.round(ms));
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    };
    return { waits, sleep };
  }

  function failingThen(failures: (() => Response)[], then: () => Response) {
    let calls = 0;
    const handler = http.get('*/v1/businesses/:business/summary', () => {
      calls += 1;
      return calls <= failures.length ? failures[calls - 1]!() : then();
    });
    return { handler, calls: () => calls };
  }

  const error500 = () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 });
  const ok = () => HttpResponse.json(summaryOf());

  it('retries a 5xx and a network error with exponential backoff and jitter', async () => {
    const { waits, sleep } = fakeSleep();
    const { handler, calls } = failingThen([error500, () => HttpResponse.error()], ok);
    await useMocks(handler);
    const client = createClient({
      baseUrl: freshApi(),
      sleep,
      random: () => 0.5,
      retry: { retries: 3, baseDelayMs: 200, maxDelayMs: 5000 },
    });
    const summary = await client.getSummary({ business: 'shop' });
    expect(summary.rating.average).to.equal(4.62);
    expect(calls()).to.equal(3);
    // base · 2^attempt, times a jitter factor of 0.5 + random/2 = 0.75
    expect(waits).to.deep.equal([150, 300]);
  });

  it('caps the backoff and gives up after the last retry with the last error', async () => {
    const { waits, sleep } = fakeSleep();
    const { handler, calls } = failingThen([error500, error500, error500, error500, error500], ok);
    await useMocks(handler);
    const client = createClient({
      baseUrl: freshApi(),
      sleep,
      random: () => 1,
      retry: { retries: 4, baseDelayMs: 1000, maxDelayMs: 3000 },
    });
    const error = (await failure(client.getSummary({ business: 'shop' }))) as VerityApiError;
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(500);
    expect(calls()).to.equal(5);
    expect(waits).to.deep.equal([1000, 2000, 3000, 3000]);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const { waits, sleep } = fakeSleep();
    const limited = () =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'Slow down' } },
        { status: 429, headers: { 'retry-after': '3' } },
      );
    const { handler, calls } = failingThen([limited], ok);
    await useMocks(handler);
    const client = createClient({ baseUrl: freshApi(), sleep, random: () => 0 });
    await client.getSummary({ business: 'shop' });
    expect(calls()).to.equal(2);
    expect(waits).to.deep.equal([3000]);
  });

  it('does not retry a 429 that asks for a longer wait than it allows', async () => {
    const { waits, sleep } = fakeSleep();
    const limited = () =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'Later' } },
        { status: 429, headers: { 'retry-after': '120' } },
      );
    const { handler, calls } = failingThen([limited], ok);
    await useMocks(handler);
    const error = (await failure(
      createClient({ baseUrl: freshApi(), sleep }).getSummary({ business: 'shop' }),
    )) as VerityApiError;
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(120);
    expect(calls()).to.equal(1);
    expect(waits).to.deep.equal([]);
  });

  it('never retries a 4xx, an invalid answer or a timeout', async () => {
    const { waits, sleep } = fakeSleep();
    const notFound = () => HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
    const { handler, calls } = failingThen([notFound], ok);
    await useMocks(handler);
    const client = createClient({ baseUrl: freshApi(), sleep });
    expect(((await failure(client.getSummary({ business: 'shop' }))) as VerityApiError).code).to.equal('not_found');
    expect(calls()).to.equal(1);
    expect(waits).to.deep.equal([]);
  });

  it('retries a submission with the same Idempotency-Key, and never a vote', async () => {
    const { sleep } = fakeSleep();
    const keys: (string | null)[] = [];
    let votes = 0;
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length < 3
          ? HttpResponse.error()
          : HttpResponse.json(
              { id: 'n', status: 'pending', verification: { status: 'unverified', method: null } },
              { status: 201 },
            );
      }),
      http.post('*/v1/reviews/:id/helpful', () => {
        votes += 1;
        return HttpResponse.error();
      }),
    );
    const client = createClient({ baseUrl: freshApi(), sleep });
    await client.submitReview('shop', {} as never, { idempotencyKey: 'draft-7' });
    expect(keys).to.deep.equal(['draft-7', 'draft-7', 'draft-7']);
    expect(((await failure(client.voteHelpful('r1'))) as VerityApiError).code).to.equal('network');
    expect(votes).to.equal(1);
  });

  it('stops waiting for a retry when aborted', async () => {
    await useMocks(http.get('*/v1/businesses/:business/summary', error500));
    const controller = new AbortController();
    const client = createClient({ baseUrl: freshApi(), retry: { retries: 5, baseDelayMs: 10_000 } });
    const pending = client.getSummary({ business: 'shop' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    expect(((await failure(pending)) as DOMException).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(2000);
  });
});

describe('client: one request for a category page', () => {
  const productSummary = (business: string, sku: string) =>
    summaryOf({ business: { id: business, name: business, url: null }, product: { id: sku, name: `Product ${sku}` } });

  /** The batch route answering the known SKUs (`known`), and the single route; both counted. */
  /**
   * Handlers that record what this test's client asks, on an API address of its own: a late
   * request of an earlier test (another address) is never counted here.
   */
  function category(known: (sku: string) => boolean = () => true) {
    const base = freshApi();
    const batches: { business: string; products: string[] }[] = [];
    const singles: string[] = [];
    const handlers = [
      http.get(`${base}/v1/businesses/:business/summaries`, async ({ params, request }) => {
        const business = String(params.business);
        const products = new URL(request.url).searchParams.get('products')!.split(',');
        batches.push({ business, products });
        await delay(20);
        return HttpResponse.json({ items: products.filter(known).map((sku) => productSummary(business, sku)) });
      }),
      http.get(`${base}/v1/businesses/:business/summary`, ({ params, request }) => {
        const sku = new URL(request.url).searchParams.get('product') ?? '';
        singles.push(sku);
        if (!known(sku))
          return HttpResponse.json({ error: { code: 'not_found', message: 'No product' } }, { status: 404 });
        return HttpResponse.json(productSummary(String(params.business), sku));
      }),
    ];
    return { base, batches, singles, handlers };
  }

  const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i + 1}`);

  it('sends the product summaries asked in one task as one request, each caller getting its own', async () => {
    const { base, batches, singles, handlers } = category();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base });
    const answers = await Promise.all(skus(40).map((product) => client.getSummary({ business: 'shop', product })));
    expect(answers.map((s) => s.product?.id)).to.deep.equal(skus(40));
    expect(batches).to.deep.equal([{ business: 'shop', products: skus(40) }]);
    expect(singles).to.deep.equal([]);
  });

  it('asks a product once however many widgets show it, and answers it later from its cache', async () => {
    const { base, batches, singles, handlers } = category();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base });
    const first = client.getSummary({ business: 'shop', product: 'A' });
    const again = client.getSummary({ business: 'shop', product: 'A' });
    await Promise.all([first, again, client.getSummary({ business: 'shop', product: 'B' })]);
    expect(await first).to.equal(await again);
    expect(batches.map((b) => b.products)).to.deep.equal([['A', 'B']]);
    // A product asked while its batch is on the way joins it.
    const late = client.getSummary({ business: 'shop', product: 'C' });
    const early = client.getSummary({ business: 'shop', product: 'D' });
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const joined = client.getSummary({ business: 'shop', product: 'C' });
    expect((await joined).product?.id).to.equal('C');
    await Promise.all([late, early]);
    expect(batches.map((b) => b.products)).to.deep.equal([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    // And from the cache afterwards, through the batch or the single route alike.
    expect((await client.getSummary({ business: 'shop', product: 'B' })).product?.id).to.equal('B');
    expect(batches.length).to.equal(2);
    expect(singles).to.deep.equal([]);
  });

  it('reports not_found for a product the batch left out, and answers the others', async () => {
    const { base, handlers } = category((sku) => sku !== 'GONE');
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base });
    const [kept, gone] = await Promise.allSettled([
      client.getSummary({ business: 'shop', product: 'KEPT' }),
      client.getSummary({ business: 'shop', product: 'GONE' }),
    ]);
    expect(kept.status === 'fulfilled' && kept.value.product?.id).to.equal('KEPT');
    const error = (gone as PromiseRejectedResult).reason as VerityApiError;
    expect(error).to.be.instanceOf(VerityApiError);
    expect(error.code).to.equal('not_found');
    expect(error.status).to.equal(404);
    expect(error.message).to.contain('GONE');
  });

  it('asks one product, the shop summary or a SKU with a comma on the single route', async () => {
    const { base, batches, singles, handlers } = category();
    await useMocks(
      ...handlers,
      http.get(`${base}/v1/businesses/:business/summary`, () => HttpResponse.json(summaryOf())),
    );
    const client = createClient({ baseUrl: base });
    await client.getSummary({ business: 'shop', product: 'ONLY' });
    await Promise.all([
      client.getSummary({ business: 'shop', product: 'X,Y' }),
      client.getSummary({ business: 'shop', product: 'P' }),
      client.getSummary({ business: 'shop', product: 'Q' }),
    ]);
    expect(singles).to.deep.equal(['ONLY', 'X,Y']);
    expect(batches.map((b) => b.products)).to.deep.equal([['P', 'Q']]);
  });

  it('splits more than 50 products, and one request per business', async () => {
    const { base, batches, handlers } = category();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base });
    await Promise.all([
      ...skus(60).map((product) => client.getSummary({ business: 'shop', product })),
      client.getSummary({ business: 'other', product: 'O1' }),
      client.getSummary({ business: 'other', product: 'O2' }),
    ]);
    expect(batches.map((b) => [b.business, b.products.length])).to.deep.equal([
      ['shop', 50],
      ['shop', 10],
      ['other', 2],
    ]);
  });

  it('asks each product on its own when the API has no batch route, and then no more batches', async () => {
    const base = freshApi();
    const singles: string[] = [];
    let batchCalls = 0;
    await useMocks(
      http.get(`${base}/v1/businesses/:business/summaries`, () => {
        batchCalls += 1;
        return HttpResponse.json({ error: { code: 'not_found', message: 'No route' } }, { status: 404 });
      }),
      http.get(`${base}/v1/businesses/:business/summary`, ({ request }) => {
        const sku = new URL(request.url).searchParams.get('product')!;
        singles.push(sku);
        return HttpResponse.json(productSummary('shop', sku));
      }),
    );
    const client = createClient({ baseUrl: base });
    const answers = await Promise.all(['A', 'B'].map((product) => client.getSummary({ business: 'shop', product })));
    expect(answers.map((s) => s.product?.id)).to.deep.equal(['A', 'B']);
    await Promise.all(['C', 'D'].map((product) => client.getSummary({ business: 'shop', product })));
    expect(batchCalls).to.equal(1);
    expect(singles.sort()).to.deep.equal(['A', 'B', 'C', 'D']);
  });

  it('fails every product with the batch when the API is down, without forty single requests', async () => {
    const base = freshApi();
    let singles = 0;
    await useMocks(
      http.get(`${base}/v1/businesses/:business/summaries`, () =>
        HttpResponse.json({ error: { code: 'internal', message: 'Down' } }, { status: 503 }),
      ),
      http.get(`${base}/v1/businesses/:business/summary`, () => {
        singles += 1;
        return HttpResponse.json(summaryOf());
      }),
    );
    const client = createClient({ baseUrl: base, retry: false });
    const results = await Promise.allSettled(
      skus(3).map((product) => client.getSummary({ business: 'shop', product })),
    );
    expect(results.map((r) => r.status === 'rejected' && (r.reason as VerityApiError).status)).to.deep.equal([
      503, 503, 503,
    ]);
    expect(singles).to.equal(0);
  });

  it('ends the batch only when every caller has aborted', async () => {
    const signals: AbortSignal[] = [];
    const spy: typeof fetch = (input, init) => {
      if (String(input).includes('/summaries')) signals.push(init!.signal!);
      return fetch(input, init);
    };
    const { base, handlers } = category();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base, fetch: spy });
    const a = new AbortController();
    const b = new AbortController();
    const first = client.getSummary({ business: 'shop', product: 'A' }, { signal: a.signal });
    const second = client.getSummary({ business: 'shop', product: 'B' }, { signal: b.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(signals.length).to.equal(1);
    a.abort();
    expect(((await failure(first)) as DOMException).name).to.equal('AbortError');
    expect(signals[0]!.aborted).to.equal(false);
    b.abort();
    expect(((await failure(second)) as DOMException).name).to.equal('AbortError');
    expect(signals[0]!.aborted).to.equal(true);
  });

  it('does not batch with batchSummaries: false', async () => {
    const { base, batches, singles, handlers } = category();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: base, batchSummaries: false });
    await Promise.all(skus(3).map((product) => client.getSummary({ business: 'shop', product })));
    expect(batches).to.deep.equal([]);
    expect(singles.sort()).to.deep.equal(skus(3));
  });
});

describe('client: answers a server already fetched', () => {
  const review = (id: string) => ({
    id,
    business: 'shop',
    product: 'SKU',
    rating: 5,
    title: null,
    body: 'Fresh beans, quickly delivered.',
    language: 'en',
    author: { displayName: 'Jo', country: null },
    experiencedAt: '2026-10-01',
    createdAt: '2026-10-02T10:00:00.000Z',
    editedAt: null,
    verification: { status: 'verified', method: 'invitation' },
    countsTowardScore: true,
    reply: null,
    helpfulCount: 0,
    url: `https://shop.example/r/${id}`,
  });

  function counted() {
    const seen: string[] = [];
    const handlers = [
      http.get('*/v1/businesses/:business/summary', ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json(summaryOf());
      }),
      http.get('*/v1/businesses/:business/reviews', () => {
        seen.push('list');
        return HttpResponse.json({ items: [], nextCursor: null, total: 0 });
      }),
      http.get('*/v1/reviews/:id', ({ params }) => {
        seen.push(`review ${String(params.id)}`);
        return HttpResponse.json(review(String(params.id)));
      }),
    ];
    return { seen, handlers };
  }

  it('answers a primed summary, list page and its reviews without a request', async () => {
    const { seen, handlers } = counted();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    const summary = summaryOf({ average: 3.5, product: { id: 'SKU', name: 'Beans' } });
    const params = {
      business: 'shop',
      product: 'SKU',
      sort: 'newest' as const,
      rating: [],
      verified: false,
      limit: 10,
    };
    client.prime!({
      summaries: [{ business: 'shop', product: 'SKU', summary }],
      pages: [{ params, page: { items: [review('r1'), review('r2')], nextCursor: null, total: 2 } }],
      reviews: [review('q1')],
    });
    expect((await client.getSummary({ business: 'shop', product: 'SKU' })).rating.average).to.equal(3.5);
    expect((await client.listReviews(params)).items.map((r) => r.id)).to.deep.equal(['r1', 'r2']);
    expect((await client.getReview('r2')).id).to.equal('r2');
    expect((await client.getReview('q1')).id).to.equal('q1');
    expect(seen).to.deep.equal([]);
    // Another query is asked as always.
    await client.getSummary({ business: 'shop' });
    expect(seen).to.deep.equal(['']);
  });

  it('ignores what does not match the contract, and asks the API instead', async () => {
    const { seen, handlers } = counted();
    await useMocks(...handlers);
    const client = createClient({ baseUrl: freshApi() });
    const madeUp = { ...summaryOf(), rating: { average: 4.9, grade: 'excellent', count: 0, windowMonths: 12 } };
    client.prime!({
      summaries: [{ business: 'shop', summary: madeUp }],
      reviews: [{ id: 'x' }],
    } as never);
    expect((await client.getSummary({ business: 'shop' })).rating.average).to.equal(4.62);
    await client.getReview('x');
    expect(seen).to.deep.equal(['', 'review x']);
  });
});
