import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const markupResidue: Rule = {
  id: 'markup-residue',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
