import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SORTS } from '../../client/limits.js';
import type { ListParams } from '../../client/client.js';
import type { Review, ReviewPage, Sort, Summary } from '../../client/schemas.js';
import { useWidgetStrings } from '../../internal/widget-strings.js';
import { VerityDataElement } from '../../internal/element.js';
import { VerityLoadEvent } from '../../internal/events.js';
import { LoadingAnnouncer, settled } from '../../internal/loading.js';
import { isOfflineError, OnlineRetryController } from '../../internal/online.js';
import { prerendered, prerenderedValue } from '../../internal/prerender.js';
import { safeHttpUrl } from '../../internal/url.js';
import { LazyJsonLd } from '../../internal/json-ld.js';
import { DisclosureController, verificationDisclosure, verificationStyles } from '../../internal/verification.js';
import { cardAction, cardId, reviewCard } from './card.js';
import { DeepLinkController } from './deep-link.js';
import { FiltersController, parseRatings } from './filters.js';
import { ReportDialogController } from './report-dialog.js';
import { VotesController } from './votes.js';
import { reviewPartStyles } from '../../internal/review-parts.js';
import { buttonStyles } from '../../internal/widget-styles.js';
import { starRowStyles } from '../stars/stars.styles.js';
import { listStyles } from './review-list.styles.js';

export { SORTS };
export { parseRatings };

/**
 * Every published review of a shop or a product (R3): a summary header with a histogram whose
 * bars filter, sort, search, a verified-only toggle, a language filter, review cards with their
 * provenance (R1), edits and replies (R6), helpful votes, reports (R10), paging, and deep links.
 *
 * A link to `#verity-review-<id>` anywhere on the page (the quote's "Read the full review")
 * scrolls to that review and highlights it; a review that is not on the first page is fetched and
 * shown first.
 *
 * @customElement verity-review-list
 * @summary The full, filterable list of reviews with the R11 disclosure.
 *
 * @event verity-load - The first page of reviews is shown.
 * @event verity-error - Loading failed; the list shows an error with a retry button.
 * @event verity-filter-change - The visitor changed the sort, a filter or the search (`detail`: the new state).
 *
 * @csspart header - The summary header: average, stars, grade and histogram.
 * @csspart histogram - The rating histogram; its bars are toggle buttons.
 * @csspart controls - Sort, search, verified-only and language controls.
 * @csspart filter-notice - The notice that a rating filter is on (R3).
 * @csspart list - The list of review cards.
 * @csspart card - A review card (`card-highlighted` too when it is the linked review).
 * @csspart provenance - A card's provenance label (R1).
 * @csspart reply - The business's public reply (R6).
 * @csspart helpful - The helpful button.
 * @csspart report - The report button.
 * @csspart show-more - The "Show more reviews" button.
 * @csspart dialog - The report dialog.
 * @csspart verified - The verified mark that opens the disclosure (R11).
 * @csspart disclosure - The disclosure panel.
 *
 * @cssproperty --verity-font-family - Font of all text.
 * @cssproperty --verity-font-size - Base font size.
 * @cssproperty --verity-color-text - Main text colour.
 * @cssproperty --verity-color-text-muted - Secondary text colour.
 * @cssproperty --verity-color-link - Links, buttons and the verified mark's text.
 * @cssproperty --verity-color-verified - The verified icon and label.
 * @cssproperty --verity-color-surface - Background of cards, panels and the dialog.
 * @cssproperty --verity-color-border - Borders and separators.
 * @cssproperty --verity-color-focus - The focus ring.
 * @cssproperty --verity-color-star - Filled stars and histogram bars.
 * @cssproperty --verity-color-star-empty - Empty stars and the histogram track.
 * @cssproperty --verity-radius - Corner radius.
 */
export class VerityReviewList extends VerityDataElement {
  static override styles = [
    ...VerityDataElement.styles,
    starRowStyles,
    reviewPartStyles,
    verificationStyles,
    buttonStyles,
    listStyles,
  ];

  constructor() {
    super();
    // This widget's English strings come with its code, not with the badge's.
    useWidgetStrings();
  }

  /** The initial sort: `newest` (default), `oldest`, `highest`, `lowest` or `helpful`. */
  @property({ reflect: true }) sort: Sort = 'newest';

  /** A preset rating filter, e.g. `4,5`; it is always disclosed with a "Show all" button (R3). */
  @property({ reflect: true }) rating?: string;

  /** Starts with verified reviews only. */
  @property({ type: Boolean, reflect: true }) verified = false;

  /** Reviews per page (1–50, default 10). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Where the review form is: the empty list links there ("Write the first review"). */
  @property({ attribute: 'form-href' }) formHref?: string;

  /**
   * Writes schema.org JSON-LD (`Product` with `AggregateRating` and the reviews shown) into the
   * page. Only for a `product`: a shop's reviews of itself are never marked up.
   */
  @property({ type: Boolean, reflect: true }) seo = false;

  @state() private more: Review[] = [];
  @state() private nextCursor: string | null = prerenderedValue('page')?.nextCursor ?? null;
  @state() private loadingMore = false;
  /** The retry button was pressed: the error stays, with the button busy, until the answer. */
  @state() private retrying = false;
  @state() private moreFailed = false;
  @state() private expanded = new Set<string>();
  @state() private announcement = '';

  @query('.verified-mark') private verifiedButton?: HTMLButtonElement;

  private readonly disclosure = new DisclosureController(this, () => this.verifiedButton);
  private readonly jsonLd = new LazyJsonLd(this);
  private readonly filters = new FiltersController(this, this.services, () => this.deepLink.clear());
  private readonly deepLink: DeepLinkController = new DeepLinkController(this, this.services, {
    loaded: () => [...(this.firstPage.value?.items ?? []), ...this.more],
    scope: () => {
      const business = this.resolvedBusiness;
      return business ? { business, product: this.resolvedProduct ?? null } : undefined;
    },
  });
  private readonly votes = new VotesController(this, this.services);
  private readonly report = new ReportDialogController(this, this.services);
  private generation = 0;
  /** The reviews shown, by their card's id: a click in a card finds its review here. */
  private shownCards = new Map<string, Review>();
  private pendingFocus?: string;

  private readonly summary = new Task(this, {
    ...prerendered('summary'),
    task: async ([client, business, product], { signal }) => {
      const [source, id] = this.requireSource(client, business);
      return this.withLocale(source.getSummary({ business: id, product }, { signal }));
    },
    args: () => [this.client, this.resolvedBusiness, this.resolvedProduct] as const,
  });

  private readonly firstPage = new Task(this, {
    ...prerendered('page'),
    task: async ([client, business, product, sort, rating, verified, language, q, limit], { signal }) => {
      const [source, id] = this.requireSource(client, business);
      return this.withLocale(
        source.listReviews(
          {
            business: id,
            product,
            sort,
            rating: parseRatings(rating),
            verified,
            language: language || undefined,
            q: q || undefined,
            limit,
          },
          { signal },
        ),
      );
    },
    args: () =>
      [
        this.client,
        this.resolvedBusiness,
        this.resolvedProduct,
        this.filters.sort,
        this.filters.ratings.join(','),
        this.filters.verifiedOnly,
        this.filters.language,
        this.filters.query,
        this.limit,
      ] as const,
    onComplete: (page) => {
      if (this.retrying) {
        this.retrying = false;
        // The retry button goes away with the error: the keyboard focus goes to the first review.
        if (this.shadowRoot?.activeElement?.classList.contains('retry') && page.items[0]) {
          this.pendingFocus = cardId(page.items[0]);
        }
      }
      this.generation += 1;
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.moreFailed = false;
      this.announcement = this.countText(page.items.length, page);
      void this.updateComplete.then(() => {
        this.dispatchEvent(new VerityLoadEvent({ kind: 'reviews' }));
        void this.deepLink.follow();
      });
    },
    onError: (error) => {
      this.retrying = false;
      this.reportError(error);
      this.online.failed(error);
    },
  });

  private readonly online = new OnlineRetryController(this, () => this.retry());

  // The skeleton of the first page is what loading looks like; later fetches keep the cards.
  private readonly loading = new LoadingAnnouncer(this, () =>
    this.firstPage.status !== TaskStatus.ERROR && !this.firstPage.value ? this.l10n.t.loading : undefined,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.filters.fromAttributes(changed);
  }

  protected override awaitingData(): boolean {
    return !settled(this.summary) || !settled(this.firstPage);
  }

  protected override updated(): void {
    const summary = this.summary.value;
    const page = this.firstPage.value;
    this.jsonLd.set(this.seo && summary && page ? { summary, reviews: [...page.items, ...this.more] } : undefined);
    if (this.pendingFocus) {
      const card = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.pendingFocus)}`);
      this.pendingFocus = undefined;
      card?.focus();
    }
  }

  private get limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(50, Math.max(1, size)) : 10;
  }

  private get listParams(): Omit<ListParams, 'business'> {
    return {
      product: this.resolvedProduct,
      sort: this.filters.sort,
      rating: this.filters.ratings,
      verified: this.filters.verifiedOnly,
      language: this.filters.language || undefined,
      q: this.filters.query || undefined,
      limit: this.limit,
    };
  }

  /** "Showing 10 of 128 reviews"; a search the API stopped counting at its cap says "1,000+". */
  private countText(shown: number, page: Pick<ReviewPage, 'total' | 'totalCapped'>): string {
    const l10n = this.l10n;
    const total = `${l10n.number(page.total)}${page.totalCapped ? '+' : ''}`;
    return l10n.t.resultCount(shown, page.total, { shown: l10n.number(shown), total });
  }

  // -- Rendering -------------------------------------------------------------------------------

  override render() {
    return html`<section class="list-root" aria-label=${this.l10n.t.listLabel}>
      ${this.renderHeader()} ${this.renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.report.render()}
    </section>`;
  }

  private renderHeader(): TemplateResult | typeof nothing {
    const summary = this.summary.value;
    if (this.summary.status === TaskStatus.ERROR) return nothing;
    if (!summary) {
      return html`<div part="header" class="header" aria-hidden="true">
        <div class="score"><span class="skeleton sk-average"></span><span class="skeleton sk-line"></span></div>
        <div class="histogram">${[5, 4, 3, 2, 1].map(() => html`<span class="skeleton sk-bar"></span>`)}</div>
      </div>`;
    }
    const l10n = this.l10n;
    const { t } = l10n;
    const { average, grade, count } = summary.rating;
    return html`<div part="header" class="header">
      <div class="score" @keydown=${this.disclosure.onKeydown}>
        ${
          average === null
            ? html`<p class="no-score">${summary.totals.published > 0 ? t.noScore : t.noReviews}</p>`
            : html`<p class="average-line">
                  <span class="big-average">${l10n.average(average)}</span
                  ><span class="visually-hidden"> ${t.outOfFive}</span>
                  <verity-stars .rating=${average} locale=${l10n.locale}></verity-stars>
                  ${grade ? html`<span class="grade">${t.grades[grade]}</span>` : nothing}
                </p>
                <p class="based-on">${t.basedOn(count, l10n.number(count))}</p>`
        }
        <div class="verification">${verificationDisclosure(l10n, summary, this.disclosure, 'list-disclosure')}</div>
      </div>
      ${count > 0 ? this.renderHistogram(summary) : nothing}
    </div>`;
  }

  private renderHistogram(summary: Summary): TemplateResult {
    const l10n = this.l10n;
    const { t } = l10n;
    const total = summary.rating.count;
    return html`<div part="histogram" class="histogram" role="group" aria-label=${t.histogramLabel}>
      ${[5, 4, 3, 2, 1].map((stars) => {
        const n = summary.distribution[String(stars) as keyof Summary['distribution']];
        const share = total > 0 ? n / total : 0;
        const pressed = this.filters.ratings.includes(stars);
        return html`<button
          type="button"
          class="bar-row"
          aria-pressed=${pressed ? 'true' : 'false'}
          @click=${() => this.filters.toggleRating(stars)}
        >
          <span class="visually-hidden"
            >${t.histogramBar(stars, n, { count: l10n.number(n), percent: l10n.percent(share) })}</span
          >
          <span class="bar-label" aria-hidden="true">${l10n.number(stars)} ★</span>
          <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            <rect class="bar-track" width="100" height="8"></rect>
            <rect class="bar-fill" width=${(share * 100).toFixed(2)} height="8"></rect>
          </svg>
          <span class="bar-count" aria-hidden="true">${l10n.number(n)}</span>
        </button>`;
      })}
    </div>`;
  }

  /**
   * The languages to filter by: the summary's (every published review's), else, from a server
   * that does not send them, those of the reviews loaded so far; and the one chosen.
   */
  private filterLanguages(page: ReviewPage | undefined): Set<string> {
    const fromSummary = this.summary.value?.languages;
    const languages = new Set<string>(
      fromSummary ?? [...(page?.items ?? []), ...this.more].map((review) => review.language),
    );
    if (this.filters.language) languages.add(this.filters.language);
    return new Set([...languages].map((code) => code.split('-')[0]!.toLowerCase()));
  }

  private renderControls(page: ReviewPage | undefined): TemplateResult {
    return this.filters.render(this.filterLanguages(page));
  }

  private renderBody(): TemplateResult {
    const status = this.firstPage.status;
    const page = this.firstPage.value;
    if (status === TaskStatus.ERROR || (this.retrying && !page)) {
      return html`${this.renderControls(page)}${this.renderError()}`;
    }
    if (!page) return this.renderSkeleton();
    const busy = status === TaskStatus.PENDING;
    return html`${this.renderControls(page)}
      <div class="results" aria-busy=${busy ? 'true' : 'false'}>
        ${page.total === 0 ? this.renderEmpty() : this.renderCards(page)}
      </div>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="skeleton-list" aria-busy="true">
      ${[0, 1, 2].map(
        () =>
          html`<div class="card skeleton-card" aria-hidden="true">
            <span class="skeleton sk-stars"></span><span class="skeleton sk-title"></span>
            <span class="skeleton sk-text"></span><span class="skeleton sk-text"></span
            ><span class="skeleton sk-short"></span>
          </div>`,
      )}
    </div>`;
  }

  private renderError(): TemplateResult {
    const { t } = this.l10n;
    const error = this.firstPage.error;
    const offline = isOfflineError(error);
    return html`<div class="state error" role="alert">
      <p>${offline ? t.offline : t.loadError}</p>
      <button type="button" class="button retry" aria-disabled=${this.retrying ? 'true' : 'false'} @click=${this.retry}>
        ${this.retrying ? t.loading : t.retry}
      </button>
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const { t } = this.l10n;
    if (this.filters.active) {
      return html`<div class="state">
        <p>${t.noResults}</p>
        <button type="button" class="button" @click=${this.filters.clear}>${t.clearFilters}</button>
      </div>`;
    }
    const formHref = safeHttpUrl(this.formHref);
    return html`<div class="state">
      <p>${t.noReviews}</p>
      ${formHref ? html`<a class="button" href=${formHref}>${t.writeFirstReview}</a>` : nothing}
    </div>`;
  }

  private renderCards(page: ReviewPage): TemplateResult {
    const l10n = this.l10n;
    const { t } = l10n;
    const now = new Date();
    const linked = this.deepLink.linked;
    const items = [...(linked ? [linked] : []), ...[...page.items, ...this.more].filter((r) => r.id !== linked?.id)];
    const shown = page.items.length + this.more.length;
    this.shownCards = new Map(items.map((review) => [cardId(review), review]));
    return html`<p class="result-count">${this.countText(shown, page)}</p>
      <ol part="list" class="reviews" @click=${this.onCardClick}>
        ${repeat(
          items,
          (review) => review.id,
          (review) =>
            reviewCard(review, {
              l10n,
              now,
              expanded: this.expanded.has(review.id),
              helpfulCount: this.votes.count(review),
              voted: this.votes.voted(review.id),
              voteFailed: this.votes.failed === review.id,
              linked: review.id === linked?.id,
              highlighted: review.id === this.deepLink.highlighted,
            }),
        )}
      </ol>
      ${
        this.nextCursor
          ? html`<div class="more">
              <button
                part="show-more"
                type="button"
                class="button"
                aria-disabled=${this.loadingMore ? 'true' : 'false'}
                @click=${this.loadMore}
              >
                ${this.loadingMore ? t.loading : t.showMore}
              </button>
              ${this.moreFailed ? html`<p class="vote-error" role="alert">${t.loadError}</p>` : nothing}
            </div>`
          : nothing
      }`;
  }

  private readonly retry = (): void => {
    if (this.retrying) return;
    this.retrying = true;
    void this.summary.run();
    void this.firstPage.run();
  };

  // -- Paging -------------------------------------------------------------------

  private readonly loadMore = async (): Promise<void> => {
    const client = this.client;
    const business = this.resolvedBusiness;
    if (!client || !business || !this.nextCursor || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.moreFailed = false;
    try {
      const page = await client.listReviews({ business, ...this.listParams, cursor: this.nextCursor });
      if (generation !== this.generation) return;
      const known = new Set([...(this.firstPage.value?.items ?? []), ...this.more].map((r) => r.id));
      const fresh = page.items.filter((r) => !known.has(r.id));
      this.more = [...this.more, ...fresh];
      this.nextCursor = page.nextCursor;
      const { t } = this.l10n;
      this.announcement = `${t.loadedMore(fresh.length, this.l10n.number(fresh.length))}. ${this.countText(
        (this.firstPage.value?.items.length ?? 0) + this.more.length,
        page,
      )}`;
      if (fresh[0]) this.pendingFocus = cardId(fresh[0]);
    } catch (error) {
      if (generation === this.generation) this.moreFailed = true;
      this.reportError(error);
    } finally {
      this.loadingMore = false;
    }
  };

  // -- Cards -------------------------------------------------------------------------------------

  private readonly onCardClick = (event: Event): void => {
    const target = cardAction(event);
    const review = target && this.shownCards.get(target.card);
    if (!target || !review) return;
    if (target.action === 'more') this.toggleMore(review);
    else if (target.action === 'helpful') void this.votes.vote(review);
    else this.report.open(review, target.button);
  };

  private readonly toggleMore = (review: Review): void => {
    const expanded = new Set(this.expanded);
    if (expanded.has(review.id)) expanded.delete(review.id);
    else expanded.add(review.id);
    this.expanded = expanded;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-review-list': VerityReviewList;
  }
}
