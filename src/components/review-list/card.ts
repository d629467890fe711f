/**
 * One review card. Everything from the API is rendered as text: Lit escapes it, and nothing in a
 * review ever becomes an element, an attribute or a link (the review's own text may contain
 * `<script>` or `javascript:`; it stays visible as characters).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Review } from '../../client/schemas.js';
import { reviewAnchor } from '../../contract/anchor.js';
import type { Localizer } from '../../internal/localize.js';
import { MONTH_YEAR, around, provenance, time } from '../../internal/review-parts.js';
import { starRow } from '../stars/stars.js';

/** Long texts are cut at a word boundary; "Read more" shows the rest. */
export const TRUNCATE_OVER = 420;
const TRUNCATE_AT = 320;

/** The card's element id: the review's anchor, which `#verity-review-<id>` links scroll to. */
export function cardId(review: Pick<Review, 'id'>): string {
  return reviewAnchor(review.id);
}

export function truncate(text: string): string {
  if (text.length <= TRUNCATE_OVER) return text;
  const cut = text.lastIndexOf(' ', TRUNCATE_AT);
  return `${text.slice(0, cut > TRUNCATE_AT / 2 ? cut : TRUNCATE_AT).trimEnd()}…`;
}

export interface CardState {
  l10n: Localizer;
  now: Date;
  expanded: boolean;
  helpfulCount: number;
  voted: boolean;
  voteFailed: boolean;
  linked: boolean;
  highlighted: boolean;
  onToggleMore: (review: Review) => void;
  onHelpful: (review: Review) => void;
  onReport: (review: Review, button: HTMLElement) => void;
}

export function reviewCard(review: Review, state: CardState): TemplateResult {
  const { l10n, now } = state;
  const { t } = l10n;
  const long = review.body.length > TRUNCATE_OVER;
  const body = long && !state.expanded ? truncate(review.body) : review.body;
  const country = review.author.country ? l10n.displayName('region', review.author.country) : null;
  const experienced = l10n.date(`${review.experiencedAt}T12:00:00Z`, MONTH_YEAR);

  const idBase = cardId(review);
  const helpful = state.helpfulCount > 0 ? `${t.helpful} · ${l10n.number(state.helpfulCount)}` : t.helpful;
  // The hot path of a 50-card page: the template is kept free of whitespace-only text nodes
  // between tags (a third of the DOM nodes otherwise), so prettier must leave it as written.
  // prettier-ignore
  return html`<article part="card${state.highlighted ? ' card-highlighted' : ''}" class="card ${state.highlighted ? 'highlighted' : ''}" id=${idBase} tabindex="-1" aria-labelledby="${idBase}-title">${
    state.linked ? html`<p class="linked-label">${t.linkedReview}</p>` : nothing
  }<header class="card-head">${starRow(review.rating, t.starsLabel(l10n.number(review.rating)))}<h3 class="card-title" id="${idBase}-title" lang=${review.language} dir="auto">${
    review.title ?? html`<span class="visually-hidden">${t.starsLabel(l10n.number(review.rating))}</span>`
  }</h3></header><p class="card-meta"><span class="author" dir="auto">${review.author.displayName}</span>${
    country ? `· ${country}` : ''
  }</p><p class="card-meta">${provenance(review, l10n)}</p><div class="card-body" lang=${review.language} dir="auto" id="${idBase}-body">${body}</div>${
    long
      ? html`<button class="link-button read-more" type="button" aria-expanded=${state.expanded ? 'true' : 'false'} aria-controls="${idBase}-body" @click=${() => state.onToggleMore(review)}>${state.expanded ? t.showLess : t.readMore}</button>`
      : nothing
  }<p class="card-dates"><span>${around(t.reviewed, time(l10n, review.createdAt, now))}</span><span>${t.experienced(experienced)}</span>${
    review.editedAt ? html`<span class="edited">${around(t.edited, time(l10n, review.editedAt, now))}</span>` : nothing
  }</p>${
    review.reply
      ? html`<div part="reply" class="reply" role="group" aria-label=${t.replyFrom(review.reply.authorName)}><p class="reply-head"><strong dir="auto">${t.replyFrom(review.reply.authorName)}</strong> · ${time(l10n, review.reply.createdAt, now)}</p><div class="reply-body" dir="auto">${review.reply.body}</div></div>`
      : nothing
  }<footer class="card-actions"><button part="helpful" class="action" type="button" aria-pressed=${state.voted ? 'true' : 'false'} aria-disabled=${state.voted ? 'true' : 'false'} @click=${() => state.onHelpful(review)}>${helpful}</button><button part="report" class="action" type="button" aria-haspopup="dialog" @click=${(event: Event) => state.onReport(review, event.currentTarget as HTMLElement)}>${t.report}</button>${
    state.voteFailed ? html`<span class="vote-error" role="alert">${t.helpfulFailed}</span>` : nothing
  }</footer></article>`;
}
