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

/** Every file each widget needs (its whole static chunk graph), from the build. */
interface ChunkManifest {
  widgets: Record<string, string[]>;
  core: string[];
  locales: Record<string, string[]>;
}
declare const __VERITY_MANIFEST__: ChunkManifest;

interface VerityGlobal {
  version: string;
  /** The script tag's settings, which the widgets' code takes when it arrives. */
  readonly settings: VerityConfig;
  configure(config: VerityConfig): Promise<void>;
  /** Resolves when every widget on the page so far has its code. */
  ready(): Promise<void>;
}

declare global {
  interface Window {
    Verity?: VerityGlobal;
  }
}

const MANIFEST = __VERITY_MANIFEST__;
/** Tag → the files under `chunks/` its widget needs, its own entry first. */
const CHUNKS = MANIFEST.widgets;

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

  // Each file is imported once; all the files of a widget are asked for at the same moment, so
  // they arrive in one round trip instead of one per level of imports.
  const imported = new Map<string, Promise<Record<string, unknown>>>();
  const load = (files: string[]): Promise<Record<string, unknown>> => {
    const modules = files.map((file) => {
      let module = imported.get(file);
      if (!module) {
        module = import(/* @vite-ignore */ `${base}chunks/${file}`) as Promise<Record<string, unknown>>;
        imported.set(file, module);
      }
      return module;
    });
    return Promise.all(modules).then(([first]) => first!);
  };
  let core: Promise<Record<string, unknown>> | undefined;
  const loadCore = () => (core ??= load(MANIFEST.core));
  const pending = new Map<string, Promise<unknown>>();

  // The page's language, when it is not English, is fetched with the first widget's files.
  const language = (config.locale || document.documentElement.lang || navigator.language || '')
    .toLowerCase()
    .split(/[-_]/)[0]!;
  const translation = MANIFEST.locales[language] ?? [];

  const scan = (root: ParentNode): void => {
    for (const [tag, files] of Object.entries(CHUNKS)) {
      if (pending.has(tag) || !root.querySelector(tag)) continue;
      pending.set(
        tag,
        Promise.all([load(files), loadCore(), translation.length > 0 ? load(translation) : undefined]).catch(
          (error: unknown) => console.error(`[verity] could not load <${tag}>`, error),
        ),
      );
    }
  };

  window.Verity = {
    version: __VERITY_VERSION__,
    settings: config,
    configure: async (next) => {
      const module = await loadCore();
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
