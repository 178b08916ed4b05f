// The guarantee of incremental linting: for random drafts and random edits, linting through a window around the
// change gives exactly the problems of a full lint of the edited text. Drafts are several generated issues
// pasted one after another (headers and footers in mid-text, as in the benchmark's corpus), linted with small
// margins and no size threshold so that windows are tried on every edit; each case makes a few edits in a row,
// each re-linted from the snapshot the edit before left. A fixed seed keeps the normal suite repeatable.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, lintSnapshot, relint, type IncrementalTuning, type LintOptions, type LintSnapshot } from '../../server/src/core';
import { articlesDraft, bulletinText, itemsDraft, UNIT_DIRECTORY } from './generators';

/** The seed of the normal suite; a failure names it with the path of the shrunk counterexample. */
const SEED = 20_241_104;

/** Windows on every edit: no size threshold, the smallest margins, any share of the text. */
const EAGER: IncrementalTuning = { minLength: 0, marginBlocks: 1, marginChars: 0, maxShare: 1 };
const CASES = Number(process.env.INCREMENTAL_CASES ?? 300);

/** What edits insert: line breaks, an astral character, attributions, brief marks, markers, quotes, header and footer lines. */
const INSERTIONS = [
  '', '\n', '\n\n', '\r\n', '\r', '𠮷', '的', '。', '，', ' ', '\u3000', '（区教育局）', '（', '）', '(', ')', '△', '△ ', '●', '一是', '二是', '一要',
  '“', '”', '《', '》', '「', '」', '#', '## ', '第45期\n', '\n第 45 期\n', '2024年8月9日\n', '本期送：区领导\n', '责任编辑：柴亚文', '— 4 —\n',
  '区教育局推进课后服务 一是建成3个基地。二是开设课程。（区教育局）\n', '导入 SQL数据库', '3万5千', '1、', '**',
] as const;

interface Edit {
  /** Relative position of the edit's start and length of the replaced text. */
  at: number;
  length: number;
  insert: string;
}

/** A relative position, spread evenly (fc.double favours the ends of its range). */
const position = fc.integer({ min: 0, max: 9999 }).map(value => value / 10_000);

const edit: fc.Arbitrary<Edit> = fc.record({
  at: position,
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 60 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTIONS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
});

/** Hard wraps at relative positions, as extraction leaves them. */
function wrapped(text: string, positions: readonly number[]): string {
  let result = text;
  for (const at of positions) {
    const offset = Math.floor(at * result.length);
    result = `${result.slice(0, offset)}\n${result.slice(offset)}`;
  }
  return result;
}

/**
 * Several drafts pasted into one file: mostly drafts of items (one dialect, many blocks), hard-wrapped and in
 * CRLF now and then; some newspaper pages; some damaged drafts of either dialect (one `##` line makes the whole
 * file articles).
 */
const pasted: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(itemsDraft, { minLength: 3, maxLength: 8 }), fc.array(position, { maxLength: 12 }), fc.boolean())
      .map(([drafts, wraps, crlf]) => {
        const text = wrapped(drafts.join('\n'), wraps);
        return crlf ? text.replace(/\n/g, '\r\n') : text;
      }),
  },
  { weight: 1, arbitrary: fc.array(articlesDraft, { minLength: 2, maxLength: 5 }).map(parts => parts.join('\n')) },
  { weight: 1, arbitrary: fc.array(bulletinText, { minLength: 2, maxLength: 5 }).map(parts => parts.join('\n')) },
);

function applyEdit(text: string, change: Edit): string {
  const start = Math.floor(change.at * text.length);
  return text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.length));
}

/** Edits the text in turn, re-linting each version incrementally; every result must equal a full lint. Returns the snapshots. */
function checkEdits(text: string, edits: readonly Edit[], options: LintOptions): LintSnapshot[] {
  const snapshots = [lintSnapshot(text, options)];
  let current = text;
  for (const change of edits) {
    current = applyEdit(current, change);
    const snapshot = relint(snapshots[snapshots.length - 1], current, options, EAGER);
    const how = snapshot.made.kind === 'full' ? `full (${snapshot.made.reason})` : 'window';
    assert.deepEqual(snapshot.problems, lint(current, options), `the ${how} lint after ${JSON.stringify(change)} equals a full lint`);
    snapshots.push(snapshot);
  }
  return snapshots;
}

describe('property: incremental linting', function () {
  this.timeout(120_000);

  it(`the window's problems equal a full lint's, edit after edit (${CASES} cases)`, () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(pasted, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (text, edits, english) => {
        const options: LintOptions = { units: UNIT_DIRECTORY, locale: english ? 'en' : 'zh' };
        for (const snapshot of checkEdits(text, edits, options).slice(1)) {
          const kind = snapshot.made.kind === 'full' ? snapshot.made.reason : 'window';
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: CASES },
    );
    // The property says nothing if every edit fell back to a full lint.
    const total = [...kinds.values()].reduce((sum, count) => sum + count, 0);
    assert.ok((kinds.get('window') ?? 0) > total / 2, `most edits are linted through a window: ${JSON.stringify(Object.fromEntries(kinds))}`);
  });
});
