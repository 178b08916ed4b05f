// attribution-parens: an attribution or byline in half-width or unbalanced parentheses — `(区教育局)`,
// `（区教育局)`, `(记者 张怡馨)` (sample 003 writes every byline so), or `（区教育局` with no closing one at the
// item's end. The fix touches only the parenthesis characters that are wrong.
//
// The report covers the whole attribution, so it replaces punct-halfwidth's reports on the same parentheses
// (one problem, one diagnostic); punct-pair leaves attributions to this rule.

import { attributionsOf } from '../characters';
import { flowText, type Attribution } from '../document';
import type { Rule } from '../rule';
import type { TextEdit } from '../types';

const OPEN = '（';
const CLOSE = '）';

export const attributionParens: Rule = {
  id: 'attribution-parens',
  severity: 'error',
  fixable: true,
  description: {
    zh: '署名（报送单位、记者署名）应使用成对的全角括号“（ ）”',
    en: 'An attribution or byline must be enclosed in a pair of full-width parentheses "（ ）".',
  },
  standard: { zh: 'GB/T 15834-2011 4.9（括号）、5.1.2（标点占一个字位置）', en: 'GB/T 15834-2011 4.9 (parentheses), 5.1.2 (full-width marks)' },
  supersedes: ['punct-halfwidth'],
  check({ text, document, report }) {
    for (const attribution of attributionsOf(document)) {
      if (attribution.open === OPEN && attribution.close === CLOSE) continue;
      const joint = attribution.byline ? ' ' : '';
      const written = flowText(text, attribution, joint);
      const inner = flowText(text, attribution.inner, joint);
      const corrected = `${OPEN}${inner}${CLOSE}`;
      const missing = !attribution.open || !attribution.close;
      report({
        start: attribution.start,
        end: attribution.end,
        message: missing
          ? {
            zh: `署名括号不成对：“${written}”应为“${corrected}”（GB/T 15834-2011 4.9）`,
            en: `Unbalanced parentheses around the attribution: write "${corrected}".`,
          }
          : {
            zh: `署名应使用全角括号：“${written}”应为“${corrected}”（GB/T 15834-2011 4.9）`,
            en: `Use full-width parentheses around the attribution: write "${corrected}".`,
          },
        fix: parenthesisEdits(attribution),
      });
    }
  },
};

/** Edits on the parenthesis characters alone: replace a half-width one, insert a missing one. */
function parenthesisEdits(attribution: Attribution): TextEdit[] {
  const edits: TextEdit[] = [];
  if (attribution.open !== OPEN) {
    edits.push({ start: attribution.start, end: attribution.open ? attribution.start + 1 : attribution.start, text: OPEN });
  }
  if (attribution.close !== CLOSE) {
    edits.push({ start: attribution.close ? attribution.end - 1 : attribution.end, end: attribution.end, text: CLOSE });
  }
  return edits;
}
