// number-unit-space: whitespace between an Arabic number and the Chinese character next to it (`建成 3个`,
// `40 余件`, `9月 25日`). Drafts get these spaces from PDF and Word extraction and from typists who space
// numbers as in English; GB/T 15835 writes numbers and Chinese together.

import {
  asciiTokenEnd, asciiTokenStart, codePointAt, codePointBefore, excerpt, forEachBlankRun, headlineSeparatorStarts,
  isArabicNumber, isHan,
} from '../characters';
import type { Rule } from '../rule';

export const numberUnitSpace: Rule = {
  id: 'number-unit-space',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '阿拉伯数字与相邻汉字之间不加空格（“建成 3个”“40 余件”“9月 25日”）',
    en: 'No whitespace between an Arabic number and an adjacent Chinese character ("建成 3个", "40 余件").',
  },
  standard: { zh: 'GB/T 15835-2011', en: 'GB/T 15835-2011' },
  check({ text, document, report }) {
    const separators = headlineSeparatorStarts(document);
    forEachBlankRun(document, (start, end) => {
      const left = codePointBefore(text, start);
      const right = codePointAt(text, end);
      // The number must be a plain number: a token with letters (`SG500`, `EC-225`) is a model, whose spacing
      // is cjk-latin-space's to judge.
      const numberBefore = isHan(right) && isArabicNumber(text, asciiTokenStart(text, start), start);
      const numberAfter = isHan(left) && isArabicNumber(text, end, asciiTokenEnd(text, end));
      if (!numberBefore && !numberAfter) return;
      // Header lines (第 45 期, the issue date), quoted slogans and the headline's separator keep their spaces.
      if (!document.isProse(start) || document.isQuoted(start) || separators.has(start)) return;
      const { written, corrected } = excerpt(text, start, end, '');
      report({
        start,
        end,
        message: {
          zh: `数字与汉字之间不加空格：“${written}”应为“${corrected}”（GB/T 15835-2011）`,
          en: `No space between a number and a Chinese character: write "${corrected}".`,
        },
        fix: [{ start, end, text: '' }],
      });
    });
  },
};
