import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberingSingle: Rule = {
  id: 'numbering-single',
  severity: 'warning',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
