// GB/T 15835-2011 5.2.5: the zero of a number written digit by digit in Chinese numerals (a year, a serial
// number) is 〇: 二〇二四年, not 二零二四年; 零 is the zero of a counted amount (一百零五, 三千零五十二), where it
// stands between a digit and a unit 百/千/万. Drafts also type a Latin O, the digit 0 or the circle ○ for 〇.
//
// The rule reads runs of three to eight Chinese digits starting with 一…九 that contain such a zero, and leaves
// a run alone when a unit (十百千万亿) or 点 touches it, since then it is part of a counted amount or a decimal
// read aloud (一千零二十, 三点零五). Words like 零星, 零距离 or 九零后 never form such a run.

import type { Rule } from '../rule';
import { onTextLine } from '../characters';
import type { TextEdit } from '../types';
import { isAlnumAt, isOneOf } from '../number-text';

const RIGHT_ZERO = '〇';
/** What drafts type for 〇: 零, Latin O/o (half- and full-width), the digits 0/０ and the circle ○. */
const WRONG_ZEROS = '零OoＯｏ0０○';
/** Chinese digits and the zeros drafts type: the characters of a digit-by-digit number. */
const RUN_CHARS = '一二三四五六七八九〇零OoＯｏ0０○';
/**
 * A digit-by-digit Chinese number of three to eight characters, starting with a non-zero digit. Longer runs are
 * no year or serial number; they are matched piecewise and each piece is dropped for touching the rest.
 */
const DIGIT_RUN = new RegExp(`[一二三四五六七八九][${RUN_CHARS}]{2,7}`, 'g');
/** A unit or a decimal point next to the run makes it part of a counted amount. */
const AMOUNT_NEIGHBOUR = '十百千万亿两点';

export const chineseZero: Rule = {
  id: 'chinese-zero',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '逐位书写的汉字数字（年份、编号）中的“0”写作“〇”：二零二四年应为二〇二四年',
    en: 'Chinese numerals written digit by digit (years, serial numbers) write zero as 〇: 二〇二四年',
  },
  standard: { zh: 'GB/T 15835-2011 5.2.5（“零”和“〇”）', en: 'GB/T 15835-2011 5.2.5 (零 and 〇)' },
  supersedes: ['fullwidth-digit'],
  check({ text, document, report }) {
    DIGIT_RUN.lastIndex = 0;
    for (let match = DIGIT_RUN.exec(text); match; match = DIGIT_RUN.exec(text)) {
      const run = match[0];
      const start = match.index;
      const end = start + run.length;
      const before = text[start - 1];
      const after = text[end];
      if (isOneOf(AMOUNT_NEIGHBOUR, before) || isOneOf(AMOUNT_NEIGHBOUR, after)) continue;
      // Touching Latin letters or digits, an O or a 0 belongs to a code (一OK), not to the Chinese number; touching
      // more Chinese digits, the run is longer than any year.
      if (isAlnumAt(text, start - 1) || isAlnumAt(text, end) || isOneOf(RUN_CHARS, before) || isOneOf(RUN_CHARS, after)) continue;
      const edits: TextEdit[] = [];
      for (let index = 0; index < run.length; index++) {
        if (WRONG_ZEROS.includes(run[index])) edits.push({ start: start + index, end: start + index + 1, text: RIGHT_ZERO });
      }
      if (edits.length === 0 || !onTextLine(document, start)) continue;
      const correct = Array.from(run, char => (WRONG_ZEROS.includes(char) ? RIGHT_ZERO : char)).join('');
      report({
        start: edits[0].start,
        end: edits[edits.length - 1].end,
        message: {
          zh: `逐位书写的汉字数字中“0”写作“〇”：“${run}”应为“${correct}”（GB/T 15835-2011 5.2.5）`,
          en: `Write zero as 〇 in Chinese numerals read digit by digit: "${correct}", not "${run}".`,
        },
        fix: edits,
      });
    }
  },
};
