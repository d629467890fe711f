import { expect } from '@open-wc/testing';
import { computeScore, countsTowardScore, gradeFor, roundHalfUp, scoreWindowStart, subtractMonths } from './score.js';
import type { ScoredReview } from './score.js';

const NOW = new Date('2026-11-21T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const review = (
  rating: number,
  status: ScoredReview['verification']['status'] = 'verified',
  createdAt = daysAgo(10),
): ScoredReview => ({
  rating,
  createdAt,
  verification: { status },
});
/** `n` verified reviews whose ratings sum to `sum` (as evenly as possible). */
function reviewsWithSum(n: number, sum: number): ScoredReview[] {
  const base = Math.floor(sum / n);
  const extra = sum - base * n;
  return Array.from({ length: n }, (_, i) => review(base + (i < extra ? 1 : 0)));
}

describe('R2: the score', () => {
  it('rounds a mean of exactly 4.495 half-up to 4.50, graded excellent', () => {
    const score = computeScore(reviewsWithSum(200, 899), NOW);
    expect(score.count).to.equal(200);
    expect(score.average).to.equal(4.5);
    expect(score.grade).to.equal('excellent');
  });

  it('keeps a mean of 4.494 at 4.49, graded good', () => {
    const score = computeScore(reviewsWithSum(500, 2247), NOW);
    expect(score.average).to.equal(4.49);
    expect(score.grade).to.equal('good');
  });

  it('rounds the number 4.495 itself half-up despite its binary representation', () => {
    expect(1.005 * 100).to.be.below(100.5);
    expect(roundHalfUp(4.495)).to.equal(4.5);
    expect(roundHalfUp(4.494)).to.equal(4.49);
    expect(roundHalfUp(1.005)).to.equal(1.01);
    expect(roundHalfUp(2.675)).to.equal(2.68);
  });

  it('gives no score and no grade when only imported and unverified reviews exist', () => {
    const score = computeScore([review(5, 'imported'), review(4, 'unverified'), review(1, 'imported')], NOW);
    expect(score).to.deep.equal({
      average: null,
      grade: null,
      count: 0,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    });
  });

  it('gives no score for no reviews at all', () => {
    expect(computeScore([], NOW).average).to.equal(null);
  });

  it('does not count a verified review created 13 months ago', () => {
    const old = review(1, 'verified', subtractMonths(NOW, 13).toISOString());
    expect(countsTowardScore(old, NOW)).to.equal(false);
    const score = computeScore([review(5), review(4), old], NOW);
    expect(score.count).to.equal(2);
    expect(score.average).to.equal(4.5);
    expect(score.distribution['1']).to.equal(0);
  });

  it('counts a review made exactly at the window start and one made 11 months ago', () => {
    expect(countsTowardScore(review(3, 'verified', scoreWindowStart(NOW).toISOString()), NOW)).to.equal(true);
    expect(countsTowardScore(review(3, 'verified', subtractMonths(NOW, 11).toISOString()), NOW)).to.equal(true);
    expect(
      countsTowardScore(review(3, 'verified', new Date(scoreWindowStart(NOW).getTime() - 1).toISOString()), NOW),
    ).to.equal(false);
  });

  it('does not count a review dated in the future', () => {
    expect(countsTowardScore(review(5, 'verified', daysAgo(-2)), NOW)).to.equal(false);
  });

  it('uses calendar months, clamping the day of month', () => {
    expect(subtractMonths(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).to.equal('2026-02-28T00:00:00.000Z');
    expect(subtractMonths(new Date('2024-03-31T00:00:00Z'), 1).toISOString()).to.equal('2024-02-29T00:00:00.000Z');
    expect(scoreWindowStart(NOW).toISOString()).to.equal('2025-11-21T12:00:00.000Z');
  });

  it('is the simple mean with a distribution of the counted ratings', () => {
    const score = computeScore([review(5), review(5), review(4), review(2), review(1, 'unverified')], NOW);
    expect(score.average).to.equal(4);
    expect(score.distribution).to.deep.equal({ '1': 0, '2': 1, '3': 0, '4': 1, '5': 2 });
  });

  it('grades at the thresholds', () => {
    const cases: [number, string][] = [
      [5, 'excellent'],
      [4.5, 'excellent'],
      [4.49, 'good'],
      [3.5, 'good'],
      [3.49, 'fair'],
      [2.5, 'fair'],
      [2.49, 'poor'],
      [1.5, 'poor'],
      [1.49, 'very_poor'],
      [1, 'very_poor'],
    ];
    for (const [average, grade] of cases) expect(gradeFor(average), String(average)).to.equal(grade);
    expect(gradeFor(null)).to.equal(null);
  });
});
