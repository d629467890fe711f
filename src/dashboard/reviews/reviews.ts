import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminReview } from '../../contract/admin.js';
import { RATINGS } from '../../client/schemas.js';
import type { Rating } from '../../client/schemas.js';
import { optionOf, routeHref } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { provenanceLabel, reviewStyles, stars, when } from '../ui/review-parts.js';

export const REVIEW_FILTER_STATUSES = ['published', 'rejected'] as const;
export type ReviewFilterStatus = (typeof REVIEW_FILTER_STATUSES)[number];
export const REVIEW_SORTS = ['newest', 'oldest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

const EXCERPT = 220;

function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.lastIndexOf(' ', EXCERPT);
  return `${text.slice(0, cut > EXCERPT / 2 ? cut : EXCERPT).trimEnd()}…`;
}

interface Filters {
  status: ReviewFilterStatus;
  q: string;
  rating: Rating | undefined;
  verified: boolean;
  sort: ReviewSort;
}

function ratingOf(value: string | null): Rating | undefined {
  const rating = Number(value);
  return (RATINGS as readonly number[]).includes(rating) ? (rating as Rating) : undefined;
}

/**
 * Every review of the business, published (or rejected, by the filter), with a search, a star
 * filter, verified only and the order. The filters live in the URL, so a reload keeps them; each
 * review links to its own page.
 *
 * @customElement verity-dash-reviews
 * @summary The dashboard's list of reviews.
 */
export class VerityDashReviews extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    ...reviewStyles,
    css`
      .item {
        display: grid;
        gap: 0.35rem;
      }

      .item-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 0.75rem;
      }

      .item-head a {
        font-weight: 600;
        overflow-wrap: anywhere;
      }

      .search {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }

      .search input {
        width: min(20rem, 100%);
      }
    `,
  ];

  @state() private status: ReviewFilterStatus = 'published';
  @state() private q = '';
  @state() private rating?: Rating;
  @state() private verified = false;
  @state() private sort: ReviewSort = 'newest';

  private readonly list = this.paged(
    ([api, business, status, q, rating, verified, sort], cursor, signal) =>
      api.reviews(
        business,
        { status, q: q || undefined, rating: rating ? [rating] : undefined, verified, sort, cursor, limit: 20 },
        { signal },
      ),
    () => [this.api, this.business, this.status, this.q, this.rating, this.verified, this.sort] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.reviews;
  }

  protected override readParams(p: URLSearchParams): void {
    this.status = optionOf(REVIEW_FILTER_STATUSES, p.get('status')) ?? 'published';
    this.sort = optionOf(REVIEW_SORTS, p.get('sort')) ?? 'newest';
    this.q = p.get('q') ?? '';
    this.rating = ratingOf(p.get('rating'));
    this.verified = p.get('verified') === 'true';
  }

  private get filtered(): boolean {
    return Boolean(this.q || this.rating || this.verified || this.status !== 'published');
  }

  private apply(change: Partial<Filters>): void {
    if (change.status !== undefined) this.status = change.status;
    if (change.sort !== undefined) this.sort = change.sort;
    if (change.q !== undefined) this.q = change.q;
    if ('rating' in change) this.rating = change.rating;
    if (change.verified !== undefined) this.verified = change.verified;
    this.recordParams({
      status: this.status === 'published' ? undefined : this.status,
      q: this.q || undefined,
      rating: this.rating ? String(this.rating) : undefined,
      verified: this.verified ? 'true' : undefined,
      sort: this.sort === 'newest' ? undefined : this.sort,
    });
  }

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    this.apply({ q });
  }

  private clear(): void {
    this.apply({ status: 'published', q: '', rating: undefined, verified: false });
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<p class="intro">${t.reviews.intro}</p>
      ${this.renderFilters()}
      ${this.renderPaged(
        this.list,
        () =>
          this.filtered
            ? this.renderEmpty(
                t.reviews.noMatch,
                html`<button class="button secondary" type="button" @click=${this.clear}>${t.reviews.clear}</button>`,
              )
            : this.renderEmpty(t.reviews.empty),
        (items) =>
          html`<ul class="plain results">
            ${items.map((review) => this.renderItem(review))}
          </ul>`,
      )}`;
  }

  private renderFilters(): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    return html`<div class="toolbar" role="group" aria-label=${t.reviews.filtersLabel}>
      <form class="field" role="search" @submit=${this.search}>
        <label for="q">${t.reviews.searchLabel}</label>
        <div class="search">
          <input id="q" name="q" type="search" .value=${this.q} maxlength="200" />
          <button class="button secondary" type="submit">${t.reviews.search}</button>
        </div>
      </form>
      <div class="field">
        <label for="status">${t.reviews.statusLabel}</label>
        <select
          id="status"
          @change=${(e: Event) =>
            this.apply({
              status: optionOf(REVIEW_FILTER_STATUSES, (e.target as HTMLSelectElement).value) ?? 'published',
            })}
        >
          ${REVIEW_FILTER_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${s === this.status}>${t.statuses[s]}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="rating">${t.reviews.ratingLabel}</label>
        <select
          id="rating"
          @change=${(e: Event) => this.apply({ rating: ratingOf((e.target as HTMLSelectElement).value) })}
        >
          <option value="" ?selected=${!this.rating}>${t.reviews.anyRating}</option>
          ${[...RATINGS]
            .reverse()
            .map(
              (r) => html`<option value=${r} ?selected=${r === this.rating}>${l10n.count(t.reviews.stars, r)}</option>`,
            )}
        </select>
      </div>
      <div class="field">
        <label for="sort">${t.reviews.sortLabel}</label>
        <select
          id="sort"
          @change=${(e: Event) => this.apply({ sort: optionOf(REVIEW_SORTS, (e.target as HTMLSelectElement).value) ?? 'newest' })}
        >
          ${REVIEW_SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort}>${t.reviews.sorts[s]}</option>`)}
        </select>
      </div>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this.verified}
          @change=${(e: Event) => this.apply({ verified: (e.target as HTMLInputElement).checked })}
        />${t.reviews.verifiedOnly}</label
      >
    </div>`;
  }

  private renderItem(review: AdminReview): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const title = review.title ?? t.reviews.untitled;
    return html`<li class="panel item" data-id=${review.id}>
      <div class="item-head">
        ${stars(review.rating, l10n)}
        <a href=${routeHref('review', { id: review.id, business: this.business })} lang=${review.language} dir="auto"
          >${title}</a
        >
        ${review.reply ? html`<span class="badge ok">${t.reviews.replied}</span>` : nothing}
        ${review.reports > 0 ? html`<span class="badge danger">${l10n.count(t.reviews.reportCount, review.reports)}</span>` : nothing}
        ${
          review.status === 'rejected' && review.moderation?.reason
            ? html`<span class="badge danger"
                >${t.review.rejectedFor(t.moderationReasons[review.moderation.reason])}</span
              >`
            : nothing
        }
      </div>
      <p class="body-text" lang=${review.language} dir="auto">${excerpt(review.body)}</p>
      <p class="muted">
        <span dir="auto">${review.author.displayName}</span> · ${provenanceLabel(review, l10n)} ·
        ${when(review.createdAt, l10n)}
      </p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-reviews': VerityDashReviews;
  }
}
