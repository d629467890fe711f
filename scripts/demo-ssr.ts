/**
 * The demo's product page, server-rendered with `verity-reviews/ssr`: the worked example of a
 * Node server that renders the widgets into its HTML. The page is `demo/espresso.html` with its
 * product badge and review list rendered on the server (stars, average, count and the first
 * reviews readable with JavaScript off), one JSON-LD `Product` in the head, and the hashes of the
 * widgets' inline styles added to the page's Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { serverRenderer } from '../src/ssr.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../src/mocks/fixtures.js';

const template = readFileSync(new URL('../demo/espresso.html', import.meta.url), 'utf8');

const HEADER_BADGE =
  '<verity-rating-badge class="header-badge" variant="compact" href="/#reviews"></verity-rating-badge>';
const BADGE = '<verity-rating-badge product="NK-ESPRESSO-1KG" href="#reviews" seo></verity-rating-badge>';
const LIST =
  '<verity-review-list class="review-list" product="NK-ESPRESSO-1KG" form-href="#write" seo></verity-review-list>';

export interface RenderedPage {
  html: string;
  /** `style-src` sources the page needs for the server-rendered shadow roots. */
  styleSources: string[];
}

/**
 * Renders the product page. `fetch` reaches the API (the demo passes its own app, in process);
 * the widgets in the page reach it at `/`, as the script tag's `data-api` says.
 */
export async function renderProductPage(pageUrl: string, fetch: typeof globalThis.fetch): Promise<RenderedPage> {
  const verity = serverRenderer({
    api: 'http://verity.internal',
    pageApi: '/',
    business: DEMO_BUSINESS,
    pageUrl,
    fetch,
  });
  const product = DEMO_PRODUCTS.espresso;
  const [header, badge, list] = await Promise.all([
    verity.badge({ variant: 'compact', href: '/#reviews', className: 'header-badge' }),
    verity.badge({ product, href: '#reviews', seo: true }),
    verity.list({ product, formHref: '#write', className: 'review-list', seo: true }),
  ]);
  if (![HEADER_BADGE, BADGE, LIST].every((tag) => template.includes(tag))) {
    throw new Error('demo/espresso.html changed its widgets');
  }
  const html = template
    .replace(HEADER_BADGE, header)
    .replace(BADGE, badge)
    .replace(LIST, list)
    .replace('</head>', `${verity.jsonLd()}\n  </head>`);
  return { html, styleSources: verity.styleHashes() };
}
