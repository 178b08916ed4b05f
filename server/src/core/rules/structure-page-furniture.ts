import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const structurePageFurniture: Rule = {
  id: 'structure-page-furniture',
  severity: 'warning',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
