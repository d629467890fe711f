/**
 * Scenarios for stories and tests. Each returns handlers that take precedence over the normal
 * ones (list them first, or pass them to `worker.use(...)`).
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { apiError, createHandlers } from './handlers.js';
import { MockStore } from './store.js';

const ANY_API = '*/v1/*';

/** Every answer arrives after `ms` milliseconds (`Infinity`: never). */
export function slow(ms = 2000, handlers: HttpHandler[] = createHandlers()): HttpHandler[] {
  return [
    http.all(ANY_API, async () => {
      await delay(ms === Infinity ? 'infinite' : ms);
      return undefined;
    }),
    ...handlers,
  ];
}

/** Every request fails with HTTP 500 and the contract's error body. */
export function serverError(): HttpHandler[] {
  return [http.all(ANY_API, () => apiError(500, 'internal', 'The review service had an internal error'))];
}

/** Every answer is 200 with a body that is not JSON. */
export function malformedJson(): HttpHandler[] {
  return [
    http.all(
      ANY_API,
      () =>
        new HttpResponse('{"business": {"id": "nordlys", "name": ', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  ];
}

/** Every answer is valid JSON of the wrong shape. */
export function wrongShape(): HttpHandler[] {
  return [http.all(ANY_API, () => HttpResponse.json({ rating: { average: 'five' }, items: 'none' }))];
}

/** Every request fails as if the network were down. */
export function offline(): HttpHandler[] {
  return [http.all(ANY_API, () => HttpResponse.error())];
}

/** Every request is refused with 429 and `Retry-After`. */
export function rateLimited(retryAfterSeconds = 30): HttpHandler[] {
  return [
    http.all(ANY_API, () =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'Too many requests' } },
        { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
      ),
    ),
  ];
}

/** Every business exists, with no reviews at all. */
export function empty(): HttpHandler[] {
  return createHandlers({ store: new MockStore({ empty: true }) });
}

export const SCENARIOS = [
  'normal',
  'empty',
  'slow',
  'server-error',
  'malformed-json',
  'wrong-shape',
  'offline',
  'rate-limited',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Handlers for a named scenario, for Storybook controls and the demo's `?scenario=`. */
export function scenarioHandlers(scenario: Scenario, delayMs = 2000): HttpHandler[] {
  switch (scenario) {
    case 'empty':
      return empty();
    case 'slow':
      return slow(delayMs);
    case 'server-error':
      return serverError();
    case 'malformed-json':
      return malformedJson();
    case 'wrong-shape':
      return wrongShape();
    case 'offline':
      return offline();
    case 'rate-limited':
      return rateLimited();
    default:
      return createHandlers();
  }
}
