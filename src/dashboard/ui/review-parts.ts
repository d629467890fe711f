/**
 * Pieces of a review as the dashboard shows it: the widgets' own stars and provenance label (so a
 * member sees what a visitor sees), dates as `<time>`, and text with the R4 flags marked.
 * Everything from the API is text: marks are built from text nodes, never from HTML strings.
 */
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Flag } from '../../contract/admin.js';
import type { Review } from '../../client/schemas.js';
import { starRow } from '../../components/stars/stars.js';
import { starRowStyles } from '../../components/stars/stars.styles.js';
import { provenance, reviewPartStyles, time } from '../../internal/review-parts.js';
import type { DashboardLocalizer } from '../l10n.js';

export const reviewStyles = [
  starRowStyles,
  reviewPartStyles,
  // In a line of facts the label flows like text, so a narrow screen wraps it as text.
  css`
    .provenance {
      display: inline;
    }

    .provenance .icon {
      vertical-align: -0.15em;
    }
  `,
];

export function stars(rating: number, l10n: DashboardLocalizer): TemplateResult {
  return starRow(rating, l10n.widgets.t.starsLabel(l10n.number(rating)));
}

export function provenanceLabel(review: Review, l10n: DashboardLocalizer): TemplateResult {
  return provenance(review, l10n.widgets);
}

/** "3 days ago", with the absolute date for sighted and screen-reader users alike. */
export function when(iso: string, l10n: DashboardLocalizer, now = new Date()): TemplateResult {
  return time(l10n.widgets, iso, now);
}

/** The ranges of `text` where any of `needles` stands, sorted and merged. */
export function markRanges(text: string, needles: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const needle of new Set(needles)) {
    if (!needle) continue;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** `text` with every flagged match of `field` in a `<mark>`. */
export function flagged(text: string, flags: readonly Flag[], field: Flag['field']): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  const matches = flags.filter((flag) => flag.field === field).map((flag) => flag.match);
  for (const [start, end] of markRanges(text, matches)) {
    if (start > last) parts.push(text.slice(last, start));
    parts.push(html`<mark>${text.slice(start, end)}</mark>`);
    last = end;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}
