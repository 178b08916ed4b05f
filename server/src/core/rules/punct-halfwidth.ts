import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const punctHalfwidth: Rule = {
  id: 'punct-halfwidth',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
