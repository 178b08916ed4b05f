import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const textStrayLatin: Rule = {
  id: 'text-stray-latin',
  severity: 'info',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
