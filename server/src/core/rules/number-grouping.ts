// number-grouping: thousands separators in Chinese text (`2,198人`, `41,048万元`). GB/T 15835 allows them in
// general publications, but bulletins write numbers ungrouped (`2198人`): house style. A list such as `1,2,3`
// is not a grouped number (each group after a comma must have exactly three digits), and a grouped number must
// touch Han text or `%`, so English and tables of figures are left alone.

import { codePointAt, codePointBefore, isHan } from '../characters';
import type { Rule } from '../rule';
import type { TextEdit } from '../types';

/** One to three digits, then groups of `,` and three digits, not part of a longer run of digits or groups. */
const GROUPED_NUMBER = /(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9,])/g;

export const numberGrouping: Rule = {
  id: 'number-grouping',
  severity: 'info',
  fixable: true,
  description: {
    zh: '简报中的数字不用千分撇分节（“2,198人”应为“2198人”）',
    en: 'Numbers in bulletins are written without thousands separators ("2,198人" should be "2198人").',
  },
  standard: { zh: '本地简报惯例 (house style)；GB/T 15835-2011 允许分节，简报不用', en: 'House style (GB/T 15835-2011 allows grouping; bulletins do not use it)' },
  check({ text, document, report }) {
    GROUPED_NUMBER.lastIndex = 0;
    for (let match = GROUPED_NUMBER.exec(text); match; match = GROUPED_NUMBER.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const after = codePointAt(text, end);
      if (!isHan(codePointBefore(text, start)) && !isHan(after) && after !== 0x25 /* % */) continue;
      if (!document.isProse(start)) continue;
      const fix: TextEdit[] = [];
      for (let at = text.indexOf(',', start); at >= 0 && at < end; at = text.indexOf(',', at + 1)) fix.push({ start: at, end: at + 1, text: '' });
      const corrected = match[0].replaceAll(',', '');
      report({
        start,
        end,
        message: {
          zh: `简报数字不用千分撇分节：“${match[0]}”应为“${corrected}”`,
          en: `No thousands separators in bulletins: write "${corrected}".`,
        },
        fix,
      });
    }
  },
};
