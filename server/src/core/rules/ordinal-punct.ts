// The mark after an ordinal (GB/T 15834-2011 附录B.2; the levels of GB/T 9704-2012 7.3.3 are 一、 （一） 1. （1））:
// a Chinese numeral takes 、 (一、, not 一.), an Arabic numeral takes the full stop of Western text (1., not 1、),
// and a bracketed ordinal takes no mark at all (（一）, not （一）、 or （1），).
//
// An ordinal opens a line or a sentence (after 。；！？：), or a markdown heading. Elsewhere the same characters are
// ordinary text: 1、2、3号楼 (a list of numbers: a digit follows the 、), 1.5 and 3.15 (decimals), 第（一）、（二）项
// (ordinals listed in running text). A line that starts with 3、 only because the extraction wrapped the sentence
// (after 第, 前 or another 、) is not an ordinal either.

import type { Rule } from '../rule';
import { parseChineseNumeral } from '../chinese';
import { isAlnumAt, isDigitAt, isOneOf, previousVisibleChar, skipBlanksForward } from '../number-text';

/**
 * An ordinal at the start of the text, after a line break (and a markdown heading's #s) or after a sentence end:
 * a bracketed ordinal with a mark after it, an Arabic ordinal with 、, or a Chinese ordinal with a full stop. The
 * match starts with the line break or the sentence end it follows, characters rare enough to scan for quickly.
 */
const ORDINAL = /(?:^|[\n\r。；！？：])(?:#{1,6}[ \t]+)?[ \t\u3000\ufeff]*(?:([（(])([一二三四五六七八九十]{1,3}|[1-9]\d?)([）)])([、，,.．：:；;])|([1-9]\d?)(、)|([一二三四五六七八九十]{1,3})([.．]))/gu;

/**
 * Characters before a line-start candidate that show the line was wrapped inside a sentence or a list: a list
 * separator, or a word that leads up to a number (第3、, 前3、全国前10, 共3、).
 */
const WRAPPED_AFTER = '、，第前近约共达为计超逾至和及与';
/** After 一. these make a number or an abbreviation of one (一.五, 一.二九), not an ordinal mark. */
const NUMERAL_OR_DOT = '一二三四五六七八九十〇零.．';

export const ordinalPunct: Rule = {
  id: 'ordinal-punct',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '序号后的标点：一、 （一） 1. （1）；不写（一）、 （1）， 1、 一.',
    en: 'Punctuation after ordinals: 一、 （一） 1. （1）, not （一）、 （1）， 1、 or 一.',
  },
  standard: {
    zh: 'GB/T 15834-2011 附录B.2（序次语之后的标点）；GB/T 9704-2012 7.3.3（结构层次序数）',
    en: 'GB/T 15834-2011 annex B.2 (punctuation after ordinals); GB/T 9704-2012 7.3.3 (heading levels)',
  },
  supersedes: ['punct-halfwidth'],
  check({ text, document, options, report }) {
    const allowArabicComma = options.allowArabicComma === true;
    ORDINAL.lastIndex = 0;
    for (let match = ORDINAL.exec(text); match; match = ORDINAL.exec(text)) {
      const [whole, open, bracketed, close, bracketMark, arabic, arabicMark, chinese, chineseMark] = match;
      const end = match.index + whole.length;
      const markAt = end - 1;
      const ordinalStart = markAt - (bracketed ? open.length + bracketed.length + close.length : (arabic ?? chinese).length);
      const numeral = bracketed ?? chinese;
      if (numeral && !isDigitAt(numeral, 0) && parseChineseNumeral(numeral) === 0) continue;
      const next = text[end];
      const lineKind = document.lines[document.lineIndexAt(ordinalStart)].kind;
      if (lineKind !== 'content' && lineKind !== 'heading') continue;
      const previous = previousVisibleChar(text, ordinalStart);
      if (isOneOf(WRAPPED_AFTER, previous) || isAlnumAt(previous, 0)) continue;
      let written: string;
      let correct: string;
      let replacement: string;
      if (bracketed) {
        // （一）、（二）: bracketed ordinals listed one after another in running text.
        if (next === '（' || next === '(') continue;
        written = open + bracketed + close + bracketMark;
        correct = open + bracketed + close;
        replacement = '';
      } else if (arabic) {
        // 1、2、3号楼 is a list of numbers; 1、 followed by text is the ordinal.
        if (allowArabicComma || isDigitAt(text, skipBlanksForward(text, end))) continue;
        written = arabic + arabicMark;
        replacement = '.';
        correct = arabic + replacement;
      } else {
        // 一.五 or 一.2 is not an ordinal mark.
        if (isDigitAt(text, end) || isOneOf(NUMERAL_OR_DOT, next)) continue;
        written = chinese + chineseMark;
        replacement = '、';
        correct = chinese + replacement;
      }
      report({
        start: markAt,
        end,
        message: bracketed
          ? {
            zh: `带括号的序号后不加标点：“${written}”应为“${correct}”（GB/T 15834-2011 附录B.2）`,
            en: `No punctuation after a bracketed ordinal: write "${correct}", not "${written}".`,
          }
          : arabic
            ? {
              zh: `阿拉伯数字序号后用下脚点“.”：“${written}”应为“${correct}”（GB/T 15834-2011 附录B.2）`,
              en: `An Arabic ordinal takes a full stop: write "${correct}", not "${written}".`,
            }
            : {
              zh: `汉字数字序号后用顿号：“${written}”应为“${correct}”（GB/T 15834-2011 附录B.2）`,
              en: `A Chinese ordinal takes 、: write "${correct}", not "${written}".`,
            },
        fix: [{ start: markAt, end, text: replacement }],
      });
    }
  },
};
