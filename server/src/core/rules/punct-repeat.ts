import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const punctRepeat: Rule = {
  id: 'punct-repeat',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
