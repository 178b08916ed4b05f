// GB/T 15835-2011 5.1.5: hours and minutes may be written in the extended format of GB/T 7408 with a colon,
// 15:40 or 14:12:36, and that colon is the half-width one; a full-width colon (9：30) is the label colon of
// Chinese text.
//
// A full-width colon between numbers is also how drafts write ratios and scores (师生比1：15, 比例为1：10,
// 以3：1获胜, 1：50万), so the rule only reads a clock time: hours 0–24, exactly two digits of minutes 00–59,
// and no ratio word around it.

import type { Rule } from '../rule';
import { onTextLine } from '../characters';
import type { TextEdit } from '../types';
import { isAlnumAt, isDigitAt, isOneOf } from '../number-text';

const COLON = '：';

/** A ratio word shortly before the numbers (比例, 师生比, 比分, 配比) makes them a ratio. */
const RATIO_BEFORE = /[比率]/;
const RATIO_LOOKBACK = 6;
/** Words right before the hours that introduce a ratio or a score: 按1：10配套, 以3：15取胜. */
const RATIO_LEAD = '按以';
/** A magnitude, 比 or 的比例 right after the minutes makes the numbers a scale or a ratio: 1：50万, 1：10的比例. */
const RATIO_AFTER = /^(?:[万千亿比配]|的比)/;

/** The two-digit number at `start` (followed by no further digit), or -1. */
function twoDigits(text: string, start: number): number {
  if (!isDigitAt(text, start) || !isDigitAt(text, start + 1) || isDigitAt(text, start + 2)) return -1;
  return Number(text.slice(start, start + 2));
}

export const timeColon: Rule = {
  id: 'time-colon',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '时刻中的冒号用半角“:”：9：30应为9:30',
    en: 'A clock time takes the half-width colon: 9:30, not 9：30',
  },
  standard: { zh: 'GB/T 15835-2011 5.1.5（时分秒）', en: 'GB/T 15835-2011 5.1.5 (time of day)' },
  check({ text, document, report }) {
    for (let at = text.indexOf(COLON); at >= 0; at = text.indexOf(COLON, at + 1)) {
      let hoursStart = at;
      while (hoursStart > at - 2 && isDigitAt(text, hoursStart - 1)) hoursStart--;
      const before = text[hoursStart - 1];
      if (hoursStart === at || isAlnumAt(text, hoursStart - 1) || before === '.' || before === ':' || before === COLON) continue;
      const hours = Number(text.slice(hoursStart, at));
      const minutes = twoDigits(text, at + 1);
      if (minutes < 0 || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) continue;
      const colons = [at];
      const secondsColon = at + 3;
      if (text[secondsColon] === COLON) {
        const seconds = twoDigits(text, secondsColon + 1);
        if (seconds >= 0 && seconds <= 59) colons.push(secondsColon);
      }
      const end = colons[colons.length - 1] + 1;
      const timeEnd = end + 2;
      const lookback = text.slice(Math.max(0, hoursStart - RATIO_LOOKBACK), hoursStart);
      const ratio = RATIO_BEFORE.test(lookback.slice(lookback.lastIndexOf('\n') + 1)) || isOneOf(RATIO_LEAD, before) ||
        RATIO_AFTER.test(text.slice(timeEnd, timeEnd + 2)) || text[timeEnd] === COLON || isAlnumAt(text, timeEnd);
      if (ratio || !onTextLine(document, at)) continue;
      const written = text.slice(hoursStart, timeEnd);
      const correct = written.replaceAll(COLON, ':');
      const fix: TextEdit[] = colons.map(colon => ({ start: colon, end: colon + 1, text: ':' }));
      report({
        start: at,
        end,
        message: {
          zh: `时刻中的冒号用半角“:”：“${written}”应为“${correct}”（GB/T 15835-2011 5.1.5）`,
          en: `Write the clock time "${written}" with a half-width colon: "${correct}".`,
        },
        fix,
      });
      at = end - 1;
    }
  },
};
