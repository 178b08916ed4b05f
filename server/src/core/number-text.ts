// Reading numbers and their surroundings in running text, for the rules that judge how numbers, ordinals and
// their punctuation are written (spec section 2.1). Every function looks at a few characters around an offset
// found by a rule's scan, so the cost stays proportional to the candidates, never to the text. Character
// classes come from characters.ts.

import { isAsciiDigit, isLatinLetter } from './characters';

/** Whether `char` is one of `chars` (false at either end of the text, where `char` is undefined). */
export function isOneOf(chars: string, char: string | undefined): boolean {
  return char !== undefined && char !== '' && chars.includes(char);
}

/** Whether text[offset] is an ASCII digit (false outside the text). */
export function isDigitAt(text: string, offset: number): boolean {
  return isAsciiDigit(text.charCodeAt(offset));
}

/** Whether text[offset] is a Latin letter or an ASCII digit: what makes a number part of a code (`WZ-10`, `A300`). */
export function isAlnumAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return isAsciiDigit(code) || isLatinLetter(code);
}

/** End of the Arabic number (digits with an optional decimal part) starting at `start`; `start` when there is none. */
export function arabicNumberEnd(text: string, start: number): number {
  let end = start;
  while (isDigitAt(text, end)) end++;
  if (end > start && text[end] === '.' && isDigitAt(text, end + 1)) {
    end++;
    while (isDigitAt(text, end)) end++;
  }
  return end;
}

/** Start of the Arabic number (digits with an optional decimal part) ending at `end`; `end` when there is none. */
export function arabicNumberStart(text: string, end: number): number {
  let start = end;
  while (isDigitAt(text, start - 1)) start--;
  if (start < end && text[start - 1] === '.' && isDigitAt(text, start - 2)) {
    start--;
    while (isDigitAt(text, start - 1)) start--;
  }
  return start;
}

/** Whether an Arabic number is written with a superfluous leading zero (`05`, but not `0` or `0.5`). */
export function hasLeadingZero(number: string): boolean {
  return number.length > 1 && number[0] === '0' && number[1] !== '.';
}

const SPACE = ' \t\u3000\u00a0\ufeff';

/** The nearest character before `offset` that is not whitespace (line breaks included), or '' at the text start. */
export function previousVisibleChar(text: string, offset: number): string {
  let at = offset - 1;
  while (at >= 0 && (SPACE.includes(text[at]) || text[at] === '\n' || text[at] === '\r')) at--;
  return at >= 0 ? text[at] : '';
}

/** Where the blanks (spaces and tabs, not line breaks) before `offset` begin. */
export function skipBlanksBackward(text: string, offset: number): number {
  while (offset > 0 && SPACE.includes(text[offset - 1])) offset--;
  return offset;
}

/** Where the blanks (spaces and tabs, not line breaks) from `offset` end. */
export function skipBlanksForward(text: string, offset: number): number {
  while (offset < text.length && SPACE.includes(text[offset])) offset++;
  return offset;
}

const QUOTE_LENGTH = 24;

/**
 * A span as a message quotes it: on one line, and cut in the middle when long, so that a message stays one short
 * sentence. Never cuts a surrogate pair.
 */
export function quoteSpan(text: string, start: number, end: number): string {
  // The lookbehind keeps a match from starting inside a run of blanks: without it, each position of a long run
  // with no line break would scan to the run's end and back (quadratic time; 约 and its number may be far apart).
  const span = text.slice(start, end).replace(/(?<!\s)\s*[\r\n]+\s*/g, '');
  const chars = Array.from(span);
  if (chars.length <= QUOTE_LENGTH) return span;
  const half = QUOTE_LENGTH / 2;
  return `${chars.slice(0, half).join('')}…${chars.slice(chars.length - half).join('')}`;
}
