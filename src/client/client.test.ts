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
