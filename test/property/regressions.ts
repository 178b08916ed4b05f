// Regression fixtures: every counterexample a property found is kept in test/fixtures/regressions/ as JSON, with
// the property it broke and the (shrunk) case, and replayed by regressions.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Case } from './properties';

export const REGRESSIONS_DIR = join(__dirname, '..', 'fixtures', 'regressions');

export interface RegressionFixture {
  property: string;
  /** Where and how it was found (suite seed, fuzz run). */
  found: string;
  /** What goes wrong, in a sentence. */
  summary: string;
  /** The rule or module at fault, while its owner is still editing it: the replay is skipped. */
  pending?: string;
  case: Case;
  /** Long inputs stored short: each key, where it occurs in the case's texts, stands for `unit` repeated `times`. */
  expand?: Record<string, { unit: string; times: number }>;
}

/** The case of a fixture with its `expand` placeholders written out. */
export function caseOf(fixture: RegressionFixture): Case {
  const expand = (text: string) =>
    Object.entries(fixture.expand ?? {}).reduce((current, [placeholder, { unit, times }]) => current.split(placeholder).join(unit.repeat(times)), text);
  const { text, second, english } = fixture.case;
  return { text: expand(text), ...(second === undefined ? {} : { second: expand(second) }), english };
}

export function readRegressions(): Array<{ file: string; fixture: RegressionFixture }> {
  return readdirSync(REGRESSIONS_DIR)
    .filter(file => file.endsWith('.json'))
    .sort()
    .map(file => ({ file, fixture: JSON.parse(readFileSync(join(REGRESSIONS_DIR, file), 'utf8')) as RegressionFixture }));
}
