// structure-hard-wrap: a sentence broken across lines by PDF or Word extraction (`依托上\n\n街机场`): a content
// line that ends inside a sentence, followed — maybe after blank lines — by a content line of the same item,
// brief or article. The range is the whole break run between the two line texts (trailing blanks, line breaks,
// blank lines, stray leading blanks); the fix deletes exactly that run.
//
// Not a break: after a sentence or clause end (。！？；：…); after the headline on a line of its own (sample
// 001); before a heading, the footer, page furniture (structure-page-furniture's: once it is deleted the two
// sides join here) or a new block; between two Latin words (the break may stand for their space). Nor around
// the lines of a report pasted as an item: before a line that opens with an ordinal or marker (一、 （一） 1.
// 二是), after a short ordinal heading (一.总体情况), or after a title line (the first line of an item without a
// headline, with no clause punctuation: 区审计局关于…的报告).
//
// In the items dialect an item is one paragraph, so closing quotes and brackets at a line end are looked through
// (`从“要我分”到“我要分”\n\n转变`); in articles a paragraph may end with a closing quote, so they end the check.

import { attributionsOf, blankEnd, blankStart, codePointAt, codePointBefore, codeUnits, isLatinLetter, SpanSet } from '../characters';
import { CodeSet } from '../chinese';
import { SpanCursor, type Block, type BulletinDocument, type Line } from '../document';
import type { Rule } from '../rule';
import type { Localized } from '../types';

/** Marks after which a line break is a paragraph or clause end, not a broken sentence. */
const END_MARKS = new CodeSet('。！？；：…!?;:.');
/** Closing quotes and brackets: looked through at an item line's end. */
const CLOSERS = new CodeSet('”’）》】」』)"\'');
/** How many characters of each side the message quotes. */
const EXCERPT = 4;
/** An ordinal or measure marker opening a line: 一、 一. （一） (1) 1. 1、 第一， 二是 三要. Sticky: tested at an offset. */
const ORDINAL_START = /[一二三四五六七八九十]{1,3}[、.．是要]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:、|[.．](?!\d))|第[一二三四五六七八九十]{1,3}[、，,]/y;
/** The longest line read as a heading (一.总体情况) rather than wrapped text. */
const HEADING_MAX = 30;
/** Clause punctuation: a line without any is a title or heading when it stands first or opens with an ordinal. */
const CLAUSE_MARK = /[，。；：！？、,;:!?]/;

export const structureHardWrap: Rule = {
  id: 'structure-hard-wrap',
  severity: 'info',
  fixable: true,
  description: {
    zh: '句子被转换时的硬换行截断（如“依托上⏎街机场”），应接排',
    en: 'A sentence broken across lines by extraction ("依托上⏎街机场"): join the lines.',
  },
  standard: { zh: '本地简报惯例（正文连续排版，句中不换行）', en: 'House style: running text is not broken inside a sentence.' },
  check({ text, document, report }) {
    // Inside a byline the break stands for the space between two names (`（记者 张怡馨⏎通讯员 赵凌舟）`).
    const bylines = new SpanSet(attributionsOf(document).filter(attribution => attribution.byline));
    const blocks = new SpanCursor(document.blocks);
    const lines = document.lines;
    let previous: Line | undefined;
    for (const line of lines) {
      if (line.kind === 'blank') continue;
      if (line.kind !== 'content') {
        previous = undefined;
        continue;
      }
      if (previous) {
        const breakStart = blankStart(text, previous.start, previous.end);
        const breakEnd = blankEnd(text, line.start, line.end);
        const block = blocks.at(breakStart - 1);
        // A headline lies inside its block, so the only headline that can end at the break is the block's own.
        if (block && breakEnd < block.end && block.headline?.end !== breakStart && breaksSentence(text, document, previous, breakStart, breakEnd) &&
          !endsHeadingLine(text, block, previous, breakStart, breakEnd)) {
          const before = excerptBefore(text, previous.start, breakStart).trimStart();
          const after = excerptAfter(text, breakEnd, line.end).trimEnd();
          const joint = bylines.has(breakStart) ? ' ' : '';
          report({ start: breakStart, end: breakEnd, message: new BrokenSentenceMessage(before, after, joint), fix: [{ start: breakStart, end: breakEnd, text: joint }] });
        }
      }
      previous = line;
    }
  },
};

/**
 * The message about one break, written out only in the language the runner asks for: a draft hard-wrapped on
 * every line gets tens of thousands of these, and writing both languages out for each was wasted work.
 */
class BrokenSentenceMessage implements Localized {
  constructor(
    private readonly before: string,
    private readonly after: string,
    private readonly joint: string,
  ) {}

  get zh(): string {
    return `句子被断行：“${this.before}⏎${this.after}”应接排为“${this.before}${this.joint}${this.after}”`;
  }

  get en(): string {
    return `A sentence broken across lines: join it as "${this.before}${this.joint}${this.after}".`;
  }
}

/** Whether the break between a line ending at `breakStart` and the next line starting at `breakEnd` falls inside a sentence. */
function breaksSentence(text: string, document: BulletinDocument, line: Line, breakStart: number, breakEnd: number): boolean {
  let end = breakStart;
  if (document.dialect === 'items') {
    while (end > line.start && CLOSERS.has(text.charCodeAt(end - 1))) end--;
    if (end === line.start) return false;
  }
  const last = codePointBefore(text, end);
  if (END_MARKS.has(last) || CLOSERS.has(last)) return false;
  const next = codePointAt(text, breakEnd);
  // A stray markdown heading mark starts a line of its own kind.
  if (next === 0x23 /* # */) return false;
  return !(isLatinLetter(last) && isLatinLetter(next));
}

/** Whether the break follows a title or heading line, or precedes a line that opens with an ordinal. */
function endsHeadingLine(text: string, block: Block, line: Line, breakStart: number, breakEnd: number): boolean {
  if (ordinalEnd(text, breakEnd) >= 0) return true;
  const lineStart = blankEnd(text, line.start, line.end);
  const headingText = ordinalEnd(text, lineStart);
  if (headingText >= 0 && breakStart - lineStart <= HEADING_MAX && !CLAUSE_MARK.test(text.slice(headingText, breakStart))) return true;
  const firstOfItem = block.kind === 'item' && !block.headline && lineStart === block.start;
  return firstOfItem && !CLAUSE_MARK.test(text.slice(lineStart, breakStart));
}

/** The end of the ordinal or marker opening text at `offset`, or -1. */
function ordinalEnd(text: string, offset: number): number {
  ORDINAL_START.lastIndex = offset;
  return ORDINAL_START.test(text) ? ORDINAL_START.lastIndex : -1;
}

/** Up to EXCERPT code points ending at `end`, not before `floor`. */
function excerptBefore(text: string, floor: number, end: number): string {
  let start = end;
  for (let count = 0; count < EXCERPT && start > floor; count++) start -= codeUnits(codePointBefore(text, start));
  return text.slice(Math.max(start, floor), end);
}

/** Up to EXCERPT code points starting at `start`, not past `ceiling`. */
function excerptAfter(text: string, start: number, ceiling: number): string {
  let end = start;
  for (let count = 0; count < EXCERPT && end < ceiling; count++) end += codeUnits(codePointAt(text, end));
  return text.slice(start, Math.min(end, ceiling));
}
