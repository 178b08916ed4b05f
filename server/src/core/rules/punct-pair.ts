// punct-pair: an unbalanced “ ” ‘ ’ 《 》 （ ） 【 】 within an item, brief or article; the range is the
// unmatched character. Pairs are read across hard wraps (the text, not the line, is what counts). No fix: where
// the missing half belongs is the writer's call.
//
// Left alone: attributions (attribution-parens judges `（区教育局)`), a half-width `(` or `)` without partner
// (punct-halfwidth's), an apostrophe ’ in Latin text, an ordinal such as `1）` or `一）` at a line or clause
// start, article titles, and a quotation running over several paragraphs — GB/T 15834-2011 4.8 opens each
// paragraph with “ and closes only the last, so an open “ followed by a “ at a line start is not a defect.

import { attributionsOf, codePointBefore, isAsciiDigit, isLatinLetter, SpanSet } from '../characters';
import { isBlankCode } from '../chinese';
import type { BulletinDocument } from '../document';
import type { Rule, RuleContext } from '../rule';

const PAIR_MARKS = /[“”‘’《》（）【】()]/g;
const OPENER_OF: Readonly<Record<string, string>> = { '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【', ')': '(' };
const CLOSER_OF: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '(': ')' };
const CLAUSE: Readonly<Record<string, string>> = { '“': '4.8', '‘': '4.8', '《': '4.15', '（': '4.9', '【': '4.9' };
/** What may stand before an ordinal `1）`: a clause end or a blank (a line start is checked apart). */
const BEFORE_ORDINAL = new Set(Array.from('。；：，、', char => char.charCodeAt(0)));
const CHINESE_ORDINAL_DIGITS = '一二三四五六七八九十';
const PARENTHESES = '（）()';

interface Opener {
  at: number;
  char: string;
}

export const punctPair: Rule = {
  id: 'punct-pair',
  severity: 'error',
  fixable: false,
  description: {
    zh: '引号、书名号、括号、方头括号不成对（“ ” ‘ ’ 《 》 （ ） 【 】）',
    en: 'Unbalanced quotation marks, title marks or brackets (“ ” ‘ ’ 《 》 （ ） 【 】).',
  },
  standard: { zh: 'GB/T 15834-2011 4.8（引号）、4.9（括号）、4.15（书名号）', en: 'GB/T 15834-2011 4.8 (quotation marks), 4.9 (brackets), 4.15 (title marks)' },
  check(context) {
    const { text, document } = context;
    const attributions = new SpanSet(attributionsOf(document));
    const blocks = document.blocks;
    let blockIndex = 0;
    let stack: Opener[] = [];
    PAIR_MARKS.lastIndex = 0;
    for (let match = PAIR_MARKS.exec(text); match; match = PAIR_MARKS.exec(text)) {
      const at = match.index;
      if (blockIndex < blocks.length && at >= blocks[blockIndex].end) {
        reportOpen(context, stack);
        stack = [];
        while (blockIndex < blocks.length && at >= blocks[blockIndex].end) blockIndex++;
      }
      if (blockIndex >= blocks.length || at < blocks[blockIndex].start) continue;
      if (!document.isProse(at) || attributions.has(at)) continue;
      const char = match[0];
      if (char in CLOSER_OF) {
        const top = stack[stack.length - 1];
        // A quotation over several paragraphs: each paragraph opens with “, only the last one closes.
        if (char === '“' && top?.char === '“' && atLineStart(text, at) && !onSameLine(document, top.at, at)) stack.pop();
        stack.push({ at, char });
        continue;
      }
      if (char === '’' && isLatinLetter(codePointBefore(text, at))) continue;
      let depth = stack.length - 1;
      while (depth >= 0 && !closes(char, stack[depth].char)) depth--;
      if (depth >= 0) {
        reportOpen(context, stack.slice(depth + 1));
        stack.length = depth;
      } else if (char !== ')' && !isOrdinal(text, at)) {
        reportUnmatched(context, at, char, OPENER_OF[char]);
      }
    }
    reportOpen(context, stack);
  },
};

/** Whether `closer` closes `opener`; a parenthesis of either width closes one of either width (`（街道)` is balanced, its `)` is punct-halfwidth's). */
function closes(closer: string, opener: string): boolean {
  return OPENER_OF[closer] === opener || (PARENTHESES.includes(closer) && PARENTHESES.includes(opener));
}

function reportOpen(context: RuleContext, openers: readonly Opener[]): void {
  for (const { at, char } of openers) {
    // A lone half-width ( is punct-halfwidth's to judge.
    if (char !== '(') reportUnmatched(context, at, char, CLOSER_OF[char]);
  }
}

function reportUnmatched(context: RuleContext, at: number, char: string, partner: string): void {
  const clause = CLAUSE[char] ?? CLAUSE[partner];
  context.report({
    start: at,
    end: at + 1,
    message: {
      zh: `“${char}”没有与之配对的“${partner}”（GB/T 15834-2011 ${clause}）`,
      en: `Unbalanced "${char}": no matching "${partner}".`,
    },
  });
}

/** Whether only blanks stand between the previous line break (or the text start) and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  let at = offset;
  while (at > 0 && isBlankCode(text.charCodeAt(at - 1))) at--;
  const code = text.charCodeAt(at - 1);
  return at === 0 || code === 10 || code === 13;
}

function onSameLine(document: BulletinDocument, first: number, second: number): boolean {
  return document.lineIndexAt(first) === document.lineIndexAt(second);
}

/** An ordinal closed by a lone bracket, `1）` `12）` `一）` `a）`, at a line start or after a clause end or blank. */
function isOrdinal(text: string, close: number): boolean {
  let start = close;
  while (start > 0 && close - start < 2 && isAsciiDigit(text.charCodeAt(start - 1))) start--;
  if (start === close && start > 0) {
    const code = text.charCodeAt(start - 1);
    if (CHINESE_ORDINAL_DIGITS.includes(text[start - 1]) || isLatinLetter(code)) start--;
  }
  if (start === close) return false;
  const before = text.charCodeAt(start - 1);
  return atLineStart(text, start) || BEFORE_ORDINAL.has(before) || isBlankCode(before);
}
