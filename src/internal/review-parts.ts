/**
 * Pieces of a review that the list's cards and the quote both show: dates as `<time>` with the
 * absolute date available, and the provenance label with its meaning (R1).
 */
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Review } from '../client/schemas.js';
import type { Localizer } from './localize.js';

export const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
export const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

export function time(l10n: Localizer, iso: string, now: Date): TemplateResult {
  const absolute = l10n.date(iso, LONG_DATE);
  // prettier-ignore
  return html`<time datetime=${iso} title=${absolute}>${l10n.relative(iso, now)}<span class="visually-hidden"> (${absolute})</span></time>`;
}

/** Puts a template where a translation has its placeholder: `t.reviewed` around a `<time>`. */
export function around(message: (value: string) => string, content: TemplateResult): TemplateResult {
  const [before = '', after = ''] = message('\u0000').split('\u0000');
  return html`${before}${content}${after}`;
}

export function provenance(review: Review, l10n: Localizer): TemplateResult {
  const { t } = l10n;
  const { status, method } = review.verification;
  const meaning = status === 'verified' ? (method ? t.provenanceMeaning[method] : '') : t.provenanceMeaning[status];
  // One template, the icon always in it (shown for verified reviews only): every card has one.
  // prettier-ignore
  return html`<span part="provenance" class="provenance ${status}"><svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M6.4 11.6 2.8 8l1.1-1.1 2.5 2.5 5.7-5.7L13.2 4.8z"></path></svg><strong>${t.provenance[status]}</strong><span class="meaning">${meaning ? ` · ${meaning}` : ''}</span></span>`;
}

export const reviewPartStyles = css`
  .provenance {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }

  .provenance.verified strong {
    color: var(--verified);
  }

  .provenance .icon {
    width: 1em;
    height: 1em;
    fill: var(--verified);
  }

  .provenance:not(.verified) .icon {
    display: none;
  }
`;
