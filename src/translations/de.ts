import { plural } from '../internal/plural.js';
import type { Translation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('de', count, forms);

export const de: Translation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',

  starsLabel: (rating) => `Bewertet mit ${rating} von 5`,
  outOfFive: 'von 5',
  grades: {
    excellent: 'Hervorragend',
    good: 'Gut',
    fair: 'Befriedigend',
    poor: 'Mangelhaft',
    very_poor: 'Ungenügend',
  },
  verifiedReviewCount: (count, n) =>
    p(count, { one: `${n} verifizierte Bewertung`, other: `${n} verifizierte Bewertungen` }),
  reviewCount: (count, n) => p(count, { one: `${n} Bewertung`, other: `${n} Bewertungen` }),
  noReviews: 'Noch keine Bewertungen',
  noScore: 'Noch keine Gesamtbewertung',
  loading: 'Bewertungen werden geladen…',
  unavailable: 'Bewertungen sind gerade nicht verfügbar',
  invitedShare: (percent) => `${percent} der Kunden zur Bewertung eingeladen`,
  howVerified: 'So werden Bewertungen verifiziert',
  close: 'Schließen',
  disclosureScore: (count, n) =>
    p(count, {
      one: `Die Gesamtbewertung ist der Durchschnitt aus ${n} verifizierten Bewertung der letzten 12 Monate.`,
      other: `Die Gesamtbewertung ist der Durchschnitt aus ${n} verifizierten Bewertungen der letzten 12 Monate.`,
    }),
  disclosureNoScore: 'Noch keine Gesamtbewertung: keine verifizierte Bewertung aus den letzten 12 Monaten.',
  disclosureVerification:
    'Eine Bewertung ist verifiziert, wenn der Verfasser nach einem echten Kauf eingeladen wurde oder eine Bestellung nachgewiesen hat. Nicht verifizierte und importierte Bewertungen werden angezeigt, zählen aber nie zur Gesamtbewertung.',
  disclosureHonesty:
    'Jede veröffentlichte Bewertung ist lesbar, egal wie sie ausfällt. Bewertungen werden nur auf beleidigende Sprache und personenbezogene Daten geprüft, und niemand wird für eine Bewertung bezahlt oder belohnt.',
  disclosureTotals: (t) =>
    `Veröffentlicht: ${t.published} (${t.verified} verifiziert, ${t.unverified} nicht verifiziert, ${t.imported} importiert).`,
  verificationPolicy: 'Richtlinie zur Verifizierung lesen',
  readAllReviews: 'Alle Bewertungen lesen',
};
