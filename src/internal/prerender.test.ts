import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { until } from '../../test/helpers/events.js';
import { freshApi, useMocks } from '../../test/helpers/msw.js';
import { summaryOf } from '../../test/helpers/summaries.js';
import '../components/rating-badge/define.js';
import '../components/review-list/define.js';
import '../components/review-quote/define.js';

/**
 * A widget as `verity-reviews/ssr` leaves it in the page: a declarative shadow root with the
 * server's drawing, and the data it was drawn from in a JSON block of its light DOM.
 */
function serverRendered(tag: string, attributes: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<${tag} ${attributes}><template shadowrootmode="open"><p class="from-server">4.62 out of 5 · 128 verified reviews</p></template><script type="application/json" data-verity-prefetched>${json}</script></${tag}>`;
}

/** Every element drawn into a shadow root from now on, however briefly it stayed there. */
function drawnInto(root: ShadowRoot): Element[] {
  const drawn: Element[] = [];
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes)
        if (node instanceof Element) drawn.push(node, ...node.querySelectorAll('*'));
    }
  }).observe(root, { childList: true, subtree: true });
  return drawn;
}

/** A skeleton, or any part of one: what a widget shows while its data loads. */
const SKELETON = '.skeleton, [aria-busy="true"]';

describe('server-rendered widgets in the browser', () => {
  let requests: string[];

  beforeEach(async () => {
    requests = [];
    await useMocks(
      http.get('*/v1/businesses/:business/summary', ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json(summaryOf({ average: 1.5 }));
      }),
      http.get('*/v1/businesses/:business/reviews', ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json({ items: [], nextCursor: null, total: 0 });
      }),
      http.get('*/v1/reviews/:id', ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json({ error: { code: 'not_found', message: 'No review' } }, { status: 404 });
      }),
    );
  });

  it('the badge takes over the server’s drawing from the embedded summary, without a request', async () => {
    const summary = summaryOf({ product: { id: 'SKU-1', name: 'Beans' } });
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.setHTMLUnsafe(
      serverRendered('verity-rating-badge', `api="${freshApi()}" business="test-shop" product="SKU-1" locale="en"`, {
        summaries: [{ business: 'test-shop', product: 'SKU-1', summary }],
      }),
    );
    const badge = root.querySelector('verity-rating-badge')!;
    const drawn = drawnInto(badge.shadowRoot!);
    await until(() => Boolean(badge.shadowRoot?.querySelector('.average')), 'the badge did not render');
    expect(badge.shadowRoot!.querySelector('.from-server'), 'the server’s drawing is replaced').to.equal(null);
    expect(
      drawn.filter((element) => element.matches(SKELETON)),
      'drawn once: no skeleton between the server’s drawing and the data',
    ).to.deep.equal([]);
    expect(badge.shadowRoot!.querySelectorAll('.average').length).to.equal(1);
    expect(badge.shadowRoot!.querySelector('.average')!.textContent).to.contain('4.62');
    expect(badge.shadowRoot!.querySelector('.count')!.textContent).to.contain('128 verified reviews');
    expect(requests).to.deep.equal([]);
    await expect(badge).to.be.accessible();
  });

  it('the widgets take over one per task, not all in one long task', async () => {
    const api = freshApi();
    const badge = (product: string) =>
      serverRendered('verity-rating-badge', `api="${api}" business="test-shop" product="${product}" locale="en"`, {
        summaries: [
          { business: 'test-shop', product, summary: summaryOf({ product: { id: product, name: 'Beans' } }) },
        ],
      });
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.setHTMLUnsafe(badge('SKU-1') + badge('SKU-2') + badge('SKU-3'));
    const badges = [...root.querySelectorAll('verity-rating-badge')];
    const serverDrawn = () => badges.map((element) => Boolean(element.shadowRoot!.querySelector('.from-server')));
    // A mutation observer hears of a takeover at the end of the task that made it.
    const heard: boolean[][] = [];
    const observer = new MutationObserver(() => heard.push(serverDrawn()));
    for (const element of badges) observer.observe(element.shadowRoot!, { childList: true });
    await until(() => serverDrawn().every((shown) => !shown), 'the badges did not take over');
    observer.disconnect();
    // How many had taken over, each time: one more at a time, never two in one task.
    const counts = heard.map((shown) => shown.filter((s) => !s).length).filter((n) => n > 0);
    expect([...new Set(counts)]).to.deep.equal([1, 2, 3]);
    expect(requests).to.deep.equal([]);
  });

  it('a block that does not match the contract is ignored: the widget asks the API', async () => {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.setHTMLUnsafe(
      serverRendered('verity-rating-badge', `api="${freshApi()}" business="test-shop" locale="en"`, {
        summaries: [{ business: 'test-shop', summary: { rating: { average: 5 } } }],
      }),
    );
    const badge = root.querySelector('verity-rating-badge')!;
    await until(() => Boolean(badge.shadowRoot?.querySelector('.average')), 'the badge did not render');
    expect(badge.shadowRoot!.querySelector('.average')!.textContent).to.contain('1.5');
    expect(requests.length).to.equal(1);
  });

  it('the list takes over its first page, each review once', async () => {
    const api = freshApi();
    const summary = summaryOf({ product: { id: 'SKU-2', name: 'Beans' } });
    const item = (id: string) => ({
      id,
      business: 'test-shop',
      product: 'SKU-2',
      rating: 4,
      title: `Review ${id}`,
      body: 'Good beans, fresh and well packed.',
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
    const params = { business: 'test-shop', product: 'SKU-2', sort: 'newest', rating: [], verified: false, limit: 10 };
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.setHTMLUnsafe(
      serverRendered('verity-review-list', `api="${api}" business="test-shop" product="SKU-2" locale="en"`, {
        summaries: [{ business: 'test-shop', product: 'SKU-2', summary }],
        pages: [{ params, page: { items: [item('a'), item('b')], nextCursor: null, total: 2 } }],
      }),
    );
    const list = root.querySelector('verity-review-list')!;
    const drawn = drawnInto(list.shadowRoot!);
    await until(() => list.shadowRoot?.querySelectorAll('article').length === 2, 'the list did not render');
    expect(list.shadowRoot!.querySelector('.from-server')).to.equal(null);
    expect(drawn.filter((element) => element.matches(SKELETON)).map((element) => element.className)).to.deep.equal([]);
    const cards = [...list.shadowRoot!.querySelectorAll('article')].map((card) => card.textContent ?? '');
    expect(cards[0]).to.contain('Review a');
    expect(cards[1]).to.contain('Review b');
    expect(requests).to.deep.equal([]);
    await expect(list).to.be.accessible();
  });

  it('the quote takes over its review, the excerpt verbatim, without a request', async () => {
    const review = {
      id: 'q1',
      business: 'test-shop',
      product: null,
      rating: 5,
      title: 'Lovely',
      body: 'Every bag has arrived within a week of roasting, and the taste is consistent.',
      language: 'en',
      author: { displayName: 'Ada L.', country: null },
      experiencedAt: '2026-10-01',
      createdAt: '2026-10-02T10:00:00.000Z',
      editedAt: null,
      verification: { status: 'verified', method: 'invitation' },
      countsTowardScore: true,
      reply: null,
      helpfulCount: 0,
      url: 'https://shop.example/r/q1',
    };
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.setHTMLUnsafe(
      serverRendered(
        'verity-review-quote',
        `api="${freshApi()}" business="test-shop" review="q1" excerpt="arrived within a week of roasting" locale="en"`,
        { reviews: [review] },
      ),
    );
    const quote = root.querySelector('verity-review-quote')!;
    const drawn = drawnInto(quote.shadowRoot!);
    await until(() => Boolean(quote.shadowRoot?.querySelector('blockquote')), 'the quote did not render');
    expect(quote.shadowRoot!.querySelector('.from-server')).to.equal(null);
    expect(drawn.filter((element) => element.matches(SKELETON)).map((element) => element.className)).to.deep.equal([]);
    expect(quote.shadowRoot!.querySelector('blockquote')!.textContent).to.contain('arrived within a week of roasting');
    expect(quote.shadowRoot!.textContent).to.contain('Ada L.');
    expect(requests).to.deep.equal([]);
    await expect(quote).to.be.accessible();
  });
});
