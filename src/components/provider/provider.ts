import { consume, ContextConsumer, provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { VerityClient } from '../../client/client.js';
import { verityContext } from '../../internal/context.js';
import type { ProvidedConfig } from '../../internal/context.js';
import { useProviders } from '../../internal/element.js';
import type { Theme } from '../../internal/element.js';

/**
 * Hands configuration to every Verity widget inside it, so a page (or an SPA view) sets the API,
 * business, product and locale once. Providers nest: an inner one overrides only what it sets.
 *
 * @customElement verity-provider
 * @summary Provides `api`, `business`, `product`, `locale` and a client to the widgets inside it.
 *
 * @slot - The widgets (and any other content).
 */
export class VerityProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  /** The base URL under which the review API's `/v1/…` lives. */
  @property({ reflect: true }) api?: string;

  /** The business id. */
  @property({ reflect: true }) business?: string;

  /** A product SKU: the widgets inside show that product's reviews. */
  @property({ reflect: true }) product?: string;

  /** BCP 47 locale of the widgets inside. */
  @property({ reflect: true }) locale?: string;

  /** Forces the light or the dark theme on the widgets inside. */
  @property({ reflect: true }) theme?: Theme;

  /** A client to use instead of the shared one for `api` (set as a property, not an attribute). */
  @property({ attribute: false }) client?: VerityClient;

  @consume({ context: verityContext, subscribe: true })
  @state()
  private inherited?: ProvidedConfig;

  @provide({ context: verityContext })
  @state()
  private provided: ProvidedConfig = {};

  protected override willUpdate(): void {
    const parent = this.inherited ?? {};
    const next: ProvidedConfig = {
      api: this.api || parent.api,
      business: this.business || parent.business,
      product: this.product || parent.product,
      locale: this.locale || parent.locale,
      client: this.client ?? (this.api ? undefined : parent.client),
    };
    const current = this.provided;
    if ((Object.keys(next) as (keyof ProvidedConfig)[]).some((key) => next[key] !== current[key])) {
      this.provided = next;
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/** With a provider on the page, every widget asks for the nearest one's settings and follows them. */
export function subscribeWidgetsToProviders(): void {
  useProviders((element, set) => {
    new ContextConsumer(element, { context: verityContext, subscribe: true, callback: set });
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-provider': VerityProvider;
  }
}
