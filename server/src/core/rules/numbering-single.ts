// numbering-single: an item or section with 一是 and no 二是. Numbering a single point announces a list that
// never comes; the writer either lost the other points or should drop the marker. No fix: which of the two is
// the writer's call.

import { allBlocks } from '../characters';
import type { Rule } from '../rule';

export const numberingSingle: Rule = {
  id: 'numbering-single',
  severity: 'warning',
  fixable: false,
  description: {
    zh: '只有“一是”而没有“二是”：只有一项时不必分项编号',
    en: '一是 without 二是: a single point needs no numbering.',
  },
  standard: { zh: '本地简报惯例（分项序号）', en: 'House style: measure numbering.' },
  check({ document, report }) {
    for (const block of allBlocks(document)) {
      const [only, ...others] = block.measures;
      // A lone marker other than 一是 is numbering-sequence's (it does not start at 一是).
      if (!only || others.length || only.value !== 1 || only.suffix !== '是') continue;
      report({
        start: only.start,
        end: only.end,
        message: { zh: '只有“一是”没有“二是”：只有一项时不用分项序号，或补全其余各项', en: '一是 without 二是: drop the marker, or add the missing points.' },
      });
    }
  },
};
