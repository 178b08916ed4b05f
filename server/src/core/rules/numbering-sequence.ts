import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  severity: 'error',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
