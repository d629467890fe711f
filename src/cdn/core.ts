/**
 * The first chunk the script-tag loader imports: the page-wide configuration and the localizer
 * registry that every widget chunk shares. It registers no element.
 */
export { configure, getConfig } from '../internal/config.js';
export { registerTranslation } from '../internal/localize.js';
export { VERSION } from '../internal/version.js';
