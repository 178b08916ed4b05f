// GB/T 15835-2011 5.3: a number is written either in Arabic digits or in Chinese numerals; only the large units
// 万 and 亿 may follow Arabic digits (41048万元, 10亿零817万). So 4千余人 is 4000余人, 3百万 is 300万, 1百零8 is
// 108, and 3万5千元 is 3.5万元.
//
// 千, 百 and 十 after a digit are often not numeral units at all: 5千米, 3千克, 2千瓦, 5百分点, 3十分 and the like
// are units or words, and 2023十大 is a year before a title. The rule reads only short numbers (千 after up to
// three digits, 百 and 十 after one digit) and leaves a number alone when what follows makes the reading doubtful
// (3千5, 3千五百).

import type { Rule } from '../rule';
import { onTextLine } from '../characters';
import { arabicNumberEnd, arabicNumberStart, isAlnumAt, isDigitAt, isOneOf } from '../number-text';

const UNIT_VALUE: Readonly<Record<string, number>> = { 千: 1000, 百: 100, 十: 10 };

/** A number directly followed by 千, 百 or 十; the lookbehind makes the scan start at the number's first digit. */
const CANDIDATE = /(?<![\d.])\d+(?:\.\d+)?(?=[千百十])/g;

/** What follows a lone 千/百/十 when it is a unit or a word rather than a numeral unit. */
const WORD_AFTER_UNIT: Readonly<Record<string, RegExp>> = {
  千: /^[米克瓦伏帕焦卡赫兆]/,
  百: /^(?:分|货|姓|度)/,
  十: /^[分大佳强]/,
};

/** The first number of a chain: 千 takes up to three digits or a decimal with up to three places; 百, 十 one digit. */
const FIRST_GROUP: Readonly<Record<string, RegExp>> = {
  千: /^(?:[1-9]\d{0,2}|0)(?:\.\d{1,3})?$/,
  百: /^[1-9]$/,
  十: /^[1-9]$/,
};

const CHINESE_DIGITS = '一二三四五六七八九';

interface Chain {
  end: number;
  /** The value of the chain (3千5百 → 3500), always an integer. */
  value: number;
  groups: number;
}

/** Reads 4千, 3千5百, 1百零8, 1.5千 from `start`; undefined when the digits and units do not form such a number. */
function readChain(text: string, start: number): Chain | undefined {
  const firstEnd = arabicNumberEnd(text, start);
  const unit = text[firstEnd];
  const first = text.slice(start, firstEnd);
  if (!FIRST_GROUP[unit]?.test(first) || Number(first) === 0) return undefined;
  let value = decimalTimes(first, UNIT_VALUE[unit]);
  let lastUnitValue = UNIT_VALUE[unit];
  let at = firstEnd + 1;
  let groups = 1;
  // A decimal coefficient (1.5千) ends the number; otherwise lower places may follow: 5百, 零8, or 5 after 十.
  while (!first.includes('.')) {
    const zero = text[at] === '零';
    const digitAt = zero ? at + 1 : at;
    const digit = text[digitAt];
    if (!isDigitAt(text, digitAt) || digit === '0' || isDigitAt(text, digitAt + 1)) break;
    const nextUnitValue = UNIT_VALUE[text[digitAt + 1]];
    if (nextUnitValue && nextUnitValue < lastUnitValue) {
      value += Number(digit) * nextUnitValue;
      lastUnitValue = nextUnitValue;
      at = digitAt + 2;
      groups++;
    } else if (!nextUnitValue && (zero || lastUnitValue === 10)) {
      value += Number(digit);
      at = digitAt + 1;
      groups++;
      break;
    } else break;
  }
  return { end: at, value, groups };
}

/**
 * `number` times 1000, 100 or 10, computed on the digits so that 1.15千 is exactly 1150 (FIRST_GROUP allows no
 * more decimal places than the factor has zeros).
 */
function decimalTimes(number: string, factor: number): number {
  const [integer, fraction = ''] = number.split('.');
  return Number(integer + fraction.padEnd(String(factor).length - 1, '0'));
}

/**
 * `whole` plus `below`/10000, written as a decimal of the large unit: (3, 5000) → 3.5. Only the four places of
 * the fraction are trimmed (`below` is never 0): /0+$/ over the whole number would take quadratic time on a long
 * run of zeros in `whole`.
 */
function asLargeUnit(whole: string, below: number): string {
  return `${whole}.${String(below).padStart(4, '0').replace(/0+$/, '')}`;
}

export const numberMixedDigits: Rule = {
  id: 'number-mixed-digits',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '阿拉伯数字不与“千”“百”“十”连用：4千余人应为4000余人，3万5千元应为3.5万元',
    en: 'Arabic digits do not take 千/百/十 as units: 4000余人, not 4千余人; 3.5万元, not 3万5千元',
  },
  standard: { zh: 'GB/T 15835-2011 5.3（阿拉伯数字与汉字数字同时使用）', en: 'GB/T 15835-2011 5.3 (mixing Arabic and Chinese numerals)' },
  check({ text, document, report }) {
    CANDIDATE.lastIndex = 0;
    for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
      const chainStart = match.index;
      const chain = readChain(text, chainStart);
      if (!chain) continue;
      const after = text[chain.end];
      // 3千5 or 3千五百: the reading of what follows is doubtful, so the number is left alone.
      if (isDigitAt(text, chain.end) || isOneOf(CHINESE_DIGITS, after) || (after === '零' && isDigitAt(text, chain.end + 1))) continue;
      const lastUnit = text[chain.end - 1];
      if (chain.groups === 1 && WORD_AFTER_UNIT[lastUnit]?.test(text.slice(chain.end, chain.end + 2))) continue;
      const before = text[chainStart - 1];
      let start = chainStart;
      let end = chain.end;
      let correct = String(chain.value);
      // 3万5千 and 2亿3千万: the chain is the part below the large unit written before it.
      const largeUnit = isOneOf('万亿', before) ? before : '';
      if (largeUnit) {
        const wholeStart = arabicNumberStart(text, chainStart - 1);
        const whole = text.slice(wholeStart, chainStart - 1);
        const scaledByWan = largeUnit === '亿' && after === '万';
        // The large unit must follow a whole number: 1.2万5千 has no single rewrite.
        if (!/^[1-9]\d*$/.test(whole) || (largeUnit === '亿' && !scaledByWan) || (largeUnit === '万' && after === '万') || chain.value >= 10000) continue;
        if (isAlnumAt(text, wholeStart - 1) || text[wholeStart - 1] === '.') continue;
        start = wholeStart;
        end = scaledByWan ? chain.end + 1 : chain.end;
        correct = asLargeUnit(whole, chain.value) + largeUnit;
      } else if (isAlnumAt(text, chainStart - 1) || isOneOf('-/_', before)) continue;
      if (!onTextLine(document, start)) continue;
      const written = text.slice(start, end);
      report({
        start,
        end,
        message: {
          zh: `阿拉伯数字不与“千”“百”“十”连用：“${written}”应为“${correct}”（GB/T 15835-2011 5.3）`,
          en: `Do not combine Arabic digits with 千/百/十: write "${correct}", not "${written}".`,
        },
        fix: [{ start, end, text: correct }],
      });
      CANDIDATE.lastIndex = end;
    }
  },
};
