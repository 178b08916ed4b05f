// The long run of issue 4 (`npm run fuzz`): the properties of the normal suite on 100k cases with a fresh seed.
// Prints, per property, the cases run and the cases per second, and every counterexample fast-check found,
// shrunk, with the seed and path that replay it. Exits 1 when a property failed.
//
// Flags: --cases=N (total over all properties, split by weight; default 100000), --seed=N, --property=name
// (repeatable), --save (write each counterexample to test/fixtures/regressions/ for the replay test).

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { casesFor, PROPERTIES, type Property } from './properties';
import { REGRESSIONS_DIR, type RegressionFixture } from './regressions';

const args = process.argv.slice(2);
const option = (name: string) => args.filter(arg => arg.startsWith(`--${name}=`)).map(arg => arg.slice(name.length + 3));
const totalCases = Number(option('cases')[0] ?? 100_000);
const seed = Number(option('seed')[0] ?? Date.now() % 2 ** 31);
const only = option('property');
const save = args.includes('--save');
/** How often a line of progress is printed during a long property. */
const PROGRESS_MS = 10_000;

const unknown = only.filter(name => !PROPERTIES.some(property => property.name === name));
if (unknown.length || !Number.isInteger(totalCases) || totalCases <= 0 || !Number.isInteger(seed)) {
  process.stderr.write(`usage: npm run fuzz -- [--cases=N] [--seed=N] [--property=${PROPERTIES.map(property => property.name).join('|')}] [--save]\n`);
  process.exit(2);
}

interface Outcome {
  property: Property;
  run: number;
  seconds: number;
  failure?: string;
}

function fuzz(property: Property, numRuns: number): Outcome {
  let run = 0;
  let lastProgress = Date.now();
  const started = process.hrtime.bigint();
  const details = fc.check(
    fc.property(property.arbitrary, input => {
      run++;
      if (Date.now() - lastProgress > PROGRESS_MS) {
        lastProgress = Date.now();
        process.stdout.write(`  … ${property.name}: ${run} cases\n`);
      }
      property.check(input);
    }),
    { seed, numRuns },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Cases run before the failure, not counting the re-runs of shrinking.
  const outcome: Outcome = { property, run: details.failed ? details.numRuns : run, seconds };
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const counterexample = details.counterexample![0];
    outcome.failure = [
      `seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)}, shrunk ${details.numShrinks} times`,
      `counterexample: ${JSON.stringify(counterexample)}`,
      error,
    ].join('\n');
    if (save) saveRegression(property, counterexample, error);
  }
  return outcome;
}

function saveRegression(property: Property, input: RegressionFixture['case'], error: string): void {
  const digest = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 8);
  const path = join(REGRESSIONS_DIR, `${property.name}-${digest}.json`);
  const fixture: RegressionFixture = {
    property: property.name,
    found: `npm run fuzz, seed ${seed} (fast-check, shrunk)`,
    summary: error.split('\n')[0],
    case: input,
  };
  writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(`  saved ${path}\n`);
}

const selected = PROPERTIES.filter(property => !only.length || only.includes(property.name));
const weights = selected.reduce((sum, property) => sum + property.weight, 0);
const allWeights = PROPERTIES.reduce((sum, property) => sum + property.weight, 0);
process.stdout.write(`fuzz: ${totalCases} cases over ${selected.length} properties, seed ${seed}\n`);
const outcomes: Outcome[] = [];
for (const property of selected) {
  // With --property the total is split over the chosen properties only.
  const numRuns = casesFor(property, Math.round((totalCases * allWeights) / weights));
  const outcome = fuzz(property, numRuns);
  outcomes.push(outcome);
  const rate = outcome.run / Math.max(outcome.seconds, 1e-6);
  process.stdout.write(`${outcome.failure ? 'FAIL' : 'ok  '} ${property.name.padEnd(20)} ${String(outcome.run).padStart(7)} cases  ${outcome.seconds.toFixed(1).padStart(7)} s  ${rate.toFixed(0).padStart(6)} cases/s\n`);
  if (outcome.failure) process.stdout.write(`${outcome.failure.replace(/^/gm, '     ')}\n`);
}
const cases = outcomes.reduce((sum, outcome) => sum + outcome.run, 0);
const seconds = outcomes.reduce((sum, outcome) => sum + outcome.seconds, 0);
const failed = outcomes.filter(outcome => outcome.failure);
process.stdout.write(`total: ${cases} cases in ${seconds.toFixed(1)} s, ${(cases / seconds).toFixed(0)} cases/s; ${failed.length ? `${failed.length} properties failed (${failed.map(outcome => outcome.property.name).join(', ')})` : 'no counterexample'}\n`);
process.exitCode = failed.length ? 1 : 0;
