import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../mocks/fixtures.js';
import { createHandlers } from '../mocks/handlers.js';
import { MockStore } from '../mocks/store.js';
import { until } from '../../test/helpers/events.js';
import { freshApi, useMocks } from '../../test/helpers/msw.js';
import '../components/rating-badge/define.js';
import '../components/review-list/define.js';
import { productJsonLd, safeJson } from './seo.js';

const store = new MockStore();
const jsonLd = () =>
  [...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"][data-verity]')].map(
    (s) => JSON.parse(s.text) as Record<string, unknown>,
  );

describe('SEO: opt-in JSON-LD for product reviews', () => {
  beforeEach(async () => {
    await useMocks(...createHandlers({ store }));
  });

  it('describes a product with its aggregate rating and the visible reviews', () => {
    const summary = store.summary(DEMO_BUSINESS, DEMO_PRODUCTS.espresso)!;
    const data = productJsonLd(summary, [])!;
    expect(data).to.deep.include({ '@context': 'https://schema.org', '@type': 'Product', sku: DEMO_PRODUCTS.espresso });
    expect(data.aggregateRating).to.deep.equal({
      '@type': 'AggregateRating',
      ratingValue: summary.rating.average,
      reviewCount: summary.rating.count,
      bestRating: 5,
      worstRating: 1,
    });
  });

  it('never marks up a shop’s reviews of itself', () => {
    expect(productJsonLd(store.summary(DEMO_BUSINESS)!)).to.equal(undefined);
  });

  it('cannot be broken out of its script element by review text', () => {
    const text = safeJson({ reviewBody: '</script><script>alert(1)</script>' });
    expect(text).to.not.contain('</script>');
    expect(JSON.parse(text)).to.deep.equal({ reviewBody: '</script><script>alert(1)</script>' });
  });

  it('the product badge with seo writes it, and removes it when it goes', async () => {
    const el = await fixture(
      html`<verity-rating-badge
        api=${freshApi()}
        business=${DEMO_BUSINESS}
        product=${DEMO_PRODUCTS.espresso}
        seo
      ></verity-rating-badge>`,
    );
    await until(() => jsonLd().length === 1, 'no JSON-LD');
    expect(jsonLd()[0]!['@type']).to.equal('Product');
    el.remove();
    expect(jsonLd().length).to.equal(0);
  });

  it('the product list with seo adds the reviews shown', async () => {
    const el = await fixture(
      html`<verity-review-list
        api=${freshApi()}
        business=${DEMO_BUSINESS}
        product=${DEMO_PRODUCTS.espresso}
        page-size="5"
        seo
      ></verity-review-list>`,
    );
    await until(() => (jsonLd()[0]?.review as unknown[] | undefined)?.length === 5, 'no reviews in the JSON-LD');
    const [review] = jsonLd()[0]!.review as Record<string, unknown>[];
    expect(review).to.have.keys(
      ['@type', 'name', 'reviewBody', 'datePublished', 'author', 'reviewRating'].filter(
        (k) => k !== 'name' || 'name' in review!,
      ),
    );
    el.remove();
  });

  it('writes nothing for a shop-level widget, or without seo', async () => {
    const root = await fixture(
      html`<div>
        <verity-rating-badge api=${freshApi()} business=${DEMO_BUSINESS} seo></verity-rating-badge>
        <verity-rating-badge
          api=${freshApi()}
          business=${DEMO_BUSINESS}
          product=${DEMO_PRODUCTS.filter}
        ></verity-rating-badge>
      </div>`,
    );
    await until(
      () => [...root.querySelectorAll('verity-rating-badge')].every((b) => b.shadowRoot!.querySelector('.average')),
      'not loaded',
    );
    expect(jsonLd().length).to.equal(0);
  });
});

describe('SEO: one Product per product on the page', () => {
  beforeEach(async () => {
    await useMocks(...createHandlers({ store }));
  });

  it('a badge and a list of the same product write one block, with the list’s reviews', async () => {
    const api = freshApi();
    const root = await fixture(
      html`<div>
        <verity-rating-badge
          api=${api}
          business=${DEMO_BUSINESS}
          product=${DEMO_PRODUCTS.espresso}
          seo
        ></verity-rating-badge>
        <verity-review-list
          api=${api}
          business=${DEMO_BUSINESS}
          product=${DEMO_PRODUCTS.espresso}
          page-size="4"
          seo
        ></verity-review-list>
      </div>`,
    );
    await until(() => (jsonLd()[0]?.review as unknown[] | undefined)?.length === 4, 'no reviews in the JSON-LD');
    expect(jsonLd().length).to.equal(1);
    expect(jsonLd()[0]!.sku).to.equal(DEMO_PRODUCTS.espresso);
    // The list goes: the badge's block stays, without the reviews it does not show.
    root.querySelector('verity-review-list')!.remove();
    expect(jsonLd().length).to.equal(1);
    expect(jsonLd()[0]!.review).to.equal(undefined);
    root.remove();
    expect(jsonLd().length).to.equal(0);
  });

  it('takes over the block a server wrote for the product instead of adding one', async () => {
    const written = document.createElement('script');
    written.type = 'application/ld+json';
    written.dataset.verity = '';
    written.setAttribute('data-verity-sku', DEMO_PRODUCTS.filter);
    written.text = JSON.stringify({ '@type': 'Product', sku: DEMO_PRODUCTS.filter, name: 'from the server' });
    document.head.append(written);
    const el = await fixture(
      html`<verity-rating-badge
        api=${freshApi()}
        business=${DEMO_BUSINESS}
        product=${DEMO_PRODUCTS.filter}
        seo
      ></verity-rating-badge>`,
    );
    await until(() => jsonLd()[0]?.name !== 'from the server', 'the badge did not write');
    expect(jsonLd().length).to.equal(1);
    expect(jsonLd()[0]!.aggregateRating).to.be.an('object');
    el.remove();
    expect(written.isConnected).to.equal(false);
  });
});
