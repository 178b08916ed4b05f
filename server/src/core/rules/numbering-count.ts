import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberingCount: Rule = {
  id: 'numbering-count',
  severity: 'warning',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
