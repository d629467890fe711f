/**
 * The mocks' in-memory store over the fixtures. Summaries are computed with the same R2
 * function as the reference server, so Storybook never shows a number production would not.
 */
import type { Review, Summary } from '../client/schemas.js';
import { computeScore, countsTowardScore, SCORE_WINDOW_MONTHS } from '../rules/score.js';
import { createFixtures } from './fixtures.js';
import type { FixtureBusiness, FixtureOptions, StoredReview } from './fixtures.js';

export class MockStore {
  readonly businesses = new Map<string, FixtureBusiness>();
  readonly reviews: StoredReview[];
  private readonly clock: () => Date;

  constructor(options: FixtureOptions & { clock?: () => Date } = {}) {
    const now = options.now ?? new Date();
    this.clock = options.clock ?? (() => new Date());
    const data = createFixtures({ ...options, now });
    for (const business of data.businesses) this.businesses.set(business.id, business);
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
      verificationPolicyUrl: business.verificationPolicyUrl,
      updatedAt: new Date(latest || now.getTime()).toISOString(),
    };
  }
}
