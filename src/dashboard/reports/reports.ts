import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { REPORT_OUTCOMES } from '../../contract/dashboard.js';
import type { AdminReport, ReportOutcome } from '../../contract/dashboard.js';
import { optionOf, routeHref } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { reviewStyles, stars, when } from '../ui/review-parts.js';

/**
 * The R10 reports on this business's reviews: the reason and the reporter's note, the review,
 * and the outcome (open until the review is moderated again, then kept or removed — and for what
 * reason). Filtered by outcome; each links to its review.
 *
 * @customElement verity-dash-reports
 * @summary The dashboard's reports.
 */
export class VerityDashReports extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    ...reviewStyles,
    css`
      .report-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 0.75rem;
      }

      blockquote {
        display: grid;
        gap: 0.35rem;
        margin: 0;
        padding: 0.75rem 1rem;
        border-inline-start: 3px solid var(--border);
        background: var(--page);
      }
    `,
  ];

  @state() private outcome?: ReportOutcome;

  private readonly list = this.paged(
    ([api, business, outcome], cursor, signal) => api.reports(business, { outcome, cursor, limit: 20 }, { signal }),
    () => [this.api, this.business, this.outcome] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.reports;
  }

  protected override readParams(params: URLSearchParams): void {
    this.outcome = optionOf(REPORT_OUTCOMES, params.get('outcome'));
  }

  private choose(value: string): void {
    this.outcome = optionOf(REPORT_OUTCOMES, value);
    this.recordParams({ outcome: this.outcome });
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<p class="intro">${t.reports.intro}</p>
      <div class="toolbar">
        <div class="field">
          <label for="outcome">${t.reports.outcomeLabel}</label>
          <select id="outcome" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.outcome}>${t.reports.all}</option>
            ${REPORT_OUTCOMES.map(
              (o) => html`<option value=${o} ?selected=${o === this.outcome}>${t.reports.outcomes[o]}</option>`,
            )}
          </select>
        </div>
      </div>
      ${this.renderPaged(
        this.list,
        this.outcome ? t.reports.emptyFiltered : t.reports.empty,
        (items) =>
          html`<ul class="plain results">
            ${items.map((report) => this.renderReport(report))}
          </ul>`,
      )}`;
  }

  private renderReport(report: AdminReport): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const { review } = report;
    const outcomeClass = report.outcome === 'removed' ? 'danger' : report.outcome === 'kept' ? 'ok' : '';
    return html`<li class="panel" data-id=${report.id}>
      <div class="report-head">
        <strong>${t.reports.reasons[report.reason]}</strong>
        <span class="badge ${outcomeClass}">${t.reports.outcomes[report.outcome]}</span>
        ${report.removedFor ? html`<span>${t.reports.removedFor(t.moderationReasons[report.removedFor])}</span>` : nothing}
        <span class="spacer"></span>
        <span class="muted">${when(report.createdAt, l10n)}</span>
      </div>
      <p>
        <span class="label">${t.reports.note}:</span>
        ${report.note ? html`<span class="note" dir="auto">${report.note}</span>` : html`<span class="muted">${t.reports.noNote}</span>`}
      </p>
      <blockquote>
        <p class="row">
          ${stars(review.rating, l10n)}
          <strong dir="auto">${review.title ?? t.reviews.untitled}</strong>
          <span class="badge">${t.statuses[review.status]}</span>
        </p>
        <p class="body-text" dir="auto">${review.body}</p>
        <p class="muted" dir="auto">${review.authorName}</p>
      </blockquote>
      <p>
        <a href=${routeHref('review', { id: review.id, business: this.business })}
          >${t.reports.openReview}<span class="visually-hidden">: ${review.title ?? review.authorName}</span></a
        >
      </p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-reports': VerityDashReports;
  }
}
