import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const attributionParens: Rule = {
  id: 'attribution-parens',
  severity: 'error',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
