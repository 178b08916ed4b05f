import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberRange: Rule = {
  id: 'number-range',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
