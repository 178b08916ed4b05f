import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const numberGrouping: Rule = {
  id: 'number-grouping',
  severity: 'info',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
