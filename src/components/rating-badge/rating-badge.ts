import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Summary } from '../../client/schemas.js';
import { VerityDataElement } from '../../internal/element.js';
import { VerityLoadEvent } from '../../internal/events.js';
import { LoadingAnnouncer, settled } from '../../internal/loading.js';
import { OnlineRetryController } from '../../internal/online.js';
import { prerendered } from '../../internal/prerender.js';
import { safeHttpUrl } from '../../internal/url.js';
import { LazyJsonLd } from '../../internal/json-ld.js';
import { DisclosureController, verificationDisclosure, verificationStyles } from '../../internal/verification.js';
import { badgeStyles } from './rating-badge.styles.js';

export const BADGE_VARIANTS = ['full', 'compact'] as const;
export type BadgeVariant = (typeof BADGE_VARIANTS)[number];

/**
 * The rating badge: fractional stars, the average in the locale's format, the grade, the number
 * of reviews behind the score, the share of customers invited (R9), and a verified mark that
 * opens how reviews are collected and verified (R11).
 *
 * The score is computed by the API (R2: verified reviews of the last 12 months); the badge only
 * shows it. With no review in the window it shows "No reviews yet" and no grade, never a number.
 *
 * @customElement verity-rating-badge
 * @summary Stars, average, grade and review count of a shop or a product.
 *
 * @event verity-load - The summary was loaded and is shown.
 * @event verity-error - Loading failed (`detail.code`: `network`, `timeout`, `http`, `not_found`,
 *   `invalid_response`, `missing_config`, …); the badge shows its own quiet fallback.
 *
 * @csspart base - The badge's box (a link in the compact variant with `href`).
 * @csspart stars - The `<verity-stars>` element.
 * @csspart average - The average, e.g. "4.62".
 * @csspart grade - The grade label, e.g. "Excellent".
 * @csspart count - The number of reviews (a link with `href`).
 * @csspart invited-share - The share of customers invited to review (R9).
 * @csspart verified - The verified mark, a button that opens the disclosure (R11).
 * @csspart disclosure - The panel that says how reviews are collected and verified.
 *
 * @cssproperty --verity-font-family - Font of all text (default: inherited from the page).
 * @cssproperty --verity-font-size - Base font size (default `1rem`).
 * @cssproperty --verity-color-text - Main text colour.
 * @cssproperty --verity-color-text-muted - Secondary text colour.
 * @cssproperty --verity-color-link - Links and the verified mark's text.
 * @cssproperty --verity-color-verified - The verified mark's icon.
 * @cssproperty --verity-color-surface - Background of the disclosure panel.
 * @cssproperty --verity-color-border - Borders.
 * @cssproperty --verity-color-focus - The focus ring.
 * @cssproperty --verity-color-star - Filled stars.
 * @cssproperty --verity-color-star-empty - Empty stars.
 * @cssproperty --verity-star-size - The size of one star.
 * @cssproperty --verity-radius - Corner radius of the disclosure panel.
 */
export class VerityRatingBadge extends VerityDataElement {
  static override styles = [...VerityDataElement.styles, verificationStyles, badgeStyles];

  /** `full` shows everything; `compact` shows stars, average and count only. */
  @property({ reflect: true }) variant: BadgeVariant = 'full';

  /** Where the full reviews are, e.g. `/reviews`: the count (or the compact badge) links there. */
  @property() href?: string;

  /**
   * Writes schema.org JSON-LD (`Product` with `AggregateRating`) into the page for search
   * engines. Only for a `product`: a shop's reviews of itself are never marked up.
   */
  @property({ type: Boolean, reflect: true }) seo = false;

  @query('.verified-mark') private verifiedButton?: HTMLButtonElement;

  private readonly jsonLd = new LazyJsonLd(this);

  private readonly disclosure = new DisclosureController(this, () => this.verifiedButton);

  private readonly summary = new Task(this, {
    ...prerendered('summary'),
    task: async ([client, business, product], { signal }) => {
      const [source, id] = this.requireSource(client, business);
      return this.withLocale(source.getSummary({ business: id, product }, { signal }));
    },
    args: () => [this.client, this.resolvedBusiness, this.resolvedProduct] as const,
    onComplete: () => {
      void this.updateComplete.then(() => this.dispatchEvent(new VerityLoadEvent({ kind: 'summary' })));
    },
    onError: (error) => {
      this.reportError(error);
      this.online.failed(error);
    },
  });

  private readonly online = new OnlineRetryController(this, () => void this.summary.run());

  private readonly loading = new LoadingAnnouncer(this, () =>
    settled(this.summary) ? undefined : this.l10n.t.loading,
  );

  protected override awaitingData(): boolean {
    return !settled(this.summary);
  }

  protected override updated(): void {
    const summary = this.summary.status === TaskStatus.COMPLETE ? this.summary.value : undefined;
    this.jsonLd.set(this.seo && summary ? { summary } : undefined);
  }

  override render() {
    const status = this.summary.status;
    if (status === TaskStatus.COMPLETE && this.summary.value) return this.renderSummary(this.summary.value);
    if (status === TaskStatus.ERROR) return this.renderUnavailable();
    return this.renderSkeleton();
  }

  private renderSkeleton(): TemplateResult {
    const compact = this.variant === 'compact';
    return html`<div part="base" class="badge ${compact ? 'compact' : 'full'}" aria-busy="true">
      <div class="line" aria-hidden="true">
        <span class="skeleton stars-skeleton"></span>
        <span class="skeleton w-average"></span>
        ${compact ? nothing : html`<span class="skeleton w-grade"></span>`}
      </div>
      ${
        compact
          ? nothing
          : html`<div class="line" aria-hidden="true"><span class="skeleton w-count"></span></div>
              <div class="line" aria-hidden="true"><span class="skeleton w-verified"></span></div>`
      }
    </div>`;
  }

  private renderUnavailable(): TemplateResult {
    return html`<div part="base" class="badge ${this.variant === 'compact' ? 'compact' : 'full'} unavailable">
      <div class="line muted">${this.l10n.t.unavailable}</div>
    </div>`;
  }

  private renderSummary(summary: Summary): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const { average, grade, count } = summary.rating;
    const href = safeHttpUrl(this.href);
    const countText = count > 0 ? t.verifiedReviewCount(count, l10n.number(count)) : undefined;
    const averageText = average === null ? undefined : l10n.average(average);
    const emptyText = summary.totals.published > 0 ? t.noScore : t.noReviews;

    if (this.variant === 'compact') {
      const content = html`
        <verity-stars part="stars" .rating=${average ?? 0} .label=${''} aria-hidden="true"></verity-stars>
        ${
          averageText === undefined
            ? html`<span class="empty-text">${emptyText}</span>`
            : html`<span part="average" class="average" aria-hidden="true">${averageText}</span>
                <span part="count" class="count" aria-hidden="true">(${l10n.number(count)})</span>
                <span class="visually-hidden"
                  >${t.starsLabel(averageText)}, ${countText}${grade ? `, ${t.grades[grade]}` : ''}</span
                >`
        }
      `;
      return href
        ? html`<a part="base" class="badge compact" href=${href}>${content}</a>`
        : html`<div part="base" class="badge compact">${content}</div>`;
    }

    const countLine =
      countText === undefined
        ? summary.totals.published > 0
          ? t.reviewCount(summary.totals.published, l10n.number(summary.totals.published))
          : undefined
        : countText;
    return html`<div part="base" class="badge full" @keydown=${this.disclosure.onKeydown}>
      <div class="line">
        <verity-stars part="stars" .rating=${average ?? 0} locale=${this.resolvedLocale}></verity-stars>
        ${
          averageText === undefined
            ? html`<span class="empty-text">${emptyText}</span>`
            : html`<span part="average" class="average"
                  >${averageText}<span class="visually-hidden"> ${t.outOfFive}</span></span
                >
                ${grade ? html`<span part="grade" class="grade">${t.grades[grade]}</span>` : nothing}`
        }
      </div>
      <div class="line muted">
        ${
          countLine === undefined
            ? nothing
            : href
              ? html`<a part="count" class="count" href=${href}>${countLine}</a>`
              : html`<span part="count" class="count">${countLine}</span>`
        }
        ${
          summary.invitedShare === null
            ? nothing
            : html`<span part="invited-share" class="invited"
                >${t.invitedShare(l10n.percent(summary.invitedShare))}</span
              >`
        }
      </div>
      <div class="line">${verificationDisclosure(l10n, summary, this.disclosure)}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-rating-badge': VerityRatingBadge;
  }
}
