import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const structureHardWrap: Rule = {
  id: 'structure-hard-wrap',
  severity: 'info',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
