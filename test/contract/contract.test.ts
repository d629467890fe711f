/**
 * Runs the contract suite against the MSW handlers in Node (`msw/node`), or, with
 * CONTRACT_BASE_URL set, unchanged against a live server. For a live server the suite needs an
 * invitation token: CONTRACT_ADMIN_TOKEN lets it create one through the admin API.
 */
import { after, before } from 'node:test';
import { setupServer } from 'msw/node';
import { createHandlers } from '../../src/mocks/handlers.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS, EMPTY_BUSINESS } from '../../src/mocks/fixtures.js';
import { MockStore } from '../../src/mocks/store.js';
import { INVITATION_EXPIRY_DAYS } from '../../src/rules/invitations.js';
import { contractSuite } from './suite.js';
import { liveInvitation } from './live.js';

const live = process.env.CONTRACT_BASE_URL;

if (live) {
  contractSuite({
    baseUrl: live,
    business: process.env.CONTRACT_BUSINESS ?? DEMO_BUSINESS,
    product: process.env.CONTRACT_PRODUCT ?? DEMO_PRODUCTS.espresso,
    otherProduct: process.env.CONTRACT_OTHER_PRODUCT ?? DEMO_PRODUCTS.filter,
    emptyBusiness: process.env.CONTRACT_EMPTY_BUSINESS ?? EMPTY_BUSINESS,
    invitation: (product) => liveInvitation(live, process.env.CONTRACT_BUSINESS ?? DEMO_BUSINESS, product),
  });
} else {
  const store = new MockStore();
  const server = setupServer(...createHandlers({ store }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  contractSuite({
    baseUrl: 'http://mocks.contract.test',
    business: DEMO_BUSINESS,
    product: DEMO_PRODUCTS.espresso,
    otherProduct: DEMO_PRODUCTS.filter,
    emptyBusiness: EMPTY_BUSINESS,
    invitation: async (product) => store.invite(DEMO_BUSINESS, { product }),
    expiredInvitation: async () =>
      store.invite(DEMO_BUSINESS, { createdAt: new Date(Date.now() - (INVITATION_EXPIRY_DAYS + 1) * 86_400_000) }),
    reviewerLinks: async (review) => {
      const links = store.linksOf(review);
      return { confirm: links.confirm!, manage: links.manage! };
    },
  });
}
