// punct-repeat: doubled or conflicting punctuation (`。。` `，，` `，。` `、、` `；；`), left behind when sentences
// are cut and pasted. Ellipsis `……` and dash `——` are single marks of two characters and never match; question
// and exclamation marks may be stacked for emphasis (`？！` `！！`, GB/T 15834-2011), so a run of those alone
// is correct. A run of three or more full stops is an improvised ellipsis.

import { excerpt, onTextLine } from '../characters';
import type { Rule } from '../rule';

const PUNCT_RUN = /[。，、；：？！]{2,}/g;
const STACKABLE = /^[？！]+$/;
const IMPROVISED_ELLIPSIS = /^。{3,}$/;
/** Which mark of a conflicting run survives: the one that ends the most (a full stop ends the sentence). */
const STRENGTH = '、，：；。';

/** The run collapsed: stacked ？！ survive as written; otherwise the strongest mark, once. */
function collapse(run: string): string {
  const stacked = run.replace(/[^？！]/g, '');
  if (stacked) return stacked;
  let strongest = run[0];
  for (const mark of run) if (STRENGTH.indexOf(mark) > STRENGTH.indexOf(strongest)) strongest = mark;
  return strongest;
}

export const punctRepeat: Rule = {
  id: 'punct-repeat',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '标点重复或冲突（“。。”“，，”“，。”“、、”“；；”），保留一个',
    en: 'Doubled or conflicting punctuation ("。。", "，，", "，。"): keep one mark.',
  },
  standard: { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' },
  check({ text, document, report }) {
    PUNCT_RUN.lastIndex = 0;
    for (let match = PUNCT_RUN.exec(text); match; match = PUNCT_RUN.exec(text)) {
      const run = match[0];
      const start = match.index;
      const end = start + run.length;
      if (STACKABLE.test(run) || !onTextLine(document, start)) continue;
      const ellipsis = IMPROVISED_ELLIPSIS.test(run);
      const corrected = ellipsis ? '……' : collapse(run);
      const { written, corrected: correctedExcerpt } = excerpt(text, start, end, corrected);
      report({
        start,
        end,
        message: ellipsis
          ? {
            zh: `省略号应为“……”：“${written}”应为“${correctedExcerpt}”（GB/T 15834-2011）`,
            en: `Write the ellipsis as "……", not "${run}".`,
          }
          : {
            zh: `标点重复：“${written}”应为“${correctedExcerpt}”（GB/T 15834-2011）`,
            en: `Repeated punctuation: "${run}" should be "${corrected}".`,
          },
        fix: [{ start, end, text: corrected }],
      });
    }
  },
};
