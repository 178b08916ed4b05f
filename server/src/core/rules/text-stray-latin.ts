// text-stray-latin: an English function word standing alone inside Chinese text (`柔性 with 刚性执法`, sample
// 004), usually an input-method slip or a leftover from a translation. Only lower-case words of a short list
// count, with Han text on both sides: names, brands and puns are capitalised (`“发现郑州IN 你而红”`), units
// follow numbers, and quoted text is cited as written. No fix: the writer chooses the Chinese word.

import { attributionsOf, isStrayFunctionWord, SpanSet, STRAY_FUNCTION_WORDS } from '../characters';
import type { Rule } from '../rule';

/** A lower-case Latin word not glued to other Latin letters or digits. */
const LOWERCASE_WORD = /(?<![A-Za-z0-9])[a-z]{2,5}(?![A-Za-z0-9])/g;

export const textStrayLatin: Rule = {
  id: 'text-stray-latin',
  severity: 'info',
  fixable: false,
  description: {
    zh: '中文句子中夹有英文虚词（“柔性 with 刚性执法”），疑为误输入',
    en: 'An English function word inside Chinese text ("柔性 with 刚性执法"), probably a slip.',
  },
  standard: { zh: '本地简报惯例 (house style)', en: 'House style (本地简报惯例)' },
  check({ text, document, report }) {
    const attributions = new SpanSet(attributionsOf(document));
    LOWERCASE_WORD.lastIndex = 0;
    for (let match = LOWERCASE_WORD.exec(text); match; match = LOWERCASE_WORD.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!isStrayFunctionWord(text, start, end)) continue;
      if (!document.isProse(start) || document.isQuoted(start) || attributions.has(start)) continue;
      const word = match[0];
      const chinese = STRAY_FUNCTION_WORDS.get(word);
      report({
        start,
        end,
        message: chinese
          ? {
            zh: `中文句子中夹有英文“${word}”，疑为误输入，请改用中文（如“${chinese}”）`,
            en: `The English word "${word}" stands inside Chinese text; write it in Chinese (e.g. "${chinese}").`,
          }
          : {
            zh: `中文句子中夹有英文“${word}”，疑为误输入，请删去`,
            en: `The English word "${word}" stands inside Chinese text; delete it.`,
          },
      });
    }
  },
};
