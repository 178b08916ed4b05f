// An enumeration is cut short either by an ellipsis or by 等/等等, never by both (GB/T 15834-2011 4.11.3.2: the
// ellipsis marks the omitted items of a list; 等 already says the same). The ellipsis goes, 等 stays, because
// 等 also ends the list grammatically (“……等工作” reads on).

import type { Rule } from '../rule';
import { onTextLine } from '../characters';

/**
 * An ellipsis (one or more …, ⋯, or three ASCII dots and more) directly followed by 等. A run is only tried from
 * its first character (the lookbehinds), which keeps the scan linear on a long run of dots.
 */
const ELLIPSIS_BEFORE_DENG = /(?:(?<!…)…+|(?<!⋯)⋯+|(?<!\.)\.{3,})(?=等)/g;

/** 等 opening another word (等待, 等于, 等一下) is the verb or a compound, not the list ending. */
const DENG_WORD = /^等(?:待|到|候|级|于|同|额|量|价|距|比|值|着|一下|一等|一会)/;

export const ellipsisDeng: Rule = {
  id: 'ellipsis-deng',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '省略号与“等”“等等”不连用：“……等”应为“等”',
    en: 'An ellipsis and 等/等等 both end the list: drop the ellipsis before 等',
  },
  standard: { zh: 'GB/T 15834-2011 4.11.3.2（省略号）', en: 'GB/T 15834-2011 4.11.3.2 (ellipsis)' },
  check({ text, document, report }) {
    ELLIPSIS_BEFORE_DENG.lastIndex = 0;
    for (let match = ELLIPSIS_BEFORE_DENG.exec(text); match; match = ELLIPSIS_BEFORE_DENG.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!onTextLine(document, start) || DENG_WORD.test(text.slice(end, end + 3))) continue;
      const deng = text.startsWith('等等', end) ? '等等' : '等';
      report({
        start,
        end,
        message: {
          zh: `省略号与“${deng}”不连用：“${match[0]}${deng}”应为“${deng}”（GB/T 15834-2011 4.11.3.2）`,
          en: `Do not use an ellipsis together with ${deng}: write "${deng}" alone.`,
        },
        fix: [{ start, end, text: '' }],
      });
    }
  },
};
