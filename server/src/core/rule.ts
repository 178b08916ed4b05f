// What a rule is: one module per catalogue id, exporting a Rule. Everything else about a rule (docs link,
// settings keys, the list of fixable rules, the JSON Schema's rule names) is derived from these objects.

import type { BulletinDocument } from './document';
import type { Localized, Report, Severity } from './types';
import type { UnitDirectory } from './units';

export interface RuleContext {
  readonly text: string;
  readonly document: BulletinDocument;
  /** This rule's options from the configuration (everything but `severity`). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly units: UnitDirectory;
  report(report: Report): void;
}

export interface Rule {
  /** The stable catalogue id: file name, diagnostic code, docs page, settings key. */
  readonly id: string;
  readonly severity: Severity;
  /** Whether reports of this rule carry fixes. */
  readonly fixable: boolean;
  /** One line saying what the rule flags. */
  readonly description: Localized;
  /** The standard and clause the rule rests on, or house style. */
  readonly standard: Localized;
  /** Rules whose reports on the same text this more specific rule replaces (one problem, one diagnostic). */
  readonly supersedes?: readonly string[];
  check(context: RuleContext): void;
}

export const DOCS_BASE_URL = 'https://github.com/bulletin-lint/bulletin-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
