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
import { contractSuite } from './suite.js';
import { liveInvitation } from './live.js';

const live = process.env.CONTRACT_BASE_URL;

if (live) {
  contractSuite({
    baseUrl: live,
    business: process.env.CONTRACT_BUSINESS ?? DEMO_BUSINESS,
    product: process.env.CONTRACT_PRODUCT ?? DEMO_PRODUCTS.espresso,
    emptyBusiness: process.env.CONTRACT_EMPTY_BUSINESS ?? EMPTY_BUSINESS,
    invitation: () => liveInvitation(live, process.env.CONTRACT_BUSINESS ?? DEMO_BUSINESS),
  });
} else {
  const store = new MockStore();
  const server = setupServer(...createHandlers({ store }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  const unused = [...store.invitations.values()].filter((i) => i.business === DEMO_BUSINESS && !i.product);
  contractSuite({
    baseUrl: 'http://mocks.contract.test',
    business: DEMO_BUSINESS,
    product: DEMO_PRODUCTS.espresso,
    emptyBusiness: EMPTY_BUSINESS,
    invitation: async () => {
      const next = unused.shift();
      if (!next) throw new Error('no unused invitation left in the fixtures');
      return next.token;
    },
  });
}
