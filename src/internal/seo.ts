/**
 * Opt-in structured data (`seo` attribute) for product reviews: schema.org `Product` with its
 * `AggregateRating` and the reviews the visitor can see. Only for a product: search engines do
 * not allow a business to mark up reviews of itself (self-serving `Organization` or
 * `LocalBusiness` review markup), so a shop-level widget writes nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Review, Summary } from '../client/schemas.js';

type Json = Record<string, unknown>;

/** The JSON-LD of a product's summary and visible reviews, or `undefined` when none may be written. */
export function productJsonLd(summary: Summary, reviews: readonly Review[] = []): Json | undefined {
  if (!summary.product) return undefined;
  const data: Json = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: summary.product.name,
    sku: summary.product.id,
  };
  if (summary.rating.average !== null && summary.rating.count > 0) {
    data.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: summary.rating.average,
      reviewCount: summary.rating.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  if (reviews.length > 0) {
    data.review = reviews.map((review) => ({
      '@type': 'Review',
      ...(review.title ? { name: review.title } : {}),
      reviewBody: review.body,
      datePublished: review.createdAt.slice(0, 10),
      author: { '@type': 'Person', name: review.author.displayName },
      reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
    }));
  }
  return data;
}

/** JSON that cannot end its `<script>` element early, whatever the reviews say. */
export function safeJson(data: Json): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScript: (input: string) => string },
  ): { createScript(input: string): unknown };
}

let policy: { createScript(input: string): unknown } | undefined;

/**
 * Pages under `require-trusted-types-for 'script'` need a policy to set a script's text; this
 * one is used only for JSON produced by `safeJson`. Allow it with `trusted-types verity-jsonld`.
 */
function scriptText(json: string): unknown {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return json;
  policy ??= trustedTypes.createPolicy('verity-jsonld', { createScript: (input) => input });
  return policy.createScript(json);
}

/** One block per product on the page, whoever writes it: every widget of that SKU, or the server. */
interface ProductBlock {
  script: HTMLScriptElement;
  writers: Map<JsonLdController, Json>;
}

const blocks = new Map<string, ProductBlock>();

/** The attribute that names a block's product; a server-rendered page's block carries it too. */
export const JSON_LD_SKU_ATTRIBUTE = 'data-verity-sku';

function blockFor(sku: string): ProductBlock {
  let block = blocks.get(sku);
  if (!block) {
    // The block the server wrote for this product (`verity-reviews/ssr`), or a new one.
    const written = [...document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')].find(
      (script) => script.getAttribute(JSON_LD_SKU_ATTRIBUTE) === sku,
    );
    const script = written ?? document.createElement('script');
    if (!written) {
      script.type = 'application/ld+json';
      script.dataset.verity = '';
      script.setAttribute(JSON_LD_SKU_ATTRIBUTE, sku);
    }
    block = { script, writers: new Map() };
    blocks.set(sku, block);
  }
  return block;
}

function write(block: ProductBlock): void {
  const reviews = (value: Json) => (Array.isArray(value.review) ? value.review.length : 0);
  const richest = [...block.writers.values()].reduce((best, next) => (reviews(next) > reviews(best) ? next : best));
  (block.script as unknown as { text: unknown }).text = scriptText(safeJson(richest));
  if (!block.script.isConnected) document.head.append(block.script);
}

/**
 * Keeps a product's one `<script type="application/ld+json">` in step with its widgets: a badge
 * and a list of the same product share it (search engines expect one `Product` per product), and
 * it says what the widget showing the most reviews shows.
 */
export class JsonLdController implements ReactiveController {
  private sku?: string;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.set(undefined);
  }

  set(data: Json | undefined): void {
    const sku = data && typeof data.sku === 'string' ? data.sku : undefined;
    if (this.sku !== undefined && this.sku !== sku) this.leave(this.sku);
    this.sku = sku;
    if (!data || sku === undefined) return;
    const block = blockFor(sku);
    block.writers.set(this, data);
    write(block);
  }

  private leave(sku: string): void {
    const block = blocks.get(sku);
    if (!block) return;
    block.writers.delete(this);
    if (block.writers.size > 0) {
      write(block);
      return;
    }
    block.script.remove();
    blocks.delete(sku);
  }
}
