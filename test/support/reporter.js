// Mocha's spec reporter plus one plain closing line, "N passed, N failed", that CI reads as the run's count.
'use strict';
const Mocha = require('mocha');

class SpecWithCount extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

module.exports = SpecWithCount;
