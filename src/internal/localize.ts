/**
 * The widgets' own small localizer. An embeddable widget must not rely on (or clash with) a
 * page-global i18n singleton of the host page, so each element asks for a `Localizer` of its
 * resolved locale. Numbers and dates go through `Intl`.
 */
import { enShared } from '../translations/en-shared.js';
import type { Translation } from '../translations/en.js';

export type { Translation };

export const BUILT_IN_LOCALES = ['en', 'sv', 'cs', 'de'] as const;
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/**
 * English starts with the badge's strings only: the other widgets add theirs when their code
 * arrives (`addEnglish`), and only they read them.
 */
const translations = new Map<string, Translation>([['en', enShared as Translation]]);
const addedEnglish = new Set<Partial<Translation>>();

/**
 * Adds a widget's English strings (once). What a page registered for English itself is kept:
 * these only fill what is missing.
 */
export function addEnglish(strings: Partial<Translation>): void {
  if (addedEnglish.has(strings)) return;
  addedEnglish.add(strings);
  translations.set('en', { ...strings, ...translations.get('en') } as Translation);
  localizers.clear();
}
const localizers = new Map<string, Localizer>();

/**
 * The other built-in languages load on demand, so a page downloads only the one it speaks.
 * Widgets wait for it together with their data, so no English flashes first.
 */
const loaders: Record<string, () => Promise<Translation>> = {
  sv: () => import('../translations/sv.js').then((m) => m.sv),
  cs: () => import('../translations/cs.js').then((m) => m.cs),
  de: () => import('../translations/de.js').then((m) => m.de),
};
const loading = new Map<string, Promise<void>>();

function primary(locale: string): string {
  return locale.trim().toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';
}

/**
 * Loads the built-in translation of a locale if it is not loaded yet; `undefined` when there is
 * nothing to wait for (loaded already, registered by the page, or not built in).
 */
export function ensureTranslation(locale: string | null | undefined): Promise<void> | undefined {
  if (!locale || findTranslation(locale)) return undefined;
  const code = primary(locale);
  const load = loaders[code];
  if (!load) return undefined;
  let promise = loading.get(code);
  if (!promise) {
    promise = load().then(
      (translation) => {
        if (!translations.has(code)) registerTranslation(translation);
      },
      () => {
        // Offline or blocked: the widget stays in English rather than breaking.
        loading.delete(code);
      },
    );
    loading.set(code, promise);
  }
  return promise;
}

/** Adds (or replaces) translations, e.g. `registerTranslation(fr)`; elements use them at once. */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) translations.set(translation.$code.toLowerCase(), translation);
  localizers.clear();
}

/** The translation for a BCP 47 tag: an exact match, then its language, else `undefined`. */
export function findTranslation(locale: string | null | undefined): Translation | undefined {
  if (!locale) return undefined;
  const tag = locale.trim().toLowerCase().replace(/_/g, '-');
  return translations.get(tag) ?? translations.get(primary(tag));
}

/**
 * Numbers, dates and names in one locale through `Intl`, with the formatting objects kept (they
 * are costly to create). The widgets' `Localizer` and the dashboard's build on it.
 */
export class Formatter {
  /** The tag used for `Intl`. */
  readonly locale: string;
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();
  private readonly dateFormats = new Map<string, Intl.DateTimeFormat>();
  // The same options object (a constant, as in most calls) finds its format without a JSON key.
  private readonly numberByOptions = new WeakMap<object, Intl.NumberFormat>();
  private readonly dateByOptions = new WeakMap<object, Intl.DateTimeFormat>();
  private relativeFormat?: Intl.RelativeTimeFormat;
  private readonly displayNames = new Map<string, Intl.DisplayNames | null>();
  private readonly names = new Map<string, string>();

  constructor(locale: string) {
    this.locale = locale;
  }

  number(value: number, options: Intl.NumberFormatOptions = NO_OPTIONS): string {
    let format = this.numberByOptions.get(options);
    if (!format) {
      const key = JSON.stringify(options);
      format = this.numberFormats.get(key) ?? new Intl.NumberFormat(this.locale, options);
      this.numberFormats.set(key, format);
      this.numberByOptions.set(options, format);
    }
    return format.format(value);
  }

  /** An average rating: "4.62", "4,62", "4.5", "5.0". */
  average(value: number): string {
    return this.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  }

  /** A share 0..1 as a whole percentage: "87%", "87 %". */
  percent(value: number): string {
    return this.number(value, { style: 'percent', maximumFractionDigits: 0 });
  }

  date(value: Date | string, options: Intl.DateTimeFormatOptions = MEDIUM_DATE): string {
    let format = this.dateByOptions.get(options);
    if (!format) {
      const key = JSON.stringify(options);
      format = this.dateFormats.get(key) ?? new Intl.DateTimeFormat(this.locale, options);
      this.dateFormats.set(key, format);
      this.dateByOptions.set(options, format);
    }
    return format.format(typeof value === 'string' ? new Date(value) : value);
  }

  /** "3 weeks ago", "yesterday", "in 30 seconds", "now". */
  relative(value: Date | string, now: Date = new Date()): string {
    const seconds = ((typeof value === 'string' ? Date.parse(value) : value.getTime()) - now.getTime()) / 1000;
    this.relativeFormat ??= new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_UNITS) {
      if (Math.abs(seconds) >= size) return this.relativeFormat.format(Math.round(seconds / size), unit);
    }
    return this.relativeFormat.format(0, 'second');
  }

  /** The name of a region ("SE" → "Sweden") or a language ("sv" → "Swedish"); the code when unknown. */
  displayName(type: 'region' | 'language', code: string): string {
    const key = `${type}:${code}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.lookUpName(type, code);
      this.names.set(key, name);
    }
    return name;
  }

  private lookUpName(type: 'region' | 'language', code: string): string {
    let names = this.displayNames.get(type);
    if (names === undefined) {
      try {
        names = new Intl.DisplayNames(this.locale, { type });
      } catch {
        names = null;
      }
      this.displayNames.set(type, names);
    }
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** "4, 5 and 6" in the locale's words. */
  list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }
}

const NO_OPTIONS: Intl.NumberFormatOptions = {};
const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

export class Localizer extends Formatter {
  readonly t: Translation;
  readonly dir: 'ltr' | 'rtl';

  constructor(requested: string) {
    const translation = findTranslation(requested);
    const t = translation ?? translations.get('en')!;
    // The requested tag when it has a translation (so `de-AT` formats as Austrian), else the translation's.
    super(translation && isValidTag(requested) ? requested : t.$code);
    this.t = t;
    this.dir = t.$dir;
  }
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A shared localizer for a locale (cached: formatting objects are costly to create). */
export function localizerFor(locale: string): Localizer {
  let localizer = localizers.get(locale);
  if (!localizer) {
    localizer = new Localizer(locale);
    localizers.set(locale, localizer);
  }
  return localizer;
}
