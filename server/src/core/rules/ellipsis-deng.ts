import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const ellipsisDeng: Rule = {
  id: 'ellipsis-deng',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
