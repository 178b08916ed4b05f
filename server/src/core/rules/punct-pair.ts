// punct-pair: an unbalanced “ ” ‘ ’ 《 》 （ ） 【 】 within an item, brief or article; the range is the
// unmatched character. Pairs are read across hard wraps (the text, not the line, is what counts). No fix: where
// the missing half belongs is the writer's call.
//
// Left alone: attributions (attribution-parens judges `（区教育局)`), a half-width `(` or `)` without partner
// (punct-halfwidth's), an apostrophe ’ in Latin text, an ordinal such as `1）` or `一）` at a line or clause
// start, article titles, and a quotation running over several paragraphs — GB/T 15834-2011 4.8 opens each
// paragraph with “ and closes only the last, so an open “ followed by a “ at a line start is not a defect.

import { attributionsOf, codePointBefore, isAsciiDigit, isLatinLetter, nextMatchOffset } from '../characters';
import { isBlankCode } from '../chinese';
import { SpanCursor, type BulletinDocument } from '../document';
import type { Rule, RuleContext } from '../rule';

const PAIR_MARKS = /[“”‘’《》（）【】()]/g;
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_SINGLE = 0x2019; // ’
const HALF_OPEN = 0x28; // (
const HALF_CLOSE = 0x29; // )
/** Each opening mark with its closing partner, by code. */
const CLOSER_OF: ReadonlyMap<number, number> = new Map([[0x201c, 0x201d], [0x2018, 0x2019], [0x300a, 0x300b], [0xff08, 0xff09], [0x3010, 0x3011], [HALF_OPEN, HALF_CLOSE]]);
const OPENER_OF: ReadonlyMap<number, number> = new Map([...CLOSER_OF].map(([open, close]) => [close, open]));
const PARENTHESES = new Set([0xff08, 0xff09, HALF_OPEN, HALF_CLOSE]);
const CLAUSE: ReadonlyMap<number, string> = new Map([[0x201c, '4.8'], [0x2018, '4.8'], [0x300a, '4.15'], [0xff08, '4.9'], [0x3010, '4.9']]);
/** What may stand before an ordinal `1）`: a clause end or a blank (a line start is checked apart). */
const BEFORE_ORDINAL = new Set(Array.from('。；：，、', char => char.charCodeAt(0)));
const CHINESE_ORDINAL_DIGITS = new Set(Array.from('一二三四五六七八九十', char => char.charCodeAt(0)));

interface Opener {
  at: number;
  code: number;
}

/**
 * The openers not closed yet, innermost last, with a count per mark: a closer that no open mark pairs with is
 * known at once. Walking down the stack for it instead took quadratic time on a long item with many openers
 * left open and many lone closers (a 1 MB line of marks took seconds).
 */
class OpenerStack {
  readonly openers: Opener[] = [];
  /** Open marks per slot of `openerSlot`. */
  private readonly counts = [0, 0, 0, 0, 0];

  push(opener: Opener): void {
    this.openers.push(opener);
    this.counts[openerSlot(opener.code)]++;
  }

  /** Removes the openers from `index` on, one pop at a time (cheaper than setting the length, which reallocates). */
  truncate(index: number): void {
    while (this.openers.length > index) this.counts[openerSlot(this.openers.pop()!.code)]--;
  }

  /** Whether some open mark is one `closer` closes. */
  canClose(closer: number): boolean {
    return this.counts[openerSlot(OPENER_OF.get(closer)!)] > 0;
  }
}

/** The slot of an opening mark in OpenerStack's counts; the parentheses of both widths share one, as either closes either. */
function openerSlot(opener: number): number {
  switch (opener) {
    case 0x201c: // “
      return 0;
    case 0x2018: // ‘
      return 1;
    case 0x300a: // 《
      return 2;
    case 0x3010: // 【
      return 3;
    default: // （ (
      return 4;
  }
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
    const blocks = document.blocks;
    // Cursors over the blocks, lines and attributions, all in text order: the scan never searches.
    const lines = new SpanCursor(document.lines);
    const attributions = new SpanCursor(attributionsOf(document));
    let blockIndex = 0;
    const stack = new OpenerStack();
    PAIR_MARKS.lastIndex = 0;
    for (let at = nextMatchOffset(PAIR_MARKS, text); at >= 0; at = nextMatchOffset(PAIR_MARKS, text)) {
      if (blockIndex < blocks.length && at >= blocks[blockIndex].end) {
        reportOpen(context, stack.openers, 0);
        stack.truncate(0);
        while (blockIndex < blocks.length && at >= blocks[blockIndex].end) blockIndex++;
      }
      if (blockIndex >= blocks.length || at < blocks[blockIndex].start) continue;
      if (lines.at(at)?.kind !== 'content' || attributions.at(at)) continue;
      const code = text.charCodeAt(at);
      if (CLOSER_OF.has(code)) {
        const top = stack.openers[stack.openers.length - 1];
        // A quotation over several paragraphs: each paragraph opens with “, only the last one closes.
        if (code === LEFT_DOUBLE && top?.code === LEFT_DOUBLE && atLineStart(text, at) && !onSameLine(document, top.at, at)) stack.truncate(stack.openers.length - 1);
        stack.push({ at, code });
        continue;
      }
      if (code === RIGHT_SINGLE && isLatinLetter(codePointBefore(text, at))) continue;
      let depth = stack.canClose(code) ? stack.openers.length - 1 : -1;
      while (depth >= 0 && !closes(code, stack.openers[depth].code)) depth--;
      if (depth >= 0) {
        reportOpen(context, stack.openers, depth + 1);
        stack.truncate(depth);
      } else if (code !== HALF_CLOSE && !isOrdinal(text, at)) {
        reportUnmatched(context, at, code, OPENER_OF.get(code)!);
      }
    }
    reportOpen(context, stack.openers, 0);
  },
};

/** Whether the mark `closer` closes `opener`; a parenthesis of either width closes one of either width (`（街道)` is balanced, its `)` is punct-halfwidth's). */
function closes(closer: number, opener: number): boolean {
  return OPENER_OF.get(closer) === opener || (PARENTHESES.has(closer) && PARENTHESES.has(opener));
}

/** Reports the openers from `from` on, left open. */
function reportOpen(context: RuleContext, openers: readonly Opener[], from: number): void {
  for (let index = from; index < openers.length; index++) {
    const { at, code } = openers[index];
    // A lone half-width ( is punct-halfwidth's to judge.
    if (code !== HALF_OPEN) reportUnmatched(context, at, code, CLOSER_OF.get(code)!);
  }
}

function reportUnmatched(context: RuleContext, at: number, code: number, partnerCode: number): void {
  const char = String.fromCharCode(code);
  const partner = String.fromCharCode(partnerCode);
  const clause = CLAUSE.get(code) ?? CLAUSE.get(partnerCode);
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
    if (CHINESE_ORDINAL_DIGITS.has(code) || isLatinLetter(code)) start--;
  }
  if (start === close) return false;
  const before = text.charCodeAt(start - 1);
  return atLineStart(text, start) || BEFORE_ORDINAL.has(before) || isBlankCode(before);
}
