/**
 * The invitation and the reminder as the customer gets them: subject, a text part and an HTML
 * part in the customer's language, and the headers that make unsubscribing one click (RFC 8058).
 *
 * The HTML is readable with images off and in dark mode: no images at all, no remote anything,
 * no tracking pixel, no rewritten links (R12); `color-scheme` lets the mail client choose the
 * colours, and the one coloured element, the button, sets both its colours. Every string that
 * goes into the HTML is escaped, whoever wrote it (customers' names are hostile text).
 */
import { cs } from './templates/cs.js';
import { de } from './templates/de.js';
import { en } from './templates/en.js';
import type { MailFacts, MailTranslation } from './templates/en.js';
import { sv } from './templates/sv.js';
import type { InvitationLocale, MessageKind } from '../../src/contract/admin.js';

/** One template per language the contract offers (`INVITATION_LOCALES`), no more, no fewer. */
export const MAIL_LOCALES = { en, sv, cs, de } as const satisfies Record<InvitationLocale, MailTranslation>;
export type MailLocale = keyof typeof MAIL_LOCALES;

/**
 * The customer's language if Verity speaks it (`sv-SE` → `sv`), else English. An order without a
 * locale reaches here with its business's default for invitations instead (see `customerLocale`).
 */
export function mailLocale(locale: string | null | undefined): MailLocale {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in MAIL_LOCALES ? (base as MailLocale) : 'en';
}

export function translation(locale: string | null | undefined): MailTranslation {
  return MAIL_LOCALES[mailLocale(locale)];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A header value on one line: nothing a name could smuggle in starts a header of its own. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
}

export interface MessageInput extends MailFacts {
  kind: MessageKind;
  locale: string | null;
  /** The review form with `?invitation=<token>`. */
  reviewUrl: string;
  /** The public one-click opt-out URL. */
  optOutUrl: string;
  expiresAt: Date;
}

export interface RenderedMessage {
  locale: MailLocale;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export function renderMessage(input: MessageInput): RenderedMessage {
  const locale = mailLocale(input.locale);
  const t = MAIL_LOCALES[locale];
  const facts: MailFacts = { shop: oneLine(input.shop), product: input.product, name: input.name };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(input.expiresAt);
  const subject = oneLine(input.kind === 'reminder' ? t.reminderSubject(facts) : t.subject(facts));
  const intro = input.kind === 'reminder' ? t.reminderIntro(facts) : t.intro(facts);
  const paragraphs = [t.honesty, t.noIncentive, t.expires(date)];

  const text = [
    t.greeting(facts),
    '',
    intro,
    '',
    `${t.button}: ${input.reviewUrl}`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    '-- ',
    t.why(facts),
    `${t.unsubscribe(facts)}: ${input.optOutUrl}`,
    '',
  ].join('\n');

  const e = escapeHtml;
  const p = (content: string, style = '') => `<p style="margin:0 0 16px;${style}">${content}</p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${e(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px 16px;font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">',
    '<div style="max-width:560px;margin:0 auto;">',
    p(e(t.greeting(facts))),
    p(e(intro)),
    p(
      `<a href="${e(input.reviewUrl)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background-color:#14532d;color:#ffffff;font-weight:bold;text-decoration:none;">${e(t.button)}</a>`,
    ),
    p(
      `${e(t.linkLine)}<br><a href="${e(input.reviewUrl)}" style="word-break:break-all;">${e(input.reviewUrl)}</a>`,
      'font-size:14px;',
    ),
    ...paragraphs.map((text) => p(e(text))),
    '<hr style="border:none;border-top:1px solid #8884;margin:24px 0;">',
    p(`${e(t.why(facts))}<br><a href="${e(input.optOutUrl)}">${e(t.unsubscribe(facts))}</a>`, 'font-size:13px;'),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return {
    locale,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${input.optOutUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Out-of-office replies are not sent to an automatic message.
      'Auto-Submitted': 'auto-generated',
    },
  };
}
