import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const fullwidthDigit: Rule = {
  id: 'fullwidth-digit',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
