// Ranges of numbers (GB/T 15835-2011 5.1.3; connectors GB/T 15834-2011 4.13.3): the connector is the wave dash
// ～ or the one-em dash —, not the short hyphen of codes and phone numbers (-) nor the half-width tilde (~); and
// % ‰ 万 亿 are written on both ends, since 15～20% reads as 15 to 20 percent only by guessing: 15%～20%,
// 2万～5万人 (the standard: 9亿～16亿, not 9～16亿; 15%～30%, not 15～30%). Both connectors are allowed for both
// kinds of range; the fix writes — for years, months and days and ～ for other numbers, the usual choice.
//
// A hyphen between numbers is very often not a range, so a hyphen counts only between two plain numbers that
// ascend: not in a chain (2011-02-15, 400-800-1234), not with a leading zero (0371-6891234, 2024-08), not next
// to a letter (WZ-10, EC-225, GB/T 15835-2011), a colon (9:00-10:00), a slash or a separator, not before 号,
// 室, 栋 (house numbers), and not when the second number has seven digits or more (phone numbers).

import type { Rule } from '../rule';
import { isLatinLetter, onTextLine } from '../characters';
import { arabicNumberEnd, arabicNumberStart, hasLeadingZero, isDigitAt, isOneOf, skipBlanksBackward, skipBlanksForward } from '../number-text';

/** Connectors that are wrong between the numbers of a range. */
const WRONG_CONNECTORS = '-－–~';
/** Connectors of a range; a — next to another — is a 破折号 (——), not a connector. */
const CONNECTOR = /[-－–~～—]/g;
/** Signs and units that belong to each end of a range. */
const SCALE_UNITS = '%‰万亿';
/** Time units: a range of them is a span of time, written with —. */
const TIME_UNITS = '年月日';
/** A neighbour of a number that makes it part of a code, a time or a chain of numbers. */
const CODE_NEIGHBOUR = '-－–~～—.:：/／_#';
/** House and room numbers: 3-5号 is more often building 3, unit 5 than a range. */
const HOUSE_NUMBER_AFTER = /^(?:号|室|栋|幢|单元|户)/;
const MAX_INTEGER_DIGITS = 6;
/** The rest of a date around a span of dates: 2024年6月 before 1日, 月3日 after 6. */
const DATE_BEFORE = /(?:\d{1,4}[年月])+$/;
const DATE_AFTER = /^[年月日](?:\d{1,2}[月日])*/;
const DATE_REACH = 12;
const YEAR_MIN = 1000;
const YEAR_MAX = 2999;

interface RangeEnd {
  start: number;
  end: number;
  value: number;
}

function readNumber(text: string, start: number, end: number): RangeEnd | undefined {
  const number = text.slice(start, end);
  if (start === end || hasLeadingZero(number) || number.split('.')[0].length > MAX_INTEGER_DIGITS) return undefined;
  return { start, end, value: Number(number) };
}

function isYear(end: RangeEnd): boolean {
  return end.end - end.start === 4 && end.value >= YEAR_MIN && end.value <= YEAR_MAX;
}

/**
 * Whether the character at `offset`, next to a number on the side `direction` points to, ties the number to a
 * code: a letter (WZ-10), a connector or a colon (2011-02-15, 9:00), or a thousands comma (12,500).
 */
function isPartOfCode(text: string, offset: number, direction: 1 | -1): boolean {
  const char = text[offset];
  return isLatinLetter(text.charCodeAt(offset)) || isOneOf(CODE_NEIGHBOUR, char) || (char === ',' && isDigitAt(text, offset + direction));
}

export const numberRange: Rule = {
  id: 'number-range',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '数值范围用“～”或“—”连接，%、万、亿两端都写：15-20%应为15%～20%，2016-2020年应为2016—2020年',
    en: 'Ranges take ～ or —, and %/万/亿 on both ends: 15%～20%, 2万～5万人, 2016—2020年',
  },
  standard: {
    zh: 'GB/T 15835-2011 5.1.3（数值范围）；GB/T 15834-2011 4.13.3（连接号）',
    en: 'GB/T 15835-2011 5.1.3 (ranges of numbers); GB/T 15834-2011 4.13.3 (connectors)',
  },
  check({ text, document, options, report }) {
    const timeConnector = options.timeConnector === '～' ? '～' : '—';
    CONNECTOR.lastIndex = 0;
    for (let match = CONNECTOR.exec(text); match; match = CONNECTOR.exec(text)) {
      const connectorAt = match.index;
      const connector = match[0];
      if (connector === '—' && (text[connectorAt - 1] === '—' || text[connectorAt + 1] === '—')) continue;
      // The first end: a number, then perhaps its unit, then blanks before the connector.
      const leftEnd = skipBlanksBackward(text, connectorAt);
      const firstUnit = isOneOf(SCALE_UNITS + TIME_UNITS, text[leftEnd - 1]) ? text[leftEnd - 1] : '';
      const firstEnd = leftEnd - firstUnit.length;
      const first = readNumber(text, arabicNumberStart(text, firstEnd), firstEnd);
      if (!first) continue;
      // The second end: blanks, a number, then perhaps its unit.
      const secondStart = skipBlanksForward(text, connectorAt + 1);
      const second = readNumber(text, secondStart, arabicNumberEnd(text, secondStart));
      if (!second) continue;
      const secondUnit = text.startsWith('万亿', second.end) ? '万亿' : isOneOf(SCALE_UNITS + TIME_UNITS, text[second.end]) ? text[second.end] : '';
      if (isPartOfCode(text, first.start - 1, -1) || isPartOfCode(text, second.end, 1)) continue;
      // A standard's number (GB/T 15835-2011) or a model written with a space after its letters.
      const beforeBlanks = skipBlanksBackward(text, first.start) - 1;
      if (isLatinLetter(text.charCodeAt(beforeBlanks)) || text[beforeBlanks] === '/') continue;
      if (HOUSE_NUMBER_AFTER.test(text.slice(second.end, second.end + 2))) continue;
      // Dates on both ends (6月1日-6月3日, 6月30日-7月5日) are a span of time whatever their numbers; otherwise a
      // range ascends and keeps its unit (5万-10% is no range).
      const betweenDates = isOneOf(TIME_UNITS, firstUnit) && isOneOf(TIME_UNITS, secondUnit);
      if (!betweenDates && (first.value >= second.value || (firstUnit && firstUnit !== secondUnit))) continue;
      const wrongConnector = WRONG_CONNECTORS.includes(connector);
      const missingUnit = !firstUnit && secondUnit && !isOneOf(TIME_UNITS, secondUnit) ? secondUnit : '';
      if ((!wrongConnector && !missingUnit) || !onTextLine(document, connectorAt)) continue;
      const timeSpan = betweenDates || (isOneOf(TIME_UNITS, secondUnit) && (secondUnit !== '年' || (isYear(first) && isYear(second))));
      const rightConnector = wrongConnector ? (timeSpan ? timeConnector : '～') : connector;
      const connectorStart = firstEnd + firstUnit.length;
      // Between dates the message quotes them whole (6月1日-6月3日), not only the numbers next to the connector.
      const quoteStart = betweenDates ? first.start - (DATE_BEFORE.exec(text.slice(Math.max(0, first.start - DATE_REACH), first.start))?.[0].length ?? 0) : first.start;
      const quoteEnd = second.end + (betweenDates ? DATE_AFTER.exec(text.slice(second.end, second.end + DATE_REACH))![0].length : secondUnit.length);
      const written = text.slice(quoteStart, quoteEnd);
      const correct = text.slice(quoteStart, first.end) + (firstUnit || missingUnit) + rightConnector + text.slice(second.start, quoteEnd);
      const reason = missingUnit
        ? { zh: `范围两端都要写“${missingUnit}”`, en: `write ${missingUnit} on both ends` }
        : { zh: `连接号用“${rightConnector}”`, en: `connect with ${rightConnector}` };
      report({
        start: missingUnit ? first.start : connectorStart,
        end: missingUnit ? second.end + secondUnit.length : secondStart,
        message: {
          zh: `数值范围“${written}”应为“${correct}”：${reason.zh}（GB/T 15835-2011 5.1.3）`,
          en: `Write the range "${written}" as "${correct}": ${reason.en}.`,
        },
        fix: wrongConnector
          ? [{ start: connectorStart, end: secondStart, text: missingUnit + rightConnector }]
          : [{ start: first.end, end: first.end, text: missingUnit }],
      });
    }
  },
};
