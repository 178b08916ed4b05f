// The spec's traps (section 3 and the "never flag" list of section 2.1): real text that no rule may flag.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core';

const folder = join(__dirname, '../fixtures/traps');

describe('traps', () => {
  for (const name of readdirSync(folder).filter(file => /\.(txt|md)$/.test(file))) {
    it(`${name} has no problem at all`, () => {
      const text = readFileSync(join(folder, name), 'utf8');
      const problems = lint(text).map(problem => `${problem.ruleId}: ${text.slice(problem.start, problem.end)}`);
      assert.deepEqual(problems, []);
    });
  }
});
