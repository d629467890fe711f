/**
 * The page-wide configuration: what `configure({...})` or the script tag's `data-*` attributes
 * set. An element resolves each setting from its own attribute, then the nearest
 * `<verity-provider>`, then this, then the page's language, then English.
 */
import type { VerityClient } from '../client/client.js';

export interface VerityConfig {
  /** The base URL under which `/v1/…` lives, e.g. `https://reviews.example.com`. */
  api?: string | undefined;
  /** The business id. */
  business?: string | undefined;
  /** A product SKU: product reviews instead of the shop's. */
  product?: string | undefined;
  /** A BCP 47 locale, e.g. `sv-SE`. */
  locale?: string | undefined;
  /** A client to use instead of the shared one for `api` (custom fetch, headers, caching). */
  client?: VerityClient | undefined;
}

const KEYS = ['api', 'business', 'product', 'locale', 'client'] as const satisfies readonly (keyof VerityConfig)[];

let current: VerityConfig = {};
const listeners = new Set<() => void>();

/** Merges settings into the page-wide configuration; elements already on the page update. */
export function configure(config: VerityConfig): void {
  const next: VerityConfig = { ...current };
  for (const key of KEYS) {
    if (key in config) (next as Record<string, unknown>)[key] = config[key] ?? undefined;
  }
  current = next;
  notify();
}

export function getConfig(): Readonly<VerityConfig> {
  return current;
}

function notify(): void {
  for (const listener of listeners) listener();
}

let langObserver: MutationObserver | undefined;

/**
 * Calls `listener` when the page-wide configuration or the page's `<html lang>` changes (SPAs
 * switch languages that way). Returns the unsubscribe function.
 */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!langObserver && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    langObserver = new MutationObserver(notify);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  };
}

/** The page's language: `<html lang>`, then the browser's, then English. */
export function pageLocale(): string {
  const lang = typeof document !== 'undefined' ? document.documentElement.lang : '';
  if (lang) return lang;
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}
