// One approximation word per number: 约300人, 300余人, 300多人, 40左右 are all right (GB/T 15835-2011 4.3 lists
// them), but 约300余人, 近100余次, 约5000字左右 or 300余人左右 say "about" twice, and 近100余次 even contradicts
// itself (nearly 100, more than 100). A decimal with 多 (13.5万多人) is the same contradiction: the decimal
// already gives the figure to the digit it names.
//
// No fix: which of the two words the writer meant is theirs to choose.
//
// 约 and 近 also end ordinary words (签约, 节约, 预约, 附近, 最近), and then they say nothing about the number
// that follows (签约300余家 is right); those words are listed below.

import type { Rule } from '../rule';
import { isAlnumAt, isDigitAt, isOneOf, quoteSpan } from '../number-text';

/**
 * An optional approximation word (with the blanks after it) before a number in Arabic digits or Chinese numerals.
 * The blanks belong to the word so that a run of blanks is never a starting point of its own.
 */
const NUMBER = /(?:(大约|将近|接近|约|近|逾)[ \t]*)?(\d+(?:\.\d+)?|[一二三四五六七八九十两百千万亿]+)/gu;

/** Characters that, before 约 or 近, make a word of it (签约, 附近) rather than an approximation. */
const WORD_BEFORE_YUE = '签预节制履邀特相合违解毁爽践赴应立缔守失订续集公条婚契租规盟誓简隐俭';
const WORD_BEFORE_JIN = '附邻就靠贴临远亲最走拉';

/** 余 or 多 right after the number, possibly with the large unit on either side (2万余, 200余万). */
const AFTER_NUMBER = /^([万亿]?)([余多])([万亿]?)/;
/**
 * A short unit (字, 人次, 个百分点, %) and then 左右, read as "about" only when punctuation, the end of the text or
 * 的 follows it (左右两侧, 左右为难 are other words).
 */
const UNIT_THEN_ZUOYOU = /^[\p{Script=Han}%‰]{0,4}?左右(?=$|的|[^\p{Script=Han}])/u;

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
  check({ text, document, report }) {
    NUMBER.lastIndex = 0;
    for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
      const numberText = match[2];
      const numberEnd = match.index + match[0].length;
      const numberStart = numberEnd - numberText.length;
      const arabic = isDigitAt(numberText, 0);
      let prefix = match[1] ?? '';
      if (prefix && isOneOf(prefix === '约' ? WORD_BEFORE_YUE : prefix === '近' ? WORD_BEFORE_JIN : '', text[match.index - 1])) prefix = '';
      if (!prefix && !arabic) continue;
      // Without a prefix, the number must stand on its own (not the tail of a code such as V2.0 or A300).
      if (!prefix && (isAlnumAt(text, numberStart - 1) || text[numberStart - 1] === '.')) continue;
      const rest = text.slice(numberEnd, numberEnd + 12);
      const marker = AFTER_NUMBER.exec(rest);
      const words: string[] = prefix ? [prefix] : [];
      let end = numberEnd;
      if (marker) {
        words.push(marker[2]);
        end = numberEnd + marker[1].length + marker[2].length;
      }
      const afterMarker = text.slice(end, end + 8);
      const zuoyou = UNIT_THEN_ZUOYOU.exec(afterMarker);
      if (zuoyou) {
        words.push('左右');
        end += zuoyou[0].length;
      }
      const decimalWithDuo = arabic && numberText.includes('.') && marker?.[2] === '多';
      if (words.length < 2 && !decimalWithDuo) continue;
      const start = prefix ? match.index : numberStart;
      if (!document.isProse(start)) continue;
      const written = quoteSpan(text, start, end);
      report({
        start,
        end,
        message: decimalWithDuo && words.length < 2
          ? {
            zh: `小数已表示到确切的位数，不再加“多”：“${written}”应去掉“多”或改写（GB/T 15835-2011 4.3）`,
            en: `A decimal already states the figure to its last digit; drop 多 or rewrite "${written}".`,
          }
          : {
            zh: `约数词语重复：“${written}”同时用了“${words[0]}”和“${words[1]}”，只保留一个（GB/T 15835-2011 4.3）`,
            en: `Two approximation words on one number in "${written}" (${words[0]}, ${words[1]}): keep one.`,
          },
      });
      NUMBER.lastIndex = Math.max(end, numberEnd);
    }
  },
};
