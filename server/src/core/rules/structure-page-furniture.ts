// structure-page-furniture: a page number line left in the text by extraction (`— 4 —`, `- 12 -`, `第 3 页`,
// `第3页 共10页`); the parser marks such lines as furniture. The fix deletes the line with its line break, after
// which structure-hard-wrap can join the words the page break split (sample 001 `持\n\n— 4 —\n\n续开展`).

import type { Rule } from '../rule';
import { isBlankCode } from '../chinese';

export const structurePageFurniture: Rule = {
  id: 'structure-page-furniture',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '正文中残留页码行（如“— 4 —”），应删除',
    en: 'A page number line left in the text by extraction ("— 4 —"): delete it.',
  },
  standard: { zh: '本地简报惯例（正文不含版面页码）', en: 'House style: page furniture is not part of the text.' },
  check({ text, document, report }) {
    const lines = document.lines;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (line.kind !== 'furniture') continue;
      let start = line.start;
      let end = line.end;
      while (isBlankCode(text.charCodeAt(start))) start++;
      while (isBlankCode(text.charCodeAt(end - 1))) end--;
      // The line goes with its own line break; the last line of the text, which has none, takes the one before it.
      const deletion = line.next > line.end || index === 0 ? { start: line.start, end: line.next } : { start: lines[index - 1].end, end: line.end };
      const written = text.slice(start, end);
      report({
        start,
        end,
        message: { zh: `页码行“${written}”是转换残留，应删除`, en: `The page number line "${written}" is left over from extraction: delete it.` },
        fix: [{ ...deletion, text: '' }],
      });
    }
  },
};
