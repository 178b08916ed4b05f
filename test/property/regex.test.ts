// No catastrophic backtracking: every regular expression of the core (literals read from the source, `new
// RegExp` captured when the core loads) runs over adversarial input derived from its own character classes, and
// the whole linter over long single lines of the characters the rules look for.
//
// Time is measured, so the limits are generous enough never to fail a linear regex on a slow or busy machine:
// at 256k code units a linear scan takes milliseconds here (the slowest about 20 ms) and the limit is 1.5 s per
// input, while a quadratic one takes seconds (the two found so far took 30 s and 120 s). A step that runs for
// 20 s is stopped. The doubling ratios, of every regex and of the whole linter up to 4 MB, are printed by
// bench/scaling.mjs.

import * as assert from 'node:assert/strict';
import type { RegexWorkerMessage } from './regex-worker';
import { atomsOf, BOUNDED_USES, runRegexWorker, scanSources, type RegexEntry, type WorkerRun } from './regex-safety';

const INPUT_SIZE = 256 * 1024;
const INPUT_LIMIT_MS = 1_500;
/**
 * The long lines for the whole linter: the slowest takes about 0.3 s here. Quadratic work shows at this length
 * (punct-pair's, before it was fixed, took over 30 s on a line of “ then 】).
 */
const LINT_LINE_SIZE = 128 * 1024;
const LINT_LIMIT_MS = 10_000;
const WATCHDOG_MS = 20_000;


describe('property: regular expressions', function () {
  this.timeout(300_000);
  let run: WorkerRun;
  let entries: RegexEntry[] = [];
  let constructorSites: string[] = [];

  before(async () => {
    run = await runRegexWorker({ size: INPUT_SIZE, lintLineSize: LINT_LINE_SIZE, bounded: BOUNDED_USES }, WATCHDOG_MS);
    const inventory = run.messages.find((message): message is Extract<RegexWorkerMessage, { kind: 'inventory' }> => message.kind === 'inventory');
    entries = inventory?.entries ?? [];
    constructorSites = inventory?.constructorSites ?? [];
  });

  it('finds every regex of the core: the literals, and a captured regex for every new RegExp call', () => {
    const { literals } = scanSources();
    assert.ok(literals.length >= 50, `found ${literals.length} literals`);
    assert.ok(constructorSites.length > 0, 'the core builds some regexes with new RegExp');
    const captured = new Set(entries.map(entry => entry.site));
    assert.deepEqual(constructorSites.filter(site => !captured.has(site)), [], 'every new RegExp call site was captured');
  });

  it('every regex listed as applied to short slices only is still in the core', () => {
    for (const use of BOUNDED_USES) {
      assert.ok(entries.some(entry => entry.site.startsWith(`${use.file}:`) && entry.source === use.source), `${use.file} /${use.source}/ (${use.reason})`);
    }
  });

  it('derives atoms from a regex source: classes, escapes and characters, not groups or quantifiers', () => {
    assert.deepEqual(atomsOf(String.raw`(?<![\d.])(\d+)(?:\.\d+)?[千百]{1,2}\1`), [String.raw`[\d.]`, String.raw`\d`, String.raw`\.`, String.raw`\d`, '[千百]']);
    assert.deepEqual(atomsOf(String.raw`^\p{Script=Han}+年$`), [String.raw`\p{Script=Han}`, '年']);
  });

  it(`every regex runs in linear time on adversarial input of ${INPUT_SIZE / 1024}k code units (under ${INPUT_LIMIT_MS} ms each)`, () => {
    assert.equal(run.runaway, undefined, `stopped after ${WATCHDOG_MS / 1000} s without progress: ${run.runaway}`);
    const slow = run.messages
      .filter((message): message is Extract<RegexWorkerMessage, { kind: 'input-done' }> => message.kind === 'input-done')
      .filter(message => message.milliseconds > INPUT_LIMIT_MS)
      .map(message => `${entries[message.index].site} /${entries[message.index].source}/${entries[message.index].flags} on ${message.label}: ${message.milliseconds.toFixed(0)} ms`);
    assert.deepEqual(slow, []);
    assert.ok(run.messages.some(message => message.kind === 'finished'), 'the worker ran every input');
  });

  it(`the linter never throws and finishes long single lines (${LINT_LINE_SIZE / 1024}k) of every character the rules look for`, () => {
    assert.equal(run.runaway, undefined, `stopped after ${WATCHDOG_MS / 1000} s without progress: ${run.runaway}`);
    const lints = run.messages.filter((message): message is Extract<RegexWorkerMessage, { kind: 'lint-done' }> => message.kind === 'lint-done');
    assert.ok(lints.length >= 20, `${lints.length} long lines linted`);
    assert.deepEqual(lints.filter(message => message.milliseconds > LINT_LIMIT_MS).map(message => `${message.label}: ${message.milliseconds.toFixed(0)} ms`), []);
  });
});
