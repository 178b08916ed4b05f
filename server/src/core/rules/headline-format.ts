import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const headlineFormat: Rule = {
  id: 'headline-format',
  severity: 'warning',
  fixable: false,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
