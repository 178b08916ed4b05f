import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const approxStacked: Rule = {
  id: 'approx-stacked',
  severity: 'warning',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
