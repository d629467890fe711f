/**
 * The customer's side: the reviewer's API and pages (SPEC §7: confirm, manage — see, edit,
 * withdraw), and the invitation e-mails' one-click opt-out (RFC 8058, R13).
 *
 * The API (`/v1/reviewer/…`) takes the link's token as `Authorization: Bearer <token>`; the
 * pages (`/reviewer/…`) are plain forms that post it back (see `reviewer-pages.ts`). Both go
 * through the same functions of `db/reviewer.ts`.
 *
 *
 * `POST /v1/unsubscribe/{token}` opts out — what a mail client's "Unsubscribe" button sends
 * (`List-Unsubscribe=One-Click`) and what the confirm page's button sends. `GET` only shows that
 * page: mail scanners fetch every link in a message, and a GET that opted out would unsubscribe
 * customers who never asked. The pages are small, in the customer's language, with no script.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validateInput } from '../../src/client/validate.js';
import { identityAnswerSchema, reviewerEditSchema } from '../../src/contract/reviewer.js';
import type { LinkPurpose, ReviewerEdit } from '../../src/contract/reviewer.js';
import type { AppContext } from '../context.js';
import { answerIdentity, identifyTarget } from '../db/identity.js';
import {
  confirmReview,
  editReview,
  linkedReview,
  linkUnusable,
  reviewerReview,
  withdrawReview,
} from '../db/reviewer.js';
import { ApiError, invalid } from '../http/errors.js';
import { readJsonObject } from '../http/json.js';
import { selfOrigin } from '../http/origin.js';
import {
  confirmForm,
  identifyForm,
  manageForms,
  page as reviewerPage,
  pageLocale,
  paragraph,
  REVIEWER_BASE,
  REVIEWER_CSS,
  REVIEWER_HEADERS,
  statusMessage,
  storedData,
  texts,
  unusable,
} from './reviewer-pages.js';
import type { EditValues, IdentityValues } from './reviewer-pages.js';
import { findOptOut, optOut } from '../db/invitations.js';
import type { OptOutTarget } from '../db/invitations.js';
import { escapeHtml, mailLocale, translation } from '../mail/messages.js';

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  // No script, no style, nothing loaded: the page works under any policy a host adds on top.
  'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  // Not `no-referrer`: the confirm button's post would then carry `Origin: null`, which is refused.
  'referrer-policy': 'same-origin',
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

  const changed = (business: string, review: string) =>
    ctx.cache.invalidate(`business:${business}`, `review:${review}`);

  // --- The API -------------------------------------------------------------------------------

  const bearer = async (c: Context, purpose: LinkPurpose) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError(401, 'unauthorized', "The link's token is required: Authorization: Bearer <token>");
    const link = await linkedReview(db, token, purpose, ctx.now());
    if (!link) throw linkUnusable();
    return link;
  };
  const noStore = { 'cache-control': 'no-store' };

  app.post('/v1/reviewer/confirm', async (c) => {
    const link = await bearer(c, 'confirm');
    const result = await confirmReview(db, link.reviewId, ctx.now());
    return c.json(result, 200, noStore);
  });

  app.get('/v1/reviewer/review', async (c) => {
    const link = await bearer(c, 'manage');
    const { businessUrl: _url, ...review } = await reviewerReview(db, link.reviewId, link.expiresAt);
    return c.json(review, 200, noStore);
  });

  app.patch('/v1/reviewer/review', async (c) => {
    const link = await bearer(c, 'manage');
    const parsed = validateInput(reviewerEditSchema, await readJsonObject(c));
    if (!parsed.success) throw invalid('The edit has invalid fields', parsed.fields);
    const { changed: didChange, business } = await editReview(db, link.reviewId, parsed.data, ctx.now());
    if (didChange) changed(business, link.reviewId);
    const { businessUrl: _url, ...review } = await reviewerReview(db, link.reviewId, link.expiresAt);
    return c.json(review, 200, noStore);
  });

  app.delete('/v1/reviewer/review', async (c) => {
    const link = await bearer(c, 'manage');
    const business = await withdrawReview(db, link.reviewId, ctx.now());
    changed(business, link.reviewId);
    return c.body(null, 204, noStore);
  });

  // --- The pages -----------------------------------------------------------------------------

  app.get(`${REVIEWER_BASE}/reviewer.css`, (c) =>
    c.body(REVIEWER_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    }),
  );

  const limitForm = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => unusable(c, pageLocale(c), 403),
  });
  /** A form post from this server's own page, with its token; `undefined` after an answer was made. */
  const formPost = async (c: Context) => {
    const own = ctx.publicUrl ? new URL(ctx.publicUrl).origin : selfOrigin(c, ctx.trustProxy);
    const origin = c.req.header('origin');
    if (origin !== own && origin !== selfOrigin(c, ctx.trustProxy)) return { refused: true as const };
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    return { refused: false as const, field };
  };
  const refused = (c: Context) => unusable(c, pageLocale(c), 403, texts(pageLocale(c)).originRefused);

  const shownReview = async (c: Context, token: string, purpose: LinkPurpose) => {
    const link = await linkedReview(db, token, purpose, ctx.now());
    if (!link) return undefined;
    try {
      return { link, review: await reviewerReview(db, link.reviewId, link.expiresAt) };
    } catch {
      return undefined;
    }
  };

  app.get(`${REVIEWER_BASE}/confirm`, async (c) => {
    const token = c.req.query('token') ?? '';
    const shown = await shownReview(c, token, 'confirm');
    if (!shown) return unusable(c, pageLocale(c));
    const locale = pageLocale(c, shown.review.language);
    const t = texts(locale);
    const title = t.pageTitle(shown.review.business.name);
    if (shown.review.status !== 'unconfirmed') {
      return reviewerPage(
        c,
        200,
        locale,
        title,
        `${statusMessage(t.confirmDone)}
${paragraph(t.confirmLater)}`,
      );
    }
    return reviewerPage(
      c,
      200,
      locale,
      title,
      `${confirmForm(locale, token)}
${storedData(locale, shown.review)}`,
    );
  });

  app.post(`${REVIEWER_BASE}/confirm`, limitForm, async (c) => {
    const post = await formPost(c);
    if (post.refused) return refused(c);
    const token = post.field('token');
    const link = await linkedReview(db, token, 'confirm', ctx.now());
    if (!link) return unusable(c, pageLocale(c));
    const result = await confirmReview(db, link.reviewId, ctx.now());
    const review = await reviewerReview(db, link.reviewId, link.expiresAt);
    const locale = pageLocale(c, review.language);
    const t = texts(locale);
    const verified = result.verification.method === 'order-reference' ? `\n${paragraph(t.confirmVerified)}` : '';
    return reviewerPage(
      c,
      200,
      locale,
      t.pageTitle(review.business.name),
      `${statusMessage(t.confirmDone)}${verified}\n${paragraph(t.confirmLater)}\n${storedData(locale, review)}`,
    );
  });

  const managePage = (
    c: Context,
    status: 200 | 400,
    token: string,
    review: Awaited<ReturnType<typeof reviewerReview>>,
    message: string,
    values?: EditValues,
    problems?: Partial<Record<keyof EditValues, string>>,
  ) => {
    const locale = pageLocale(c, review.language);
    const t = texts(locale);
    const forms = manageForms(
      locale,
      token,
      values ?? { rating: review.rating, title: review.title ?? '', body: review.body },
      problems,
    );
    return reviewerPage(
      c,
      status,
      locale,
      t.pageTitle(review.business.name),
      `${message}\n${storedData(locale, review)}\n${forms}`,
    );
  };

  app.get(`${REVIEWER_BASE}/manage`, async (c) => {
    const token = c.req.query('token') ?? '';
    const shown = await shownReview(c, token, 'manage');
    if (!shown) return unusable(c, pageLocale(c));
    return managePage(c, 200, token, shown.review, '');
  });

  app.post(`${REVIEWER_BASE}/manage`, limitForm, async (c) => {
    const post = await formPost(c);
    if (post.refused) return refused(c);
    const token = post.field('token');
    const shown = await shownReview(c, token, 'manage');
    if (!shown) return unusable(c, pageLocale(c));
    const locale = pageLocale(c, shown.review.language);
    const t = texts(locale);
    if (post.field('action') === 'withdraw') {
      if (post.field('sure') !== 'yes')
        return managePage(c, 400, token, shown.review, paragraph(t.invalid, ' class="error" role="alert"'));
      const business = await withdrawReview(db, shown.link.reviewId, ctx.now());
      changed(business, shown.link.reviewId);
      return reviewerPage(c, 200, locale, t.pageTitle(shown.review.business.name), statusMessage(t.withdrawn));
    }
    const values: EditValues = {
      rating: Number(post.field('rating')),
      title: post.field('title'),
      body: post.field('body'),
    };
    const edit: Record<string, unknown> = {
      rating: values.rating,
      title: values.title.trim() === '' ? null : values.title,
      body: values.body,
    };
    const parsed = validateInput(reviewerEditSchema, edit);
    if (!parsed.success) {
      const problems = Object.fromEntries(Object.keys(parsed.fields).map((name) => [name, parsed.fields[name]!]));
      return managePage(
        c,
        400,
        token,
        shown.review,
        paragraph(t.invalid, ' class="error" role="alert"'),
        values,
        problems,
      );
    }
    const result = await editReview(db, shown.link.reviewId, parsed.data as ReviewerEdit, ctx.now());
    if (result.changed) changed(result.business, shown.link.reviewId);
    const review = await reviewerReview(db, shown.link.reviewId, shown.link.expiresAt);
    return managePage(c, 200, token, review, statusMessage(result.changed ? t.saved : t.unchanged));
  });

  // --- "Find reviewer": the author's answer, for the business's members only ---------------------

  app.post('/v1/reviewer/identity', async (c) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError(401, 'unauthorized', "The link's token is required: Authorization: Bearer <token>");
    const parsed = validateInput(identityAnswerSchema, await readJsonObject(c));
    if (!parsed.success) throw invalid('The answer has invalid fields', parsed.fields);
    const outcome = await answerIdentity(db, token, parsed.data, ctx.now());
    if (!outcome.done && outcome.reason === 'unknown') throw linkUnusable();
    if (!outcome.done) throw new ApiError(409, 'conflict', 'This question was answered already');
    return c.json({ answeredAt: ctx.now().toISOString() }, 200, noStore);
  });

  const emptyIdentity: IdentityValues = { email: '', orderReference: '', fullName: '', phone: '' };

  app.get(`${REVIEWER_BASE}/identify`, async (c) => {
    const token = c.req.query('token') ?? '';
    const target = await identifyTarget(db, token, ctx.now());
    if (!target) return unusable(c, pageLocale(c));
    const locale = pageLocale(c, target.language);
    const t = texts(locale);
    const title = t.pageTitle(target.shop);
    if (target.answered) return reviewerPage(c, 200, locale, title, statusMessage(t.identifyAlready));
    return reviewerPage(
      c,
      200,
      locale,
      title,
      `${paragraph(t.identityIntro(target.shop))}\n${identifyForm(locale, token, emptyIdentity)}`,
    );
  });

  app.post(`${REVIEWER_BASE}/identify`, limitForm, async (c) => {
    const post = await formPost(c);
    if (post.refused) return refused(c);
    const token = post.field('token');
    const target = await identifyTarget(db, token, ctx.now());
    if (!target) return unusable(c, pageLocale(c));
    const locale = pageLocale(c, target.language);
    const t = texts(locale);
    const title = t.pageTitle(target.shop);
    const values: IdentityValues = {
      email: post.field('email'),
      orderReference: post.field('orderReference'),
      fullName: post.field('fullName'),
      phone: post.field('phone'),
    };
    const answer = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const parsed = validateInput(identityAnswerSchema, answer);
    if (!parsed.success) {
      return reviewerPage(
        c,
        400,
        locale,
        title,
        `${paragraph(t.identityIntro(target.shop))}\n${identifyForm(locale, token, values, true)}`,
      );
    }
    const outcome = await answerIdentity(db, token, parsed.data, ctx.now());
    if (!outcome.done) {
      return outcome.reason === 'already'
        ? reviewerPage(c, 409, locale, title, statusMessage(t.identifyAlready))
        : unusable(c, locale);
    }
    return reviewerPage(c, 200, locale, title, statusMessage(t.identifyDone(target.shop)));
  });

  // Anything else under /reviewer/ is a page that does not exist.
  app.all(`${REVIEWER_BASE}/*`, (c) => unusable(c, pageLocale(c)));

  return app;
}

export { REVIEWER_HEADERS };
