// punct-halfwidth: half-width `, : ; ? ! ( )` in Chinese text (sample 003 writes `,` throughout; `镇(街道)`).
// Chinese context means Chinese text (Han or full-width punctuation) on at least one side, looking past spaces.
// Left alone: marks inside runs of Latin letters and digits (`15:40`, `1,000`, `a,b`), English (`a, b`), URLs,
// markdown link targets `[…](…)`, HTML entities `&nbsp;`, and the parentheses of a closing attribution or
// byline, which attribution-parens judges as a whole.

import {
  attributionsOf, codePointAfterBlanks, codePointAt, codePointBefore, codePointBeforeBlanks, excerpt, isAsciiDigit,
  isChinese, isHan, isHorizontalBlank, isLatinLetter, onTextLine,
} from '../characters';
import type { Rule } from '../rule';
import type { Report, TextEdit } from '../types';

const HALFWIDTH_MARK = /[,:;?!()]/g;
const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
/** How far a `(` looks for its `)`: parenthesised notes in bulletins are short. */
const PAREN_REACH = 120;
/** How far back a mark looks for the start of a URL it may belong to. */
const URL_REACH = 200;

const isAsciiWordChar = (codePoint: number) => isAsciiDigit(codePoint) || isLatinLetter(codePoint);

/** Whether the mark at `offset` is part of a URL (`https://x.cn/a?b=1`, `www.x.cn/a,b`). */
function inUrl(text: string, offset: number): boolean {
  const next = text.charCodeAt(offset + 1);
  if (!(next > 0x20 && next < 0x7f)) return false;
  let start = offset;
  while (start > 0 && offset - start < URL_REACH) {
    const code = text.charCodeAt(start - 1);
    if (code <= 0x20 || code >= 0x7f) break;
    start--;
  }
  const token = text.slice(start, offset);
  return token.includes('://') || token.startsWith('www.');
}

/** Whether the `;` at `offset` ends an HTML entity (`&nbsp;`, `&#12288;`). */
function endsEntity(text: string, offset: number): boolean {
  let at = offset;
  while (at > 0 && offset - at < 8 && (isAsciiWordChar(text.charCodeAt(at - 1)) || text[at - 1] === '#')) at--;
  return at < offset && text[at - 1] === '&';
}

const isCurlyQuote = (codePoint: number) => codePoint >= 0x2018 && codePoint <= 0x201d;

/**
 * Whether the mark at `offset` stands in Chinese context: Chinese text on one side, looking past spaces. A mark
 * written right after (before) a Latin word or number belongs to it, so then the other side decides, and a
 * quotation mark there does not count: `“Hello!”他说` quotes English, `使用Python,提升` is a Chinese sentence.
 */
function inChineseContext(text: string, offset: number): boolean {
  const before = codePointBeforeBlanks(text, offset);
  const after = codePointAfterBlanks(text, offset + 1);
  if (isAsciiWordChar(codePointBefore(text, offset))) return isChinese(after) && !isCurlyQuote(after);
  if (isAsciiWordChar(codePointAt(text, offset + 1))) return isChinese(before) && !isCurlyQuote(before);
  return isChinese(before) || isChinese(after);
}

/** The `)` closing the `(` at `open` on the same line, or -1 (none near, or another parenthesis first). */
function closingParen(text: string, open: number): number {
  const limit = Math.min(text.length, open + PAREN_REACH);
  for (let at = open + 1; at < limit; at++) {
    const char = text[at];
    if (char === ')') return at;
    if (char === '(' || char === '（' || char === '）' || char === '\n' || char === '\r') return -1;
  }
  return -1;
}

function hasHan(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (isHan(code) || (code >= 0xd800 && code <= 0xdbff && isHan(text.codePointAt(at)!))) return true;
  }
  return false;
}

/**
 * The edit turning the mark at `offset` full-width. Full-width marks carry their own spacing, so the blanks a
 * typist put after `, : ; ? ! )` (or before `(`) in English fashion go too when Chinese text follows (precedes).
 */
function fullwidthEdit(text: string, offset: number): TextEdit {
  const mark = text[offset];
  let start = offset;
  let end = offset + 1;
  if (mark === '(') {
    while (start > 0 && isHorizontalBlank(text.charCodeAt(start - 1))) start--;
    if (!isChinese(codePointBefore(text, start))) start = offset;
  } else {
    while (end < text.length && isHorizontalBlank(text.charCodeAt(end))) end++;
    if (!isChinese(codePointAt(text, end))) end = offset + 1;
  }
  return { start, end, text: FULLWIDTH[mark] };
}

function problem(text: string, offset: number): Report {
  const mark = text[offset];
  const { written, corrected } = excerpt(text, offset, offset + 1, FULLWIDTH[mark]);
  return {
    start: offset,
    end: offset + 1,
    message: {
      zh: `中文语境中应使用全角标点：“${written}”应为“${corrected}”（GB/T 15834-2011）`,
      en: `Use full-width punctuation in Chinese text: "${mark}" should be "${FULLWIDTH[mark]}".`,
    },
    fix: [fullwidthEdit(text, offset)],
  };
}

export const punctHalfwidth: Rule = {
  id: 'punct-halfwidth',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '中文语境中使用全角标点：半角“, : ; ? ! ( )”应改为“，：；？！（）”',
    en: 'Chinese text uses full-width punctuation: half-width , : ; ? ! ( ) become ，：；？！（）.',
  },
  standard: { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' },
  check({ text, document, report }) {
    // A closing attribution's parentheses are its first and last characters; attribution-parens judges them.
    const attributionParens = new Set<number>();
    for (const attribution of attributionsOf(document)) attributionParens.add(attribution.start).add(attribution.end - 1);
    /** `)` already judged together with their `(`. */
    const judgedCloses = new Set<number>();
    HALFWIDTH_MARK.lastIndex = 0;
    for (let match = HALFWIDTH_MARK.exec(text); match; match = HALFWIDTH_MARK.exec(text)) {
      const offset = match.index;
      const mark = match[0];
      if (judgedCloses.has(offset) || attributionParens.has(offset) || !onTextLine(document, offset)) continue;
      const before = codePointBefore(text, offset);
      const after = codePointAt(text, offset + 1);
      const insideAsciiRun = isAsciiWordChar(before) && isAsciiWordChar(after);
      if (mark === '(') {
        // A pair is judged as one: both marks become full-width or neither does (`f(x)`, `[链接](https://…)`).
        const close = closingParen(text, offset);
        if (close >= 0) judgedCloses.add(close);
        if (insideAsciiRun || before === 0x5d /* ] */) continue;
        const chinese = inChineseContext(text, offset) || (close >= 0 && (inChineseContext(text, close) || hasHan(text, offset + 1, close)));
        if (!chinese || inUrl(text, offset)) continue;
        report(problem(text, offset));
        if (close >= 0 && !attributionParens.has(close)) report(problem(text, close));
        continue;
      }
      if (insideAsciiRun) continue;
      if ((mark === '!' && after === 0x5b /* [ */) || (mark === ';' && endsEntity(text, offset))) continue;
      if (!inChineseContext(text, offset) || inUrl(text, offset)) continue;
      report(problem(text, offset));
    }
  },
};
