// fullwidth-digit: full-width digits, Latin letters and percent signs (`２０２４年`, `ＳＱＬ`, `９８％`), typed
// with the input method in full-width mode. Numbers and Latin letters in Chinese text are half-width.
// The rule judges characters, not layout, so it looks at every line: a full-width digit in the header is as
// wrong as one in an item.

import { toHalfwidth } from '../chinese';
import type { Rule } from '../rule';

/** A run of full-width digits, letters and ％; a full-width point joins it only after such a character (`３．５`). */
const FULLWIDTH_RUN = /[０-９Ａ-Ｚａ-ｚ％]+(?:．[０-９Ａ-Ｚａ-ｚ％]*)*/g;

/** What the run consists of, for the message. */
function kindOf(run: string): { zh: string; en: string } {
  const digits = /[０-９]/.test(run);
  const letters = /[Ａ-Ｚａ-ｚ]/.test(run);
  if (digits && !letters) return { zh: '数字', en: 'digits' };
  if (letters && !digits) return { zh: '字母', en: 'letters' };
  if (!digits && !letters) return { zh: '百分号', en: 'percent sign' };
  return { zh: '字符', en: 'characters' };
}

export const fullwidthDigit: Rule = {
  id: 'fullwidth-digit',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '数字、拉丁字母和百分号用半角（“２０２４年”“９８％”应为“2024年”“98%”）',
    en: 'Digits, Latin letters and the percent sign are half-width ("２０２４年" should be "2024年").',
  },
  standard: { zh: 'GB/T 15835-2011（阿拉伯数字）；本地简报惯例 (house style)', en: 'GB/T 15835-2011 (Arabic numerals); house style' },
  check({ text, report }) {
    FULLWIDTH_RUN.lastIndex = 0;
    for (let match = FULLWIDTH_RUN.exec(text); match; match = FULLWIDTH_RUN.exec(text)) {
      const run = match[0];
      const start = match.index;
      const halfwidth = toHalfwidth(run);
      const kind = kindOf(run);
      report({
        start,
        end: start + run.length,
        message: {
          zh: `${kind.zh}应使用半角：“${run}”应为“${halfwidth}”`,
          en: `Use half-width ${kind.en}: "${run}" should be "${halfwidth}".`,
        },
        fix: [{ start, end: start + run.length, text: halfwidth }],
      });
    }
  },
};
