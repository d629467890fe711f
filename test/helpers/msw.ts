/** One MSW worker for a browser test file; each test swaps in the handlers it needs. */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

let worker: SetupWorker | undefined;
let starting: Promise<unknown> | undefined;

/** Starts the worker once and replaces its handlers with these. */
export async function useMocks(...handlers: RequestHandler[]): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker();
    starting = worker.start({
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'error',
    });
  }
  await starting;
  worker.resetHandlers(...handlers);
  return worker;
}

/** Records every request the page sends to the API while it runs. */
export function recordRequests(target: SetupWorker): { urls: string[]; stop: () => void } {
  const urls: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.includes('/v1/')) urls.push(request.url);
  };
  target.events.on('request:start', listener);
  return { urls, stop: () => target.events.removeListener('request:start', listener) };
}

let apiCounter = 0;
/** A fresh API base URL, so no test shares a client (or its cache) with another. */
export function freshApi(): string {
  apiCounter += 1;
  return `${location.origin}/api-${Date.now().toString(36)}-${apiCounter}`;
}

/** Holds a handler's answers until the test lets them go: a busy state lasts as long as needed. */
export function gate(): { wait: () => Promise<void>; open: () => void; close: () => void } {
  let release = () => {};
  let promise = Promise.resolve();
  const close = () => {
    promise = new Promise<void>((resolve) => (release = resolve));
  };
  close();
  return { wait: () => promise, open: () => release(), close };
}
