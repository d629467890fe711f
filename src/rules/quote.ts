/**
 * Rule R5: a quote shown on a site is verbatim, omissions marked with an ellipsis.
 *
 * `checkQuote` decides whether an excerpt is a faithful quote of a review; `autoExcerpt` picks an
 * honest excerpt itself (whole sentences from the start, never cut inside a word). Every
 * excerpt `autoExcerpt` makes passes `checkQuote`.
 */

export interface QuotedText {
  title: string | null;
  body: string;
}

export type QuoteProblem =
  /** Nothing to quote: empty, or only ellipses. */
  | 'empty'
  /** Two ellipses with nothing between them. */
  | 'empty_fragment'
  /** A fragment is not in the review (a changed word, case, punctuation, a dropped "not", …). */
  | 'not_found'
  /** A fragment starts or ends inside a word of the review ("believable" from "unbelievable"). */
  | 'cuts_word';

export type QuoteVerdict =
  { verbatim: true; fragments: string[] } | { verbatim: false; problem: QuoteProblem; fragment?: string };

const ELLIPSIS = /…|\.\.\./;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** NFC, and every run of white space (line breaks included) as one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Whether `fragment` at `index` of `source` begins and ends at word boundaries. */
function onWordBoundaries(source: string, index: number, fragment: string): boolean {
  const before = source[index - 1];
  const after = source[index + fragment.length];
  const first = [...fragment][0];
  const last = [...fragment].at(-1);
  if (isWordChar(first) && isWordChar(before)) return false;
  if (isWordChar(last) && isWordChar(after)) return false;
  return true;
}

/**
 * Checks an excerpt against a review. The excerpt is split on `…` (or `...`) into fragments;
 * each must occur in the title or the body, in order and without overlap, with letters, case
 * and punctuation exactly as written (white space may differ, and Unicode is compared in NFC).
 * A leading or trailing ellipsis marks text left out before or after; between two fragments
 * the ellipsis is what marks the omission, so fragments that are not adjacent in the review
 * can only be joined by one.
 */
export function checkQuote(excerpt: string, review: QuotedText): QuoteVerdict {
  const parts = normalizeText(excerpt)
    .split(ELLIPSIS)
    .map((part) => part.trim());
  // An ellipsis at the very start or end leaves an empty part there: that is allowed.
  if (parts.length > 1 && parts[0] === '') parts.shift();
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { verbatim: false, problem: 'empty' };
  if (parts.some((part) => part === '')) return { verbatim: false, problem: 'empty_fragment' };

  // Title first, then body: a quote reads in the review's order and never spans the two.
  const sources = [review.title, review.body].filter((s): s is string => Boolean(s)).map(normalizeText);
  let source = 0;
  let offset = 0;
  for (const fragment of parts) {
    let found = false;
    let cutsWord = false;
    while (source < sources.length && !found) {
      const text = sources[source]!;
      let index = text.indexOf(fragment, offset);
      while (index !== -1 && !onWordBoundaries(text, index, fragment)) {
        cutsWord = true;
        index = text.indexOf(fragment, index + 1);
      }
      if (index === -1) {
        source += 1;
        offset = 0;
      } else {
        offset = index + fragment.length;
        found = true;
      }
    }
    if (!found) return { verbatim: false, problem: cutsWord ? 'cuts_word' : 'not_found', fragment };
  }
  return { verbatim: true, fragments: parts };
}

function sentences(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    return [...new Segmenter(undefined, { granularity: 'sentence' }).segment(text)].map((s) => s.segment);
  }
  return text.match(/[^.!?…]+(?:[.!?…]+|$)\s*/gu) ?? [text];
}

export const DEFAULT_EXCERPT_LENGTH = 160;

/**
 * An honest excerpt of a review body: whole sentences from the start up to `maxLength`
 * characters; a first sentence longer than that is cut at a word boundary. It ends with `…`
 * whenever text was left out.
 */
export function autoExcerpt(body: string, maxLength = DEFAULT_EXCERPT_LENGTH): string {
  const text = normalizeText(body);
  const limit = Math.max(20, Math.floor(maxLength));
  if (text.length <= limit) return text;

  let taken = '';
  for (const sentence of sentences(text)) {
    const next = `${taken}${sentence}`;
    if (next.trimEnd().length > limit - 2) break;
    taken = next;
  }
  taken = taken.trim();
  if (taken) return `${taken} …`;

  // The first sentence alone is too long: cut it at the last word boundary that fits.
  const room = text.slice(0, limit - 1);
  const cut = room.search(/\s\S*$/u);
  const head = (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}
