/**
 * The script-tag entry for shop owners:
 *
 *   <script src="…/verity.js" data-api="https://reviews.example.com" data-business="my-shop" defer></script>
 *
 * reads its `data-*` configuration and registers the tags. Loading it twice is harmless.
 */
import { configure } from './internal/config.js';
import type { VerityConfig } from './internal/config.js';
import './define.js';

function readScriptConfig(): VerityConfig {
  const script = document.currentScript as HTMLScriptElement | null;
  const source = script ?? document.querySelector<HTMLScriptElement>('script[data-business], script[data-api]');
  if (!source) return {};
  const { api, business, product, locale } = source.dataset;
  const config: VerityConfig = {};
  if (api) config.api = api;
  if (business) config.business = business;
  if (product) config.product = product;
  if (locale) config.locale = locale;
  return config;
}

configure(readScriptConfig());
