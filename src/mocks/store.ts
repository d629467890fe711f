/**
 * The mocks' in-memory store over the fixtures: contract v1's behaviour without a server.
 * Summaries are computed with the same R2 function as the reference server, and submissions are
 * validated with the same schema and R7 window, so Storybook never shows what production would not.
 */
import { validateInput, validateReviewInput } from '../client/validate.js';
import type { FieldErrors } from '../client/validate.js';
import { parseListQuery } from '../client/list-query.js';
import { originsOf } from '../client/requests.js';
import { reportInputSchema } from '../client/schemas.js';
import { LINK_DAYS, reviewerEditSchema } from '../contract/reviewer.js';
import type { LinkPurpose, ReviewerReview } from '../contract/reviewer.js';
import type { Review, ReviewPage, Sort, SubmitResult, Summary } from '../client/schemas.js';
import { randomId } from '../client/client.js';
import { reviewUrl } from '../contract/anchor.js';
import { computeScore, countsTowardScore, SCORE_WINDOW_MONTHS } from '../rules/score.js';
import { invitationExpiry, invitationProblem } from '../rules/invitations.js';
import { matchesWords, SEARCH_TOTAL_MAX, searchWords } from '../rules/search.js';
import { canReportNotGenuine } from '../rules/windows.js';
import { createFixtures } from './fixtures.js';
import type { FixtureBusiness, FixtureInvitation, FixtureOptions, StoredReview } from './fixtures.js';

/** An answer of the store: an HTTP status and a JSON body (or none). */
export interface StoreAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function errorAnswer(status: number, code: string, message: string, fields?: FieldErrors): StoreAnswer {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } };
}

const ok = (body: unknown, status = 200): StoreAnswer => ({ status, body });

const COMPARATORS: Record<Sort, (a: StoredReview, b: StoredReview) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  oldest: (a, b) => a.createdAt.localeCompare(b.createdAt),
  highest: (a, b) => b.rating - a.rating || b.createdAt.localeCompare(a.createdAt),
  lowest: (a, b) => a.rating - b.rating || b.createdAt.localeCompare(a.createdAt),
  helpful: (a, b) => b.helpfulCount - a.helpfulCount || b.createdAt.localeCompare(a.createdAt),
};

export function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/=+$/, '');
}

export function decodeCursor(cursor: string): number | undefined {
  try {
    const { o } = JSON.parse(atob(cursor)) as { o?: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

/** `sv` for `sv-SE`: the language filter and the summary's languages go by the primary subtag. */
const primaryLanguage = (tag: string) => tag.toLowerCase().split('-')[0]!;

export class MockStore {
  readonly businesses = new Map<string, FixtureBusiness>();
  readonly reviews: StoredReview[];
  readonly invitations = new Map<string, FixtureInvitation>();
  private readonly idempotency = new Map<string, { fingerprint: string; answer: StoreAnswer }>();
  /** Reviews this browser voted helpful and reported: the mocks' one client (the server's per IP). */
  private readonly voted = new Set<string>();
  private readonly reported = new Set<string>();
  /** Reports received, one per review from this client (R10). */
  readonly reports: { review: string; reason: string; note: string | null }[] = [];
  private readonly clock: () => Date;

  constructor(options: FixtureOptions & { clock?: () => Date } = {}) {
    const now = options.now ?? new Date();
    this.clock = options.clock ?? (() => new Date());
    const data = createFixtures({ ...options, now });
    for (const business of data.businesses) this.businesses.set(business.id, business);
    for (const invitation of data.invitations) this.invitations.set(invitation.token, invitation);
    this.reviews = data.reviews;
  }

  now(): Date {
    return this.clock();
  }

  /** Published reviews of a business: its shop reviews, or one product's reviews. */
  published(business: string, product?: string | null): StoredReview[] {
    return this.reviews.filter(
      (r) => r.business === business && r.status === 'published' && r.product === (product ?? null),
    );
  }

  /** The public form of a review (R12: no e-mail, no moderation state). */
  toPublic(review: StoredReview): Review {
    const { status: _status, email: _email, ...rest } = review;
    return { ...rest, countsTowardScore: countsTowardScore(review, this.now()) };
  }

  private unknownBusiness(business: string): StoreAnswer {
    return errorAnswer(404, 'not_found', `No business "${business}"`);
  }

  private unknownProduct(business: FixtureBusiness, product: string | null | undefined): boolean {
    return Boolean(product) && !business.products.some((p) => p.id === product);
  }

  /** The contract's summary, or `undefined` for an unknown business or product. */
  summary(businessId: string, productId?: string | null): Summary | undefined {
    const business = this.businesses.get(businessId);
    if (!business) return undefined;
    const product = productId ? business.products.find((p) => p.id === productId) : null;
    if (product === undefined) return undefined;

    const now = this.now();
    const reviews = this.published(businessId, productId);
    const score = computeScore(reviews, now);
    const totals = { published: reviews.length, verified: 0, unverified: 0, imported: 0 };
    for (const review of reviews) totals[review.verification.status] += 1;
    const latest = reviews.reduce((max, r) => Math.max(max, Date.parse(r.editedAt ?? r.createdAt)), 0);

    return {
      business: { id: business.id, name: business.name, url: business.url },
      product,
      rating: { average: score.average, grade: score.grade, count: score.count, windowMonths: SCORE_WINDOW_MONTHS },
      distribution: score.distribution,
      totals,
      invitedShare:
        business.orders && business.orders.recorded > 0
          ? Math.round((business.orders.invited / business.orders.recorded) * 1000) / 1000
          : null,
      ...(business.orders ? { optedOut: business.orders.optedOut ?? 0 } : {}),
      verificationPolicyUrl: business.verificationPolicyUrl,
      updatedAt: new Date(latest || now.getTime()).toISOString(),
      languages: [...new Set(reviews.map((r) => primaryLanguage(r.language)))].sort(),
      removed: {
        offensive: 0,
        personal_data: 0,
        illegal: 0,
        industry_rule: 0,
        not_genuine: 0,
        ...(product ? {} : business.removed),
      },
    };
  }

  /** The batched summaries: the known products' in the order asked, the unknown ones left out. */
  summaryBatchAnswer(businessId: string, products: readonly string[]): StoreAnswer {
    if (!this.businesses.has(businessId)) return this.unknownBusiness(businessId);
    return ok({ items: products.flatMap((product) => this.summary(businessId, product) ?? []) });
  }

  summaryAnswer(businessId: string, productId?: string | null): StoreAnswer {
    const summary = this.summary(businessId, productId);
    if (summary) return ok(summary);
    if (!this.businesses.has(businessId)) return this.unknownBusiness(businessId);
    return errorAnswer(404, 'not_found', `No product "${productId}" at "${businessId}"`);
  }

  /** One page of a business's published reviews (R3: every one can be found, newest first). */
  list(businessId: string, params: URLSearchParams): StoreAnswer {
    const business = this.businesses.get(businessId);
    if (!business) return this.unknownBusiness(businessId);
    const parsed = parseListQuery(params, { isCursor: (cursor) => decodeCursor(cursor) !== undefined });
    if ('fields' in parsed) return errorAnswer(400, 'validation_failed', 'Invalid list query', parsed.fields);
    const { query } = parsed;
    if (this.unknownProduct(business, query.product)) {
      return errorAnswer(404, 'not_found', `No product "${query.product}" at "${businessId}"`);
    }

    const words = searchWords(query.q);
    const language = query.language && primaryLanguage(query.language);
    const matching = this.published(businessId, query.product).filter(
      (r) =>
        (!query.rating || query.rating.includes(r.rating)) &&
        (!query.verified || r.verification.status === 'verified') &&
        (!language || primaryLanguage(r.language) === language) &&
        (!words || matchesWords(`${r.title ?? ''}\n${r.body}`, words)),
    );
    const comparator = COMPARATORS[query.sort ?? 'newest'];
    matching.sort((a, b) => comparator(a, b) || a.id.localeCompare(b.id));

    const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
    const items = matching.slice(offset, offset + query.limit).map((r) => this.toPublic(r));
    const next = offset + query.limit;
    const capped = words !== undefined && matching.length > SEARCH_TOTAL_MAX;
    const page: ReviewPage = {
      items,
      nextCursor: next < matching.length ? encodeCursor(next) : null,
      total: capped ? SEARCH_TOTAL_MAX : matching.length,
      ...(capped ? { totalCapped: true } : {}),
    };
    return ok(page);
  }

  review(id: string): StoreAnswer {
    const review = this.reviews.find((r) => r.id === id && r.status === 'published');
    return review ? ok(this.toPublic(review)) : errorAnswer(404, 'not_found', `No review "${id}"`);
  }

  /** A submission (R7, R8, the honeypot and idempotency). New reviews wait for moderation (R4). */
  submit(businessId: string, input: unknown, idempotencyKey: string | null): StoreAnswer {
    const business = this.businesses.get(businessId);
    if (!business) return this.unknownBusiness(businessId);
    if (!idempotencyKey) {
      return errorAnswer(400, 'validation_failed', 'The Idempotency-Key header is required', {
        idempotencyKey: 'required',
      });
    }
    const fingerprint = JSON.stringify([businessId, input]);
    const previous = this.idempotency.get(idempotencyKey);
    if (previous) {
      if (previous.fingerprint === fingerprint) return previous.answer;
      return errorAnswer(409, 'idempotency_conflict', 'This Idempotency-Key was used with another request');
    }

    const now = this.now();
    const result = validateReviewInput(input, now);
    if (!result.success) return errorAnswer(400, 'validation_failed', 'The review has invalid fields', result.fields);
    const data = result.data;
    if (this.unknownProduct(business, data.product)) {
      return errorAnswer(400, 'validation_failed', 'Unknown product', { product: 'unknown_product' });
    }

    let answer: StoreAnswer;
    if (data.website) {
      // The honeypot was filled: answer like a success, store nothing.
      const fake: SubmitResult = {
        id: randomId(),
        status: 'pending',
        verification: { status: 'unverified', method: null },
      };
      answer = ok(fake, 201);
    } else {
      let invitation: FixtureInvitation | undefined;
      if (data.invitationToken) {
        invitation = this.invitations.get(data.invitationToken);
        if (invitation?.business !== businessId) invitation = undefined;
        const problem = invitationProblem(
          invitation && {
            used: invitation.usedBy !== null,
            expiresAt: invitation.expiresAt,
            product: invitation.product,
          },
          data.product,
          now,
        );
        if (problem) return errorAnswer(400, 'validation_failed', problem.message, problem.fields);
      }
      const id = `${businessId}-${randomId().slice(0, 8)}`;
      const verification = invitation
        ? { status: 'verified' as const, method: 'invitation' as const }
        : { status: 'unverified' as const, method: null };
      const stored: StoredReview = {
        id,
        business: businessId,
        // The invitation decides what is reviewed: its product, or the shop itself.
        product: invitation ? invitation.product : (data.product ?? null),
        rating: data.rating,
        title: data.title,
        body: data.body,
        language: data.language,
        author: { displayName: data.authorName, country: null },
        experiencedAt: data.experiencedAt,
        createdAt: now.toISOString(),
        editedAt: null,
        verification,
        countsTowardScore: false,
        reply: null,
        helpfulCount: 0,
        url: reviewUrl(business.url, id),
        // Without an invitation its author confirms by e-mail first (double opt-in).
        status: invitation ? 'pending' : 'unconfirmed',
        email: data.email ?? null,
        orderReference: invitation ? null : (data.orderReference ?? null),
        confirmedAt: null,
      };
      this.reviews.push(stored);
      if (invitation) invitation.usedBy = id;
      const body: SubmitResult = { id, status: 'pending', verification };
      if (!invitation) {
        body.confirmation = 'email';
        this.link(id, 'confirm');
        this.link(id, 'manage');
      }
      answer = ok(body, 201);
    }
    // Only a created review is remembered: after a 400 the fixed review may reuse the key.
    this.idempotency.set(idempotencyKey, { fingerprint, answer });
    return answer;
  }

  /** The links "e-mailed" to a review's author (the mocks send no e-mail): token → what it opens. */
  readonly reviewerLinks = new Map<string, { review: string; purpose: LinkPurpose; expiresAt: Date }>();

  private link(review: string, purpose: LinkPurpose): string {
    const token = `link-${randomId()}`;
    this.reviewerLinks.set(token, {
      review,
      purpose,
      expiresAt: new Date(this.now().getTime() + LINK_DAYS[purpose] * 86_400_000),
    });
    return token;
  }

  /** The tokens of a review's links, as its confirmation e-mail carries them. */
  linksOf(review: string): Partial<Record<LinkPurpose, string>> {
    const links: Partial<Record<LinkPurpose, string>> = {};
    for (const [token, link] of this.reviewerLinks) if (link.review === review) links[link.purpose] = token;
    return links;
  }

  private linked(authorization: string | null, purpose: LinkPurpose): StoredReview | StoreAnswer {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return errorAnswer(401, 'unauthorized', "The link's token is required: Authorization: Bearer <token>");
    const link = this.reviewerLinks.get(token);
    const review =
      link && link.purpose === purpose && link.expiresAt > this.now()
        ? this.reviews.find((r) => r.id === link.review)
        : undefined;
    return (
      review ??
      errorAnswer(404, 'not_found', 'This link does not work: it expired, its review is gone, or it is mistyped')
    );
  }

  private own(review: StoredReview, authorization: string | null): ReviewerReview {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const business = this.businesses.get(review.business)!;
    return {
      id: review.id,
      business: { id: business.id, name: business.name },
      product: review.product
        ? { id: review.product, name: business.products.find((p) => p.id === review.product)?.name ?? review.product }
        : null,
      status: review.status,
      rating: review.rating,
      title: review.title,
      body: review.body,
      language: review.language,
      authorName: review.author.displayName,
      email: review.email,
      orderReference: review.orderReference ?? null,
      experiencedAt: review.experiencedAt,
      createdAt: review.createdAt,
      confirmedAt: review.confirmedAt ?? null,
      editedAt: review.editedAt,
      verification: review.verification,
      moderation: null,
      reply: review.reply,
      helpfulCount: review.helpfulCount,
      reports: this.reports.filter((r) => r.review === review.id).length,
      url: review.url,
      linkExpiresAt: (this.reviewerLinks.get(token)?.expiresAt ?? this.now()).toISOString(),
    };
  }

  /** The author confirms a spontaneous review (`POST /v1/reviewer/confirm`). The mocks know no orders: it stays unverified. */
  confirm(authorization: string | null): StoreAnswer {
    const review = this.linked(authorization, 'confirm');
    if ('status' in review && typeof review.status === 'number') return review as StoreAnswer;
    const stored = review as StoredReview;
    if (stored.status === 'unconfirmed') {
      stored.status = 'pending';
      stored.confirmedAt = this.now().toISOString();
    }
    return ok({ id: stored.id, status: stored.status, verification: stored.verification });
  }

  /** Everything stored about a review, for its author (`GET /v1/reviewer/review`). */
  ownReview(authorization: string | null): StoreAnswer {
    const review = this.linked(authorization, 'manage');
    if (typeof review.status === 'number') return review as StoreAnswer;
    return ok(this.own(review as StoredReview, authorization));
  }

  /** The author's edit: moderated again, then "edited" (`PATCH /v1/reviewer/review`). */
  editOwn(authorization: string | null, input: unknown): StoreAnswer {
    const review = this.linked(authorization, 'manage');
    if (typeof review.status === 'number') return review as StoreAnswer;
    const stored = review as StoredReview;
    const parsed = validateInput(reviewerEditSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'The edit has invalid fields', parsed.fields);
    const edit = parsed.data;
    const next = {
      rating: edit.rating ?? stored.rating,
      title: edit.title === undefined ? stored.title : edit.title || null,
      body: edit.body ?? stored.body,
    };
    if (next.rating !== stored.rating || next.title !== stored.title || next.body !== stored.body) {
      Object.assign(stored, next);
      if (stored.status !== 'unconfirmed') {
        stored.status = 'pending';
        stored.editedAt = this.now().toISOString();
      }
    }
    return ok(this.own(stored, authorization));
  }

  /** The author withdraws the review: gone, with everything of it (`DELETE /v1/reviewer/review`). */
  withdrawOwn(authorization: string | null): StoreAnswer {
    const review = this.linked(authorization, 'manage');
    if (typeof review.status === 'number') return review as StoreAnswer;
    const stored = review as StoredReview;
    this.reviews.splice(this.reviews.indexOf(stored), 1);
    for (const [token, link] of this.reviewerLinks) if (link.review === stored.id) this.reviewerLinks.delete(token);
    return { status: 204 };
  }

  /** A new invitation token of a business, as its back office would make one after an order (R8). */
  invite(business: string, options: { product?: string | null; createdAt?: Date } = {}): string {
    const token = `invite-${randomId()}`;
    this.invitations.set(token, {
      token,
      business,
      product: options.product ?? null,
      orderRef: `order-${token}`,
      usedBy: null,
      expiresAt: invitationExpiry(options.createdAt ?? this.now()).toISOString(),
    });
    return token;
  }

  /** Publishes a pending review, as a moderator would. */
  approve(id: string): void {
    const review = this.reviews.find((r) => r.id === id);
    if (review) review.status = 'published';
  }

  /**
   * Whether a browser page of `origin` may post: the API's own origin, the page the mocks run in,
   * or one of the businesses' sites, as the server allows by default.
   */
  allowsOrigin(origin: string, requestUrl: string): boolean {
    if (origin === new URL(requestUrl).origin) return true;
    if (origin === (globalThis as { location?: { origin?: string } }).location?.origin) return true;
    return originsOf([...this.businesses.values()].map((b) => b.url)).has(origin);
  }

  /** A helpful vote, once per client: a repeat answers the count as it is. */
  helpful(id: string): StoreAnswer {
    const review = this.reviews.find((r) => r.id === id && r.status === 'published');
    if (!review) return errorAnswer(404, 'not_found', `No review "${id}"`);
    if (!this.voted.has(id)) {
      this.voted.add(id);
      review.helpfulCount += 1;
    }
    return ok({ helpfulCount: review.helpfulCount });
  }

  /** A report (R10): "not genuine" only for reviews at most 12 months old. */
  report(id: string, input: unknown): StoreAnswer {
    const review = this.reviews.find((r) => r.id === id && r.status === 'published');
    if (!review) return errorAnswer(404, 'not_found', `No review "${id}"`);
    const parsed = validateInput(reportInputSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'Invalid report', parsed.fields);
    if (parsed.data.reason === 'not_genuine' && !canReportNotGenuine(review.createdAt, this.now())) {
      return errorAnswer(
        422,
        'report_window_closed',
        'A review can be reported as not based on a genuine experience only within 12 months',
      );
    }
    // Once per client and review: a repeat is accepted and stores nothing.
    if (!this.reported.has(id)) {
      this.reported.add(id);
      this.reports.push({ review: id, reason: parsed.data.reason, note: parsed.data.note ?? null });
    }
    return { status: 202 };
  }
}
