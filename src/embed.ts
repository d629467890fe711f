/**
 * The script-tag loader for shop owners:
 *
 *   <script src="https://cdn.example.com/verity/verity.js"
 *           data-api="https://reviews.example.com" data-business="my-shop" defer></script>
 *
 * A classic script of a few hundred bytes. It reads its own `data-*` configuration, and loads a
 * widget's code only when that widget's tag appears on the page, now or later (SPAs, CMS blocks
 * added after load). Loading it twice is harmless. It needs no `eval` and no inline script, so it
 * works under a strict Content-Security-Policy.
 *
 * `window.Verity.configure({...})` changes the configuration at any time.
 */
import type { VerityConfig } from './internal/config.js';
import RESERVED from './cdn/reserve.css?raw';

declare const __VERITY_VERSION__: string;

interface VerityGlobal {
  version: string;
  configure(config: VerityConfig): Promise<void>;
  /** Resolves when every widget on the page so far has its code. */
  ready(): Promise<void>;
}

declare global {
  interface Window {
    Verity?: VerityGlobal;
  }
}

/** Tag → chunk file under `chunks/`. */
const CHUNKS: Record<string, string> = {
  'verity-rating-badge': 'rating-badge',
  'verity-review-list': 'review-list',
  'verity-review-quote': 'review-quote',
  'verity-review-form': 'review-form',
  'verity-star-input': 'star-input',
  'verity-stars': 'stars',
  'verity-provider': 'provider',
};

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // `async` scripts and some loaders have no currentScript: find ours by its file name.
  return document.querySelector<HTMLScriptElement>(
    'script[src*="verity"][data-api], script[src*="verity"][data-business], script[src$="/verity.js"]',
  );
}

/**
 * Until a widget's code has arrived its tag is an unknown element of no size; `reserve.css` gives
 * each the size of its skeleton, so the page does not shift when the code and the data arrive.
 * Shops link it in their <head> (dist/cdn/verity.css) so it applies from the first paint; the
 * loader adopts it too, for pages that do not. A constructed style sheet, not a <style>
 * element: a strict style-src allows it.
 */
function reserveSpace(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(RESERVED);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // An old browser: the widgets still work, they may only move the page once.
  }
}

function start(): void {
  if (window.Verity) return;
  reserveSpace();
  const script = findScript();
  const base = new URL('.', script?.src ?? location.href).href;
  const { api, business, product, locale } = script?.dataset ?? {};
  const config: VerityConfig = {};
  if (api) config.api = new URL(api, location.href).href;
  if (business) config.business = business;
  if (product) config.product = product;
  if (locale) config.locale = locale;

  const load = (file: string): Promise<Record<string, unknown>> =>
    import(/* @vite-ignore */ `${base}chunks/${file}.js`) as Promise<Record<string, unknown>>;
  const core = load('core').then((module) => {
    (module.configure as (c: VerityConfig) => void)(config);
    return module;
  });
  const pending = new Map<string, Promise<unknown>>();

  const scan = (root: ParentNode): void => {
    for (const [tag, file] of Object.entries(CHUNKS)) {
      if (pending.has(tag) || !root.querySelector(tag)) continue;
      pending.set(
        tag,
        core.then(() => load(file)).catch((error: unknown) => console.error(`[verity] could not load <${tag}>`, error)),
      );
    }
  };

  window.Verity = {
    version: __VERITY_VERSION__,
    configure: async (next) => {
      const module = await core;
      (module.configure as (c: VerityConfig) => void)(next);
    },
    ready: async () => {
      await Promise.all(pending.values());
    },
  };

  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName in CHUNKS && !pending.has(node.localName)) scan(node.parentNode ?? document);
        else if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

start();
