// cjk-latin-space: whitespace between Chinese and Latin text (`导入 SQL数据库`). Official documents write
// none; some offices space Latin words on purpose, so the option `"mode": "consistent"` flags only the style
// that is in the minority within the document instead.

import {
  asciiTokenEnd, asciiTokenStart, attributionsOf, codePointAt, codePointBefore, codeUnits, excerpt, forEachBlankRun,
  hasLatinLetter, headlineSeparatorStarts, isHan, isStrayFunctionWord, SpanSet,
} from '../characters';
import type { BulletinDocument } from '../document';
import type { Rule } from '../rule';
import type { Report, Span } from '../types';

/** A Latin token: a letter, then letters, digits and the joiners of models (`EC-225`, `5G`, `UKey`). */
const LATIN_TOKEN = /[A-Za-z0-9][A-Za-z0-9._+#-]*/g;

type Mode = 'none' | 'consistent';

interface Scope {
  text: string;
  document: BulletinDocument;
  attributions: SpanSet;
}

/** A Latin token beside Han text, with the whitespace between them or without. */
interface Boundary extends Span {
  /** The token that makes this a Han–Latin boundary. */
  token: Span;
}

/** Whether a Han–Latin boundary at `offset` is one this rule may judge. */
function judged(scope: Scope, offset: number, token: Span): boolean {
  const { text, document, attributions } = scope;
  if (!document.isProse(offset) || document.isQuoted(offset) || attributions.has(offset)) return false;
  // A stray English word (`柔性 with 刚性执法`) is text-stray-latin's: its spaces are not the problem.
  return !isStrayFunctionWord(text, token.start, token.end);
}

/** The Latin token a whitespace run touches with Han text on its other side, or undefined. */
function latinTokenBeside(text: string, start: number, end: number): Span | undefined {
  if (isHan(codePointBefore(text, start))) {
    const tokenEnd = asciiTokenEnd(text, end);
    if (tokenEnd > end && hasLatinLetter(text, end, tokenEnd)) return { start: end, end: tokenEnd };
  }
  if (isHan(codePointAt(text, end))) {
    const tokenStart = asciiTokenStart(text, start);
    if (tokenStart < start && hasLatinLetter(text, tokenStart, start)) return { start: tokenStart, end: start };
  }
  return undefined;
}

function spacedBoundaries(scope: Scope): Boundary[] {
  const { text, document } = scope;
  const separators = headlineSeparatorStarts(document);
  const found: Boundary[] = [];
  forEachBlankRun(document, (start, end) => {
    const token = latinTokenBeside(text, start, end);
    if (token && !separators.has(start) && judged(scope, start, token)) found.push({ start, end, token });
  });
  return found;
}

/** Han–Latin boundaries without whitespace (`SQL数据库`): the range covers the two characters that touch. */
function unspacedBoundaries(scope: Scope): Boundary[] {
  const { text } = scope;
  const found: Boundary[] = [];
  LATIN_TOKEN.lastIndex = 0;
  for (let match = LATIN_TOKEN.exec(text); match; match = LATIN_TOKEN.exec(text)) {
    const token = { start: match.index, end: match.index + match[0].length };
    if (!hasLatinLetter(text, token.start, token.end)) continue;
    const before = codePointBefore(text, token.start);
    if (isHan(before) && judged(scope, token.start, token)) {
      found.push({ start: token.start - codeUnits(before), end: token.start + 1, token });
    }
    const after = codePointAt(text, token.end);
    if (isHan(after) && judged(scope, token.end, token)) {
      found.push({ start: token.end - 1, end: token.end + codeUnits(after), token });
    }
  }
  return found;
}

function removeSpace(text: string, boundary: Boundary, consistent: boolean): Report {
  const { start, end } = boundary;
  const { written, corrected } = excerpt(text, start, end, '');
  return {
    start,
    end,
    message: consistent
      ? {
        zh: `本文中英文之间多不加空格，此处宜统一：“${written}”应为“${corrected}”`,
        en: `This document mostly writes no space between Chinese and Latin text: write "${corrected}".`,
      }
      : {
        zh: `中文与英文之间不加空格：“${written}”应为“${corrected}”`,
        en: `No space between Chinese and Latin text: write "${corrected}".`,
      },
    fix: [{ start, end, text: '' }],
  };
}

function addSpace(text: string, boundary: Boundary): Report {
  // The boundary lies where the token starts or ends, inside the two-character range.
  const at = boundary.token.start > boundary.start ? boundary.token.start : boundary.token.end;
  const { written, corrected } = excerpt(text, at, at, ' ');
  return {
    start: boundary.start,
    end: boundary.end,
    message: {
      zh: `本文中英文之间多加空格，此处宜统一：“${written}”应为“${corrected}”`,
      en: `This document mostly spaces Chinese and Latin text apart: write "${corrected}".`,
    },
    fix: [{ start: at, end: at, text: ' ' }],
  };
}

export const cjkLatinSpace: Rule = {
  id: 'cjk-latin-space',
  severity: 'info',
  fixable: true,
  description: {
    zh: '中文与英文（拉丁字母）之间不加空格（“导入 SQL数据库”）；可改为只要求全文一致',
    en: 'No space between Chinese and Latin text ("导入 SQL数据库"); optionally, only consistency within the document.',
  },
  standard: { zh: '本地简报惯例 (house style)', en: 'House style (本地简报惯例)' },
  check({ text, document, options, report }) {
    const mode: Mode = options.mode === 'consistent' ? 'consistent' : 'none';
    const scope: Scope = { text, document, attributions: new SpanSet(attributionsOf(document)) };
    const spaced = spacedBoundaries(scope);
    if (mode === 'none') {
      for (const boundary of spaced) report(removeSpace(text, boundary, false));
      return;
    }
    if (spaced.length === 0) return;
    const unspaced = unspacedBoundaries(scope);
    // A tie goes to the official style: no spaces.
    if (spaced.length <= unspaced.length) for (const boundary of spaced) report(removeSpace(text, boundary, true));
    else for (const boundary of unspaced) report(addSpace(text, boundary));
  },
};
