// numbering-sequence: the measure markers of an item or section must run 一是, 二是, 三是 …: a skip (一是…三是),
// a duplicate (二是…二是), disorder (三是…二是), a start other than 一是, or a mixed style (一是…二要…) is
// reported on the offending marker. The fix renumbers the whole item, editing only the numerals and suffixes
// that change; it is withheld when a marker that would change is broken across a line, since an edit there
// would also decide how the hard wrap is joined.

import { formatChineseNumeral } from '../chinese';
import { allBlocks } from '../characters';
import type { Measure } from '../document';
import type { Rule } from '../rule';
import type { Localized, TextEdit } from '../types';

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  severity: 'error',
  fixable: true,
  description: {
    zh: '分项序号“一是、二是、三是……”应连续、不重复、从“一是”开始，写法统一',
    en: 'Measure markers must run 一是, 二是, 三是 … without gaps, repeats or disorder, in one style.',
  },
  standard: { zh: '本地简报惯例（分项序号）', en: 'House style: measure numbering.' },
  check({ text, document, report }) {
    for (const block of allBlocks(document)) {
      const measures = block.measures;
      if (measures.length === 0) continue;
      const style = houseStyle(measures);
      const fix = renumbering(text, measures, style);
      let previous = 0;
      for (let index = 0; index < measures.length; index++) {
        const measure = measures[index];
        const message = problemOf(measure, index, previous, style);
        previous = measure.value;
        if (message) report({ start: measure.start, end: measure.end, message, fix });
      }
    }
  },
};

/** The item's style: 是 unless most of its markers use 要 (the parser keeps a marker of the other style only where it continues the sequence). */
function houseStyle(measures: readonly Measure[]): '是' | '要' {
  let yao = 0;
  for (const measure of measures) if (measure.suffix === '要') yao++;
  return yao * 2 > measures.length ? '要' : '是';
}

const marker = (value: number, suffix: string) => `${formatChineseNumeral(value)}${suffix}`;

function problemOf(measure: Measure, index: number, previous: number, style: '是' | '要'): Localized | undefined {
  // Most markers are in order: nothing is written out for them.
  if (measure.suffix === style && measure.value === (index === 0 ? 1 : previous + 1)) return undefined;
  const written = marker(measure.value, measure.suffix);
  if (measure.suffix !== style) {
    return { zh: `分项序号写法不统一：“${written}”应为“${marker(measure.value, style)}”`, en: `Mixed marker styles: write ${marker(measure.value, style)} for ${written}.` };
  }
  if (index === 0) {
    return measure.value === 1 ? undefined : { zh: `分项序号应从“${marker(1, style)}”开始：“${written}”应为“${marker(1, style)}”`, en: `Markers start at ${marker(1, style)}: ${written} comes first.` };
  }
  const before = marker(previous, style);
  if (measure.value === previous) {
    return { zh: `分项序号重复：“${before}”之后又是“${written}”，应为“${marker(previous + 1, style)}”`, en: `Repeated marker: ${written} follows ${before}; write ${marker(previous + 1, style)}.` };
  }
  if (measure.value < previous) {
    return { zh: `分项序号顺序颠倒：“${before}”之后出现“${written}”`, en: `Markers out of order: ${written} follows ${before}.` };
  }
  if (measure.value > previous + 1) {
    return { zh: `分项序号跳号：“${before}”之后应为“${marker(previous + 1, style)}”，而不是“${written}”`, en: `Skipped marker: ${before} is followed by ${written}; write ${marker(previous + 1, style)}.` };
  }
  return undefined;
}

/** Edits that renumber the markers 一是, 二是 … in order, or undefined when a marker to edit is broken across a line. */
function renumbering(text: string, measures: readonly Measure[], style: '是' | '要'): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (let index = 0; index < measures.length; index++) {
    const measure = measures[index];
    const numeral = formatChineseNumeral(index + 1);
    const { start, end } = measure.numeral;
    const numeralChanges = end - start !== numeral.length || !text.startsWith(numeral, start);
    const suffixChanges = measure.suffix !== style;
    if (!numeralChanges && !suffixChanges) continue;
    if (/[\r\n]/.test(text.slice(measure.start, measure.end))) return undefined;
    if (numeralChanges) edits.push({ start: measure.numeral.start, end: measure.numeral.end, text: numeral });
    if (suffixChanges) edits.push({ start: measure.end - 1, end: measure.end, text: style });
  }
  return edits.length ? edits : undefined;
}
