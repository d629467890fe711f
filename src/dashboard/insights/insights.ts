import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { RATINGS } from '../../client/schemas.js';
import type { Insights } from '../../contract/dashboard.js';
import { MONTH_YEAR } from '../../internal/review-parts.js';
import { routeHref } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { barChart, chartFigure, chartStyles, lineChart, rowChart } from './charts.js';
import type { Series } from './charts.js';

const SHORT_MONTH: Intl.DateTimeFormatOptions = { month: 'short', timeZone: 'UTC' };
type Chart = 'score' | 'distribution' | 'volume' | 'orders';

/**
 * Twelve months of the business: the R2 score month by month, the stars behind today's score,
 * reviews published (and how many verified), orders and invitations, the invited and answered
 * shares, the median time to moderate and what waits in the inbox. Every chart is SVG of our own
 * with a spoken summary and the same numbers as a table ("Show as table").
 *
 * @customElement verity-dash-insights
 * @summary The dashboard's insights.
 */
export class VerityDashInsights extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    chartStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.75rem;
        margin: 0;
      }

      .tiles div {
        display: grid;
        gap: 0.2rem;
      }

      .tiles dt {
        color: var(--muted);
        font-size: 0.875rem;
      }

      .tiles dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }

      .charts {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      }
    `,
  ];

  @state() private tables = new Set<Chart>();

  private readonly insights = this.load(
    ([api, business], signal) => api.insights(business, { signal }),
    () => [this.api, this.business] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.insights;
  }

  private toggle(chart: Chart): void {
    const tables = new Set(this.tables);
    if (tables.has(chart)) tables.delete(chart);
    else tables.add(chart);
    this.tables = tables;
  }

  protected renderContent() {
    return html`<p class="intro">${this.l10n.t.insights.intro}</p>
      ${this.renderTask(this.insights, (insights) => this.renderInsights(insights))}`;
  }

  /** Hours as the member reads them: "5.5 hours", "3 days". */
  private duration(hours: number | null): string {
    const { t } = this.l10n;
    if (hours === null) return t.insights.noValue;
    if (hours < 48) return t.insights.hours(hours, this.l10n.number(hours, { maximumFractionDigits: 1 }));
    const days = hours / 24;
    return t.insights.days(days, this.l10n.number(days, { maximumFractionDigits: 1 }));
  }

  private renderInsights(insights: Insights): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const share = (value: number | null) => (value === null ? t.insights.noValue : l10n.percent(value));
    const month = (m: string) => `${m}-01T00:00:00Z`;
    const short = insights.months.map((m) => l10n.date(month(m.month), SHORT_MONTH));
    const long = insights.months.map((m) => l10n.date(month(m.month), MONTH_YEAR));
    const figure = (
      id: Chart,
      title: string,
      chart: TemplateResult,
      head: string[],
      rows: string[][],
      legend?: Series[],
    ) =>
      chartFigure({
        id,
        title,
        chart,
        legend,
        table: { head, rows },
        shown: this.tables.has(id),
        toggle: () => this.toggle(id),
        showText: t.insights.showTable,
        hideText: t.insights.hideTable,
      });

    // The score month by month.
    const averages = insights.months.map((m) => m.average);
    const scored = insights.months.map((m, i) => ({ m, label: long[i]! })).filter(({ m }) => m.average !== null);
    const scoreText = (i: number) => `${l10n.average(scored[i]!.m.average!)} (${scored[i]!.label})`;
    const scoreSummary = scored.length
      ? t.insights.scoreSummary(scoreText(0), scoreText(scored.length - 1))
      : t.insights.noScore;

    // The distribution behind today's score, 5 stars first.
    const stars = [...RATINGS].reverse();
    const distribution = stars.map((s) => ({ name: `${s} ★`, value: insights.distribution[String(s) as '1'] }));
    const distributionSummary = t.insights.distributionSummary(
      l10n.list(distribution.map((row, i) => t.insights.starCount(stars[i]!, l10n.number(row.value)))),
    );

    // Volumes: one series per field of the months.
    const series = (name: string, key: 'published' | 'verified' | 'orders' | 'invited'): Series => ({
      name,
      className: key,
      values: insights.months.map((m) => m[key]),
    });
    const published = series(t.insights.published, 'published');
    const verified = series(t.insights.verified, 'verified');
    const orders = series(t.insights.ordersColumn, 'orders');
    const invited = series(t.insights.invited, 'invited');
    const total = (s: Series) => s.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const sum = (s: Series) => l10n.number(total(s));
    /** Two series of monthly bars, the table of both, and their totals spoken. */
    const bars = (
      id: Chart,
      title: string,
      summary: (count: number, first: string, second: string) => string,
      [first, second]: [Series, Series],
    ) =>
      figure(
        id,
        title,
        barChart({
          label: summary(total(first), sum(first), sum(second)),
          labels: short,
          series: [first, second],
          format: count,
        }),
        [t.insights.month, first.name, second.name],
        insights.months.map((_m, i) => [long[i]!, count(first.values[i] ?? 0), count(second.values[i] ?? 0)]),
        [first, second],
      );
    const count = (value: number) => l10n.number(value);

    return html`<section class="panel" aria-labelledby="tiles-title">
        <h2 id="tiles-title" class="visually-hidden">${t.insights.glance}</h2>
        <dl class="tiles">
          <div>
            <dt>${t.insights.invitedShare}</dt>
            <dd>${share(insights.invitedShare)}</dd>
          </div>
          <div>
            <dt>${t.insights.answeredShare}</dt>
            <dd>${share(insights.answeredShare)}</dd>
          </div>
          <div>
            <dt>${t.insights.medianModeration}</dt>
            <dd>${this.duration(insights.medianHoursToModerate)}</dd>
          </div>
          <div>
            <dt>${t.insights.pending}</dt>
            <dd>
              <a href=${routeHref('inbox', { business: this.business || undefined })}
                >${l10n.number(insights.pending)}</a
              >
            </dd>
          </div>
        </dl>
      </section>
      <div class="charts">
        ${figure(
          'score',
          t.insights.score,
          lineChart({
            label: scoreSummary,
            labels: short,
            values: averages,
            min: 1,
            max: 5,
            ticks: [1, 2, 3, 4, 5].map((value) => ({ value, label: l10n.number(value) })),
          }),
          [t.insights.month, t.insights.average],
          insights.months.map((m, i) => [long[i]!, m.average === null ? t.insights.none : l10n.average(m.average)]),
        )}
        ${figure(
          'distribution',
          t.insights.distribution,
          rowChart({ label: distributionSummary, rows: distribution }),
          [t.insights.stars, t.insights.reviews],
          distribution.map((row, i) => [l10n.count(t.reviews.stars, stars[i]!), count(row.value)]),
        )}
        ${bars('volume', t.insights.volume, t.insights.volumeSummary, [published, verified])}
        ${bars('orders', t.insights.orders, t.insights.ordersSummary, [orders, invited])}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-insights': VerityDashInsights;
  }
}
