// Character-level helpers for the rules that judge single characters and the spaces between them
// (number-unit-space, cjk-latin-space, punct-halfwidth, text-stray-latin, date-format …).
//
// Rules find candidates with one global regex and then look at the code points around each candidate: these
// helpers do that look-around without splitting a surrogate pair (𠮷 is two UTF-16 code units) and without
// allocating a string per character, so that they stay cheap on megabyte drafts.
//
// Facts several rules need (blocks, attributions, headline separators, blank runs) are computed once per
// document; at the end, small typed collections that keep megabyte drafts cheap for the garbage collector.

import { isBlankCode } from './chinese';
import type { Attribution, Block, BulletinDocument } from './document';
import type { Span } from './types';

/** Whitespace inside a line: space, tab, no-break space and the ideographic space (never a line break). */
export const HORIZONTAL_BLANK = '[ \\t\\u00a0\\u3000]';

export function isHorizontalBlank(codePoint: number): boolean {
  return codePoint === 0x20 || codePoint === 0x09 || codePoint === 0xa0 || codePoint === 0x3000;
}

const HORIZONTAL_BLANK_CHAR = new RegExp(HORIZONTAL_BLANK, 'g');

/**
 * The maximal runs of horizontal whitespace in the text, as start, end pairs, found once per document (two rules
 * walk them): the first blank found by the regex, the rest walked to, so that no match array is allocated per run
 * as `exec` of a `+` pattern would.
 */
const blankRuns = perDocument((document): Int32Array => {
  const text = document.text;
  const runs = new IntList();
  for (let from = 0; ;) {
    HORIZONTAL_BLANK_CHAR.lastIndex = from;
    const start = nextMatchOffset(HORIZONTAL_BLANK_CHAR, text);
    if (start < 0) return runs.toArray();
    let end = start + 1;
    while (end < text.length && isHorizontalBlank(text.charCodeAt(end))) end++;
    runs.push(start);
    runs.push(end);
    from = end;
  }
});

/** Calls `visit` with each maximal run of horizontal whitespace in the document's text, in order. */
export function forEachBlankRun(document: BulletinDocument, visit: (start: number, end: number) => void): void {
  const runs = blankRuns(document);
  for (let index = 0; index < runs.length; index += 2) visit(runs[index], runs[index + 1]);
}

/** The span of text[start, end) without the blanks around it. */
export function trimSpan(text: string, start: number, end: number): Span {
  const trimmedStart = blankEnd(text, start, end);
  return { start: trimmedStart, end: blankStart(text, trimmedStart, end) };
}

/** The end of the blanks that open text[start, end). */
export function blankEnd(text: string, start: number, end: number): number {
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  return start;
}

/** The start of the blanks that close text[start, end). */
export function blankStart(text: string, start: number, end: number): number {
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The code point starting at `offset`, or -1 past the end. */
export function codePointAt(text: string, offset: number): number {
  return offset < text.length ? text.codePointAt(offset)! : -1;
}

/** The code point ending just before `offset` (both halves of a surrogate pair), or -1 at the start. */
export function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** UTF-16 length of a code point. */
export function codeUnits(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/**
 * Whether a code point is a Han ideograph (Unicode script Han: the unified ideographs and their extensions up to
 * plane 3 such as 𠮷, compatibility ideographs, radicals, 々 and 〇). Numeric ranges rather than
 * `\p{Script=Han}` because rules ask this for every neighbour of every candidate; test/core/characters.test.ts
 * checks the ranges against the regex property.
 */
export function isHan(codePoint: number): boolean {
  if (codePoint >= 0x4e00) {
    if (codePoint <= 0x9fff) return true;
    if (codePoint < 0xf900) return false;
    if (codePoint <= 0xfad9) return codePoint <= 0xfa6d || codePoint >= 0xfa70;
    if (codePoint < 0x16fe2) return false;
    if (codePoint <= 0x16ff6) return codePoint <= 0x16fe3 || codePoint >= 0x16ff0;
    return codePoint >= 0x20000 && codePoint <= 0x3347f && isHanAstral(codePoint);
  }
  if (codePoint >= 0x3400) return codePoint <= 0x4dbf;
  if (codePoint < 0x2e80) return false;
  if (codePoint <= 0x2fd5) return codePoint !== 0x2e9a && (codePoint <= 0x2ef3 || codePoint >= 0x2f00);
  return codePoint === 0x3005 || codePoint === 0x3007 || (codePoint >= 0x3021 && codePoint <= 0x3029) ||
    (codePoint >= 0x3038 && codePoint <= 0x303b);
}

/** The assigned blocks of planes 2 and 3 (extensions B–I and the compatibility supplement). */
function isHanAstral(codePoint: number): boolean {
  return codePoint <= 0x2a6df || (codePoint >= 0x2a700 && codePoint <= 0x2ee5d) ||
    (codePoint >= 0x2f800 && codePoint <= 0x2fa1d) || (codePoint >= 0x30000 && codePoint <= 0x3134a) ||
    codePoint >= 0x31350;
}

export function isAsciiDigit(codePoint: number): boolean {
  return codePoint >= 0x30 && codePoint <= 0x39;
}

export function isLatinLetter(codePoint: number): boolean {
  return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a);
}

/**
 * Chinese (full-width) punctuation: the CJK symbols block (、。〈〉《》「」【】〔〕…), the full-width forms that are
 * punctuation (，：；？！（）…), and the curly quotes, ellipsis and dash as Chinese text uses them.
 */
export function isChinesePunctuation(codePoint: number): boolean {
  return (codePoint >= 0x3001 && codePoint <= 0x3003) || (codePoint >= 0x3008 && codePoint <= 0x3011) ||
    (codePoint >= 0x3014 && codePoint <= 0x301f) ||
    (codePoint >= 0xff01 && codePoint <= 0xff0f) || (codePoint >= 0xff1a && codePoint <= 0xff20) ||
    (codePoint >= 0xff3b && codePoint <= 0xff40) || (codePoint >= 0xff5b && codePoint <= 0xff65) ||
    (codePoint >= 0x2018 && codePoint <= 0x201d) || codePoint === 0x2026 || codePoint === 0x2014;
}

/** Han text or Chinese punctuation: what makes the surroundings of a character "Chinese context". */
export function isChinese(codePoint: number): boolean {
  return isHan(codePoint) || isChinesePunctuation(codePoint);
}

/** Characters that hold an ASCII token together: letters, digits and the joiners of models, decimals and versions. */
function isAsciiTokenChar(code: number): boolean {
  return isAsciiDigit(code) || isLatinLetter(code) || code === 0x2e /* . */ || code === 0x2d /* - */ ||
    code === 0x5f /* _ */ || code === 0x25 /* % */ || code === 0x2b /* + */ || code === 0x23 /* # */;
}

/**
 * The offset of the next match of `pattern` from its `lastIndex` on, or -1 (which resets `lastIndex` to 0), for a
 * global pattern that matches exactly one code unit. `test` rather than `exec`: the match is the code unit
 * before the new `lastIndex`, and no match array is allocated per hit, which on a megabyte draft is most of
 * what a scan for marks would allocate.
 */
export function nextMatchOffset(pattern: RegExp, text: string): number {
  return pattern.test(text) ? pattern.lastIndex - 1 : -1;
}

/** Longest token looked at; longer runs are not numbers or words a spacing rule could judge. */
const TOKEN_LIMIT = 64;

/** Start of the ASCII token (`SG500`, `EC-225`, `29.22%`) that ends at `end`. */
export function asciiTokenStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < TOKEN_LIMIT && isAsciiTokenChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/** End of the ASCII token that starts at `start`. */
export function asciiTokenEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < TOKEN_LIMIT && isAsciiTokenChar(text.charCodeAt(end))) end++;
  return end;
}

export function hasLatinLetter(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (isLatinLetter(text.charCodeAt(at))) return true;
  return false;
}

/**
 * Whether text[start, end) is a number as drafts write it: digits with decimal points, an optional `%`. A
 * trailing point makes an ordinal (`1. 加强学习`), not a number.
 */
export function isArabicNumber(text: string, start: number, end: number): boolean {
  if (start >= end || !isAsciiDigit(text.charCodeAt(start))) return false;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (!(isAsciiDigit(code) || code === 0x2e || (code === 0x25 && at === end - 1))) return false;
  }
  return text.charCodeAt(end - 1) !== 0x2e;
}

/** How far an excerpt reaches into Han text on each side. */
const EXCERPT_HAN = 2;

/**
 * The few characters around text[start, end) that let a writer find the place: whole ASCII tokens and up to two
 * Han characters on each side, within the line. Returns the excerpt as written and with `replacement` in place
 * of the range, for messages such as “建成 3个”应为“建成3个”.
 */
export function excerpt(text: string, start: number, end: number, replacement: string): { written: string; corrected: string } {
  let from = start;
  let hanCount = 0;
  while (from > 0 && start - from < 24) {
    const codePoint = codePointBefore(text, from);
    if (isHan(codePoint)) {
      if (hanCount === EXCERPT_HAN) break;
      hanCount++;
    } else if (!isAsciiTokenChar(codePoint)) break;
    from -= codeUnits(codePoint);
  }
  let to = end;
  hanCount = 0;
  while (to < text.length && to - end < 24) {
    const codePoint = codePointAt(text, to);
    if (isHan(codePoint)) {
      if (hanCount === EXCERPT_HAN) break;
      hanCount++;
    } else if (!isAsciiTokenChar(codePoint)) break;
    to += codeUnits(codePoint);
  }
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  return { written: before + text.slice(start, end) + after, corrected: before + replacement + after };
}

/**
 * English function words that slip into Chinese sentences, with the Chinese a writer most likely meant (empty:
 * the word is simply deleted). Only
 * lower-case words count: capitals are names, brands and puns (`“发现郑州IN 你而红”`). Single letters are left
 * out because they label things (`方案a`).
 */
export const STRAY_FUNCTION_WORDS: ReadonlyMap<string, string> = new Map([
  ['with', '与'], ['and', '和'], ['of', '的'], ['the', ''], ['for', '为'], ['to', '到'], ['in', '在'],
  ['on', '在'], ['or', '或'], ['at', '在'], ['by', '由'], ['from', '从'], ['into', '进入'], ['as', '作为'],
  ['is', '是'], ['are', '是'], ['but', '但'], ['than', '比'],
]);

/** The nearest code point before `offset` past horizontal whitespace on the same line, or -1. */
export function codePointBeforeBlanks(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && offset - at < TOKEN_LIMIT && isHorizontalBlank(text.charCodeAt(at - 1))) at--;
  return codePointBefore(text, at);
}

/** The nearest code point from `offset` on past horizontal whitespace on the same line, or -1. */
export function codePointAfterBlanks(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && at - offset < TOKEN_LIMIT && isHorizontalBlank(text.charCodeAt(at))) at++;
  return codePointAt(text, at);
}

/**
 * Whether the Latin word text[start, end) is a stray English function word: lower case, in the list, set apart
 * by a space on at least one side, and with Han text on both sides (past the spaces, within the line), as in
 * `柔性 with 刚性执法`. A word glued to Han text on both sides is left alone: slogans write `青春in郑州` on purpose.
 */
export function isStrayFunctionWord(text: string, start: number, end: number): boolean {
  if (end - start > 5 || !STRAY_FUNCTION_WORDS.has(text.slice(start, end))) return false;
  const before = codePointBefore(text, start);
  const after = codePointAt(text, end);
  if (!isHorizontalBlank(before) && !isHorizontalBlank(after)) return false;
  return isHan(codePointBeforeBlanks(text, start)) && isHan(codePointAfterBlanks(text, end));
}

/** Sorted, non-overlapping spans with a membership test by binary search. */
export class SpanSet {
  private readonly spans: readonly Span[];

  constructor(spans: Iterable<Span>) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }

  has(offset: number): boolean {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.spans[mid].start <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && offset < this.spans[low - 1].end;
  }
}

/**
 * A fact about a document that several rules ask for, computed on the first request and kept with the
 * document (in a WeakMap: it goes when the document goes). Callers share the value and must not change it.
 */
function perDocument<T>(compute: (document: BulletinDocument) => T): (document: BulletinDocument) => T {
  const values = new WeakMap<BulletinDocument, T>();
  return document => {
    let value = values.get(document);
    if (value === undefined) {
      value = compute(document);
      values.set(document, value);
    }
    return value;
  };
}

/** Every block and section of the document, depth first. */
export const allBlocks = perDocument((document): readonly Block[] => {
  const found: Block[] = [];
  for (const block of document.blocks) {
    found.push(block);
    for (const section of block.sections) found.push(section);
  }
  return found;
});

/** The closing attributions and bylines (`（区教育局）`, `(记者 张怡馨 通讯员 赵凌舟)`) of every block and section. */
export const attributionsOf = perDocument((document): readonly Attribution[] => {
  const found: Attribution[] = [];
  for (const block of allBlocks(document)) if (block.attribution) found.push(block.attribution);
  return found;
});

/** A run of whitespace (`\\s`), matched at its sticky `lastIndex`. */
const WHITESPACE_RUN = /\s*/y;

/**
 * Offsets where an item's headline ends and only whitespace separates it from its 一是: that whitespace is the
 * separator of the format (`…走深走实 一是…`), not a spacing slip, whatever characters it sits between.
 */
export const headlineSeparatorStarts = perDocument((document): SortedOffsets => {
  const starts = new IntList();
  for (const block of allBlocks(document)) {
    const first = block.measures[0];
    if (!block.headline || !first || first.start < block.headline.end) continue;
    WHITESPACE_RUN.lastIndex = block.headline.end;
    WHITESPACE_RUN.test(document.text);
    if (WHITESPACE_RUN.lastIndex >= first.start) starts.push(block.headline.end);
  }
  return new SortedOffsets(starts.toArray().sort());
});

/** Offsets with a membership test for offsets asked mostly in ascending order: searched from the last answer. */
export class SortedOffsets {
  /** Index of the last answer. */
  private last = -1;

  constructor(private readonly offsets: Int32Array) {}

  has(offset: number): boolean {
    this.last = lastAtOrBelow(this.offsets, offset, this.last);
    return this.last >= 0 && this.offsets[this.last] === offset;
  }
}

/**
 * Whether `offset` lies on a line of text: anything but page furniture (`— 4 —`). Rules about characters and
 * punctuation judge headings, the header and the footer too; spacing rules use `isProse` instead, because the
 * header spaces its issue number and date on purpose.
 */
export function onTextLine(document: BulletinDocument, offset: number): boolean {
  return document.lines[document.lineIndexAt(offset)].kind !== 'furniture';
}

// Small collections the rules and the parser share.

/**
 * Index of the last element of `sorted` (ascending) at or below `value`, or -1, searched from `from`, a recent
 * answer (-1 for none): galloping forward 1, 2, 4 … elements, then a binary search within the last step, so the
 * cost grows with the distance moved and few elements far apart are touched (on a large draft each of those
 * misses the cache). A backward move searches the whole array.
 */
export function lastAtOrBelow(sorted: ArrayLike<number>, value: number, from: number): number {
  let low = from;
  let high = sorted.length;
  if (low >= 0 && sorted[low] > value) {
    low = -1;
  } else {
    let step = 1;
    while (low + step < sorted.length && sorted[low + step] <= value) {
      low += step;
      step *= 2;
    }
    high = Math.min(low + step, sorted.length);
  }
  // sorted[low] is at or below value (or low is -1); sorted[high] is above it (or high is the length).
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * A growing list of integers in a typed array, doubled when full: on a large draft, growing a plain array of
 * tens of thousands of numbers cost more, and the collector never scans a typed array.
 */
export class IntList {
  private items = new Int32Array(64);
  private length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The values pushed, in order (a view: later pushes may or may not show in it). */
  toArray(): Int32Array {
    return this.items.subarray(0, this.length);
  }
}
