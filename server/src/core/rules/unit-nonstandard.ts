import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const unitNonstandard: Rule = {
  id: 'unit-nonstandard',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
