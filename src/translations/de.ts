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
  listLabel: 'Kundenbewertungen',
  basedOn: (count, n) =>
    p(count, {
      one: `Basierend auf ${n} verifizierten Bewertung der letzten 12 Monate`,
      other: `Basierend auf ${n} verifizierten Bewertungen der letzten 12 Monate`,
    }),
  histogramLabel:
    'Sterne in verifizierten Bewertungen der letzten 12 Monate. Wählen Sie eine Sternzahl, um die Liste zu filtern.',
  histogramBar: (stars, count, n) =>
    `${p(stars, { one: `${stars} Stern`, other: `${stars} Sterne` })}: ${p(count, { one: `${n.count} Bewertung`, other: `${n.count} Bewertungen` })}, ${n.percent}`,
  sortLabel: 'Sortieren nach',
  sorts: {
    newest: 'Neueste zuerst',
    oldest: 'Älteste zuerst',
    highest: 'Beste Bewertung',
    lowest: 'Schlechteste Bewertung',
    helpful: 'Hilfreichste',
  },
  searchLabel: 'Bewertungen durchsuchen',
  verifiedOnly: 'Nur verifizierte Bewertungen',
  languageLabel: 'Sprache',
  allLanguages: 'Alle Sprachen',
  clearFilters: 'Filter zurücksetzen',
  showingRatings: (ratings) => `Angezeigt: nur Bewertungen mit Sternezahl ${ratings}`,
  showAll: 'Alle anzeigen',
  resultCount: (shown, total, n) => (total === 1 ? '1 Bewertung' : `${n.shown} von ${n.total} Bewertungen`),
  noResults: 'Keine Bewertung entspricht Ihren Filtern.',
  writeFirstReview: 'Schreiben Sie die erste Bewertung',
  loadError: 'Die Bewertungen konnten nicht geladen werden.',
  offline: 'Sie sind offline. Die Bewertungen werden geladen, sobald Sie wieder online sind.',
  retry: 'Erneut versuchen',
  showMore: 'Weitere Bewertungen anzeigen',
  loadedMore: (count, n) =>
    p(count, { one: `${n} weitere Bewertung geladen`, other: `${n} weitere Bewertungen geladen` }),
  readMore: 'Weiterlesen',
  showLess: 'Weniger anzeigen',
  reviewed: (when) => `Bewertet ${when}`,
  experienced: (when) => `Erfahrung: ${when}`,
  edited: (when) => `Bearbeitet ${when}`,
  provenance: { verified: 'Verifiziert', unverified: 'Nicht verifiziert', imported: 'Importiert' },
  provenanceMeaning: {
    invitation: 'nach einem Kauf eingeladen',
    'order-reference': 'Bestellung nachgewiesen',
    identity: 'Identität bestätigt',
    unverified: 'Kauf nicht nachgewiesen; zählt nicht zur Gesamtbewertung',
    imported: 'aus einem anderen System; zählt nicht zur Gesamtbewertung',
  },
  replyFrom: (name) => `Antwort von ${name}`,
  helpful: 'Hilfreich',
  helpfulFailed: 'Ihre Stimme konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  report: 'Melden',
  reportTitle: 'Diese Bewertung melden',
  reportReasonLegend: 'Warum melden Sie diese Bewertung?',
  reportReasons: {
    offensive: 'Beleidigend oder anstößig',
    personal_data: 'Enthält personenbezogene Daten',
    not_genuine: 'Beruht nicht auf einer echten Erfahrung',
    spam: 'Spam oder Werbung',
    other: 'Etwas anderes',
  },
  notGenuineClosed:
    'Nur Bewertungen der letzten 12 Monate können als nicht auf einer echten Erfahrung beruhend gemeldet werden.',
  reportNote: 'Möchten Sie uns noch etwas mitteilen? (optional)',
  sendReport: 'Meldung senden',
  cancel: 'Abbrechen',
  reportSent: 'Danke. Wir prüfen diese Bewertung.',
  reportFailed: 'Die Meldung konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  linkedReview: 'Verlinkte Bewertung',
  readFullReview: 'Ganze Bewertung lesen',
};
