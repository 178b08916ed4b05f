// GB/T 15834-2011 4.5.3.5: items that each stand in quotation marks or in 书名号 are already set apart by their
// marks, so no 顿号 goes between them: “一校一品”“一校多品”, 《A》《B》. When something else stands between the
// items (a bracketed note after a title), the 顿号 is right, and this rule only looks at a 顿号 that touches
// both items.

import type { Rule } from '../rule';
import { onTextLine } from '../characters';
import { quoteSpan } from '../number-text';

interface ItemMarks {
  open: string;
  close: string;
  zh: string;
  en: string;
}

const MARKS_BY_CLOSER: Readonly<Record<string, ItemMarks>> = {
  '”': { open: '“', close: '”', zh: '引号', en: 'quotation marks' },
  '’': { open: '‘', close: '’', zh: '引号', en: 'quotation marks' },
  '》': { open: '《', close: '》', zh: '书名号', en: 'title marks (书名号)' },
};

/** A 顿号 between a closing and an opening mark: the candidates, rare enough to scan for. */
const CLOSER_COMMA_OPENER = /[”’》]、[“‘《]/g;

/** Longest item the rule reads around a 顿号; beyond it the marks are unlikely to pair up. */
const ITEM_MAX = 80;

/** Start of the complete item closed at `closeAt` (its opening mark), or -1 when the item is not a complete one. */
function itemOpening(text: string, closeAt: number, marks: ItemMarks): number {
  for (let at = closeAt - 1; at >= 0 && closeAt - at <= ITEM_MAX; at--) {
    const char = text[at];
    if (char === marks.open) return at < closeAt - 1 ? at : -1;
    if (char === marks.close || char === '\n' || char === '\r') return -1;
  }
  return -1;
}

/** End (past the closing mark) of the complete item opened at `openAt`, or -1. */
function itemClosing(text: string, openAt: number, marks: ItemMarks): number {
  for (let at = openAt + 1; at < text.length && at - openAt <= ITEM_MAX; at++) {
    const char = text[at];
    if (char === marks.close) return at > openAt + 1 ? at + 1 : -1;
    if (char === marks.open || char === '\n' || char === '\r') return -1;
  }
  return -1;
}

export const punctEnumerationComma: Rule = {
  id: 'punct-enumeration-comma',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '标有引号或书名号的并列成分之间不用顿号：“一校一品”、“一校多品”应为“一校一品”“一校多品”',
    en: 'No enumeration comma (、) between items that each stand in quotation marks or title marks',
  },
  standard: { zh: 'GB/T 15834-2011 4.5.3.5（顿号）', en: 'GB/T 15834-2011 4.5.3.5 (enumeration comma)' },
  check({ text, document, report }) {
    CLOSER_COMMA_OPENER.lastIndex = 0;
    for (let match = CLOSER_COMMA_OPENER.exec(text); match; match = CLOSER_COMMA_OPENER.exec(text)) {
      const at = match.index + 1;
      const marks = MARKS_BY_CLOSER[text[at - 1]];
      if (text[at + 1] !== marks.open || !onTextLine(document, at)) continue;
      const firstStart = itemOpening(text, at - 1, marks);
      const secondEnd = firstStart < 0 ? -1 : itemClosing(text, at + 1, marks);
      if (secondEnd < 0) continue;
      const first = quoteSpan(text, firstStart, at);
      const second = quoteSpan(text, at + 1, secondEnd);
      report({
        start: at,
        end: at + 1,
        message: {
          zh: `标有${marks.zh}的并列成分之间不用顿号：${first}、${second}应为${first}${second}（GB/T 15834-2011 4.5.3.5）`,
          en: `No enumeration comma between items in ${marks.en}: write ${first}${second}.`,
        },
        fix: [{ start: at, end: at + 1, text: '' }],
      });
    }
  },
};
