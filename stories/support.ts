import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { BUILT_IN_LOCALES } from '../src/internal/localize.js';
import { THEMES } from '../src/internal/element.js';

/** The API base URL of every story; the MSW handlers answer for any origin. */
export const API = 'https://reviews.verity.example';

export const LOCALE_OPTIONS = BUILT_IN_LOCALES;
export const THEME_OPTIONS = THEMES;

/**
 * The page a widget sits on: a light or a dark shop page. A dark story gets a dark page, as a
 * shop with a dark theme would give it.
 */
export function onPage(theme: string | undefined, content: TemplateResult): TemplateResult {
  const dark = theme === 'dark';
  return html`<div
    style="padding: 16px; min-height: 120px; color-scheme: ${dark ? 'dark' : 'light'}; background: ${
      dark ? '#0d1117' : '#ffffff'
    }; color: ${dark ? '#e6edf3' : '#1f2328'}; font-family: system-ui, sans-serif;"
  >
    ${content}
  </div>`;
}
