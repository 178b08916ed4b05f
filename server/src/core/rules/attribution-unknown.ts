import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const attributionUnknown: Rule = {
  id: 'attribution-unknown',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
