// Measures the core in-process on one file: `lint(text)` of the bundled core, warmed up, then timed over several
// runs; prints one JSON line, with the first (cold) lint's time beside the warm median. bench/core-cli.mjs runs it
// in a child process per corpus (a fresh heap each, and a timeout if a rule turns out quadratic on a long line).
// Run by hand it is also the core-only script to profile:
//
//   node --cpu-prof --cpu-prof-dir=bench/corpus/profiles bench/core-throughput.mjs bench/corpus/core.cjs FILE
//
// With --by-rule it times every rule's check separately instead and prints each one's share of a lint.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MB } from './corpora.mjs';

const [corePath, file, ...flags] = process.argv.slice(2);
if (!corePath || !file) {
  console.error('usage: node bench/core-throughput.mjs CORE_BUNDLE FILE [--by-rule] [--quick]');
  process.exit(2);
}
const quick = flags.includes('--quick');
const core = createRequire(import.meta.url)(resolve(corePath));
const text = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);

/**
 * Runs `task` until it has run `minRuns` times and for `minMs` (never more than `maxRuns`), and returns the
 * duration of each run in ms. A run longer than `minMs` on its own ends the series after `minRuns`.
 */
function timeRuns(task, { minRuns, minMs, maxRuns }) {
  const durations = [];
  const started = performance.now();
  while (durations.length < maxRuns && (durations.length < minRuns || performance.now() - started < minMs)) {
    const runStarted = performance.now();
    task();
    durations.push(performance.now() - runStarted);
  }
  return durations;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Time, not a count of runs, warms the JIT up on small files; on large ones a few runs take that long anyway.
const warmUp = quick ? { minRuns: 2, minMs: 300, maxRuns: 1000 } : { minRuns: 3, minMs: 1000, maxRuns: 1000 };
const measured = quick ? { minRuns: 3, minMs: 500, maxRuns: 100 } : { minRuns: 5, minMs: 3000, maxRuns: 500 };

if (flags.includes('--by-rule')) {
  // Every rule wrapped in a timer, run through the real runner; parsing is timed on its own (the same
  // parseDocument the runner calls), and what is left is the runner's settling and sorting plus the garbage
  // collection the separate parse runs did not pay for.
  const totals = new Map(core.rules.map(rule => [rule.id, 0]));
  const timedRules = core.rules.map(rule => ({
    ...rule,
    check(context) {
      const started = performance.now();
      rule.check(context);
      totals.set(rule.id, totals.get(rule.id) + performance.now() - started);
    },
  }));
  const lintOnce = () => core.lintDocument(text, {}, timedRules);
  timeRuns(lintOnce, warmUp);
  for (const id of totals.keys()) totals.set(id, 0);
  const durations = timeRuns(lintOnce, measured);
  const lintMs = durations.reduce((sum, ms) => sum + ms, 0);
  const rulesMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const parseDurations = timeRuns(() => core.parseDocument(text), measured);
  const parseMs = (parseDurations.reduce((sum, ms) => sum + ms, 0) / parseDurations.length) * durations.length;
  const parts = [...totals].map(([id, ms]) => ({ id, ms: ms / durations.length, share: ms / lintMs }));
  parts.push({ id: '(parse: document model)', ms: parseMs / durations.length, share: parseMs / lintMs });
  const runnerMs = lintMs - rulesMs - parseMs;
  parts.push({ id: '(the rest: runner, GC)', ms: runnerMs / durations.length, share: runnerMs / lintMs });
  parts.sort((a, b) => b.ms - a.ms);
  console.log(JSON.stringify({ bytes, runs: durations.length, lintMs: lintMs / durations.length, parts }));
} else {
  let problems = 0;
  const lintOnce = () => { problems = core.lint(text).length; };
  // The first run of the warm-up is the lint a CLI process does: nothing compiled yet, the heap still small.
  const [firstMs] = timeRuns(lintOnce, warmUp);
  const durations = timeRuns(lintOnce, measured);
  const medianMs = median(durations);
  console.log(JSON.stringify({ bytes, runs: durations.length, medianMs, mbPerSecond: bytes / MB / (medianMs / 1000), firstMs, problems }));
}
