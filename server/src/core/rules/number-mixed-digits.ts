import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberMixedDigits: Rule = {
  id: 'number-mixed-digits',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
