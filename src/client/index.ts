/** `verity-reviews/client`: the typed API client on its own, with no elements. */
export { createClient, apiUrl, DEFAULT_TIMEOUT_MS } from './client.js';
export type { ClientOptions, RequestOptions, SummaryParams, VerityClient } from './client.js';
export { VerityApiError, isVerityApiError, CLIENT_ERROR_CODES } from './errors.js';
export type { ClientErrorCode } from './errors.js';
export * from './schemas.js';
