// unit-nonstandard: unit names that are not legal measurement units, where the legal name is certain
// (`平米` → `平方米`, `公分` → `厘米`). Only after a number (`0.5元/平米`, `3公分`, `十几公分`), because some of
// these strings are ordinary words elsewhere: `公分母`, `公方代表`. Legal names (`公斤`, `公里`, `公顷`,
// `千瓦时`) and customary ones the format accepts (`亩`) are not in the list.

import { codePointBefore, codeUnits, isAsciiDigit, isHan } from '../characters';
import type { Rule } from '../rule';

const LEGAL_NAMES: ReadonlyMap<string, string> = new Map([
  ['平米', '平方米'],
  ['立米', '立方米'],
  ['公方', '立方米'],
  ['公分', '厘米'],
  ['公厘', '毫米'],
  ['公尺', '米'],
  ['公升', '升'],
  ['公吨', '吨'],
]);

const NONSTANDARD_UNIT = /平米|立米|公[方分厘尺升吨]/g;
/** Chinese numerals and magnitudes, as in `三公分`, `十几平米`, `3.5万平米`. */
const CHINESE_NUMERALS = '〇零一二两三四五六七八九十百千万亿几';
/** Approximation characters between a number and its unit (`100余平米`, `100多平米`). */
const APPROXIMATIONS = '余多来';
/** How many characters a `/` may be from its number: `0.5元/平米` has one unit character, `5千瓦时/平米` three. */
const PER_UNIT_MAX = 3;

function isDigit(codePoint: number): boolean {
  return isAsciiDigit(codePoint) || (codePoint >= 0xff10 && codePoint <= 0xff19);
}

/** Whether a number (Arabic or Chinese) ends at `end`, past an approximation character. */
function numberEndsAt(text: string, end: number): boolean {
  let at = end;
  while (at > 0 && end - at < 2 && APPROXIMATIONS.includes(text[at - 1])) at--;
  return at > 0 && (isDigit(codePointBefore(text, at)) || CHINESE_NUMERALS.includes(text[at - 1]));
}

/** Whether the unit at `start` is counted: directly after a number, or after `<number><unit>/` (`0.5元/平米`). */
function counted(text: string, start: number): boolean {
  if (numberEndsAt(text, start)) return true;
  if (text[start - 1] !== '/') return false;
  // Walk back over the unit before the slash (元, 千瓦时) to the number it follows.
  let at = start - 1;
  for (let steps = 0; steps < PER_UNIT_MAX && at > 0; steps++) {
    const codePoint = codePointBefore(text, at);
    if (isDigit(codePoint) || !isHan(codePoint)) return false;
    at -= codeUnits(codePoint);
    if (numberEndsAt(text, at)) return true;
  }
  return false;
}

export const unitNonstandard: Rule = {
  id: 'unit-nonstandard',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '使用法定计量单位名称：“平米”应为“平方米”，“公分”应为“厘米”等',
    en: 'Use legal unit names: 平方米 not 平米, 厘米 not 公分, and so on.',
  },
  standard: {
    zh: 'GB 3100-1993、GB 3102-1993；《中华人民共和国法定计量单位》',
    en: 'GB 3100-1993, GB 3102-1993; the legal units of measurement of the PRC',
  },
  check({ text, document, report }) {
    NONSTANDARD_UNIT.lastIndex = 0;
    for (let match = NONSTANDARD_UNIT.exec(text); match; match = NONSTANDARD_UNIT.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!counted(text, start)) continue;
      // Direct speech and titles are cited as written.
      if (!document.isProse(start) || document.isQuoted(start)) continue;
      const legal = LEGAL_NAMES.get(match[0])!;
      report({
        start,
        end,
        message: {
          zh: `应使用法定计量单位名称：“${match[0]}”应为“${legal}”（GB 3100-1993）`,
          en: `Use the legal unit name: "${match[0]}" should be "${legal}".`,
        },
        fix: [{ start, end, text: legal }],
      });
    }
  },
};
