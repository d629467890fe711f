/** `verity-reviews/client`: the typed API client on its own, with no elements. */
export { createClient, apiUrl, randomId, DEFAULT_TIMEOUT_MS, DEFAULT_CACHE_TTL_MS, DEFAULT_RETRY } from './client.js';
export type {
  ClientOptions,
  ListParams,
  Prefetched,
  RequestOptions,
  RetryOptions,
  SubmitOptions,
  SummaryParams,
  VerityClient,
} from './client.js';
export { VerityApiError, isVerityApiError, CLIENT_ERROR_CODES } from './errors.js';
export type { ClientErrorCode } from './errors.js';
export { validateReviewInput, FIELD_PROBLEMS, SERVER_FIELD_PROBLEMS } from './validate.js';
export { parseListQuery } from './list-query.js';
export type { ListQueryOptions, ParsedListQuery } from './list-query.js';
export type { FieldErrors, FieldProblem, ReviewInputResult } from './validate.js';
export * from './schemas.js';
