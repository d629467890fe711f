/**
 * `verity-reviews/ssr`: the rating badge, the review quote and the review list's first page
 * rendered on a Node server to HTML with declarative shadow DOM (`@lit-labs/ssr`), from a summary
 * and reviews the server fetched. With JavaScript off a visitor (and a crawler) reads the stars,
 * the average, the count and the first reviews as text; with it on, each widget draws itself again
 * from the data embedded beside it, within one task: no second request, no layout shift.
 *
 *   const verity = serverRenderer({ api: 'https://reviews.example.com', business: 'my-shop', locale: 'sv' });
 *   const badge = await verity.badge({ product: 'SKU-1', href: '#reviews' });
 *   const list = await verity.list({ product: 'SKU-1' });
 *   // …put badge, list and verity.jsonLd() into the page, and verity.styleHashes() into its CSP.
 *
 * Importing it registers the widgets in the server's custom element registry; it is for servers
 * only (browsers load the widgets through `verity-reviews/define` or the script tag).
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient } from './client/client.js';
import type { ListParams, Prefetched, VerityClient } from './client/client.js';
import type { Review, ReviewPage, Sort, Summary } from './client/schemas.js';
import { SORTS } from './client/schemas.js';
import './components/rating-badge/define.js';
import './components/review-list/define.js';
import './components/review-quote/define.js';
import type { BadgeVariant } from './components/rating-badge/rating-badge.js';
import { parseRatings } from './components/review-list/review-list.js';
import type { QuoteVariant } from './components/review-quote/review-quote.js';
import { ensureTranslation } from './internal/localize.js';
import { requireOwnReview } from './internal/ownership.js';
import { withPrerenderData } from './internal/prerender.js';
import type { PrerenderData } from './internal/prerender.js';
import { JSON_LD_SKU_ATTRIBUTE, productJsonLd, safeJson } from './internal/seo.js';

export interface ServerRenderOptions {
  /** Where the server reaches the review API (an absolute URL). */
  api: string;
  /** The widgets' `api` attribute in the page, when the browser reaches the API elsewhere (e.g. `/`). Default: `api`. */
  pageApi?: string | undefined;
  /** The business id. */
  business: string;
  /** The widgets' language (BCP 47). Default `en`. */
  locale?: string | undefined;
  /** A `fetch` for the server's requests (an in-process app, instrumentation). */
  fetch?: typeof fetch | undefined;
  /** Or a client of your own (its cache then serves several pages). */
  client?: VerityClient | undefined;
  /**
   * The address of the page being rendered: relative links (`href="#reviews"`) resolve against it
   * as they do in the browser. Without it they are left out of the server's HTML.
   */
  pageUrl?: string | URL | undefined;
  /** Milliseconds the server waits for the API before it renders the plain tag instead. Default 3 000. */
  timeoutMs?: number | undefined;
}

/** What every widget takes besides its own options. */
interface CommonRenderOptions {
  /** The element's `class`, for the page's own layout. */
  className?: string | undefined;
  /** Keeps the product's one JSON-LD block in step in the browser (the widget's `seo`). */
  seo?: boolean | undefined;
}

export interface BadgeRenderOptions extends CommonRenderOptions {
  product?: string | undefined;
  variant?: BadgeVariant | undefined;
  href?: string | undefined;
}

export interface ListRenderOptions extends CommonRenderOptions {
  product?: string | undefined;
  sort?: Sort | undefined;
  /** A preset rating filter, e.g. `4,5` (always disclosed by the list, R3). */
  rating?: string | undefined;
  verified?: boolean | undefined;
  /** Reviews on the first page (1–50, default 10). */
  pageSize?: number | undefined;
  formHref?: string | undefined;
}

export interface QuoteRenderOptions {
  review: string;
  excerpt?: string | undefined;
  maxLength?: number | undefined;
  variant?: QuoteVariant | undefined;
  href?: string | undefined;
  product?: string | undefined;
}

export interface ServerRenderer {
  /** `<verity-rating-badge>` with its stars, average, grade and count. */
  badge(options?: BadgeRenderOptions): Promise<string>;
  /** `<verity-review-list>` with its summary header and first page of reviews. */
  list(options?: ListRenderOptions): Promise<string>;
  /** `<verity-review-quote>` with the quoted words, the review's stars, author and date. */
  quote(options: QuoteRenderOptions): Promise<string>;
  /**
   * One schema.org `Product` in JSON-LD per product rendered so far (with the reviews the list
   * shows), for the page's head; the widgets then write no block of their own for that product.
   */
  jsonLd(): string;
  /** The CSP sources (`'sha256-…'`) of the inline styles in the rendered shadow roots, for `style-src`. */
  styleHashes(): string[];
}

/** The first page's request, as `<verity-review-list>` makes it for these attributes. */
export function firstPageParams(business: string, options: ListRenderOptions = {}): ListParams {
  const size = Math.trunc(Number(options.pageSize ?? 10));
  return {
    business,
    product: options.product,
    sort: options.sort && (SORTS as readonly string[]).includes(options.sort) ? options.sort : 'newest',
    rating: parseRatings(options.rating),
    verified: options.verified ?? false,
    limit: Number.isFinite(size) ? Math.min(50, Math.max(1, size)) : 10,
  };
}

/** A JSON block inside the element: the client of the widget answers its first load from it. */
function withData(markup: string, tag: string, prefetched: Prefetched): string {
  const end = markup.lastIndexOf(`</${tag}>`);
  const block = `<script type="application/json" data-verity-prefetched>${safeJson(prefetched as Record<string, unknown>)}</script>`;
  return `${markup.slice(0, end)}${block}${markup.slice(end)}`;
}

/**
 * Runs a synchronous render with `location` set to the page's address, as the widgets read it in
 * a browser to resolve links (nothing else runs in between: the render does not wait).
 */
function withPageLocation<T>(pageUrl: string | URL | undefined, run: () => T): T {
  if (pageUrl === undefined || 'location' in globalThis) return run();
  Object.defineProperty(globalThis, 'location', { value: { href: String(pageUrl) }, configurable: true });
  try {
    return run();
  } finally {
    delete (globalThis as { location?: unknown }).location;
  }
}

/** The CSP source of an inline style: `'sha256-…'` of its UTF-8 text. */
async function cspHash(css: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

export function serverRenderer(options: ServerRenderOptions): ServerRenderer {
  const client =
    options.client ??
    createClient({ baseUrl: options.api, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 3000 });
  const pageApi = options.pageApi ?? options.api;
  const business = options.business;
  const locale = options.locale ?? 'en';
  const products = new Map<string, { summary: Summary; reviews: Review[] }>();
  /** Each inline style of the shadow roots rendered so far, with its CSP source. */
  const styles = new Map<string, string>();

  async function draw(template: unknown, data: PrerenderData, tag: string, prefetched: Prefetched): Promise<string> {
    await ensureTranslation(locale);
    const markup = withPageLocation(options.pageUrl, () =>
      withPrerenderData(data, () => collectResultSync(render(template))),
    );
    for (const match of markup.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      const css = match[1]!;
      if (!styles.has(css)) styles.set(css, await cspHash(css));
    }
    return withData(markup, tag, prefetched);
  }

  function noteProduct(summary: Summary, reviews: Review[] = []): void {
    if (!summary.product) return;
    const known = products.get(summary.product.id);
    if (!known || reviews.length > known.reviews.length) products.set(summary.product.id, { summary, reviews });
  }

  return {
    async badge({ product, variant, href, className, seo } = {}) {
      const summary = await client.getSummary({ business, product });
      noteProduct(summary);
      const template = html`<verity-rating-badge
        class=${ifDefined(className)}
        ?seo=${seo}
        api=${pageApi}
        business=${business}
        product=${ifDefined(product)}
        locale=${locale}
        variant=${ifDefined(variant)}
        href=${ifDefined(href)}
      ></verity-rating-badge>`;
      return draw(template, { summary }, 'verity-rating-badge', { summaries: [{ business, product, summary }] });
    },

    async list(listOptions = {}) {
      const params = firstPageParams(business, listOptions);
      const [summary, page]: [Summary, ReviewPage] = await Promise.all([
        client.getSummary({ business, product: listOptions.product }),
        client.listReviews(params),
      ]);
      noteProduct(summary, page.items);
      const template = html`<verity-review-list
        class=${ifDefined(listOptions.className)}
        ?seo=${listOptions.seo}
        api=${pageApi}
        business=${business}
        product=${ifDefined(listOptions.product)}
        locale=${locale}
        sort=${params.sort!}
        rating=${ifDefined(listOptions.rating)}
        ?verified=${params.verified}
        page-size=${params.limit!}
        form-href=${ifDefined(listOptions.formHref)}
      ></verity-review-list>`;
      return draw(template, { summary, page }, 'verity-review-list', {
        summaries: [{ business, product: listOptions.product, summary }],
        pages: [{ params, page }],
      });
    },

    async quote({ review: id, excerpt, maxLength, variant, href, product }) {
      const review = requireOwnReview(await client.getReview(id), { business, product });
      const template = html`<verity-review-quote
        api=${pageApi}
        business=${business}
        product=${ifDefined(product)}
        locale=${locale}
        review=${id}
        excerpt=${ifDefined(excerpt)}
        max-length=${ifDefined(maxLength)}
        variant=${ifDefined(variant)}
        href=${ifDefined(href)}
      ></verity-review-quote>`;
      return draw(template, { review }, 'verity-review-quote', { reviews: [review] });
    },

    jsonLd() {
      return [...products]
        .map(([sku, { summary, reviews }]) => {
          const data = productJsonLd(summary, reviews);
          return data
            ? `<script type="application/ld+json" data-verity ${JSON_LD_SKU_ATTRIBUTE}="${sku.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)}">${safeJson(data)}</script>`
            : '';
        })
        .join('\n');
    },

    styleHashes() {
      return [...styles.values()];
    },
  };
}
