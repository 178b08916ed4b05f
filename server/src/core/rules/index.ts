// The rule registry, in catalogue order (spec sections 2 and 2.1). Adding a rule: one module and one line here.

import type { Rule } from '../rule';
import { attributionMissing } from './attribution-missing';
import { attributionParens } from './attribution-parens';
import { attributionUnknown } from './attribution-unknown';
import { numberingSequence } from './numbering-sequence';
import { numberingSingle } from './numbering-single';
import { numberingCount } from './numbering-count';
import { numberUnitSpace } from './number-unit-space';
import { cjkLatinSpace } from './cjk-latin-space';
import { fullwidthDigit } from './fullwidth-digit';
import { numberGrouping } from './number-grouping';
import { unitNonstandard } from './unit-nonstandard';
import { dateFormat } from './date-format';
import { punctHalfwidth } from './punct-halfwidth';
import { punctPair } from './punct-pair';
import { punctRepeat } from './punct-repeat';
import { textStrayLatin } from './text-stray-latin';
import { structureHardWrap } from './structure-hard-wrap';
import { structurePageFurniture } from './structure-page-furniture';
import { markupResidue } from './markup-residue';
import { headlineFormat } from './headline-format';
import { punctEnumerationComma } from './punct-enumeration-comma';
import { ordinalPunct } from './ordinal-punct';
import { numberRange } from './number-range';
import { timeColon } from './time-colon';
import { chineseZero } from './chinese-zero';
import { approxStacked } from './approx-stacked';
import { ellipsisDeng } from './ellipsis-deng';
import { docNumber } from './doc-number';
import { numberMixedDigits } from './number-mixed-digits';
import { decimalLeadingZero } from './decimal-leading-zero';

export const rules: readonly Rule[] = [
  attributionMissing,
  attributionParens,
  attributionUnknown,
  numberingSequence,
  numberingSingle,
  numberingCount,
  numberUnitSpace,
  cjkLatinSpace,
  fullwidthDigit,
  numberGrouping,
  unitNonstandard,
  dateFormat,
  punctHalfwidth,
  punctPair,
  punctRepeat,
  textStrayLatin,
  structureHardWrap,
  structurePageFurniture,
  markupResidue,
  headlineFormat,
  punctEnumerationComma,
  ordinalPunct,
  numberRange,
  timeColon,
  chineseZero,
  approxStacked,
  ellipsisDeng,
  docNumber,
  numberMixedDigits,
  decimalLeadingZero,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map(rule => [rule.id, rule]));
