import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const docNumber: Rule = {
  id: 'doc-number',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
