/**
 * The core of the script-tag bundle: the page-wide configuration and the localizer registry that
 * every widget chunk shares. It registers no element. Every widget's CDN entry imports it before
 * the widget itself, so the loader's settings (its `data-*` attributes, which it leaves on
 * `window.Verity`) are in effect before any widget renders, however the chunks arrive.
 */
import { configure } from '../internal/config.js';
import type { VerityConfig } from '../internal/config.js';

export { configure, getConfig } from '../internal/config.js';
export { registerTranslation } from '../internal/localize.js';
export { VERSION } from '../internal/version.js';

const loader = (globalThis as { Verity?: { settings?: VerityConfig } }).Verity;
if (loader?.settings) configure(loader.settings);
