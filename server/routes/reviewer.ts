/**
 * The customer's side of the invitation e-mails: the one-click opt-out (RFC 8058, R13).
 *
 * `POST /v1/unsubscribe/{token}` opts out — what a mail client's "Unsubscribe" button sends
 * (`List-Unsubscribe=One-Click`) and what the confirm page's button sends. `GET` only shows that
 * page: mail scanners fetch every link in a message, and a GET that opted out would unsubscribe
 * customers who never asked. The pages are small, in the customer's language, with no script.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { findOptOut, optOut } from '../db/invitations.js';
import type { OptOutTarget } from '../db/invitations.js';
import { escapeHtml, mailLocale, translation } from '../mail/messages.js';

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  // No script, no style, nothing loaded: the page works under any policy a host adds on top.
  'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function page(c: Context, status: 200 | 404, locale: string | null, title: string, content: string) {
  const html = `<!DOCTYPE html>
<html lang="${mailLocale(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${content}
</body>
</html>
`;
  return c.html(html, status, PAGE_HEADERS);
}

const unknown = (c: Context) => {
  const t = translation(null);
  return page(c, 404, null, t.optOutTitle, `<p>${escapeHtml(t.optOutUnknown)}</p>`);
};

const done = (c: Context, target: OptOutTarget) => {
  const t = translation(target.locale);
  return page(c, 200, target.locale, t.optOutTitle, `<p>${escapeHtml(t.optOutDone(target.businessName))}</p>`);
};

export function reviewerRoutes(ctx: AppContext, onOptOut: (business: string) => void): Hono {
  const app = new Hono();
  const { db } = ctx;

  app.get('/v1/unsubscribe/:token', async (c) => {
    const target = await findOptOut(db, c.req.param('token'));
    if (!target) return unknown(c);
    if (target.optedOut) return done(c, target);
    const t = translation(target.locale);
    return page(
      c,
      200,
      target.locale,
      t.optOutTitle,
      `<p>${escapeHtml(t.optOutQuestion(target.businessName))}</p>
<form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">${escapeHtml(t.optOutButton)}</button></form>`,
    );
  });

  app.post('/v1/unsubscribe/:token', async (c) => {
    const target = await optOut(db, c.req.param('token'), ctx.now());
    if (!target) return unknown(c);
    onOptOut(target.business);
    return done(c, target);
  });

  return app;
}
