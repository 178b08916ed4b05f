import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const punctEnumerationComma: Rule = {
  id: 'punct-enumeration-comma',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
