/**
 * The contract suite of `test/contract/suite.ts`, unchanged, against the live reference server:
 * on PGlite in a temporary folder, and on PostgreSQL when DATABASE_URL is set (CI sets it).
 */
import { randomBytes } from 'node:crypto';
import { after, describe } from 'node:test';
import { INVITATION_EXPIRY_DAYS } from '../../src/rules/invitations.js';
import { createInvitation } from '../../server/db/businesses.js';
import { recordOrder } from '../../server/db/orders.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS, EMPTY_BUSINESS } from '../../src/mocks/fixtures.js';
import { liveInvitation } from '../contract/live.js';
import { contractSuite } from '../contract/suite.js';
import { ADMIN_TOKEN, BACKENDS, dispose, freshDatabase, reviewerLinks, startServer } from './helpers.js';

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
      otherProduct: DEMO_PRODUCTS.filter,
      emptyBusiness: EMPTY_BUSINESS,
      invitation: (product) => liveInvitation(server.url, DEMO_BUSINESS, product),
      // Made through the database: the admin API makes only fresh invitations.
      expiredInvitation: async () => {
        const made = new Date(Date.now() - (INVITATION_EXPIRY_DAYS + 1) * 86_400_000);
        const orderRef = `expired-${randomBytes(6).toString('hex')}`;
        await recordOrder(
          database.db,
          DEMO_BUSINESS,
          { orderRef, email: `${orderRef}@mail.example`, purchasedAt: made.toISOString() },
          made,
        );
        return (await createInvitation(database.db, DEMO_BUSINESS, orderRef, made)).token;
      },
      // The tokens as the confirmation e-mail in the outbox carries them.
      reviewerLinks: async (review) => {
        const links = await reviewerLinks(database.db, review);
        return { confirm: links.confirmToken, manage: links.manageToken };
      },
    });
  });
}
