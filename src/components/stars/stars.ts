import { html, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { VerityElement } from '../../internal/element.js';
import { starsStyles } from './stars.styles.js';

const STAR = svg`<path d="M12 2.2l2.95 6.1 6.7.93-4.87 4.68 1.19 6.64L12 17.37l-5.97 3.18 1.19-6.64L2.35 9.23l6.7-.93z" />`;

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
 * @csspart star - Each of the five stars.
 *
 * @cssproperty --verity-color-star - The filled part of a star.
 * @cssproperty --verity-color-star-empty - The empty part of a star.
 * @cssproperty --verity-star-size - The size of one star (default `1.25em`).
 */
export class VerityStars extends VerityElement {
  static override styles = [...VerityElement.styles, starsStyles];

  /** The rating to show, 0 to 5; fractions fill part of a star. */
  @property({ type: Number }) rating = 0;

  /** Replaces the spoken label, e.g. when the surrounding text already says the rating. */
  @property() label?: string;

  override render() {
    const rating = clampRating(this.rating);
    const l10n = this.l10n;
    const label = this.label ?? l10n.t.starsLabel(l10n.number(rating, { maximumFractionDigits: 2 }));
    return html`<span part="base" class="stars" role="img" aria-label=${label}>
      ${[0, 1, 2, 3, 4].map((i) => {
        const fill = Math.min(1, Math.max(0, rating - i));
        return html`<span part="star" class="star">
          <svg class="empty" viewBox="0 0 24 24" aria-hidden="true">${STAR}</svg>
          ${
            fill > 0
              ? html`<span class="fill" style=${styleMap({ width: `${fill * 100}%` })}
                  ><svg viewBox="0 0 24 24" aria-hidden="true">${STAR}</svg></span
                >`
              : null
          }
        </span>`;
      })}
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-stars': VerityStars;
  }
}
