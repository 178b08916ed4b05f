import type { Rule } from '../rule';

// PLACEHOLDER: to be implemented.
export const cjkLatinSpace: Rule = {
  id: 'cjk-latin-space',
  severity: 'info',
  fixable: true,
  description: { zh: '', en: '' },
  standard: { zh: '', en: '' },
  check() {},
};
