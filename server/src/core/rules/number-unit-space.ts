import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberUnitSpace: Rule = {
  id: 'number-unit-space',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
