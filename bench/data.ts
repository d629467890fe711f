// Data the server benchmarks share: reviews as a real shop collects them.
import type { ReviewRecord } from '../server/db/writes.js';
import { seededRandom } from '../src/mocks/random.js';

export const DAY = 24 * 60 * 60 * 1000;

/** Reviews spread over 30 months: every provenance, every rating, some outside the 12-month window. */
export function benchReviews(business: string, count: number, now: Date): ReviewRecord[] {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const status = roll < 0.7 ? 'verified' : roll < 0.9 ? 'unverified' : 'imported';
    const createdAt = new Date(now.getTime() - Math.floor(random() * 900 * DAY) - Math.floor(random() * DAY));
    return {
      id: `${business}-${String(i).padStart(6, '0')}`,
      business,
      product: null,
      rating: 1 + Math.floor(random() ** 0.5 * 5),
      title: random() < 0.7 ? `Review number ${i}` : null,
      body: 'Fresh beans, fast delivery and friendly service. I would order again from this shop.',
      language: ['en', 'sv', 'de', 'cs'][i % 4]!,
      authorName: `Customer ${i}`,
      country: null,
      email: `customer${i}@mail.example`,
      experiencedAt: createdAt.toISOString().slice(0, 10),
      createdAt,
      status: 'published',
      verification: { status, method: status === 'verified' ? 'invitation' : null },
      helpfulCount: Math.floor(random() ** 3 * 40),
    };
  });
}
