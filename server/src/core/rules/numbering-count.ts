// numbering-count: a headline that announces how many measures follow (`三举措`, `四项举措`, `三措并举`,
// `三步走`, `四字经`, `五字诀`, `三部曲`, `“三个管理”`) while the body has another number of markers. Only
// these explicit announcing patterns count, and only when the body has markers at all: `三大集群` or
// `“三个一批”` in a headline name things, they do not count measures.

import { parseChineseNumeral } from '../chinese';
import { allBlocks } from '../characters';
import type { Rule } from '../rule';

const NUMERAL = '[一二两三四五六七八九十]{1,3}';
/** One group per pattern: the numeral (`三举措`, `三步走`) or, for a quoted `“三个管理”`, the numeral inside. */
const ANNOUNCING = new RegExp(
  `(${NUMERAL})(?:项|条|大|个)?(?:举措|措施)|(${NUMERAL})(?:步走|部曲|字经|字诀|措并举)|“(${NUMERAL})个(?![一二两三四五六七八九十])[^”“\\s]{1,6}”`,
  'g',
);
/** Before a numeral, characters that make it an ordinal or part of a larger number (第三举措 is one measure). */
const NOT_BEFORE = /[第一二两三四五六七八九十]/;

export const numberingCount: Rule = {
  id: 'numbering-count',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '标题宣称的措施数（“三举措”“三步走”“四字经”“三个管理”）与正文“一是、二是……”的项数不符',
    en: 'The headline announces a number of measures (三举措, 三步走, 四字经, “三个管理”) that the body does not have.',
  },
  standard: { zh: '本地简报惯例（标题与分项一致）', en: 'House style: the headline matches its measures.' },
  check({ text, document, report }) {
    for (const block of allBlocks(document)) {
      const headline = block.headline;
      if (!headline || block.measures.length === 0 || block.sections.length) continue;
      const written = text.slice(headline.start, headline.end);
      const announcements: RegExpExecArray[] = [];
      ANNOUNCING.lastIndex = 0;
      for (let found = ANNOUNCING.exec(written); found; found = ANNOUNCING.exec(written)) {
        if (!NOT_BEFORE.test(written[found.index - 1] ?? '')) announcements.push(found);
      }
      // Two announcements in one headline (践行“两个维护”三举措…) leave unclear which one counts the measures.
      if (announcements.length !== 1) continue;
      const [match] = announcements;
      const announced = parseChineseNumeral((match[1] ?? match[2] ?? match[3]).replace(/两/g, '二'));
      const counted = block.measures.length;
      if (announced < 2 || announced === counted) continue;
      const quoted = match[3] !== undefined;
      const start = headline.start + match.index + (quoted ? 1 : 0);
      const end = headline.start + match.index + match[0].length - (quoted ? 1 : 0);
      const words = text.slice(start, end);
      report({
        start,
        end,
        message: {
          zh: `标题称“${words}”（${announced}项），正文却分${counted}项：请核对标题或措施`,
          en: `The headline announces ${words} (${announced}) but the body has ${counted} measure${counted === 1 ? '' : 's'}.`,
        },
      });
    }
  },
};
