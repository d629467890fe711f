/** The English strings of R11's panel (how reviews are collected and verified), loaded with it. */
import { plural } from '../internal/plural.js';
import type { DisclosureTranslation } from './en.js';

const p = (count: number, forms: Parameters<typeof plural>[2]) => plural('en', count, forms);

export const enDisclosure: DisclosureTranslation = {
  disclosureScore: (count, n) =>
    p(count, {
      one: `The score is the average rating of ${n} verified review from the last 12 months.`,
      other: `The score is the average rating of ${n} verified reviews from the last 12 months.`,
    }),
  disclosureNoScore: 'There is no score yet: no verified review from the last 12 months.',
  disclosureVerification:
    'A review is verified when the reviewer was invited after a real purchase or proved an order. Unverified and imported reviews are shown, but never counted in the score.',
  disclosureHonesty:
    'Every published review can be read, whatever its rating. Reviews are checked only for offensive language and personal data, and no one is paid or rewarded for a review.',
  disclosureTotals: (t) =>
    `Published: ${t.published} (${t.verified} verified, ${t.unverified} unverified, ${t.imported} imported).`,
  disclosureRemoved: (total, n, reasons) =>
    `Removed in the last 12 months: ${n} ${total === 1 ? 'review' : 'reviews'}, each for a stated reason (${reasons}).`,
  disclosureNoneRemoved: 'No review was removed in the last 12 months.',
  removalReasons: {
    offensive: 'offensive',
    personal_data: 'personal data',
    illegal: 'illegal content',
    industry_rule: 'industry rules',
    not_genuine: 'not a genuine experience',
  },
  verificationPolicy: 'Read the verification policy',
};
