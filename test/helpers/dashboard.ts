/** Dashboard screens in a test: mounted over the dashboard's mocks, and what the API received. */
import { fixture } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import type { MemberRole } from '../../src/contract/dashboard.js';
import { createDashboardApi } from '../../src/dashboard/api.js';
import type { DashboardScreen } from '../../src/dashboard/screen.js';
import { createDashboardHandlers } from '../../src/mocks/admin-handlers.js';
import { AdminMockStore } from '../../src/mocks/admin-store.js';
import { DEMO_BUSINESS } from '../../src/mocks/fixtures.js';
import { until } from './events.js';
import { useMocks } from './msw.js';

export interface MountOptions {
  store?: AdminMockStore;
  /** Handlers instead of the dashboard's mocks over `store`. */
  handlers?: RequestHandler[];
  business?: string;
  role?: MemberRole;
  locale?: string;
  /** Wraps the screen in a dark page, as the dashboard in its dark theme. */
  dark?: boolean;
  /** More properties to set before the screen connects. */
  props?: Record<string, unknown>;
}

export interface Mounted<T> {
  el: T;
  worker: SetupWorker;
  store: AdminMockStore;
}

/** A screen over the mocks, once it has loaded (nothing busy any more). */
export async function mountScreen<T extends DashboardScreen>(
  tag: string,
  options: MountOptions = {},
): Promise<Mounted<T>> {
  const store = options.store ?? new AdminMockStore();
  const worker = await useMocks(...(options.handlers ?? createDashboardHandlers({ store })));
  const el = document.createElement(tag) as T;
  el.business = options.business ?? DEMO_BUSINESS;
  el.memberRole = options.role ?? 'owner';
  el.locale = options.locale ?? 'en';
  // A client of its own, so no test shares anything with another.
  el.api = createDashboardApi({ baseUrl: location.origin });
  Object.assign(el, options.props ?? {});
  const page = await fixture<HTMLElement>(
    options.dark ? html(`color-scheme: dark; background: #010409; color: #e6edf3`) : html(''),
  );
  page.append(el);
  await settled(el);
  return { el, worker, store };
}

function html(style: string): HTMLElement {
  const div = document.createElement('div');
  if (style) div.setAttribute('style', style);
  return div;
}

/** Waits until a screen shows nothing loading. */
export async function settled(el: DashboardScreen): Promise<void> {
  await el.updateComplete;
  await until(() => !el.shadowRoot?.querySelector('[aria-busy="true"]'), `<${el.localName}> is still loading`);
  await el.updateComplete;
}

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];

export interface SentRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  contentType: string | null;
}

/** Records what the page sends to the API (method, path, query, body) while it runs. */
export function recordApi(worker: SetupWorker): { sent: SentRequest[]; stop: () => void } {
  const sent: SentRequest[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (!url.pathname.includes('/v1/')) return;
    const entry: SentRequest = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      body: undefined,
      contentType: request.headers.get('content-type'),
    };
    sent.push(entry);
    if (request.method !== 'GET') {
      void request
        .clone()
        .text()
        .then((text) => {
          try {
            entry.body = text ? JSON.parse(text) : undefined;
          } catch {
            entry.body = text;
          }
        });
    }
  };
  worker.events.on('request:start', listener);
  return { sent, stop: () => worker.events.removeListener('request:start', listener) };
}

/** Pretends the browser went offline (or back online), as the `online`/`offline` events say. */
export function setOnline(online: boolean): void {
  if (online) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
