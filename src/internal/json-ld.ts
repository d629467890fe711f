/**
 * A widget's JSON-LD, for a widget with `seo` only: the code that writes it (seo.ts) loads the
 * first time a widget has something to write, so a page without `seo` never carries it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Review, Summary } from '../client/schemas.js';
import { onDemand } from './on-demand.js';
import type { JsonLdController } from './seo.js';

const seoCode = onDemand(() => import('./seo.js'));

/** What the widget shows: a product's summary and the reviews it lists; `undefined` for nothing. */
export type JsonLdSource = { summary: Summary; reviews?: readonly Review[] } | undefined;

export class LazyJsonLd implements ReactiveController {
  private controller?: JsonLdController;
  private latest: JsonLdSource;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.latest = undefined;
  }

  /** Says what the widget shows now; the block follows once seo.ts is loaded. */
  set(source: JsonLdSource): void {
    this.latest = source;
    if (!source && !this.controller) return;
    seoCode.get().then(
      (seo) => {
        // The controller follows its host out of the page and back, as the widget does.
        this.controller ??= new seo.JsonLdController(this.host);
        const now = this.latest;
        this.controller.set(now ? seo.productJsonLd(now.summary, now.reviews) : undefined);
      },
      // Offline or blocked: no structured data this time; the next change tries again.
      () => undefined,
    );
  }
}
