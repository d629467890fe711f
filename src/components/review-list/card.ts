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
import { LONG_DATE, MONTH_YEAR, around, provenance, time } from '../../internal/review-parts.js';
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
}

/**
 * What a card's buttons do. The list listens once, on the list itself, and finds the card and
 * the button's action (`data-action`): no listener per button of 50 cards.
 */
export const CARD_ACTIONS = ['more', 'helpful', 'report'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** The action of a click inside a card, and the id of the card's element (`cardId`). */
export function cardAction(event: Event): { action: CardAction; card: string; button: HTMLElement } | undefined {
  const button = (event.target as Element | null)?.closest<HTMLElement>('button[data-action]');
  const card = button?.closest('article')?.id;
  const action = button?.dataset.action as CardAction | undefined;
  if (!button || !card || !action || !CARD_ACTIONS.includes(action)) return undefined;
  return { action, card, button };
}

/** Splits a translation around its placeholder: `t.reviewed` → ["Reviewed ", ""]. */
function split(message: (value: string) => string): [string, string] {
  const [before = '', after = ''] = message('\u0000').split('\u0000');
  return [before, after];
}

/** A card's texts that depend only on the review and the language, not on the moment. */
interface CardTexts {
  l10n: Localizer;
  long: boolean;
  short: string;
  country: string | null;
  experienced: string;
  stars: string;
  created: string;
}

/**
 * Kept per review object (the client hands out the same objects for the same page): a card
 * re-rendered for a vote, a "Read more" or a second list formats nothing again.
 */
const cardTexts = new WeakMap<Review, CardTexts>();

function textsOf(review: Review, l10n: Localizer): CardTexts {
  let texts = cardTexts.get(review);
  if (texts?.l10n !== l10n) {
    const long = review.body.length > TRUNCATE_OVER;
    texts = {
      l10n,
      long,
      short: long ? truncate(review.body) : review.body,
      country: review.author.country ? l10n.displayName('region', review.author.country) : null,
      experienced: l10n.t.experienced(l10n.date(`${review.experiencedAt}T12:00:00Z`, MONTH_YEAR)),
      stars: l10n.t.starsLabel(l10n.number(review.rating)),
      created: l10n.date(review.createdAt, LONG_DATE),
    };
    cardTexts.set(review, texts);
  }
  return texts;
}

/** A list item with its card. */
export function reviewCard(review: Review, state: CardState): TemplateResult {
  const { l10n, now } = state;
  const { t } = l10n;
  const { long, short, country, experienced, stars, created } = textsOf(review, l10n);
  const body = long && !state.expanded ? short : review.body;
  const [reviewedBefore, reviewedAfter] = split(t.reviewed);

  const idBase = cardId(review);
  const helpful = state.helpfulCount > 0 ? `${t.helpful} · ${l10n.number(state.helpfulCount)}` : t.helpful;
  // The hot path of a 50-card page: one template per card where it can be (each nested one is
  // a clone of its own), and free of whitespace-only text nodes between tags (a third of the DOM
  // nodes otherwise), so prettier must leave it as written.
  // prettier-ignore
  return html`<li><article part="card${state.highlighted ? ' card-highlighted' : ''}" class="card ${state.highlighted ? 'highlighted' : ''}" id=${idBase} tabindex="-1" aria-labelledby="${idBase}-title">${
    state.linked ? html`<p class="linked-label">${t.linkedReview}</p>` : nothing
  }<header class="card-head">${starRow(review.rating, stars)}<h3 class="card-title" id="${idBase}-title" lang=${review.language} dir="auto">${
    review.title ?? html`<span class="visually-hidden">${stars}</span>`
  }</h3></header><p class="card-meta"><span class="author" dir="auto">${review.author.displayName}</span>${
    country ? `· ${country}` : ''
  }</p><p class="card-meta">${provenance(review, l10n)}</p><div class="card-body" lang=${review.language} dir="auto" id="${idBase}-body">${body}</div>${
    long
      ? html`<button class="link-button read-more" type="button" data-action="more" aria-expanded=${state.expanded ? 'true' : 'false'} aria-controls="${idBase}-body">${state.expanded ? t.showLess : t.readMore}</button>`
      : nothing
  }<p class="card-dates"><span>${reviewedBefore}<time datetime=${review.createdAt} title=${created}>${l10n.relative(review.createdAt, now)}<span class="visually-hidden"> (${created})</span></time>${reviewedAfter}</span><span>${experienced}</span>${
    review.editedAt ? html`<span class="edited">${around(t.edited, time(l10n, review.editedAt, now))}</span>` : nothing
  }</p>${
    review.reply
      ? html`<div part="reply" class="reply" role="group" aria-label=${t.replyFrom(review.reply.authorName)}><p class="reply-head"><strong dir="auto">${t.replyFrom(review.reply.authorName)}</strong> · ${time(l10n, review.reply.createdAt, now)}</p><div class="reply-body" dir="auto">${review.reply.body}</div></div>`
      : nothing
  }<footer class="card-actions"><button part="helpful" class="action" type="button" data-action="helpful" aria-pressed=${state.voted ? 'true' : 'false'} aria-disabled=${state.voted ? 'true' : 'false'}>${helpful}</button><button part="report" class="action" type="button" data-action="report" aria-haspopup="dialog">${t.report}</button>${
    state.voteFailed ? html`<span class="vote-error" role="alert">${t.helpfulFailed}</span>` : nothing
  }</footer></article></li>`;
}
