// The worker of the regex check (regex.test.ts) and the scaling benchmark (bench/scaling.mjs): a fresh module
// context in which the constructed regexes of the core can be captured, and in which a runaway regex can be
// stopped (Worker.terminate interrupts a regex mid-match). It reports on its port, one message per step:
//   { kind: 'inventory', entries, constructorSites }   every regex of the core, and the `new RegExp` call sites
//   { kind: 'input-start', index, label } / { kind: 'input-done', …, milliseconds }   per adversarial input
//   { kind: 'lint-start', label } / { kind: 'lint-done', label, milliseconds }   whole lint runs on long lines
//   { kind: 'finished' }
// workerData (RegexWorkerData) says how long the inputs are and whether to lint long lines too.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { adversarialInputs, captureConstructedRegexes, REPO_ROOT, scan, scanSources, type RegexEntry } from './regex-safety';

export interface RegexWorkerData {
  /** Size in UTF-16 code units of every adversarial input. */
  size: number;
  /** Length of the long single lines to lint as well (0: none). */
  lintLineSize: number;
  /** Regexes the core applies only to short slices: their inputs are only as long as those slices. */
  bounded: readonly BoundedUse[];
}

export interface BoundedUse {
  /** The source file, relative to the repository. */
  file: string;
  source: string;
  /** The longest text the core applies the regex to. */
  length: number;
  /** Where the bound comes from. */
  reason: string;
}

export type RegexWorkerMessage =
  | { kind: 'inventory'; entries: RegexEntry[]; constructorSites: string[] }
  | { kind: 'input-start'; index: number; label: string }
  | { kind: 'input-done'; index: number; label: string; milliseconds: number }
  | { kind: 'lint-start'; label: string }
  | { kind: 'lint-done'; label: string; milliseconds: number; problems: number }
  | { kind: 'finished' };

const port = parentPort!;
const send = (message: RegexWorkerMessage) => port.postMessage(message);
const { size, lintLineSize, bounded } = workerData as RegexWorkerData;

let core!: typeof import('../../server/src/core');
const constructed = captureConstructedRegexes(() => {
  // Loaded only now, so that its module-level `new RegExp` calls are captured; regexes built on first use are
  // captured while every real draft is linted once.
  core = require('../../server/src/core') as typeof import('../../server/src/core');
  const samples = join(REPO_ROOT, 'test', 'fixtures', 'real');
  for (const name of readdirSync(samples).sort()) core.lint(readFileSync(join(samples, name), 'utf8'));
});

const { literals, constructorSites } = scanSources();
const entries = [...literals, ...constructed];
send({ kind: 'inventory', entries, constructorSites });

entries.forEach((entry, index) => {
  const bound = bounded.find(use => entry.site.startsWith(`${use.file}:`) && entry.source === use.source);
  for (const input of adversarialInputs(entry, bound ? Math.min(bound.length, size) : size)) {
    send({ kind: 'input-start', index, label: input.label });
    const started = performance.now();
    scan(entry, input.text);
    send({ kind: 'input-done', index, label: input.label, milliseconds: performance.now() - started });
  }
});

if (lintLineSize > 0) {
  for (const { label, text } of longLines(entries, lintLineSize)) {
    send({ kind: 'lint-start', label });
    const started = performance.now();
    const problems = core.lint(text).length;
    send({ kind: 'lint-done', label, milliseconds: performance.now() - started, problems });
  }
}
send({ kind: 'finished' });

/**
 * Single lines for the whole linter: the characters the parser and the rules look for, each in a long run; runs
 * of one mark followed by runs of another (openers left open, then closers without a partner: work that grows
 * with what the first half left behind); and mixtures of every character any core regex names.
 */
function longLines(all: readonly RegexEntry[], length: number): Array<{ label: string; text: string }> {
  const units = ['一是', '二是', '（', '）', '(', ')', '“', '”', '《', '0', '5', ' ', '\u3000', '。', '，', '区', '𠮷', '千', '零', '年', '△', '**', '—', '-', '.', '/', '3 个', '3千', '2024.8.9 ', '（区教育局）'];
  const repeated = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));
  const lines = units.map(unit => ({ label: `lint: run of ${JSON.stringify(unit)}`, text: repeated(unit, length) }));
  const halves = [['“', '】'], ['《', '”'], ['（', '》'], ['【', ')'], ['‘', '）'], ['(', '’'], ['一是', '）'], [' ', '3个'], ['3', '千'], ['**', '“']];
  for (const [first, second] of halves) {
    lines.push({ label: `lint: run of ${JSON.stringify(first)}, then of ${JSON.stringify(second)}`, text: repeated(first, length / 2) + repeated(second, length / 2) });
  }
  const mixtures = all.filter((_, index) => index % 4 === 0).map(entry => adversarialInputs(entry, length).find(input => input.label === 'mixture, one line'));
  let mixture = '';
  for (const input of mixtures) if (input) mixture += input.text.slice(0, Math.ceil(length / mixtures.length));
  lines.push({ label: 'lint: mixture of every regex alphabet', text: mixture });
  return lines;
}
