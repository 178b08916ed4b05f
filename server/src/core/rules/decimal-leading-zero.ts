// GB/T 15835-2011 5.1.2: a number below one is written with the 0 before the decimal point: 0.5元, not .5元.
//
// The dot counts as a decimal point only where nothing but Chinese text, whitespace, an opening mark, a
// separator or a sign comes before it: after a digit or a letter it belongs to a number, a version, a domain
// name or a file name (www.12345.gov.cn, 1.5, v.2), and a closing mark before it ends something else.

import type { Rule } from '../rule';
import { codePointBefore, isHan, isLatinLetter, onTextLine } from '../characters';
import { isOneOf } from '../number-text';

/** A dot directly followed by digits; only the first dot of a run of dots starts a candidate. */
const BARE_DECIMAL = /(?<!\.)\.(\d+)/g;

/** Characters after which a dot starts a number: whitespace, separators, opening marks and signs. */
const BEFORE_NUMBER = ' \t\u3000\r\n\ufeff，。；：、！？“‘（《【〔—～-+±−~约';

export const decimalLeadingZero: Rule = {
  id: 'decimal-leading-zero',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '纯小数应写出小数点前的“0”：.5元应为0.5元',
    en: 'A number below one is written with its leading 0: 0.5, not .5',
  },
  standard: { zh: 'GB/T 15835-2011 5.1.2（纯小数）', en: 'GB/T 15835-2011 5.1.2 (decimals below one)' },
  check({ text, document, report }) {
    BARE_DECIMAL.lastIndex = 0;
    for (let match = BARE_DECIMAL.exec(text); match; match = BARE_DECIMAL.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const before = text[start - 1];
      const after = text[end];
      const startsNumber = start === 0 || isOneOf(BEFORE_NUMBER, before) || isHan(codePointBefore(text, start));
      // A dot and digits followed by a letter or another dot is a file extension or a version (.7z, .3.1).
      if (!startsNumber || after === '.' || isLatinLetter(text.charCodeAt(end)) || !onTextLine(document, start)) continue;
      report({
        start,
        end,
        message: {
          zh: `纯小数应写出小数点前的“0”：“${match[0]}”应为“0${match[0]}”（GB/T 15835-2011 5.1.2）`,
          en: `Write the leading zero of a decimal: "0${match[0]}", not "${match[0]}".`,
        },
        fix: [{ start, end: start, text: '0' }],
      });
    }
  },
};
