// Every counterexample the properties found, replayed (test/fixtures/regressions/*.json). A fixture marked
// `pending` names the rule or module at fault while its owner is still editing it; it is skipped with that
// reason until the fault is fixed and the mark removed.

import * as assert from 'node:assert/strict';
import { propertyByName } from './properties';
import { caseOf, readRegressions } from './regressions';

describe('property: regressions', () => {
  for (const { file, fixture } of readRegressions()) {
    const property = propertyByName.get(fixture.property);
    it(`${file} names a property and a case`, () => {
      assert.ok(property, `unknown property ${fixture.property}`);
      assert.equal(typeof fixture.case?.text, 'string');
      assert.ok(fixture.summary, 'says what went wrong');
    });
    if (!property) continue;
    const title = `${file}: ${fixture.summary}`;
    if (fixture.pending) it.skip(`${title} [pending: ${fixture.pending}]`, () => property.check(caseOf(fixture)));
    else it(title, () => property.check(caseOf(fixture)));
  }
});
