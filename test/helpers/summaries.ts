import type { Summary } from '../../src/client/schemas.js';
import { gradeFor } from '../../src/rules/score.js';

/** A valid contract-v1 summary with the given overrides, for tests that need exact numbers. */
export function summaryOf(overrides: Partial<Summary> & { average?: number | null; count?: number } = {}): Summary {
  const { average = 4.62, count = 128, ...rest } = overrides;
  return {
    business: { id: 'test-shop', name: 'Test Shop', url: 'https://shop.example' },
    product: null,
    rating: {
      average,
      grade: gradeFor(average),
      count: average === null ? 0 : count,
      windowMonths: 12,
    },
    distribution: { '1': 3, '2': 2, '3': 5, '4': 20, '5': 98 },
    totals: { published: 180, verified: 140, unverified: 30, imported: 10 },
    invitedShare: 0.87,
    verificationPolicyUrl: 'https://shop.example/reviews-policy',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...rest,
  };
}
