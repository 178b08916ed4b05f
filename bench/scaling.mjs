// The doubling benchmark of issue 4: is the time linear in the size of the input? Prints, for input sizes doubling
// from 64 KB to 4 MB, the time of each step and its ratio to the step before (near 2 for linear work, near 4 for
// quadratic), and the exponent k of time ∝ size^k fitted over the whole range:
//   - the bundled core (the code users run, built as bench/corpora.mjs builds it): lint of multi-line drafts,
//     lint of the same drafts as one single line, fix-all, and lint of one line mixing every character any core
//     regex names;
//   - every regular expression of the core on its own worst adversarial input (test/property/regex-safety.ts),
//     from 64k to 4M code units.
// It measures and asserts nothing; test/property/regex.test.ts holds the limits. Run: node bench/scaling.mjs
// [--quick] (sizes up to 1 MB only) [--regexes=N] (print the N regexes with the highest exponent; default 12).

import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleCore, buildCorpusText, itemSamples, REPO_ROOT } from './corpora.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const regexRows = Number(args.find(arg => arg.startsWith('--regexes='))?.slice('--regexes='.length) ?? 12);
const KB = 1024;
const SIZES = [64, 128, 256, 512, 1024, 2048, 4096].map(size => size * KB).filter(size => !quick || size <= 1024 * KB);
/** Ratios above this are printed with a mark: linear work doubles, timing noise adds a little. */
const NEAR_TWO = 2.6;

/** The fastest of a few runs: the least disturbed by the garbage collector and other processes. */
function fastest(task, runs) {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    task();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const runsFor = size => (size <= 1024 * KB ? 5 : 3);

/** The exponent k of time ∝ size^k between the first and the last size. */
const exponent = (times, sizes) => Math.log(times[times.length - 1] / times[0]) / Math.log(sizes[sizes.length - 1] / sizes[0]);

function formatRow(label, times, sizes) {
  const cells = times.map((time, index) => {
    const ratio = index === 0 ? '' : ` ×${(time / times[index - 1]).toFixed(2)}${time / times[index - 1] > NEAR_TWO ? '!' : ''}`;
    return `${time.toFixed(time < 10 ? 2 : 0)} ms${ratio}`.padStart(18);
  });
  return `${label.padEnd(34).slice(0, 34)}${cells.join('')}   k=${exponent(times, sizes).toFixed(2)}`;
}

const sizeHeader = sizes => `${''.padEnd(34)}${sizes.map(size => (size >= 1024 * KB ? `${size / 1024 / KB} MB` : `${size / KB} KB`).padStart(18)).join('')}`;

// Regexes first: their constructed half is captured while the TypeScript core loads, so nothing may load it before.
// tsx's CommonJS hook loads the TypeScript sources (the test helpers and the core as written).
const require = createRequire(import.meta.url);
require('tsx/cjs');
const safety = require('../test/property/regex-safety.ts');
const constructed = safety.captureConstructedRegexes(() => {
  const sourceCore = require('../server/src/core/index.ts');
  const samplesDir = join(REPO_ROOT, 'test', 'fixtures', 'real');
  for (const name of readdirSync(samplesDir)) sourceCore.lint(readFileSync(join(samplesDir, name), 'utf8'));
});
const regexes = [...safety.scanSources().literals, ...constructed];
const { BOUNDED_USES } = safety;

const core = require(await bundleCore());
const samples = itemSamples();
/** Text of about `bytes` bytes of UTF-8 made of whole real drafts, as bench/corpora.mjs builds its corpora. */
const drafts = (bytes, singleLine) => buildCorpusText(samples, { targetBytes: bytes, singleLine });

console.log(`bulletin-lint scaling, Node ${process.version}; time of each size, ×ratio to the size before (near 2 is linear)\n`);
console.log('The core (bundled):');
console.log(sizeHeader(SIZES));
const mixtureAlphabet = [...new Set(regexes.flatMap(entry => safety.adversarialInputs(entry, 256).find(input => input.label === 'mixture, one line')?.text ?? []))].join('');
const coreRows = [
  { label: 'lint, drafts (multi-line)', text: size => drafts(size, false), task: text => core.lint(text) },
  { label: 'lint, drafts as one single line', text: size => drafts(size, true), task: text => core.lint(text) },
  { label: 'fix-all, drafts (multi-line)', text: size => drafts(size, false), task: text => core.fixAll(text) },
  {
    label: 'lint, one line of regex alphabets',
    text: size => {
      const units = Array.from(mixtureAlphabet);
      const chars = [];
      let seed = 7;
      for (let bytes = 0; bytes < size; bytes += Buffer.byteLength(chars[chars.length - 1])) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        chars.push(units[seed % units.length]);
      }
      return chars.join('');
    },
    task: text => core.lint(text),
  },
];
/** Runs a task until the optimizing compiler has had its chance (about 300 ms), so the first size is not the slowest. */
function warmUp(task) {
  const started = performance.now();
  while (performance.now() - started < 300) task();
}

for (const row of coreRows) {
  const smallest = row.text(SIZES[0]);
  warmUp(() => row.task(smallest));
  const times = SIZES.map(size => {
    const text = row.text(size);
    return fastest(() => row.task(text), runsFor(size));
  });
  console.log(formatRow(row.label, times, SIZES));
}

// Each regex on the input that was slowest for it at the smallest size, at every size.
const regexSizes = SIZES;
const results = [];
for (const entry of regexes) {
  const bound = BOUNDED_USES.find(use => entry.site.startsWith(`${use.file}:`) && entry.source === use.source);
  if (bound) continue;
  const inputs = safety.adversarialInputs(entry, regexSizes[0]);
  let worst = inputs[0];
  let worstTime = -1;
  for (const input of inputs) {
    const time = fastest(() => safety.scan(entry, input.text), 2);
    if (time > worstTime) [worst, worstTime] = [input, time];
  }
  if (!worst) continue;
  warmUp(() => safety.scan(entry, worst.text));
  const times = regexSizes.map(size => {
    const text = safety.adversarialInputs(entry, size).find(input => input.label === worst.label).text;
    return fastest(() => safety.scan(entry, text), runsFor(size));
  });
  results.push({ entry, label: worst.label, times });
}
results.sort((a, b) => exponent(b.times, regexSizes) - exponent(a.times, regexSizes));
console.log(`\nRegular expressions of the core: ${regexes.length} (${BOUNDED_USES.length} applied to short slices only, left out), each on its worst adversarial input, in UTF-16 code units;`);
console.log(`the ${Math.min(regexRows, results.length)} with the highest exponent:`);
console.log(sizeHeader(regexSizes).replace(/KB/g, 'k ').replace(/MB/g, 'M '));
for (const { entry, label, times } of results.slice(0, regexRows)) {
  console.log(formatRow(`${entry.site.replace('server/src/core/', '')}`, times, regexSizes));
  console.log(`    /${entry.source.slice(0, 70)}/${entry.flags} on ${label.slice(0, 60)}`);
}
const worstExponent = Math.max(...results.map(result => exponent(result.times, regexSizes)));
const steepest = Math.max(...results.flatMap(result => result.times.slice(1).map((time, index) => (result.times[index] >= 1 ? time / result.times[index] : 0))));
console.log(`\nHighest exponent over all regexes: k=${worstExponent.toFixed(2)} (1 is linear, 2 quadratic); steepest doubling among steps of at least 1 ms: ×${steepest.toFixed(2)}`);
