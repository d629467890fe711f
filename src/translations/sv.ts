import { plural } from '../internal/plural.js';
import type { Translation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('sv', count, forms);

export const sv: Translation = {
  $code: 'sv',
  $name: 'Svenska',
  $dir: 'ltr',

  starsLabel: (rating) => `Betyg ${rating} av 5`,
  outOfFive: 'av 5',
  grades: {
    excellent: 'Utmärkt',
    good: 'Bra',
    fair: 'Genomsnittligt',
    poor: 'Dåligt',
    very_poor: 'Mycket dåligt',
  },
  verifiedReviewCount: (count, n) =>
    p(count, { one: `${n} verifierad recension`, other: `${n} verifierade recensioner` }),
  reviewCount: (count, n) => p(count, { one: `${n} recension`, other: `${n} recensioner` }),
  noReviews: 'Inga recensioner ännu',
  noScore: 'Inget betyg ännu',
  loading: 'Laddar recensioner…',
  unavailable: 'Recensionerna är inte tillgängliga just nu',
  invitedShare: (percent) => `Andel tillfrågade kunder: ${percent}`,
  howVerified: 'Så verifieras recensionerna',
  close: 'Stäng',
  disclosureScore: (count, n) =>
    p(count, {
      one: `Betyget är medelvärdet av ${n} verifierad recension från de senaste 12 månaderna.`,
      other: `Betyget är medelvärdet av ${n} verifierade recensioner från de senaste 12 månaderna.`,
    }),
  disclosureNoScore: 'Det finns inget betyg ännu: ingen verifierad recension från de senaste 12 månaderna.',
  disclosureVerification:
    'En recension är verifierad när recensenten bjudits in efter ett riktigt köp eller styrkt sin order. Overifierade och importerade recensioner visas, men räknas aldrig in i betyget.',
  disclosureHonesty:
    'Alla publicerade recensioner går att läsa, oavsett betyg. Recensioner granskas bara för stötande språk och personuppgifter, och ingen får betalt eller belöning för en recension.',
  disclosureTotals: (t) =>
    `Publicerade: ${t.published} (${t.verified} verifierade, ${t.unverified} overifierade, ${t.imported} importerade).`,
  verificationPolicy: 'Läs verifieringspolicyn',
  readAllReviews: 'Läs alla recensioner',
  listLabel: 'Kundrecensioner',
  basedOn: (count, n) =>
    p(count, {
      one: `Baserat på ${n} verifierad recension från de senaste 12 månaderna`,
      other: `Baserat på ${n} verifierade recensioner från de senaste 12 månaderna`,
    }),
  histogramLabel:
    'Betyg i verifierade recensioner från de senaste 12 månaderna. Välj ett betyg för att filtrera listan.',
  histogramBar: (stars, count, n) =>
    `${p(stars, { one: `${stars} stjärna`, other: `${stars} stjärnor` })}: ${p(count, { one: `${n.count} recension`, other: `${n.count} recensioner` })}, ${n.percent}`,
  sortLabel: 'Sortera efter',
  sorts: {
    newest: 'Nyaste först',
    oldest: 'Äldsta först',
    highest: 'Högsta betyg',
    lowest: 'Lägsta betyg',
    helpful: 'Mest hjälpsamma',
  },
  searchLabel: 'Sök bland recensionerna',
  verifiedOnly: 'Endast verifierade recensioner',
  languageLabel: 'Språk',
  allLanguages: 'Alla språk',
  clearFilters: 'Rensa filter',
  showingRatings: (ratings) => `Visar recensioner med betyget ${ratings}`,
  showAll: 'Visa alla',
  resultCount: (shown, total, n) => (total === 1 ? 'Visar 1 recension' : `Visar ${n.shown} av ${n.total} recensioner`),
  noResults: 'Inga recensioner matchar dina filter.',
  writeFirstReview: 'Skriv den första recensionen',
  loadError: 'Recensionerna kunde inte laddas.',
  offline: 'Du är offline. Recensionerna laddas när du är online igen.',
  retry: 'Försök igen',
  showMore: 'Visa fler recensioner',
  loadedMore: (count, n) =>
    p(count, { one: `${n} recension till har laddats`, other: `${n} recensioner till har laddats` }),
  readMore: 'Läs mer',
  showLess: 'Visa mindre',
  reviewed: (when) => `Recenserad ${when}`,
  experienced: (when) => `Upplevelse: ${when}`,
  edited: (when) => `Redigerad ${when}`,
  provenance: { verified: 'Verifierad', unverified: 'Overifierad', imported: 'Importerad' },
  provenanceMeaning: {
    invitation: 'inbjuden efter ett köp',
    'order-reference': 'har styrkt en order',
    identity: 'identiteten bekräftad',
    unverified: 'inte bekräftad som kund; räknas inte in i betyget',
    imported: 'från ett annat system; räknas inte in i betyget',
  },
  replyFrom: (name) => `Svar från ${name}`,
  helpful: 'Hjälpsam',
  helpfulFailed: 'Din röst kunde inte sparas. Försök igen.',
  report: 'Anmäl',
  reportTitle: 'Anmäl den här recensionen',
  reportReasonLegend: 'Varför anmäler du recensionen?',
  reportReasons: {
    offensive: 'Stötande eller kränkande',
    personal_data: 'Innehåller personuppgifter',
    not_genuine: 'Bygger inte på en verklig upplevelse',
    spam: 'Skräppost eller reklam',
    other: 'Något annat',
  },
  notGenuineClosed:
    'Bara recensioner från de senaste 12 månaderna kan anmälas för att inte bygga på en verklig upplevelse.',
  reportNote: 'Något mer vi bör veta? (valfritt)',
  sendReport: 'Skicka anmälan',
  cancel: 'Avbryt',
  reportSent: 'Tack! Vi granskar recensionen.',
  reportFailed: 'Anmälan kunde inte skickas. Försök igen.',
  linkedReview: 'Länkad recension',
  readFullReview: 'Läs hela recensionen',
};
