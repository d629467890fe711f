/**
 * The reviewer's pages under `/reviewer/` (SPEC §7), rendered on the server as plain HTML forms:
 * no script at all, so they work with JavaScript off, in any mail client's browser, under the
 * strictest policy, and there is nothing to build or to hydrate. Forms post the link's token back
 * (never in the address of a POST), and every post must come from this server's own pages
 * (`Origin`). Every string from a review or a shop is escaped: user text is text.
 */
import type { Context } from 'hono';
import { LIMITS, RATINGS } from '../../src/client/schemas.js';
import type { ReviewerReview } from '../../src/contract/reviewer.js';
import { escapeHtml, mailLocale, MAIL_LOCALES } from '../mail/messages.js';
import type { MailLocale } from '../mail/messages.js';

export const REVIEWER_BASE = '/reviewer';

export const REVIEWER_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const REVIEWER_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': REVIEWER_CSP,
  // The token is in the page's address: it goes to no other site. Not `no-referrer`: a browser
  // then sends `Origin: null` with the page's own form posts, which the Origin check refuses.
  'referrer-policy': 'same-origin',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

/** The pages' one style sheet (light and dark, the system's colours and fonts). */
export const REVIEWER_CSS = `:root {
  color-scheme: light dark;
  /* light-dark() follows the scheme in use, whether the system's or one a page forces. */
  --accent: light-dark(#14532d, #86efac);
  --on-accent: light-dark(#ffffff, #0b1f12);
  --error: light-dark(#b00020, #ff8a80);
  --muted: light-dark(#4d4d4d, #c4c4c4);
}
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5; margin: 0; padding: 1.5rem 1rem; }
main { max-width: 40rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
label, legend { display: block; font-weight: 600; margin-top: 1rem; }
fieldset { border: 1px solid currentColor; border-radius: 6px; margin: 1rem 0 0; padding: 0.5rem 1rem 1rem; }
fieldset label { display: inline-block; font-weight: normal; margin: 0.25rem 1rem 0 0; }
input[type='text'], textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; }
textarea { min-height: 10rem; }
button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.6rem 1.2rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: var(--on-accent); cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.note { color: var(--muted); }
.error { color: var(--error); font-weight: 600; }
[role='status'] { border-left: 4px solid var(--accent); padding-left: 0.75rem; }
`;

/** The page's language: the review's, else the visitor's first, else English. */
export function pageLocale(c: Context, reviewLanguage?: string | null): MailLocale {
  if (reviewLanguage) return mailLocale(reviewLanguage);
  const first = (c.req.header('accept-language') ?? '').split(',')[0]?.split(';')[0]?.trim();
  return mailLocale(first);
}

export const texts = (locale: MailLocale) => MAIL_LOCALES[locale].reviewer;

/** A whole page: its language, title, the one style sheet, and the content under the heading. */
export function pageHtml(locale: MailLocale, title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${REVIEWER_BASE}/reviewer.css">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${content}
</main>
</body>
</html>
`;
}

export function page(
  c: Context,
  status: 200 | 400 | 403 | 404 | 409,
  locale: MailLocale,
  title: string,
  content: string,
) {
  return c.html(pageHtml(locale, title, content), status, REVIEWER_HEADERS);
}

export const paragraph = (text: string, attributes = '') => `<p${attributes}>${escapeHtml(text)}</p>`;
export const statusMessage = (text: string) => `<p role="status">${escapeHtml(text)}</p>`;
const hiddenToken = (token: string) => `<input type="hidden" name="token" value="${escapeHtml(token)}">`;

export function unusable(c: Context, locale: MailLocale, status: 403 | 404 = 404, text?: string) {
  const t = texts(locale);
  return page(c, status, locale, t.pageTitle('Verity'), paragraph(text ?? t.linkUnusable, ' class="error"'));
}

function when(locale: MailLocale, iso: string | null, none: string): string {
  if (!iso) return none;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** Everything stored about the review, as a description list (the data export). */
export function storedData(locale: MailLocale, review: ReviewerReview): string {
  const t = texts(locale);
  const f = t.fields;
  const verification =
    review.verification.status === 'verified' && review.verification.method
      ? t.verifications[review.verification.method]
      : t.verifications[review.verification.status === 'imported' ? 'imported' : 'unverified'];
  const moderation = review.moderation
    ? review.moderation.reason
      ? t.rejectedFor(t.reasons[review.moderation.reason])
      : `${t.statuses.published} · ${when(locale, review.moderation.decidedAt, t.none)}`
    : t.none;
  const rows: [string, string][] = [
    [f.status, t.statuses[review.status]],
    [f.rating, t.star(review.rating)],
    [f.title, review.title ?? t.none],
    [f.body, review.body],
    [f.authorName, review.authorName],
    [f.email, review.email ?? t.none],
    [f.orderReference, review.orderReference ?? t.none],
    [f.language, review.language],
    [f.experiencedAt, review.experiencedAt],
    [f.createdAt, when(locale, review.createdAt, t.none)],
    [f.confirmedAt, when(locale, review.confirmedAt, t.none)],
    [f.editedAt, when(locale, review.editedAt, t.none)],
    [f.verification, verification],
    [f.moderation, moderation],
    [f.reply, review.reply ? `${review.reply.authorName}: ${review.reply.body}` : t.none],
    [f.helpfulCount, new Intl.NumberFormat(locale).format(review.helpfulCount)],
    [f.reports, new Intl.NumberFormat(locale).format(review.reports)],
    [f.url, review.status === 'published' ? review.url : t.none],
    [f.linkExpiresAt, when(locale, review.linkExpiresAt, t.none)],
  ];
  return `<h2>${escapeHtml(t.stored)}</h2>
<dl>
${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>`;
}

export function confirmForm(locale: MailLocale, token: string): string {
  const t = texts(locale);
  return `${paragraph(t.confirmQuestion)}
<form method="post" action="${REVIEWER_BASE}/confirm">
${hiddenToken(token)}
<button type="submit">${escapeHtml(t.confirmButton)}</button>
</form>`;
}

export interface EditValues {
  rating: number;
  title: string;
  body: string;
}

/** The edit and withdraw forms; `problems` marks fields the last post got wrong. */
export function manageForms(
  locale: MailLocale,
  token: string,
  values: EditValues,
  problems: Partial<Record<keyof EditValues, string>> = {},
): string {
  const t = texts(locale);
  const e = escapeHtml;
  const problem = (name: keyof EditValues, text: string) =>
    problems[name] ? `<p class="error" id="${name}-problem">${e(text)}</p>` : '';
  const invalid = (name: keyof EditValues) =>
    problems[name] ? ` aria-invalid="true" aria-describedby="${name}-problem"` : '';
  const stars = RATINGS.map(
    (n) =>
      `<label><input type="radio" name="rating" value="${n}"${n === values.rating ? ' checked' : ''} required> ${e(t.star(n))}</label>`,
  ).join('\n');
  return `<h2 id="edit-heading">${e(t.editHeading)}</h2>
${paragraph(t.editNote, ' class="note"')}
<form method="post" action="${REVIEWER_BASE}/manage" aria-labelledby="edit-heading">
${hiddenToken(token)}
<input type="hidden" name="action" value="edit">
<fieldset${invalid('rating')}>
<legend>${e(t.fields.rating)}</legend>
${stars}
</fieldset>
${problem('rating', t.invalid)}
<label for="title">${e(t.fields.title)}</label>
<input type="text" id="title" name="title" maxlength="${LIMITS.titleMax}" value="${e(values.title)}"${invalid('title')}>
${problem('title', t.problems.title(LIMITS.titleMax))}
<label for="body">${e(t.fields.body)}</label>
<textarea id="body" name="body" minlength="${LIMITS.bodyMin}" maxlength="${LIMITS.bodyMax}" required${invalid('body')}>${e(values.body)}</textarea>
${problem('body', t.problems.bodyLength(LIMITS.bodyMin, LIMITS.bodyMax))}
<button type="submit">${e(t.save)}</button>
</form>
<h2 id="withdraw-heading">${e(t.withdrawHeading)}</h2>
${paragraph(t.withdrawNote, ' class="note"')}
<form method="post" action="${REVIEWER_BASE}/manage" aria-labelledby="withdraw-heading">
${hiddenToken(token)}
<input type="hidden" name="action" value="withdraw">
<label><input type="checkbox" name="sure" value="yes" required> ${e(t.withdrawConfirm)}</label>
<button type="submit" class="secondary">${e(t.withdraw)}</button>
</form>`;
}

export type IdentityValues = Record<'email' | 'orderReference' | 'fullName' | 'phone', string>;

const IDENTITY_FIELDS = [
  ['email', 'email', 'email'],
  ['orderReference', 'text', 'off'],
  ['fullName', 'text', 'name'],
  ['phone', 'tel', 'tel'],
] as const;

/** "Find reviewer"'s form: four optional fields, for the shop's staff only. */
export function identifyForm(locale: MailLocale, token: string, values: IdentityValues, empty = false): string {
  const t = texts(locale);
  const e = escapeHtml;
  const fields = IDENTITY_FIELDS.map(
    ([name, type, autocomplete]) =>
      `<label for="${name}">${e(t.identifyFields[name])} (${e(t.optional)})</label>
<input type="${type === 'email' ? 'email' : type}" id="${name}" name="${name}" maxlength="200" autocomplete="${autocomplete}" value="${e(values[name])}"${empty ? ' aria-describedby="identify-problem"' : ''}>`,
  ).join('\n');
  return `${empty ? `<p class="error" role="alert" id="identify-problem">${e(t.identifyEmpty)}</p>` : ''}
${paragraph(t.identifyNote, ' class="note"')}
<form method="post" action="${REVIEWER_BASE}/identify">
${hiddenToken(token)}
${fields}
<button type="submit">${e(t.send)}</button>
</form>`;
}
