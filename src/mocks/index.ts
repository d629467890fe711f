/** `verity-reviews/mocks`: MSW handlers of contract v1 over deterministic fixtures. */
export { createHandlers, handlers, apiError } from './handlers.js';
export type { HandlerOptions } from './handlers.js';
export { MockStore } from './store.js';
export type { StoreAnswer } from './store.js';
export {
  createFixtures,
  DEMO_BUSINESS,
  DEMO_INVITATIONS,
  DEMO_PRODUCTS,
  EMPTY_BUSINESS,
  LARGE_BUSINESS,
  UNSCORED_BUSINESS,
} from './fixtures.js';
export type { FixtureBusiness, FixtureData, FixtureInvitation, FixtureOptions, StoredReview } from './fixtures.js';
export {
  slow,
  serverError,
  malformedJson,
  wrongShape,
  offline,
  rateLimited,
  empty,
  scenarioHandlers,
  SCENARIOS,
} from './scenarios.js';
export type { Scenario } from './scenarios.js';
export {
  createAdminHandlers,
  createDashboardHandlers,
  dashboardScenarioHandlers,
  DASHBOARD_SCENARIOS,
} from './admin-handlers.js';
export type { AdminHandlerOptions, DashboardScenario } from './admin-handlers.js';
export {
  AdminMockStore,
  DEMO_MEMBER_EMAIL,
  DEMO_MODERATOR_EMAIL,
  DEMO_SIGN_IN_TOKEN,
  parseCsv,
} from './admin-store.js';
export type { AdminStoreOptions } from './admin-store.js';
