import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const dateFormat: Rule = {
  id: 'date-format',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
