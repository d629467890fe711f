/**
 * The dashboard's routes as real URLs under `/dashboard/`: `/dashboard/inbox`,
 * `/dashboard/reviews/:id`, … The business is the `?business=` query parameter, so a link names
 * the business it is about and survives a reload. Parsing and building URLs are pure functions;
 * the shell owns the History API.
 */
export const BASE = '/dashboard/';

/** The screens, in the order of the navigation. */
export const NAV_ROUTES = [
  'inbox',
  'reviews',
  'reports',
  'invitations',
  'outbox',
  'widgets',
  'insights',
  'settings',
  'account',
] as const;

export const ROUTES = [...NAV_ROUTES, 'review', 'sign-in', 'not-found'] as const;
export type RouteName = (typeof ROUTES)[number];

export interface Route {
  name: RouteName;
  /** The review of `/dashboard/reviews/:id`. */
  id?: string | undefined;
  /** The query string, without `business` (screens keep their filters here). */
  params: URLSearchParams;
  /** `?business=`, when the URL names one. */
  business?: string | undefined;
}

/** `value` when it is one of `options` (a URL's or a select's string), else `undefined`. */
export function optionOf<T extends string>(options: readonly T[], value: string | null | undefined): T | undefined {
  return value !== null && value !== undefined && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** The route of a URL; `null` when the URL is not under the dashboard's base. */
export function parseRoute(url: URL, base = BASE): Route | null {
  const root = base.replace(/\/$/, '');
  if (url.pathname !== root && !url.pathname.startsWith(base)) return null;
  const params = new URLSearchParams(url.search);
  const business = params.get('business') || undefined;
  params.delete('business');
  const segments = url.pathname
    .slice(base.length)
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const [first, second, ...rest] = segments;
  if (!first) return { name: 'inbox', params, business };
  if (first === 'reviews' && second && rest.length === 0) return { name: 'review', id: second, params, business };
  if (
    second === undefined &&
    (ROUTES as readonly string[]).includes(first) &&
    first !== 'review' &&
    first !== 'not-found'
  ) {
    return { name: first as RouteName, params, business };
  }
  return { name: 'not-found', params, business };
}

export interface HrefOptions {
  id?: string | undefined;
  business?: string | undefined;
  params?: Record<string, string | undefined> | URLSearchParams | undefined;
}

/** The URL of a screen: `/dashboard/reviews/abc?business=nordlys`. */
export function routeHref(name: RouteName, options: HrefOptions = {}, base = BASE): string {
  const path = name === 'review' ? `reviews/${encodeURIComponent(options.id ?? '')}` : name === 'not-found' ? '' : name;
  const query = new URLSearchParams();
  if (options.business) query.set('business', options.business);
  const params =
    options.params instanceof URLSearchParams ? Object.fromEntries(options.params) : (options.params ?? {});
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

/**
 * The anchor a click should be handled by the router for, or `undefined` to let the browser
 * handle it (another origin, outside the dashboard, a new tab, a download).
 */
export function routedAnchor(event: MouseEvent, base = BASE): HTMLAnchorElement | undefined {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return undefined;
  }
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
  if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return undefined;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !parseRoute(url, base)) return undefined;
  // A link within the page (`#main`) is not a navigation.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return undefined;
  return anchor;
}

/** Where the shell keeps its URL: the browser's history, or (stories, embedding) memory. */
export interface Locator {
  readonly href: string;
  push(href: string): void;
  replace(href: string): void;
}

export const browserLocator: Locator = {
  get href() {
    return location.href;
  },
  push: (href) => history.pushState(null, '', href),
  replace: (href) => history.replaceState(null, '', href),
};

/** A URL in memory, starting at `start`: the page's own URL and history stay untouched. */
export function memoryLocator(start: string): Locator {
  let href = new URL(start, location.origin).href;
  return {
    get href() {
      return href;
    },
    push: (next) => (href = new URL(next, href).href),
    replace: (next) => (href = new URL(next, href).href),
  };
}
