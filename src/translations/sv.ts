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
};
