import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const decimalLeadingZero: Rule = {
  id: 'decimal-leading-zero',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
