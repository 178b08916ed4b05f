import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const chineseZero: Rule = {
  id: 'chinese-zero',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
