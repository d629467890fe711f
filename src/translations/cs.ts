import { plural } from '../internal/plural.js';
import type { Translation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('cs', count, forms);

export const cs: Translation = {
  $code: 'cs',
  $name: 'Čeština',
  $dir: 'ltr',

  starsLabel: (rating) => `Hodnocení ${rating} z 5`,
  outOfFive: 'z 5',
  grades: {
    excellent: 'Vynikající',
    good: 'Dobré',
    fair: 'Průměrné',
    poor: 'Špatné',
    very_poor: 'Velmi špatné',
  },
  // Czech has three forms for whole numbers (1 · 2–4 · 0 and 5+) and one for fractions.
  verifiedReviewCount: (count, n) =>
    p(count, {
      one: `${n} ověřená recenze`,
      few: `${n} ověřené recenze`,
      many: `${n} ověřené recenze`,
      other: `${n} ověřených recenzí`,
    }),
  reviewCount: (count, n) =>
    p(count, { one: `${n} recenze`, few: `${n} recenze`, many: `${n} recenze`, other: `${n} recenzí` }),
  noReviews: 'Zatím žádné recenze',
  noScore: 'Zatím bez hodnocení',
  loading: 'Načítání recenzí…',
  unavailable: 'Recenze nejsou momentálně k dispozici',
  invitedShare: (percent) => `Podíl oslovených zákazníků: ${percent}`,
  howVerified: 'Jak ověřujeme recenze',
  close: 'Zavřít',
  disclosureScore: (count, n) =>
    p(count, {
      one: `Hodnocení je průměrem ${n} ověřené recenze z posledních 12 měsíců.`,
      other: `Hodnocení je průměrem ${n} ověřených recenzí z posledních 12 měsíců.`,
    }),
  disclosureNoScore: 'Hodnocení zatím není: za posledních 12 měsíců není žádná ověřená recenze.',
  disclosureVerification:
    'Recenze je ověřená, když byl recenzent pozván po skutečném nákupu nebo doložil objednávku. Neověřené a importované recenze se zobrazují, ale do hodnocení se nikdy nezapočítávají.',
  disclosureHonesty:
    'Každou zveřejněnou recenzi si můžete přečíst bez ohledu na její hodnocení. Recenze kontrolujeme jen kvůli urážlivým výrazům a osobním údajům a nikdo za recenzi nedostává zaplaceno ani odměnu.',
  disclosureTotals: (t) =>
    `Zveřejněno: ${t.published} (ověřené ${t.verified}, neověřené ${t.unverified}, importované ${t.imported}).`,
  verificationPolicy: 'Přečtěte si zásady ověřování',
  readAllReviews: 'Přečíst všechny recenze',
};
