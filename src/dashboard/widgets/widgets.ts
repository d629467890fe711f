import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/rating-badge/define.js';
import '../../components/review-form/define.js';
import '../../components/review-list/define.js';
import '../../components/review-quote/define.js';
import { DashboardScreen } from '../screen.js';
import { copyText } from '../ui/copy.js';

export const WIDGET_KINDS = ['badge', 'compact', 'list', 'quote', 'form'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** Where the script tag loads the widgets from: this server's CDN folder. */
export function scriptTag(origin: string, business: string): string {
  return `<script src="${origin}/cdn/verity.js" data-api="${origin}" data-business="${business}" defer></script>`;
}

/** A widget's tag as a shop pastes it (the script tag gives the API and the business). */
export function widgetTag(kind: WidgetKind, options: { product?: string; review?: string }): string {
  const attr = (name: string, value: string | undefined) =>
    value ? ` ${name}="${value.replace(/"/g, '&quot;')}"` : '';
  const product = attr('product', options.product);
  switch (kind) {
    case 'badge':
      return `<verity-rating-badge${product} href="/reviews"></verity-rating-badge>`;
    case 'compact':
      return `<verity-rating-badge variant="compact"${product} href="/reviews"></verity-rating-badge>`;
    case 'list':
      return `<verity-review-list${product}></verity-review-list>`;
    case 'quote':
      return `<verity-review-quote${attr('review', options.review ?? 'REVIEW-ID')}></verity-review-quote>`;
    case 'form':
      return `<verity-review-form${product}></verity-review-form>`;
  }
}

/**
 * What a shop pastes: the script tag and each widget's tag for this business (a product SKU makes
 * them product widgets), each with a copy button, and a live preview of each widget — the real
 * components on this business's real reviews, from this same origin's API.
 *
 * @customElement verity-dash-widgets
 * @summary The dashboard's widget codes and previews.
 */
export class VerityDashWidgets extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    css`
      textarea.code {
        min-height: 0;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 0.875rem;
        background: var(--page);
      }

      .preview {
        padding: 1rem;
        border: 1px dashed var(--border);
        border-radius: var(--radius);
        background: var(--surface);
      }

      .preview-label {
        color: var(--muted);
        font-size: 0.8125rem;
        font-weight: 600;
      }

      .product input {
        width: min(20rem, 100%);
      }
    `,
  ];

  @state() private product = '';
  @state() private quoted = '';

  /** The newest published review, for the quote's example. */
  private readonly newest = this.load(
    async ([api, business], signal) =>
      (await api.reviews(business, { status: 'published', sort: 'newest', limit: 1 }, { signal })).items[0]?.id ?? '',
    () => [this.api, this.business] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.widgets;
  }

  private get origin(): string {
    return location.origin;
  }

  private async copy(event: Event, text: string): Promise<void> {
    const { t } = this.l10n;
    const field = (event.currentTarget as HTMLElement).closest('.snippet')?.querySelector('textarea') ?? undefined;
    this.announce((await copyText(text, field)) ? t.copied : t.copyFailed);
  }

  protected renderContent() {
    const { t } = this.l10n;
    const review = this.quoted || this.newest.value || undefined;
    return html`<p class="intro">${t.widgets.intro}</p>
      <section class="panel snippet" aria-labelledby="script-title">
        <h2 id="script-title">${t.widgets.script}</h2>
        <p class="help">${t.widgets.scriptHelp}</p>
        ${this.renderCode('script', t.widgets.script, scriptTag(this.origin, this.business))}
      </section>
      <div class="toolbar">
        <div class="field product">
          <label for="product">${t.widgets.product}</label>
          <input
            id="product"
            aria-describedby="product-help"
            maxlength="200"
            .value=${this.product}
            @change=${(e: Event) => (this.product = (e.target as HTMLInputElement).value.trim())}
          />
          <p id="product-help" class="help">${t.widgets.productHelp}</p>
        </div>
        <div class="field product">
          <label for="review">${t.widgets.review}</label>
          <input
            id="review"
            maxlength="200"
            .value=${review ?? ''}
            @change=${(e: Event) => (this.quoted = (e.target as HTMLInputElement).value.trim())}
          />
        </div>
      </div>
      ${WIDGET_KINDS.map((kind) => this.renderWidget(kind, review))}`;
  }

  private renderCode(id: string, name: string, code: string): TemplateResult {
    const { t } = this.l10n;
    return html`<div class="field">
        <label for="code-${id}">${t.widgets.code(name)}</label>
        <textarea id="code-${id}" class="code" readonly rows=${code.length > 90 ? 3 : 2} .value=${code}></textarea>
      </div>
      <div class="actions">
        <button
          class="button secondary small copy"
          type="button"
          data-copy=${id}
          @click=${(e: Event) => this.copy(e, code)}
        >
          ${t.copy}<span class="visually-hidden">: ${name}</span>
        </button>
      </div>`;
  }

  private renderWidget(kind: WidgetKind, review: string | undefined): TemplateResult {
    const { t } = this.l10n;
    const name = t.widgets.names[kind];
    const product = this.product || undefined;
    const api = this.origin;
    const locale = this.locale;
    let preview: TemplateResult | typeof nothing;
    switch (kind) {
      case 'badge':
        preview = html`<verity-rating-badge
          api=${api}
          business=${this.business}
          product=${ifDefined(product)}
          locale=${locale}
          href="#"
        ></verity-rating-badge>`;
        break;
      case 'compact':
        preview = html`<verity-rating-badge
          api=${api}
          business=${this.business}
          product=${ifDefined(product)}
          locale=${locale}
          variant="compact"
          href="#"
        ></verity-rating-badge>`;
        break;
      case 'list':
        preview = html`<verity-review-list
          api=${api}
          business=${this.business}
          product=${ifDefined(product)}
          locale=${locale}
          page-size="3"
        ></verity-review-list>`;
        break;
      case 'quote':
        preview = review
          ? html`<verity-review-quote
              api=${api}
              business=${this.business}
              review=${review}
              locale=${locale}
            ></verity-review-quote>`
          : nothing;
        break;
      case 'form':
        // A preview, not a second way in: the form shows, but nothing in it can be sent from here.
        preview = html`<div inert>
          <verity-review-form
            api=${api}
            business=${this.business}
            product=${ifDefined(product)}
            locale=${locale}
          ></verity-review-form>
        </div>`;
        break;
    }
    return html`<section class="panel snippet" aria-labelledby="${kind}-title" data-kind=${kind}>
      <h2 id="${kind}-title">${name}</h2>
      ${this.renderCode(kind, name, widgetTag(kind, { product, review }))}
      <p class="preview-label" id="${kind}-preview">${t.widgets.preview(name)}</p>
      <div class="preview" role="group" aria-labelledby="${kind}-preview">${preview}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-widgets': VerityDashWidgets;
  }
}
