// One approximation word per number: 约300人, 300余人, 300多人, 40左右 are all right (GB/T 15835-2011 4.3 lists
// them), but 约300余人, 近100余次, 约5000字左右 or 300余人左右 say "about" twice, and 近100余次 even contradicts
// itself (nearly 100, more than 100). A decimal with 多 (13.5万多人) is the same contradiction: the decimal
// already gives the figure to the digit it names.
//
// No fix: which of the two words the writer meant is theirs to choose.
//
// 约 and 近 also end ordinary words (签约, 节约, 预约, 附近, 最近), and then they say nothing about the number
// that follows (签约300余家 is right); those words are listed below.

import type { Rule, RuleContext } from '../rule';
import { onTextLine } from '../characters';
import { arabicNumberEnd, arabicNumberStart, isAlnumAt, isDigitAt, isOneOf, quoteSpan, skipBlanksForward } from '../number-text';

/**
 * Where a stacked approximation can start: an approximation word before a number, or 余/多 right after the last
 * digit of one (300余, 2万多). Every stacked form contains one of the two, and both are rare enough to scan for.
 */
const ANCHOR = /(大约|将近|接近|约|近|逾)|\d[万亿]?[余多]/g;

/** Characters that, before 约 or 近, make a word of it (签约, 附近) rather than an approximation. */
const WORD_BEFORE_YUE = '签预节制履邀特相合违解毁爽践赴应立缔守失订续集公条婚契租规盟誓简隐俭';
const WORD_BEFORE_JIN = '附邻就靠贴临远亲最走拉';

const CHINESE_NUMERALS = '一二三四五六七八九十两百千万亿';
/** Longest Chinese numeral read after an approximation word (一千二百三十四万 has eight characters). */
const CHINESE_NUMERAL_MAX = 12;

/** 余 or 多 right after the number or after its large unit (300余, 2万余). */
const AFTER_NUMBER = /^([万亿]?)([余多])/;
/**
 * A short unit (字, 人次, 个百分点, %; after 余 perhaps with its large unit: 200余万元) and then 左右, read as "about"
 * only when punctuation, the end of the text or 的 follows it (左右两侧, 左右为难 are other words).
 */
const UNIT_THEN_ZUOYOU = /^[万亿]?[\p{Script=Han}%‰]{0,4}?左右(?=$|的|[^\p{Script=Han}])/u;

/** End of the Chinese numeral starting at `start` (`start` when there is none). */
function chineseNumeralEnd(text: string, start: number): number {
  let end = start;
  while (end - start < CHINESE_NUMERAL_MAX && isOneOf(CHINESE_NUMERALS, text[end])) end++;
  return end;
}

/**
 * Judges the number text[numberStart, numberEnd), with the approximation word `prefix` starting at `start` (or
 * none), and reports it when it carries two approximations. Returns where the judged text ends.
 */
function judge(context: RuleContext, start: number, prefix: string, numberStart: number, numberEnd: number): number {
  const { text } = context;
  const words: string[] = prefix ? [prefix] : [];
  let end = numberEnd;
  const marker = AFTER_NUMBER.exec(text.slice(numberEnd, numberEnd + 2));
  if (marker) {
    words.push(marker[2]);
    end += marker[0].length;
  }
  const zuoyou = UNIT_THEN_ZUOYOU.exec(text.slice(end, end + 8));
  if (zuoyou) {
    words.push('左右');
    end += zuoyou[0].length;
  }
  const decimalWithDuo = marker?.[2] === '多' && text.slice(numberStart, numberEnd).includes('.');
  if ((words.length < 2 && !decimalWithDuo) || !onTextLine(context.document, start)) return end;
  const written = quoteSpan(text, start, end);
  context.report({
    start,
    end,
    message: words.length < 2
      ? {
        zh: `小数已表示到确切的位数，不再加“多”：“${written}”应去掉“多”或改写（GB/T 15835-2011 4.3）`,
        en: `A decimal already states the figure to its last digit; drop 多 or rewrite "${written}".`,
      }
      : {
        zh: `约数词语重复：“${written}”同时用了“${words[0]}”和“${words[1]}”，只保留一个（GB/T 15835-2011 4.3）`,
        en: `Two approximation words on one number in "${written}" (${words[0]}, ${words[1]}): keep one.`,
      },
  });
  return end;
}

export const approxStacked: Rule = {
  id: 'approx-stacked',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '一个数字只用一个表示约数的词：约300余人、近100余次、约5000字左右、13.5万多人',
    en: 'One approximation word per number: not 约300余人, 近100余次, 约5000字左右 or 13.5万多人',
  },
  standard: {
    zh: 'GB/T 15835-2011 4.3（概数的写法：约300人、300余人、40左右）',
    en: 'GB/T 15835-2011 4.3 (approximate numbers: 约300人, 300余人, 40左右)',
  },
  check(context) {
    const { text } = context;
    ANCHOR.lastIndex = 0;
    for (let match = ANCHOR.exec(text); match; match = ANCHOR.exec(text)) {
      const prefix = match[1];
      if (prefix) {
        const wordBefore = prefix === '约' ? WORD_BEFORE_YUE : prefix === '近' ? WORD_BEFORE_JIN : '';
        if (isOneOf(wordBefore, text[match.index - 1])) continue;
        const numberStart = skipBlanksForward(text, match.index + prefix.length);
        let numberEnd = arabicNumberEnd(text, numberStart);
        if (numberEnd === numberStart) numberEnd = chineseNumeralEnd(text, numberStart);
        if (numberEnd > numberStart) ANCHOR.lastIndex = judge(context, match.index, prefix, numberStart, numberEnd);
        continue;
      }
      // 余 or 多 after a number without an approximation word before it (a prefixed one was judged above).
      const numberEnd = match.index + 1;
      const numberStart = arabicNumberStart(text, numberEnd);
      // The tail of a code (A300余) is not a number of its own.
      if (isAlnumAt(text, numberStart - 1) || text[numberStart - 1] === '.' || !isDigitAt(text, numberStart)) continue;
      ANCHOR.lastIndex = judge(context, numberStart, '', numberStart, numberEnd);
    }
  },
};
