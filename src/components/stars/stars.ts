import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { VerityElement } from '../../internal/element.js';
import { STAR_LEFT, STAR_WIDTH, STARS_PATH } from './star-shape.js';
import { starRowStyles, starsStyles } from './stars.styles.js';

/** Where the fill ends, in the 120-unit-wide row, for a rating: 4.3 fills 30 % of the fifth star. */
export function fillPosition(rating: number): number {
  const whole = Math.floor(rating);
  if (whole >= 5) return 120;
  if (rating <= 0) return 0;
  const fraction = rating - whole;
  return fraction === 0 ? 24 * whole : 24 * whole + STAR_LEFT + fraction * STAR_WIDTH;
}

/** Clamps a rating to 0..5; anything that is not a finite number shows as 0. */
export function clampRating(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.min(5, Math.max(0, n)) : 0;
}

/**
 * Display-only stars, truly fractional: 4.3 fills four stars and 30 % of the fifth.
 *
 * @customElement verity-stars
 * @summary Fractional stars with a spoken label ("Rated 4.3 out of 5").
 *
 * @csspart base - The star row, which carries `role="img"` and the spoken label.
 *
 * @cssproperty --verity-color-star - The filled part of a star.
 * @cssproperty --verity-color-star-empty - The empty part of a star.
 * @cssproperty --verity-star-size - The size of one star (default `1.25em`).
 */
export class VerityStars extends VerityElement {
  static override styles = [...VerityElement.styles, starRowStyles, starsStyles];

  /** The rating to show, 0 to 5; fractions fill part of a star. */
  @property({ type: Number }) rating = 0;

  /** Replaces the spoken label, e.g. when the surrounding text already says the rating. */
  @property() label?: string;

  override render() {
    const rating = clampRating(this.rating);
    const l10n = this.l10n;
    return starRow(rating, this.label ?? l10n.t.starsLabel(l10n.number(rating, { maximumFractionDigits: 2 })));
  }
}

/**
 * The star row itself, for widgets that draw many of them: a card list renders rows directly
 * instead of one `<verity-stars>` element (and shadow root) per card. Include `starRowStyles`.
 *
 * The empty stars, and over them the same stars in the star colour inside a nested `<svg>` as
 * wide as the fill: an inner `<svg>` clips what it holds to its own box. No gradient, so no
 * element id: rows of one shadow root cannot clash, and a list of 50 cards stays light.
 */
export function starRow(rating: number, label: string): TemplateResult {
  // One line: whitespace between the tags would be text nodes in every row of every card.
  // prettier-ignore
  return html`<span part="base" class="stars" role="img" aria-label=${label}><svg viewBox="0 0 120 24" aria-hidden="true" focusable="false"><path class="unfilled" d=${STARS_PATH}></path><svg class="fill" width=${fillPosition(rating)} height="24"><path class="filled" d=${STARS_PATH}></path></svg></svg></span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-stars': VerityStars;
  }
}
