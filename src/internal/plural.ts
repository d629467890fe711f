/** Plural forms of one message, keyed by the CLDR categories `Intl.PluralRules` returns. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesCache = new Map<string, Intl.PluralRules>();

/** Picks the plural form of `count` in `locale`, falling back to `other`. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}
