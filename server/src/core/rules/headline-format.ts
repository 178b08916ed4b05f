// headline-format: an item headline that ends with punctuation (`区教育局扎实推进社团建设。 一是…`), is missing
// (the item opens with 一是), or is overly long (option maxLength, default 40 characters). Article titles are
// held to the same length and to no trailing 。，、；：, though a newspaper title may end with ！ or ？. No fix:
// rewording a headline is the writer's work.

import { isBlankCode } from '../chinese';
import type { Rule } from '../rule';

const DEFAULT_MAX_LENGTH = 40;
/** Marks a headline must not end with: items take no sentence punctuation at all. */
const ITEM_END_MARKS = '。，、；：！？,.;:!?';
const ARTICLE_END_MARKS = '。，、；：,.;:';

export const headlineFormat: Rule = {
  id: 'headline-format',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '信息标题末尾不加标点、不可缺失、不宜过长（默认不超过 40 字）',
    en: 'A headline takes no trailing punctuation, must be present, and should be short (40 characters by default).',
  },
  standard: { zh: '本地简报惯例（信息标题）', en: 'House style: item headlines.' },
  check({ text, document, options, report }) {
    const maxLength = typeof options.maxLength === 'number' && options.maxLength >= 1 ? Math.floor(options.maxLength) : DEFAULT_MAX_LENGTH;
    for (const block of document.blocks) {
      const headline = block.headline;
      if (block.kind === 'item' && !headline) {
        const first = block.measures[0];
        if (first && first.start === block.start) {
          report({
            start: first.start,
            end: first.end,
            message: { zh: '信息缺少标题：应在“一是”之前写明标题', en: 'The item has no headline: write one before 一是.' },
          });
        }
        continue;
      }
      if (!headline || headline.end <= headline.start) continue;
      const last = text[headline.end - 1];
      if ((block.kind === 'article' ? ARTICLE_END_MARKS : ITEM_END_MARKS).includes(last)) {
        report({
          start: headline.end - 1,
          end: headline.end,
          message: { zh: `标题末尾不加标点：应删去末尾的“${last}”`, en: `No punctuation at the end of a headline: delete the final "${last}".` },
        });
      }
      const length = visibleLength(text, headline.start, headline.end);
      if (length > maxLength) {
        report({
          start: headline.start,
          end: headline.end,
          message: { zh: `标题过长：共${length}字，宜不超过${maxLength}字`, en: `The headline is too long: ${length} characters, keep it within ${maxLength}.` },
        });
      }
    }
  },
};

/** Characters of text[start, end) a reader sees: code points other than blanks and line breaks. */
function visibleLength(text: string, start: number, end: number): number {
  let length = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
    if (!lowSurrogate && !isBlankCode(code) && code !== 10 && code !== 13) length++;
  }
  return length;
}
