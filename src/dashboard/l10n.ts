/**
 * The dashboard's languages: the same four as the widgets, its own texts (`translations/`), and
 * the widgets' localizer beside them for what both show alike (provenance labels, stars). English
 * is built in; the others load when first chosen. The choice is remembered in `localStorage`;
 * without one, the browser's languages decide.
 */
import { BUILT_IN_LOCALES } from '../internal/localize.js';
import type { BuiltInLocale } from '../internal/localize.js';
import { Formatter, ensureTranslation, localizerFor } from '../internal/localize.js';
import type { Localizer } from '../internal/localize.js';
import { readItem, writeItem } from '../internal/storage.js';
import { useWidgetStrings } from '../internal/widget-strings.js';
import { en } from './translations/en.js';
import type { DashboardTranslation } from './translations/en.js';

export type { DashboardTranslation };
export const DASHBOARD_LOCALES = BUILT_IN_LOCALES;
export type DashboardLocale = BuiltInLocale;

const LOCALE_KEY = 'verity-dashboard-locale';

const loaded = new Map<string, DashboardTranslation>([['en', en]]);
const loaders: Record<Exclude<DashboardLocale, 'en'>, () => Promise<DashboardTranslation>> = {
  sv: () => import('./translations/sv.js').then((m) => m.sv),
  cs: () => import('./translations/cs.js').then((m) => m.cs),
  de: () => import('./translations/de.js').then((m) => m.de),
};
const loading = new Map<string, Promise<void>>();

/** One of the four languages for a BCP 47 tag, or undefined. */
export function dashboardLocale(tag: string | null | undefined): DashboardLocale | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (DASHBOARD_LOCALES as readonly string[]).includes(primary ?? '') ? (primary as DashboardLocale) : undefined;
}

/** The remembered language, else the first of the browser's languages the dashboard speaks. */
export function preferredLocale(): DashboardLocale {
  const remembered = dashboardLocale(readItem(LOCALE_KEY));
  if (remembered) return remembered;
  const languages = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const language of languages) {
    const locale = dashboardLocale(language);
    if (locale) return locale;
  }
  return 'en';
}

export function rememberLocale(locale: DashboardLocale): void {
  writeItem(LOCALE_KEY, locale);
}

/**
 * Loads a language's texts (the dashboard's and the widgets') unless they are loaded; `undefined`
 * when there is nothing to wait for.
 */
export function ensureLocale(tag: string): Promise<void> | undefined {
  const locale = dashboardLocale(tag) ?? 'en';
  const widgets = ensureTranslation(locale);
  if (locale === 'en' || loaded.has(locale)) return widgets;
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale]().then(
      (translation) => {
        loaded.set(locale, translation);
      },
      () => {
        // Offline: the dashboard stays in English rather than breaking.
        loading.delete(locale);
      },
    );
    loading.set(locale, promise);
  }
  return Promise.all([promise, widgets]).then(() => undefined);
}

export class DashboardLocalizer extends Formatter {
  readonly t: DashboardTranslation;

  constructor(locale: DashboardLocale) {
    super(loaded.has(locale) ? locale : 'en');
    this.t = loaded.get(locale) ?? en;
  }

  /** The widgets' localizer of the same language (its texts may load later than ours). */
  get widgets(): Localizer {
    useWidgetStrings();
    return localizerFor(this.locale);
  }

  /** A count in the locale's digits, through a plural text. */
  count(message: (count: number, formatted: string) => string, count: number): string {
    return message(count, this.number(count));
  }
}

const localizers = new Map<string, DashboardLocalizer>();

export function dashboardLocalizer(tag: string): DashboardLocalizer {
  const locale = dashboardLocale(tag) ?? 'en';
  const key = `${locale}:${loaded.has(locale)}`;
  let localizer = localizers.get(key);
  if (!localizer) {
    localizer = new DashboardLocalizer(locale);
    localizers.set(key, localizer);
  }
  return localizer;
}
