/**
 * Automatic R4 checks of a submitted review: insults, and personal data (e-mail addresses, phone
 * numbers, IBANs, card numbers). They flag, they never decide: the review waits for a moderator
 * anyway, and the flags tell them where to look. Nothing here looks at the rating.
 */
import type { Flag, FlagKind } from '../../src/contract/admin.js';
import type { ModerationReason } from '../../src/client/schemas.js';
import { INSULTS } from './insults.js';

export interface FlaggableText {
  title: string | null;
  body: string;
  authorName: string;
}

const REASONS: Record<FlagKind, ModerationReason> = {
  insult: 'offensive',
  email: 'personal_data',
  phone: 'personal_data',
  iban: 'personal_data',
  card: 'personal_data',
};

/** Lower case without diacritics, so "Kretén", "kreten" and "KRETÉN" are one word. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const exactWords = new Set<string>();
const prefixes: string[] = [];
for (const words of Object.values(INSULTS)) {
  for (const word of words) {
    if (word.endsWith('*')) prefixes.push(fold(word.slice(0, -1)));
    else exactWords.add(fold(word));
  }
}

function insults(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(match[0]);
    if (exactWords.has(word) || prefixes.some((prefix) => word.startsWith(prefix))) found.push(match[0]);
  }
  return found;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Printed in groups of four, as banks print them; upper case, so ordinary words do not run on. */
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
/** Digits in a phone-like run: optional +/00, groups separated by spaces, dots, dashes, slashes or brackets. */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d(?:[\s./()-]{0,2}\d){6,16}(?![\p{L}\p{N}])/gu;
/** 2026-05-01, 12.05.2026, 1/5/26: dates, not phone numbers. */
const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](\d{2}|\d{4}))$/;

/** ISO 13616: move the first four characters to the end, letters to numbers, then mod 97 = 1. */
function isIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** The Luhn checksum card numbers carry. */
function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = /^(\+|00)/.test(candidate);
  if (digits.length < (international ? 7 : 8) || digits.length > 15) return false;
  if (DATE_LIKE.test(candidate.trim())) return false;
  return !/^(\d)\1+$/.test(digits);
}

/** Personal data in one text; each part of the text is claimed by the first detector that fits. */
function personalData(text: string): { kind: FlagKind; match: string }[] {
  const found: { kind: FlagKind; match: string }[] = [];
  let rest = text;
  const take = (kind: FlagKind, pattern: RegExp, accept: (candidate: string) => boolean) => {
    rest = rest.replace(pattern, (candidate) => {
      if (!accept(candidate)) return candidate;
      found.push({ kind, match: candidate.trim() });
      return ' '.repeat(candidate.length);
    });
  };
  take('email', EMAIL, () => true);
  take('iban', IBAN, isIban);
  take('card', CARD, isCardNumber);
  take('phone', PHONE, isPhoneNumber);
  return found;
}

/** Every flag for a review's texts; an empty list when nothing was found. */
export function moderationFlags(review: FlaggableText): Flag[] {
  const flags: Flag[] = [];
  const fields = [
    ['title', review.title ?? ''],
    ['body', review.body],
    ['authorName', review.authorName],
  ] as const;
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const match of insults(text)) flags.push({ reason: REASONS.insult, kind: 'insult', field, match });
    for (const { kind, match } of personalData(text)) flags.push({ reason: REASONS[kind], kind, field, match });
  }
  return flags;
}
