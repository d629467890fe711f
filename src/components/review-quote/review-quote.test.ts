import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Review } from '../../client/schemas.js';
import type { VerityErrorEvent } from '../../internal/events.js';
import { configure } from '../../internal/config.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../../mocks/fixtures.js';
import { createHandlers } from '../../mocks/handlers.js';
import { offline, serverError } from '../../mocks/scenarios.js';
import { MockStore } from '../../mocks/store.js';
import { LONG_TEXT } from '../../mocks/texts.js';
import { liveRegions, nextOutcome, until, visibleText, watchPageErrors } from '../../../test/helpers/events.js';
import { freshApi, recordRequests, useMocks } from '../../../test/helpers/msw.js';
import { goOffline } from '../../../test/helpers/online.js';
import '../review-list/define.js';
import './define.js';
import type { VerityReviewQuote } from './review-quote.js';

const store = new MockStore();
const published = store.reviews.filter((r) => r.business === DEMO_BUSINESS && r.status === 'published' && !r.product);
const longReview = published.find((r) => r.body === LONG_TEXT.body)!;
const twoStars = published.find((r) => r.rating === 2 && r.verification.status === 'verified' && r.body.length > 60)!;
const hostile = published.find((r) => r.title?.includes('<script>'))!;

async function renderQuote(template: ReturnType<typeof html>): Promise<{ el: VerityReviewQuote; event: Event }> {
  const outcome = nextOutcome();
  const root = await fixture<HTMLElement>(template);
  const event = await outcome;
  const el = (
    root.localName === 'verity-review-quote' ? root : root.querySelector('verity-review-quote')
  ) as VerityReviewQuote;
  await el.updateComplete;
  return { el, event };
}

const blockquote = (el: VerityReviewQuote) => el.shadowRoot!.querySelector('blockquote');
const link = (el: VerityReviewQuote) => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');

describe('<verity-review-quote>', () => {
  // The page's configuration names the business, as the script tag's data-business does.
  before(() => configure({ business: DEMO_BUSINESS }));
  after(() => configure({ business: undefined }));

  beforeEach(async () => {
    await useMocks(...createHandlers({ store }));
  });

  it('shows a verbatim excerpt with the review’s own stars, author, date, provenance and link', async () => {
    const excerpt =
      'the packaging is compostable and the taste has been consistent … Customer service answered within a day';
    const { el, event } = await renderQuote(
      html`<verity-review-quote
        api=${freshApi()}
        review=${longReview.id}
        excerpt=${excerpt}
        locale="en"
      ></verity-review-quote>`,
    );
    expect(event.type).to.equal('verity-load');
    expect(blockquote(el)!.textContent).to.equal(excerpt);
    expect(blockquote(el)!.getAttribute('cite')).to.equal(longReview.url);
    expect(el.shadowRoot!.querySelector('.stars')!.getAttribute('aria-label')).to.equal(
      `Rated ${longReview.rating} out of 5`,
    );
    const caption = visibleText(el.shadowRoot!.querySelector('figcaption')!);
    expect(caption).to.contain(longReview.author.displayName);
    expect(caption).to.contain('Verified');
    expect(el.shadowRoot!.querySelector('time')!.dateTime).to.equal(longReview.createdAt);
    expect(link(el)!.textContent).to.equal('Read the full review');
    expect(link(el)!.href).to.equal(longReview.url);
    await expect(el).to.be.accessible();
  });

  it('links to href with the review’s anchor, which the list follows', async () => {
    const { el } = await renderQuote(
      html`<verity-review-quote
        api=${freshApi()}
        review=${longReview.id}
        href="/reviews"
        locale="en"
      ></verity-review-quote>`,
    );
    expect(link(el)!.href).to.equal(`${location.origin}/reviews#verity-review-${longReview.id}`);
  });

  for (const [name, excerpt] of [
    ['a changed word', 'the packaging is recyclable and the taste has been consistent'],
    ['reordered fragments', 'Customer service answered within a day … the packaging is compostable'],
    ['a dropped word', 'every bag has arrived within a week, the packaging is compostable'],
  ] as const) {
    it(`never shows an excerpt with ${name}: it falls back, fires quote_mismatch and warns once`, async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      const errors: VerityErrorEvent[] = [];
      const onError = (event: VerityErrorEvent) => errors.push(event);
      document.addEventListener('verity-error', onError);
      try {
        const { el } = await renderQuote(
          html`<verity-review-quote
            api=${freshApi()}
            review=${longReview.id}
            excerpt=${excerpt}
            locale="en"
          ></verity-review-quote>`,
        );
        await until(() => errors.length > 0, 'no verity-error');
        expect(errors.map((e) => e.detail.code)).to.deep.equal(['quote_mismatch']);
        expect(errors[0]!.detail.message).to.contain(longReview.id);
        expect(blockquote(el)!.textContent).to.not.equal(excerpt);
        expect(el.shadowRoot!.textContent).to.not.contain(excerpt);
        expect(blockquote(el)!.textContent!.startsWith('I signed up for the monthly subscription')).to.equal(true);
        el.requestUpdate();
        await el.updateComplete;
        expect(errors.length).to.equal(1);
        expect(warnings.length).to.equal(1);
        expect(String(warnings[0]![0])).to.contain(longReview.id);
      } finally {
        console.warn = warn;
        document.removeEventListener('verity-error', onError);
      }
    });
  }

  it('picks whole sentences itself, up to max-length, marking the cut', async () => {
    const { el } = await renderQuote(
      html`<verity-review-quote
        api=${freshApi()}
        review=${longReview.id}
        max-length="200"
        locale="en"
      ></verity-review-quote>`,
    );
    const text = blockquote(el)!.textContent!;
    expect(text.length).to.be.at.most(200);
    expect(text.endsWith('…')).to.equal(true);
    expect(longReview.body.replace(/\s+/g, ' ')).to.contain(text.replace(/ ?…$/, ''));
  });

  it('shows a 2-star review’s own 2 stars beside a kind sentence', async () => {
    const sentence = twoStars.body.split('. ')[0]!;
    const { el } = await renderQuote(
      html`<verity-review-quote
        api=${freshApi()}
        review=${twoStars.id}
        excerpt=${sentence}
        locale="en"
      ></verity-review-quote>`,
    );
    expect(blockquote(el)!.textContent).to.equal(sentence);
    expect(el.shadowRoot!.querySelector('.stars')!.getAttribute('aria-label')).to.equal('Rated 2 out of 5');
  });

  it('renders hostile text as text', async () => {
    const { el } = await renderQuote(
      html`<verity-review-quote api=${freshApi()} review=${hostile.id} locale="en"></verity-review-quote>`,
    );
    expect(blockquote(el)!.textContent).to.contain('<img src=x onerror="alert(1)">');
    expect(el.shadowRoot!.querySelectorAll('blockquote *').length).to.equal(0);
  });

  it('uses no link that is not http(s)', async () => {
    const bad: Review = { ...(store.review(longReview.id).body as Review), url: 'javascript:alert(1)' };
    await useMocks(http.get('*/v1/reviews/:id', () => HttpResponse.json(bad)));
    const { el } = await renderQuote(
      html`<verity-review-quote api=${freshApi()} review=${longReview.id} locale="en"></verity-review-quote>`,
    );
    expect(link(el)).to.equal(null);
    expect(blockquote(el)!.hasAttribute('cite')).to.equal(false);
    el.href = 'javascript:alert(2)';
    await el.updateComplete;
    expect(link(el)).to.equal(null);
  });

  it('shows nothing for a review that does not exist, and fires not_found', async () => {
    const page = watchPageErrors();
    const { el, event } = await renderQuote(
      html`<verity-review-quote api=${freshApi()} review="no-such-review"></verity-review-quote>`,
    );
    page.stop();
    expect((event as VerityErrorEvent).detail.code).to.equal('not_found');
    expect(el.shadowRoot!.children.length).to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(page.errors).to.deep.equal([]);
  });

  it('shows nothing when the API fails, and fires the error', async () => {
    await useMocks(...serverError());
    const { el, event } = await renderQuote(
      html`<verity-review-quote api=${freshApi()} review=${longReview.id}></verity-review-quote>`,
    );
    expect((event as VerityErrorEvent).detail.code).to.equal('http');
    expect(el.shadowRoot!.querySelector('blockquote')).to.equal(null);
  });

  describe('stays in its shop', () => {
    const otherShops = store.reviews.filter((r) => r.business !== DEMO_BUSINESS && r.status === 'published');
    const productReview = store.reviews.find(
      (r) => r.business === DEMO_BUSINESS && r.status === 'published' && r.product === DEMO_PRODUCTS.grinder,
    )!;

    /** A quote with these attributes, once it has loaded or failed. */
    async function quoteOf(attributes: Record<string, string>): Promise<{ el: VerityReviewQuote; event: Event }> {
      const el = document.createElement('verity-review-quote');
      for (const [name, value] of Object.entries({ api: freshApi(), locale: 'en', ...attributes })) {
        el.setAttribute(name, value);
      }
      const page = watchPageErrors();
      const outcome = nextOutcome();
      await fixture(el);
      const event = await outcome;
      await el.updateComplete;
      page.stop();
      expect(page.errors).to.deep.equal([]);
      return { el, event };
    }

    const errorOf = (event: Event) => (event as VerityErrorEvent).detail;

    it('never shows another business’s review: it shows nothing and fires foreign_review', async () => {
      const foreign = otherShops[0]!;
      const { el, event } = await quoteOf({ review: foreign.id });
      expect(errorOf(event).code).to.equal('foreign_review');
      expect(errorOf(event).message).to.contain(foreign.id);
      expect(blockquote(el)).to.equal(null);
      expect(visibleText(el.shadowRoot!)).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('with product, never shows a review of another product or of the shop itself', async () => {
      for (const review of [productReview, longReview]) {
        const { el, event } = await quoteOf({ review: review.id, product: DEMO_PRODUCTS.espresso });
        expect(errorOf(event).code).to.equal('foreign_review');
        expect(blockquote(el)).to.equal(null);
      }
    });

    it('without product, quotes any review of its business, a product’s too', async () => {
      const { el, event } = await quoteOf({ review: productReview.id });
      expect(event.type).to.equal('verity-load');
      expect(blockquote(el)).to.not.equal(null);
    });

    it('takes its business from the attribute before the page’s, and without one shows nothing: missing_config', async () => {
      const attributed = await quoteOf({ review: longReview.id, business: otherShops[0]!.business });
      expect(errorOf(attributed.event).code).to.equal('foreign_review');
      configure({ business: undefined });
      try {
        const requests = recordRequests(await useMocks(...createHandlers({ store })));
        const { el, event } = await quoteOf({ review: longReview.id });
        requests.stop();
        expect(errorOf(event).code).to.equal('missing_config');
        expect(errorOf(event).message).to.contain('needs business');
        expect(requests.urls).to.deep.equal([]);
        expect(blockquote(el)).to.equal(null);
      } finally {
        configure({ business: DEMO_BUSINESS });
      }
    });
  });

  it('offline: waits with one online listener however often it fails, and shows the quote when back', async () => {
    const browser = goOffline();
    try {
      await useMocks(...offline());
      const { el, event } = await renderQuote(
        html`<verity-review-quote api=${freshApi()} review=${longReview.id} locale="en"></verity-review-quote>`,
      );
      expect((event as VerityErrorEvent).detail.code).to.equal('network');
      expect(browser.listeners()).to.equal(1);
      const failed = nextOutcome();
      el.review = twoStars.id;
      expect((await failed).type).to.equal('verity-error');
      expect(browser.listeners()).to.equal(1);
      expect(browser.leaveAndReturn(el)).to.equal(0);
      await useMocks(...createHandlers({ store }));
      browser.reconnect();
      await until(() => blockquote(el), 'did not load when back online');
      expect(browser.listeners()).to.equal(0);
    } finally {
      browser.restore();
    }
  });

  it('reserves space while loading', async () => {
    await useMocks(http.get('*/v1/reviews/:id', () => new Promise<Response>(() => undefined)));
    const el = await fixture<VerityReviewQuote>(
      html`<verity-review-quote api=${freshApi()} review="x" locale="en"></verity-review-quote>`,
    );
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(liveRegions(el.shadowRoot!)).to.deep.equal([]);
    await until(() => document.querySelector('[data-verity-live]')?.textContent, 'nothing announced');
    expect(document.querySelector('[data-verity-live]')!.textContent).to.equal('Loading reviews…');
    await expect(el).to.be.accessible();
  });

  it('has an inline variant', async () => {
    const { el } = await renderQuote(
      html`<p>
        Our customers say
        <verity-review-quote
          api=${freshApi()}
          review=${longReview.id}
          variant="inline"
          max-length="60"
          locale="en"
        ></verity-review-quote>
      </p>`,
    );
    expect(getComputedStyle(el).display).to.equal('inline');
    expect(el.shadowRoot!.querySelector('figure')!.classList.contains('inline')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks each built-in locale and is accessible in the dark theme', async () => {
    const words = { sv: 'Läs hela recensionen', cs: 'Přečíst celou recenzi', de: 'Ganze Bewertung lesen' };
    for (const [locale, text] of Object.entries(words)) {
      const { el } = await renderQuote(
        html`<verity-review-quote api=${freshApi()} review=${longReview.id} locale=${locale}></verity-review-quote>`,
      );
      expect(link(el)!.textContent).to.equal(text);
    }
    const { el } = await renderQuote(
      html`<div style="background:#0d1117;padding:8px">
        <verity-review-quote api=${freshApi()} review=${longReview.id} theme="dark"></verity-review-quote>
      </div>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shares requests: quotes of reviews the list has loaded, or of one review, make no extra requests', async () => {
    const api = freshApi();
    const worker = await useMocks(...createHandlers({ store }));
    const requests = recordRequests(worker);
    const first = (store.list(DEMO_BUSINESS, new URLSearchParams('limit=10')).body as { items: Review[] }).items;
    const list = await fixture<HTMLElement>(
      html`<verity-review-list api=${api} business=${DEMO_BUSINESS}></verity-review-list>`,
    );
    await until(() => list.shadowRoot!.querySelectorAll('article').length === 10, 'the list did not load');
    const wall = await fixture<HTMLElement>(
      html`<div>
        <verity-review-quote api=${api} review=${first[1]!.id}></verity-review-quote>
        <verity-review-quote api=${api} review=${first[2]!.id}></verity-review-quote>
        <verity-review-quote api=${api} review=${longReview.id}></verity-review-quote>
        <verity-review-quote api=${api} review=${twoStars.id}></verity-review-quote>
        <verity-review-quote api=${api} review=${twoStars.id}></verity-review-quote>
      </div>`,
    );
    await until(
      () => [...wall.querySelectorAll('verity-review-quote')].every((q) => q.shadowRoot!.querySelector('blockquote')),
      'quotes did not load',
    );
    requests.stop();
    const reviewRequests = requests.urls.filter((u) => u.includes('/v1/reviews/'));
    const expected = first.some((r) => r.id === twoStars.id) ? 0 : 1;
    expect(reviewRequests.length).to.equal(expected + (first.some((r) => r.id === longReview.id) ? 0 : 1));
    expect(requests.urls.filter((u) => u.includes('/summary')).length).to.equal(1);
    expect(requests.urls.filter((u) => /\/reviews\?/.test(u)).length).to.equal(1);
  });
});
