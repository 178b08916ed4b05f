import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const ordinalPunct: Rule = {
  id: 'ordinal-punct',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
