import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const punctPair: Rule = {
  id: 'punct-pair',
  severity: 'error',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
