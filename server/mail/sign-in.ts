/**
 * The dashboard's sign-in e-mail: a one-time link for a member, in their language, text and HTML
 * (every interpolated value escaped). It is sent at once and never kept in a business's outbox:
 * the outbox is readable by every member, and a sign-in link there would let a moderator sign in
 * as an owner. Without an SMTP server the link goes to the server's own log, which only the
 * operator reads.
 */
import type { SignInMail } from '../routes/auth.js';
import type { Mailer } from './mailer.js';
import { escapeHtml, mailLocale } from './messages.js';

interface SignInText {
  subject: string;
  intro: string;
  button: string;
  expires: (minutes: number) => string;
  ignore: string;
}

const TEXTS: Record<'en' | 'sv' | 'cs' | 'de', SignInText> = {
  en: {
    subject: 'Your sign-in link to Verity',
    intro: 'Use this link to sign in to the reviews dashboard:',
    button: 'Sign in',
    expires: (minutes) => `The link works once, for ${minutes} minutes.`,
    ignore: 'If you did not ask for it, ignore this e-mail: nobody can sign in without the link.',
  },
  sv: {
    subject: 'Din inloggningslänk till Verity',
    intro: 'Använd länken för att logga in i recensionspanelen:',
    button: 'Logga in',
    expires: (minutes) => `Länken fungerar en gång, i ${minutes} minuter.`,
    ignore: 'Om du inte bad om den kan du bortse från mejlet: ingen kan logga in utan länken.',
  },
  cs: {
    subject: 'Váš odkaz pro přihlášení do Verity',
    intro: 'Tímto odkazem se přihlásíte do přehledu recenzí:',
    button: 'Přihlásit se',
    expires: (minutes) => `Odkaz funguje jednou, po dobu ${minutes} minut.`,
    ignore: 'Pokud jste o něj nežádali, e-mail ignorujte: bez odkazu se nikdo nepřihlásí.',
  },
  de: {
    subject: 'Ihr Anmeldelink für Verity',
    intro: 'Mit diesem Link melden Sie sich im Bewertungs-Dashboard an:',
    button: 'Anmelden',
    expires: (minutes) => `Der Link funktioniert einmal, ${minutes} Minuten lang.`,
    ignore:
      'Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: ohne den Link kann sich niemand anmelden.',
  },
};

export function renderSignIn(mail: SignInMail, now: Date): { subject: string; text: string; html: string } {
  const t = TEXTS[mailLocale(mail.locale)];
  const minutes = Math.max(1, Math.round((mail.expiresAt.getTime() - now.getTime()) / 60_000));
  const text = `${t.intro}\n\n${mail.url}\n\n${t.expires(minutes)}\n${t.ignore}\n`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(t.intro)}</p>
<p><a href="${escapeHtml(mail.url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1f4e8c;color:#ffffff;text-decoration:none">${escapeHtml(t.button)}</a></p>
<p style="word-break:break-all">${escapeHtml(mail.url)}</p>
<p>${escapeHtml(t.expires(minutes))}<br>${escapeHtml(t.ignore)}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}

/** Sends sign-in links with the server's mailer, or writes them to the log when there is none. */
export function signInSender(mailer: Mailer | undefined, from: string, now: () => Date) {
  return async (mail: SignInMail): Promise<void> => {
    if (!mailer) {
      console.log(`Sign-in link for ${mail.to} (SMTP_URL is not set): ${mail.url}`);
      return;
    }
    const { subject, text, html } = renderSignIn(mail, now());
    await mailer.send({
      from: { name: 'Verity', address: from },
      to: mail.to,
      subject,
      text,
      html,
      headers: { 'Auto-Submitted': 'auto-generated' },
      messageId: `<sign-in.${Date.now()}.${Math.random().toString(36).slice(2)}@${from.split('@')[1] ?? 'localhost'}>`,
    });
  };
}
