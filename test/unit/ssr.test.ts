/**
 * `verity-reviews/ssr` in Node against the mocks: what the server's HTML says (the stars, the
 * average, the count, the first reviews, the quote's words), the data it embeds for the browser's
 * client, the one JSON-LD `Product`, the CSP hashes, and what it refuses to render.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createHandlers } from '../../src/mocks/handlers.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../../src/mocks/fixtures.js';
import { MockStore } from '../../src/mocks/store.js';
import { firstPageParams, serverRenderer } from '../../src/ssr.js';

const API = 'http://ssr.api.test';
const store = new MockStore();
const requests: string[] = [];
const server = setupServer(...createHandlers({ store }));
server.events.on('request:start', ({ request }) => {
  requests.push(`${new URL(request.url).pathname}${new URL(request.url).search}`);
});

/** The text a reader sees: tags, comments and the embedded JSON removed. */
const text = (markup: string) =>
  markup
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const prefetched = (markup: string) =>
  JSON.parse(/<script type="application\/json" data-verity-prefetched>([\s\S]*?)<\/script>/.exec(markup)![1]!);

describe('verity-reviews/ssr', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  const renderer = (locale?: string) =>
    serverRenderer({ api: API, pageApi: '/', business: DEMO_BUSINESS, locale, pageUrl: 'https://shop.example/p' });

  it('renders the badge with its stars, average, grade and count, in declarative shadow DOM', async () => {
    const summary = store.summary(DEMO_BUSINESS, DEMO_PRODUCTS.espresso)!;
    const markup = await renderer().badge({ product: DEMO_PRODUCTS.espresso, href: '#reviews' });
    assert.match(
      markup,
      /^(<!--[^>]*-->)*<verity-rating-badge[^>]* api="\/" business="nordlys" product="NK-ESPRESSO-1KG"/,
    );
    assert.match(markup, /<template shadowroot="open" shadowrootmode="open">/);
    const shown = text(markup);
    assert.ok(shown.includes(`${summary.rating.average} out of 5`), shown.slice(0, 300));
    assert.ok(shown.includes(`${summary.rating.count} verified reviews`));
    assert.match(markup, new RegExp(`aria-label="Rated ${summary.rating.average} out of 5"`));
    // The link resolves against the page's address, as in the browser.
    assert.match(markup, /href="https:\/\/shop\.example\/p#reviews"/);
    assert.deepEqual(prefetched(markup).summaries[0].summary, summary);
  });

  it('renders in the widget language', async () => {
    const summary = store.summary(DEMO_BUSINESS, DEMO_PRODUCTS.espresso)!;
    const markup = await renderer('sv').badge({ product: DEMO_PRODUCTS.espresso });
    assert.ok(text(markup).includes(String(summary.rating.average).replace('.', ',')), 'the Swedish decimal comma');
    assert.ok(text(markup).includes('verifierade'), text(markup).slice(0, 400));
  });

  it('renders the list’s summary and first page, and embeds the request the list will make', async () => {
    const verity = renderer();
    const markup = await verity.list({ product: DEMO_PRODUCTS.espresso, pageSize: 5 });
    const params = firstPageParams(DEMO_BUSINESS, { product: DEMO_PRODUCTS.espresso, pageSize: 5 });
    const page = await (
      await fetch(`${API}/v1/businesses/${DEMO_BUSINESS}/reviews?product=${DEMO_PRODUCTS.espresso}&sort=newest&limit=5`)
    ).json();
    assert.equal(markup.match(/<article/g)?.length, 5);
    for (const review of page.items) assert.ok(text(markup).includes(review.author.displayName));
    assert.ok(text(markup).includes('Show more reviews'), 'the next page is offered, as in the browser');
    const data = prefetched(markup);
    assert.deepEqual(data.pages[0].params, JSON.parse(JSON.stringify(params)));
    assert.deepEqual(data.pages[0].page, page);
  });

  it('writes one JSON-LD Product per product, with the reviews the list shows', async () => {
    const verity = renderer();
    await verity.badge({ product: DEMO_PRODUCTS.espresso });
    await verity.list({ product: DEMO_PRODUCTS.espresso, pageSize: 3 });
    await verity.badge();
    const blocks = [...verity.jsonLd().matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(blocks.length, 1, 'the shop’s own summary is never marked up');
    const data = JSON.parse(blocks[0]![1]!);
    assert.equal(data.sku, DEMO_PRODUCTS.espresso);
    assert.equal(data.review.length, 3);
    assert.match(verity.jsonLd(), /data-verity-sku="NK-ESPRESSO-1KG"/);
  });

  it('renders a quote verbatim with its review’s stars, and refuses another business’s review', async () => {
    const review = store.reviews.find((r) => r.business === DEMO_BUSINESS && r.status === 'published')!;
    const words = review.body.split(' ').slice(0, 4).join(' ');
    const markup = await renderer().quote({ review: review.id, excerpt: words });
    assert.ok(text(markup).includes(words));
    assert.match(markup, new RegExp(`aria-label="Rated ${review.rating} out of 5"`));
    const foreign = store.reviews.find((r) => r.business !== DEMO_BUSINESS && r.status === 'published')!;
    await assert.rejects(renderer().quote({ review: foreign.id }), /not a review of/);
  });

  it('gives the CSP hash of every inline style it rendered', async () => {
    const verity = renderer();
    const markup = await verity.badge({ product: DEMO_PRODUCTS.espresso });
    const styles = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    assert.ok(styles.length > 0);
    const expected = [...new Set(styles)].map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    assert.deepEqual(verity.styleHashes().sort(), expected.sort());
  });

  it('embeds API text so that it cannot end its script element', async () => {
    const hostile = '</script><script>alert(1)</script>';
    server.use(
      http.get('*/v1/businesses/:business/summary', () =>
        HttpResponse.json({
          ...store.summary(DEMO_BUSINESS, DEMO_PRODUCTS.espresso)!,
          business: { id: DEMO_BUSINESS, name: hostile, url: null },
        }),
      ),
    );
    try {
      const markup = await renderer().badge({ product: DEMO_PRODUCTS.espresso });
      assert.equal(markup.match(/<\/script>/g)?.length, 1, 'only the block’s own end');
      assert.equal(prefetched(markup).summaries[0].summary.business.name, hostile);
    } finally {
      server.resetHandlers();
    }
  });

  it('fails with the API’s error rather than rendering a made-up widget', async () => {
    requests.length = 0;
    await assert.rejects(renderer().badge({ product: 'NO-SUCH-SKU' }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'not_found');
      return true;
    });
    assert.equal(requests.length, 1);
  });
});
