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

/** Keeps one `<script type="application/ld+json">` in the page's head in step with its host. */
export class JsonLdController implements ReactiveController {
  private script?: HTMLScriptElement;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.set(undefined);
  }

  set(data: Json | undefined): void {
    if (!data) {
      this.script?.remove();
      this.script = undefined;
      return;
    }
    if (!this.script) {
      this.script = document.createElement('script');
      this.script.type = 'application/ld+json';
      this.script.dataset.verity = '';
    }
    (this.script as unknown as { text: unknown }).text = scriptText(safeJson(data));
    if (!this.script.isConnected) document.head.append(this.script);
  }
}
