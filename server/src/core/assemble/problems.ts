// The assembly's own problems: ids and a collector that words them in the configured locale.

import type { Locale, Localized, Span } from '../types';
import type { DeskProblem } from './types';

/** The ids of the assembly's own problems, as `ruleId` (they are not rules of the registry: no draft alone shows them). */
export const DESK_CHECKS = {
  duplicate: 'issue-duplicate',
  unitNames: 'issue-unit-names',
  unitUnknown: 'issue-unit-unknown',
  number: 'issue-number',
  date: 'issue-date',
  notItems: 'issue-not-items',
} as const;

/** Reports problems of one input in the configured locale. */
export class ProblemSink {
  readonly problems: DeskProblem[] = [];
  constructor(private readonly locale: Locale) {}

  add(input: number, span: Span, ruleId: string, severity: DeskProblem['severity'], message: Localized): void {
    this.problems.push({ input, start: span.start, end: span.end, ruleId, severity, message: message[this.locale] });
  }
}
