// date-format: dates in running text are written 2024年8月9日. Flags the forms drafts bring instead: spaced
// (`2024 年 8 月 9 日`, copied from a header), zero-padded (`2024年08月09日`), dotted or slashed (`2024.8.9`,
// `2024/8/9`) and a two-digit year (`24年8月`). The complete ISO date `2024-08-09` is a standard form and stays.

import { HORIZONTAL_BLANK } from '../characters';
import type { Rule, RuleContext } from '../rule';

const BLANK = `${HORIZONTAL_BLANK}*`;
/** 年 月 [日] with digits, optional spaces around each part. Groups: year, month, day. */
const CHINESE_DATE = new RegExp(
  `(?<![0-9.])([0-9]{4}|[0-9]{2})${BLANK}年${BLANK}([0-9]{1,2})${BLANK}月(?:${BLANK}([0-9]{1,2})${BLANK}日)?`,
  'g',
);
/** A full date with `.` or `/` between the parts; not inside a longer run of numbers, versions or URL paths. */
const SEPARATED_DATE = /(?<![0-9A-Za-z./])((?:19|20)[0-9]{2})([./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9A-Za-z./])/g;

/**
 * Characters before a number that make it a count of years, not a year: `连续10年8月份举办`, `近24年`. A
 * two-digit "year" after them is left alone.
 */
const DURATION_HINTS = '近续满了达历经第每共逾超约余多';

const isMonth = (value: number) => value >= 1 && value <= 12;
const isDay = (value: number) => value >= 1 && value <= 31;

/** 24 → 2024, 98 → 1998: bulletins write about the present and the recent past. */
function fullYear(twoDigits: string): number {
  const value = Number(twoDigits);
  return value < 50 ? 2000 + value : 1900 + value;
}

function normalDate(year: number, month: number, day?: number): string {
  return `${year}年${month}月${day === undefined ? '' : `${day}日`}`;
}

/** Whether the date may be judged: body text, not a quoted slogan or title (those are cited as written). */
function judged(context: RuleContext, start: number): boolean {
  return context.document.isProse(start) && !context.document.isQuoted(start);
}

function checkChineseDates(context: RuleContext): void {
  const { text, report } = context;
  CHINESE_DATE.lastIndex = 0;
  for (let match = CHINESE_DATE.exec(text); match; match = CHINESE_DATE.exec(text)) {
    const [written, yearDigits, monthDigits, dayDigits] = match;
    const month = Number(monthDigits);
    const day = dayDigits === undefined ? undefined : Number(dayDigits);
    if (!isMonth(month) || (day !== undefined && !isDay(day))) continue;
    const twoDigitYear = yearDigits.length === 2;
    if (twoDigitYear && match.index > 0 && DURATION_HINTS.includes(text[match.index - 1])) continue;
    const spaced = /\s/.test(written);
    const padded = monthDigits.startsWith('0') || (dayDigits?.startsWith('0') ?? false);
    if (!twoDigitYear && !spaced && !padded) continue;
    const start = match.index;
    if (!judged(context, start)) continue;
    const corrected = normalDate(twoDigitYear ? fullYear(yearDigits) : Number(yearDigits), month, day);
    const reasons: string[] = [];
    const reasonsEn: string[] = [];
    if (spaced) { reasons.push('日期中不加空格'); reasonsEn.push('no spaces inside a date'); }
    if (padded) { reasons.push('月、日不编虚位'); reasonsEn.push('no leading zeros in month and day'); }
    if (twoDigitYear) { reasons.push('年份应写全'); reasonsEn.push('write the full year'); }
    const clause = twoDigitYear || spaced ? 'GB/T 15835-2011' : 'GB/T 9704-2012';
    report({
      start,
      end: start + written.length,
      message: {
        zh: `${reasons.join('，')}：“${written}”应为“${corrected}”（${clause}）`,
        en: `Date format (${reasonsEn.join(', ')}): write "${corrected}".`,
      },
      fix: [{ start, end: start + written.length, text: corrected }],
    });
  }
}

function checkSeparatedDates(context: RuleContext): void {
  const { text, report } = context;
  SEPARATED_DATE.lastIndex = 0;
  for (let match = SEPARATED_DATE.exec(text); match; match = SEPARATED_DATE.exec(text)) {
    const [written, year, , month, day] = match;
    if (!isMonth(Number(month)) || !isDay(Number(day))) continue;
    const start = match.index;
    if (!judged(context, start)) continue;
    const corrected = normalDate(Number(year), Number(month), Number(day));
    report({
      start,
      end: start + written.length,
      message: {
        zh: `日期应写作“年月日”：“${written}”应为“${corrected}”（GB/T 15835-2011）`,
        en: `Write dates with 年月日: "${written}" should be "${corrected}".`,
      },
      fix: [{ start, end: start + written.length, text: corrected }],
    });
  }
}

export const dateFormat: Rule = {
  id: 'date-format',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '日期写作“2024年8月9日”：不加空格、月日不编虚位、年份写全，不用“2024.8.9”“2024/8/9”',
    en: 'Dates are written 2024年8月9日: no spaces, no leading zeros, a full year, no 2024.8.9 or 2024/8/9.',
  },
  standard: {
    zh: 'GB/T 15835-2011（年月日）；GB/T 9704-2012（成文日期：年份标全称，月、日不编虚位）',
    en: 'GB/T 15835-2011 (dates); GB/T 9704-2012 (full year, no leading zeros)',
  },
  supersedes: ['number-unit-space'],
  check(context) {
    checkChineseDates(context);
    checkSeparatedDates(context);
  },
};
