/**
 * The contract suite of `test/contract/suite.ts`, unchanged, against the live reference server:
 * on PGlite in a temporary folder, and on PostgreSQL when DATABASE_URL is set (CI sets it).
 */
import { after, describe } from 'node:test';
import { DEMO_BUSINESS, DEMO_PRODUCTS, EMPTY_BUSINESS } from '../../src/mocks/fixtures.js';
import { liveInvitation } from '../contract/live.js';
import { contractSuite } from '../contract/suite.js';
import { ADMIN_TOKEN, BACKENDS, dispose, freshDatabase, startServer } from './helpers.js';

// liveInvitation creates invitations through the admin API with this token.
process.env.CONTRACT_ADMIN_TOKEN = ADMIN_TOKEN;

for (const { backend, skip } of BACKENDS) {
  if (skip) {
    console.log(`contract v1 on ${backend}: ${skip}`);
    describe(`contract v1 on ${backend}`, { skip }, () => {});
    continue;
  }
  const database = await freshDatabase(backend);
  // A small "big shop": the suite reads the demo business, not the large one.
  const server = await startServer(database, { seed: { largeReviewCount: 100 } });
  after(async () => {
    await server.stop();
    await dispose(database);
  });
  describe(`contract v1 on ${backend}`, () => {
    contractSuite({
      baseUrl: server.url,
      business: DEMO_BUSINESS,
      product: DEMO_PRODUCTS.espresso,
      emptyBusiness: EMPTY_BUSINESS,
      invitation: () => liveInvitation(server.url, DEMO_BUSINESS),
    });
  });
}
