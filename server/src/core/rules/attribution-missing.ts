import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const attributionMissing: Rule = {
  id: 'attribution-missing',
  severity: 'error',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
