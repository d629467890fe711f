import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Review } from '../../client/schemas.js';
import { useWidgetStrings } from '../../internal/widget-strings.js';
import { MissingConfigError, VerityDataElement } from '../../internal/element.js';
import { VerityLoadEvent } from '../../internal/events.js';
import { LoadingAnnouncer, settled } from '../../internal/loading.js';
import { OnlineRetryController } from '../../internal/online.js';
import { prerendered } from '../../internal/prerender.js';
import { requireOwnReview } from '../../internal/ownership.js';
import { provenance, reviewPartStyles, time } from '../../internal/review-parts.js';
import { safeHttpUrl } from '../../internal/url.js';
import { reviewAnchor } from '../../contract/anchor.js';
import { DEFAULT_EXCERPT_LENGTH, autoExcerpt, checkQuote } from '../../rules/quote.js';
import { starRow } from '../stars/stars.js';
import { starRowStyles } from '../stars/stars.styles.js';
import { quoteStyles } from './review-quote.styles.js';

export const QUOTE_VARIANTS = ['card', 'inline'] as const;
export type QuoteVariant = (typeof QUOTE_VARIANTS)[number];

/**
 * The link to the full review: the page `href` names, at the review's own anchor (which the list
 * there scrolls to and highlights), else the review's own `url`.
 */
export function fullReviewLink(href: string | undefined, review: Review): string | undefined {
  const own = safeHttpUrl(href);
  if (own) {
    const url = new URL(own);
    url.hash = reviewAnchor(review.id);
    return url.href;
  }
  return safeHttpUrl(review.url);
}

const warned = new Set<string>();

/**
 * A quote from one review, provably verbatim (R5). An `excerpt` is shown only when every part
 * of it occurs in the review, in order, letter for letter, with omissions marked by `…`;
 * otherwise the quote falls back to an automatic excerpt, fires `verity-error`
 * (`quote_mismatch`) and warns in the console, so the shop owner can fix it. The quote shows
 * the review's own stars (a kind sentence from a 2-star review is seen for what it is), the
 * author, the date, the provenance, and links to the full review.
 *
 * A quote shows only its own shop's reviews: a review of another business (or of another
 * product, when `product` is set) is not shown, and fires `verity-error` (`foreign_review`).
 *
 * @customElement verity-review-quote
 * @summary A verbatim quote from a review, with its stars and a link to the full review.
 *
 * @event verity-load - The quote is shown.
 * @event verity-error - `quote_mismatch` (a fallback excerpt is shown), `foreign_review` (the
 *   review is another business's or product's; nothing is shown), or the review could not be
 *   loaded (`not_found`, `network`, `missing_config`, …; nothing is shown).
 *
 * @csspart base - The `<figure>`.
 * @csspart quote - The `<blockquote>` with the excerpt.
 * @csspart stars - The review's stars.
 * @csspart caption - Author, date and provenance.
 * @csspart provenance - The provenance label (R1).
 * @csspart link - "Read the full review".
 *
 * @cssproperty --verity-font-family - Font of all text.
 * @cssproperty --verity-color-text - The quote's text.
 * @cssproperty --verity-color-text-muted - The caption.
 * @cssproperty --verity-color-link - The link.
 * @cssproperty --verity-color-surface - The card's background.
 * @cssproperty --verity-color-border - The card's border.
 * @cssproperty --verity-color-star - Filled stars.
 * @cssproperty --verity-color-star-empty - Empty stars.
 * @cssproperty --verity-radius - The card's corners.
 */
export class VerityReviewQuote extends VerityDataElement {
  static override styles = [...VerityDataElement.styles, starRowStyles, reviewPartStyles, quoteStyles];

  constructor() {
    super();
    // This widget's English strings come with its code, not with the badge's.
    useWidgetStrings();
  }

  /** The id of the review to quote. */
  @property({ reflect: true }) review?: string;

  /** The words to quote, verbatim; `…` marks what is left out. Without it the quote picks an excerpt. */
  @property() excerpt?: string;

  /** The longest automatic excerpt, in characters (default 160). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = DEFAULT_EXCERPT_LENGTH;

  /** `card` (default) or `inline`. */
  @property({ reflect: true }) variant: QuoteVariant = 'card';

  /** Where the full review is, e.g. `/reviews`; the review's anchor is added. Default: the review's own URL. */
  @property() href?: string;

  private readonly data = new Task(this, {
    ...prerendered('review'),
    task: async ([client, business, product, id], { signal }) => {
      if (!id) {
        throw new MissingConfigError(
          '<verity-review-quote> needs review: set the attribute, a <verity-provider>, or configure({...}).',
        );
      }
      const [source, own] = this.requireSource(client, business);
      const review = await this.withLocale(source.getReview(id, { signal }));
      return requireOwnReview(review, { business: own, product });
    },
    args: () => [this.client, this.resolvedBusiness, this.resolvedProduct, this.review] as const,
    onComplete: () => {
      void this.updateComplete.then(() => this.dispatchEvent(new VerityLoadEvent({ kind: 'review' })));
    },
    onError: (error) => {
      this.reportError(error);
      this.online.failed(error);
    },
  });

  private readonly online = new OnlineRetryController(this, () => void this.data.run());

  private readonly loading = new LoadingAnnouncer(this, () => (settled(this.data) ? undefined : this.l10n.t.loading));

  /** What is shown, decided once per review, excerpt and length. */
  private shown?: { key: string; text: string; mismatch?: string };

  protected override awaitingData(): boolean {
    return !settled(this.data);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const review = this.data.value;
    if (!review || this.data.status !== TaskStatus.COMPLETE) return;
    const key = `${review.id}\u0000${this.excerpt ?? ''}\u0000${this.maxLength}`;
    if (this.shown?.key === key) return;
    const fallback = autoExcerpt(review.body, this.maxLength);
    if (this.excerpt === undefined || this.excerpt === null) {
      this.shown = { key, text: fallback };
      return;
    }
    const verdict = checkQuote(this.excerpt, review);
    this.shown = verdict.verbatim
      ? { key, text: this.excerpt }
      : {
          key,
          text: fallback,
          mismatch:
            `The excerpt for review ${review.id} is not verbatim (${verdict.problem}` +
            `${verdict.fragment ? `: "${verdict.fragment}"` : ''}); an automatic excerpt is shown instead.`,
        };
  }

  protected override updated(): void {
    const mismatch = this.shown?.mismatch;
    if (!mismatch) return;
    this.shown = { ...this.shown!, mismatch: undefined };
    // One warning per review and excerpt per page, so the shop owner sees it without a flood.
    if (!warned.has(this.shown.key)) {
      warned.add(this.shown.key);
      console.warn(`[verity] ${mismatch}`);
    }
    this.emitError('quote_mismatch', mismatch);
  }

  override render() {
    const inline = this.variant === 'inline';
    if (this.data.status === TaskStatus.ERROR) return nothing;
    const review = this.data.value;
    if (!review || this.data.status !== TaskStatus.COMPLETE) {
      return html`<div part="base" class=${inline ? 'inline' : 'card'} aria-busy="true">
        <span class="skeleton sk-long" aria-hidden="true"></span>
        ${inline ? nothing : html`<span class="skeleton sk-short" aria-hidden="true"></span>`}
      </div>`;
    }
    return this.renderQuote(review, inline);
  }

  private renderQuote(review: Review, inline: boolean): TemplateResult {
    const l10n = this.l10n;
    const { t } = l10n;
    const quote = this.shown?.text ?? autoExcerpt(review.body, this.maxLength);
    const link = fullReviewLink(this.href, review);
    const cite = safeHttpUrl(review.url);
    return html`<figure part="base" class=${inline ? 'inline' : 'card'}>
      <blockquote part="quote" cite=${cite ?? nothing} lang=${review.language} dir="auto">${quote}</blockquote>
      <figcaption part="caption">
        <span part="stars">${starRow(review.rating, t.starsLabel(l10n.number(review.rating)))}</span>
        <span class="author" dir="auto">${review.author.displayName}</span>
        <span>${time(l10n, review.createdAt, new Date())}</span>
        ${provenance(review, l10n)} ${link ? html`<a part="link" href=${link}>${t.readFullReview}</a>` : nothing}
      </figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-review-quote': VerityReviewQuote;
  }
}
