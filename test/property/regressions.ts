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
}

export function readRegressions(): Array<{ file: string; fixture: RegressionFixture }> {
  return readdirSync(REGRESSIONS_DIR)
    .filter(file => file.endsWith('.json'))
    .sort()
    .map(file => ({ file, fixture: JSON.parse(readFileSync(join(REGRESSIONS_DIR, file), 'utf8')) as RegressionFixture }));
}
