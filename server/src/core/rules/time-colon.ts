import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const timeColon: Rule = {
  id: 'time-colon',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
