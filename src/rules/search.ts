/**
 * The words of a text search (`q`), as the mocks and the server both read them: letters and digits
 * (with their combining marks), lower case, NFC; everything else separates words. A review matches
 * when it has every word: the word itself or, for words of `PREFIX_MIN` characters or more with a
 * letter in them, a word that starts with it ("espres" finds "espresso"; "42" finds only "42"). The server also finds other forms of a word in the
 * review's own language (English, Swedish and German stems: "deliveries" finds "delivery").
 */
/** Words after these are not searched for: each one costs the database a condition. */
export const SEARCH_WORDS_MAX = 8;
/**
 * A search counts its matches up to this many: beyond, `total` says this many and `totalCapped`
 * says there are more (counting every match of a common word would cost a scan per query).
 */
export const SEARCH_TOTAL_MAX = 1000;
/** Shorter words match only whole words ("a" is not the start of half the reviews). */
export const PREFIX_MIN = 3;

/**
 * Whether a word of a query also finds words that start with it. Numbers never do: "421" is not
 * the start of "4217" for anyone, and every number in every review would be a word to look at.
 */
export function matchesStarts(word: string): boolean {
  return word.length >= PREFIX_MIN && /\p{L}/u.test(word);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The distinct words of a text, in order. */
export function textWords(text: string): string[] {
  return [...new Set(text.normalize('NFC').toLowerCase().match(WORD) ?? [])];
}

/**
 * The words a query searches for, at most `SEARCH_WORDS_MAX`; `undefined` when there is no query
 * (blank), and none for a query of no words ("%_"), which finds nothing.
 */
export function searchWords(query: string | undefined): string[] | undefined {
  if (!query?.trim()) return undefined;
  return textWords(query).slice(0, SEARCH_WORDS_MAX);
}

/** Whether a text has every one of the words (each whole, or as the start of a word); none never. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const have = textWords(text);
  return words.every((word) =>
    have.some((candidate) => candidate === word || (matchesStarts(word) && candidate.startsWith(word))),
  );
}
