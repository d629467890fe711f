/**
 * The e-mails to a review's author, in the review's language: the confirmation of a spontaneous
 * review (the confirm link and the private manage link). Text and HTML parts; every string that
 * goes into the HTML is escaped. These messages carry private links, so the members' outbox never
 * lists them (see `db/outbox.ts`).
 */
import { escapeHtml, mailLocale, MAIL_LOCALES, oneLine } from './messages.js';
import type { RenderedMessage } from './messages.js';

export interface ConfirmationInput {
  shop: string;
  /** The review's language. */
  locale: string | null;
  confirmUrl: string;
  manageUrl: string;
  /** When the unconfirmed review is deleted. */
  confirmBy: Date;
  manageExpiresAt: Date;
}

function formatDate(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function layout(locale: string, subject: string, blocks: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px 16px;font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">',
    '<div style="max-width:560px;margin:0 auto;">',
    ...blocks.map((block) => `<p style="margin:0 0 16px;">${block}</p>`),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const button = (url: string, label: string) =>
  `<a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background-color:#14532d;color:#ffffff;font-weight:bold;text-decoration:none;">${escapeHtml(label)}</a>`;

export function renderConfirmation(input: ConfirmationInput): RenderedMessage {
  const locale = mailLocale(input.locale);
  const t = MAIL_LOCALES[locale].reviewer;
  const shop = oneLine(input.shop);
  const subject = oneLine(t.confirmSubject(shop));
  const until = formatDate(locale, input.confirmBy);
  const manageUntil = formatDate(locale, input.manageExpiresAt);
  const text = [
    t.confirmIntro(shop),
    '',
    `${t.confirmButton}: ${input.confirmUrl}`,
    '',
    t.confirmExpires(until),
    '',
    t.manageLine,
    input.manageUrl,
    t.manageExpires(manageUntil),
    '',
    t.notYou,
    '-- ',
    t.why(shop),
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = layout(locale, subject, [
    e(t.confirmIntro(shop)),
    button(input.confirmUrl, t.confirmButton),
    `<span style="word-break:break-all;font-size:14px;">${e(input.confirmUrl)}</span>`,
    e(t.confirmExpires(until)),
    `${e(t.manageLine)}<br><a href="${e(input.manageUrl)}" style="word-break:break-all;">${e(input.manageUrl)}</a><br>${e(t.manageExpires(manageUntil))}`,
    e(t.notYou),
    `<span style="font-size:13px;">${e(t.why(shop))}</span>`,
  ]);
  return { locale, subject, text, html, headers: { 'Auto-Submitted': 'auto-generated' } };
}

export interface RequestInput {
  kind: 'identity_request' | 'proof_request';
  shop: string;
  locale: string | null;
  /** The `/reviewer/identify` page with this request's token. */
  url: string;
  expiresAt: Date;
}

/** "Find reviewer"'s fixed message, or the request for proof after a `not_genuine` report. */
export function renderRequest(input: RequestInput): RenderedMessage {
  const locale = mailLocale(input.locale);
  const t = MAIL_LOCALES[locale].reviewer;
  const shop = oneLine(input.shop);
  const identity = input.kind === 'identity_request';
  const subject = oneLine(identity ? t.identitySubject(shop) : t.proofSubject(shop));
  const intro = identity ? t.identityIntro(shop) : t.proofIntro(shop);
  const until = formatDate(locale, input.expiresAt);
  const expires = identity ? t.identityExpires(until) : t.proofExpires(until);
  const text = [intro, '', `${t.identityButton}: ${input.url}`, '', expires, '', '-- ', t.why(shop), ''].join('\n');
  const e = escapeHtml;
  const html = layout(locale, subject, [
    e(intro),
    button(input.url, t.identityButton),
    `<span style="word-break:break-all;font-size:14px;">${e(input.url)}</span>`,
    e(expires),
    `<span style="font-size:13px;">${e(t.why(shop))}</span>`,
  ]);
  return { locale, subject, text, html, headers: { 'Auto-Submitted': 'auto-generated' } };
}
