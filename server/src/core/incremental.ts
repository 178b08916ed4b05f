// Incremental linting for the language server: after an edit, only a window of whole blocks around the change is
// linted again, as a text of its own, and its problems are spliced between the previous problems before and after
// it. The result is exactly what a full lint of the new text reports, or the full lint is run instead.
//
// Why a window can stand for the whole text. The parser reads items, briefs and articles one after another and
// each block's reading looks at its own lines and at most two lines into the next block, so reading may restart
// at the line where a block starts (a "cut"). The rules judge blocks, lines and characters a few code units
// around a candidate; the only document-wide state is
// - the quotation scan (“…” and 《…》 spans): an opener left unclosed can reach arbitrarily far, so the window is
//   taken only where the scan is provably settled at both of its cuts (see `settledAt`);
// - the dialect, read off `##` lines anywhere in the text: a change that touches a line holding `#` is re-linted
//   in full, and the window is linted in the previous dialect;
// - options that make a rule compare the whole document: `cjk-latin-space` with `mode: "consistent"` counts the
//   spaced and unspaced boundaries of the whole text (see `DOCUMENT_WIDE_OPTIONS`); and `ignore` entries that
//   span a line break could straddle a cut.
// The rules were read one by one for state that crosses blocks. Per block: attribution-*, numbering-*,
// headline-format, punct-pair (its stack starts afresh in each block), structure-hard-wrap (breaks inside a
// block). Per line or a few characters around a candidate: all the others; ordinal-punct alone looks back past
// blank lines, to the last visible character before an ordinal (at a cut, the previous block's), which the
// margin check below catches. Only the option above makes a rule compare the whole text.
// Around the changed blocks the window keeps margins of whole unchanged blocks (at least `marginBlocks` blocks and
// `marginChars` code units on each side), which take in the parser's look-ahead and the issue header's reach of a
// few lines. The window's reading of the margins is then checked against the previous reading: the same block
// spans and the same problems; a margin that reads differently means the change reached further than the
// window, and the text is linted in full. Small texts are always linted in full: it is fast enough.
//
// test/property/incremental.property.test.ts checks on random drafts and random edits that the result equals a
// full lint exactly; widen the fallbacks here rather than accept a difference.

import { lastAtOrBelow, nextMatchOffset } from './characters';
import { parseDocument, QUOTE_OPENERS, topHeaderEnd, type BulletinDocument } from './document';
import { lintDocument } from './lint';
import type { Dialect, LintOptions, Problem, TextEdit } from './types';

/** How eagerly the window is used; the defaults suit the language server, tests use small values. */
export interface IncrementalTuning {
  /** Texts shorter than this (in code units) are linted in full: a full lint is fast enough. */
  minLength: number;
  /** Unchanged blocks kept on each side of the changed ones. */
  marginBlocks: number;
  /** Code units each margin holds at least (more blocks are taken until it does). */
  marginChars: number;
  /** The largest share of the text a window may cover; past it a full lint costs about the same. */
  maxShare: number;
}

const DEFAULT_TUNING: IncrementalTuning = { minLength: 64 * 1024, marginBlocks: 2, marginChars: 512, maxShare: 0.5 };

/** Why a text was linted in full rather than through a window. */
export type FullLintReason =
  | 'first'
  | 'small'
  | 'top'
  | 'options'
  | 'document-wide-option'
  | 'dialect'
  | 'no-blocks'
  | 'window-too-large'
  | 'quotation'
  | 'margin';

/**
 * Where the problems of a snapshot made through a window come from, so that the server can reuse what it built
 * for the previous problems: problems[0, before) are the previous ones, unchanged (the same objects); the next
 * `inserted` are new; the rest are the previous problems from `before + removed` on, moved by `shift` code units.
 */
export interface ProblemSplice {
  before: number;
  removed: number;
  inserted: number;
  shift: number;
}

/** Ranges of the text, as parallel start and end arrays sorted by start. */
interface Spans {
  starts: Int32Array;
  ends: Int32Array;
}

/** What the window check needs of a text's reading, kept in flat arrays so that splicing them is cheap. */
interface Reading {
  blocks: Spans;
  /** Whether reading may restart at each block's line: every block of items, only articles among articles. */
  cuttable: Uint8Array;
  quoted: Spans;
  /** Quotation openers (“ 《) neither opening nor inside a quoted span: dropped, unclosed or skipped by the scan. */
  strayOpeners: Int32Array;
  /** End of the text's opening lines, which decide the issue header at the top, and `SAFETY_LINES` more. */
  topEnd: number;
}

/**
 * A change among the lines that decide the header at the top can remake it, whatever the window (see topHeaderEnd):
 * so can one within this many lines more, for safety.
 */
const SAFETY_LINES = 3;

let snapshotCount = 0;

/** A linted text with what the next incremental lint needs of it. */
export class LintSnapshot {
  /** Tells snapshots apart (a window's splice names the snapshot it was spliced into by this number). */
  readonly serial = ++snapshotCount;
  private documentValue?: BulletinDocument;
  private readingValue?: Reading;

  constructor(
    readonly text: string,
    readonly options: LintOptions,
    readonly dialect: Dialect,
    readonly problems: readonly Problem[],
    /** How this snapshot was made: a full lint and why, or a window spliced into the snapshot numbered `previous`. */
    readonly made: { kind: 'full'; reason: FullLintReason } | { kind: 'window'; previous: number; splice: ProblemSplice },
    document?: BulletinDocument,
    reading?: Reading,
  ) {
    this.documentValue = document;
    this.readingValue = reading;
  }

  /** The document model of the text; a snapshot made through a window parses it on first use. */
  get document(): BulletinDocument {
    this.documentValue ??= parseDocument(this.text, this.options.dialect ?? this.dialect);
    return this.documentValue;
  }

  /** @internal The flat reading, derived from the document when the snapshot came from a full lint. */
  reading(): Reading {
    this.readingValue ??= readingOf(this.document);
    return this.readingValue;
  }
}

/** Lints a text in full. */
export function lintSnapshot(text: string, options: LintOptions = {}, reason: FullLintReason = 'first'): LintSnapshot {
  const { document, problems } = lintDocument(text, options);
  return new LintSnapshot(text, options, document.dialect, problems, { kind: 'full', reason }, document);
}

/**
 * Lints `text`, a new version of `previous.text`, with the same options object: through a window around the
 * change where that is exact, in full otherwise. The problems equal `lint(text, options)` either way.
 */
export function relint(previous: LintSnapshot, text: string, options: LintOptions = previous.options, tuning: IncrementalTuning = DEFAULT_TUNING): LintSnapshot {
  if (options !== previous.options) return lintSnapshot(text, options, 'options');
  if (text === previous.text) return previous;
  if (text.length < tuning.minLength || previous.text.length < tuning.minLength) return lintSnapshot(text, options, 'small');
  if (hasDocumentWideOption(options)) return lintSnapshot(text, options, 'document-wide-option');
  const change = changedRange(previous.text, text);
  if (!options.dialect && (touchesHash(previous.text, change.start, change.previousEnd) || touchesHash(text, change.start, change.end))) {
    return lintSnapshot(text, options, 'dialect');
  }
  const outcome = lintWindow(previous, text, change, tuning);
  return typeof outcome === 'string' ? lintSnapshot(text, options, outcome) : outcome;
}

/** Rule options under which a rule compares the whole document, with the rule and option named. */
const DOCUMENT_WIDE_OPTIONS: ReadonlyArray<{ rule: string; applies: (options: Readonly<Record<string, unknown>>) => boolean; why: string }> = [
  { rule: 'cjk-latin-space', applies: options => options.mode === 'consistent', why: 'mode "consistent" flags the minority spacing style of the whole text' },
];

function hasDocumentWideOption(options: LintOptions): boolean {
  for (const { rule, applies } of DOCUMENT_WIDE_OPTIONS) {
    const config = options.rules?.[rule];
    if (config && config.severity !== 'off' && applies(config.options)) return true;
  }
  // An accepted text spanning a line break could straddle a cut, which always follows a line break.
  return options.ignore?.some(entry => /[\r\n]/.test(entry.text)) ?? false;
}

interface Change {
  start: number;
  /** End of the replaced text in the previous text. */
  previousEnd: number;
  /** End of the replacement in the new text. */
  end: number;
}

/** Code units compared at once while looking for the change: slices of that length compare natively. */
const COMPARE_CHUNK = 2048;

/** The region where two texts differ: their common prefix and suffix left out. */
function changedRange(before: string, after: string): Change {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start + COMPARE_CHUNK <= limit && before.slice(start, start + COMPARE_CHUNK) === after.slice(start, start + COMPARE_CHUNK)) start += COMPARE_CHUNK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + COMPARE_CHUNK <= limit - start &&
    before.slice(before.length - suffix - COMPARE_CHUNK, before.length - suffix) === after.slice(after.length - suffix - COMPARE_CHUNK, after.length - suffix)) {
    suffix += COMPARE_CHUNK;
  }
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, previousEnd: before.length - suffix, end: after.length - suffix };
}

/** Whether the lines holding text[start, end] contain a `#`, which could make or unmake a markdown heading. */
function touchesHash(text: string, start: number, end: number): boolean {
  const from = lineStartAt(text, start);
  let to = end;
  while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
  return text.slice(from, to).includes('#');
}

/** Start of the line holding `offset` (after a \n, \r or \r\n). */
function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

/** The flat reading of a document. */
function readingOf(document: BulletinDocument): Reading {
  const blocks = document.blocks;
  const cuttable = new Uint8Array(blocks.length);
  blocks.forEach((block, index) => { cuttable[index] = document.dialect === 'items' || block.kind === 'article' ? 1 : 0; });
  const quoted = spansOf(document.quoted);
  return { blocks: spansOf(blocks), cuttable, quoted, strayOpeners: strayOpeners(document.text, quoted), topEnd: topHeaderEnd(document, SAFETY_LINES) };
}

function spansOf(spans: ReadonlyArray<{ start: number; end: number }>): Spans {
  const starts = new Int32Array(spans.length);
  const ends = new Int32Array(spans.length);
  spans.forEach((span, index) => {
    starts[index] = span.start;
    ends[index] = span.end;
  });
  return { starts, ends };
}

/**
 * Openers of the text that the quotation scan did not turn into a span and that lie in no span: an opener dropped
 * at a full stop, one never closed (which stops the scan), one skipped while another was open, or one on a line the
 * scan does not read.
 */
function strayOpeners(text: string, quoted: Spans): Int32Array {
  const found: number[] = [];
  let span = 0;
  QUOTE_OPENERS.lastIndex = 0;
  for (let at = nextMatchOffset(QUOTE_OPENERS, text); at >= 0; at = nextMatchOffset(QUOTE_OPENERS, text)) {
    while (span < quoted.starts.length && quoted.ends[span] <= at) span++;
    const inSpan = span < quoted.starts.length && quoted.starts[span] <= at;
    if (!inSpan) found.push(at);
  }
  return Int32Array.from(found);
}

/** Index of the first element greater than `value`. */
function upperBound(sorted: Int32Array, value: number): number {
  return lastAtOrBelow(sorted, value, -1) + 1;
}

/**
 * Whether the quotation scan has settled at `offset`: no span runs across it, and every opener before it was
 * dealt with before it — no stray opener, or a span opened after the last one (the scan found that span's opener,
 * so it was reading afresh there). Reading may then restart at `offset` with the same spans as the whole text.
 */
function settledAt(quoted: Spans, strays: Int32Array, offset: number): boolean {
  const last = upperBound(quoted.starts, offset - 1) - 1;
  if (last >= 0 && quoted.ends[last] > offset) return false;
  const stray = upperBound(strays, offset - 1) - 1;
  return stray < 0 || (last >= 0 && quoted.starts[last] > strays[stray]);
}

/** The window: cuts c0 ≤ c1 (left margin) and c2 ≤ c3 (right margin), as block indices and offsets of the previous text. */
interface Window {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  /** Blocks of the previous text in [c0, c1) and [c2, c3). */
  left: { from: number; to: number };
  right: { from: number; to: number };
}

function lintWindow(previous: LintSnapshot, text: string, change: Change, tuning: IncrementalTuning): LintSnapshot | FullLintReason {
  const before = previous.text;
  const reading = previous.reading();
  if (reading.blocks.starts.length === 0) return 'no-blocks';
  if (change.start < reading.topEnd) return 'top';
  const window = chooseWindow(before, reading, change, tuning);
  if (window.c3 - window.c0 > tuning.maxShare * before.length) return 'window-too-large';
  if ((window.c0 > 0 && !settledAt(reading.quoted, reading.strayOpeners, window.c0)) ||
    (window.c3 < before.length && !settledAt(reading.quoted, reading.strayOpeners, window.c3))) return 'quotation';

  const shift = text.length - before.length;
  const windowEnd = window.c3 + shift;
  const options = previous.options.dialect ? previous.options : { ...previous.options, dialect: previous.dialect };
  const linted = lintDocument(text.slice(window.c0, windowEnd), options);
  const windowReading = readingOf(linted.document);
  if (windowEnd < text.length && !settledAt(windowReading.quoted, windowReading.strayOpeners, windowEnd - window.c0)) return 'quotation';
  if (!marginsAgree(reading, windowReading, window, shift)) return 'margin';

  const problems = previous.problems;
  const firstInWindow = firstProblemFrom(problems, window.c0);
  const firstAfter = firstProblemFrom(problems, window.c3);
  // A previous problem running into the window would be neither kept nor found again.
  if (firstInWindow > 0 && problems[firstInWindow - 1].end > window.c0) return 'margin';
  const found = linted.problems.map(problem => moved(problem, window.c0));
  if (!sameProblems(problems, firstInWindow, firstProblemFrom(problems, window.c1), found, 0, firstProblemFrom(found, window.c1)) ||
    !sameProblems(problems, firstProblemFrom(problems, window.c2), firstAfter, found, firstProblemFrom(found, window.c2 + shift), found.length, shift)) {
    return 'margin';
  }
  const spliced = problems.slice(0, firstInWindow);
  for (const problem of found) spliced.push(problem);
  for (let index = firstAfter; index < problems.length; index++) spliced.push(moved(problems[index], shift));
  const splice: ProblemSplice = { before: firstInWindow, removed: firstAfter - firstInWindow, inserted: found.length, shift };
  return new LintSnapshot(text, previous.options, previous.dialect, spliced, { kind: 'window', previous: previous.serial, splice }, undefined,
    spliceReading(reading, windowReading, window, shift));
}

/** The cut (line start) of block `index` in the previous text. */
function cutOf(text: string, reading: Reading, index: number): number {
  return lineStartAt(text, reading.blocks.starts[index]);
}

function chooseWindow(text: string, reading: Reading, change: Change, tuning: IncrementalTuning): Window {
  const { starts } = reading.blocks;
  const count = starts.length;
  const isCut = (index: number) => reading.cuttable[index] === 1;
  // c1: the last cut at or before the change; c2: the first cut past it (a block whose line the change reaches is changed).
  let first = Math.min(count - 1, upperBound(starts, change.start));
  while (first >= 0 && !(isCut(first) && cutOf(text, reading, first) <= change.start)) first--;
  let next = Math.max(0, upperBound(starts, change.previousEnd) - 1);
  while (next < count && !(isCut(next) && cutOf(text, reading, next) > change.previousEnd)) next++;
  const c1 = first >= 0 ? cutOf(text, reading, first) : 0;
  const c2 = next < count ? cutOf(text, reading, next) : text.length;

  // Margins: whole blocks from cut to cut, at least marginBlocks of them and marginChars code units.
  let leftIndex = first;
  let c0 = c1;
  for (let taken = 0; leftIndex >= 0 && (taken < tuning.marginBlocks || c1 - c0 < tuning.marginChars);) {
    leftIndex--;
    while (leftIndex >= 0 && !isCut(leftIndex)) leftIndex--;
    c0 = leftIndex >= 0 ? cutOf(text, reading, leftIndex) : 0;
    taken++;
  }
  let rightIndex = next;
  let c3 = c2;
  for (let taken = 0; rightIndex < count && (taken < tuning.marginBlocks || c3 - c2 < tuning.marginChars);) {
    rightIndex++;
    while (rightIndex < count && !isCut(rightIndex)) rightIndex++;
    c3 = rightIndex < count ? cutOf(text, reading, rightIndex) : text.length;
    taken++;
  }
  const blockFrom = (offset: number) => upperBound(starts, offset - 1);
  return {
    c0, c1, c2, c3,
    left: { from: blockFrom(c0), to: blockFrom(c1) },
    right: { from: blockFrom(c2), to: blockFrom(c3) },
  };
}

/**
 * Whether the window reads its margins as the previous text did: the same blocks, and nothing of the changed
 * region's blocks reaching into them.
 */
function marginsAgree(reading: Reading, windowReading: Reading, window: Window, shift: number): boolean {
  const { starts, ends } = reading.blocks;
  const windowBlocks = windowReading.blocks;
  const windowCount = windowBlocks.starts.length;
  const leftCount = window.left.to - window.left.from;
  const rightCount = window.right.to - window.right.from;
  if (leftCount + rightCount > windowCount) return false;
  for (let index = 0; index < leftCount; index++) {
    const previousIndex = window.left.from + index;
    if (windowBlocks.starts[index] !== starts[previousIndex] - window.c0 || windowBlocks.ends[index] !== ends[previousIndex] - window.c0) return false;
  }
  if (leftCount < windowCount && windowBlocks.starts[leftCount] < window.c1 - window.c0) return false;
  const rightStart = windowCount - rightCount;
  const moveRight = shift - window.c0;
  for (let index = 0; index < rightCount; index++) {
    const previousIndex = window.right.from + index;
    if (windowBlocks.starts[rightStart + index] !== starts[previousIndex] + moveRight || windowBlocks.ends[rightStart + index] !== ends[previousIndex] + moveRight) return false;
  }
  return rightStart === 0 || windowBlocks.ends[rightStart - 1] <= window.c2 + moveRight;
}

/** Index of the first problem starting at or after `offset` (problems are sorted by start). */
function firstProblemFrom(problems: readonly Problem[], offset: number): number {
  let low = 0;
  let high = problems.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (problems[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A problem moved by `shift` code units, its fix with it. Built property by property: a spread is slow in V8. */
function moved(problem: Problem, shift: number): Problem {
  if (shift === 0) return problem;
  const { ruleId, severity, message, fix } = problem;
  const result: Problem = { ruleId, severity, start: problem.start + shift, end: problem.end + shift, message, fix: fix && fix.map(edit => movedEdit(edit, shift)) };
  // Keep the problem's shape: without a fix, the runner may or may not write the property.
  if (!('fix' in problem)) delete result.fix;
  return result;
}

function movedEdit(edit: TextEdit, shift: number): TextEdit {
  return { start: edit.start + shift, end: edit.end + shift, text: edit.text };
}

/** Whether previous[from, to) moved by `shift` equal found[foundFrom, foundTo). */
function sameProblems(previous: readonly Problem[], from: number, to: number, found: readonly Problem[], foundFrom: number, foundTo: number, shift = 0): boolean {
  if (to - from !== foundTo - foundFrom) return false;
  for (let index = 0; index < to - from; index++) {
    const a = previous[from + index];
    const b = found[foundFrom + index];
    if (a.ruleId !== b.ruleId || a.severity !== b.severity || a.message !== b.message || a.start + shift !== b.start || a.end + shift !== b.end) return false;
    if ((a.fix?.length ?? -1) !== (b.fix?.length ?? -1)) return false;
    for (let edit = 0; edit < (a.fix?.length ?? 0); edit++) {
      const x = a.fix![edit];
      const y = b.fix![edit];
      if (x.start + shift !== y.start || x.end + shift !== y.end || x.text !== y.text) return false;
    }
  }
  return true;
}

/** The reading of the new text: the previous one before the window, the window's, the previous one after it moved. */
function spliceReading(reading: Reading, windowReading: Reading, window: Window, shift: number): Reading {
  const blockBefore = window.left.from;
  const blockAfter = window.right.to;
  return {
    blocks: spliceSpans(reading.blocks, windowReading.blocks, blockBefore, blockAfter, window.c0, shift),
    cuttable: concat(reading.cuttable.subarray(0, blockBefore), windowReading.cuttable, reading.cuttable.subarray(blockAfter)),
    quoted: spliceSpans(reading.quoted, windowReading.quoted, upperBound(reading.quoted.starts, window.c0 - 1), upperBound(reading.quoted.starts, window.c3 - 1), window.c0, shift),
    strayOpeners: spliceOffsets(reading.strayOpeners, windowReading.strayOpeners, upperBound(reading.strayOpeners, window.c0 - 1), upperBound(reading.strayOpeners, window.c3 - 1), window.c0, shift),
    // The change lies past the opening lines, which therefore stay as they were.
    topEnd: reading.topEnd,
  };
}

function spliceSpans(spans: Spans, windowSpans: Spans, before: number, after: number, windowStart: number, shift: number): Spans {
  return {
    starts: spliceOffsets(spans.starts, windowSpans.starts, before, after, windowStart, shift),
    ends: spliceOffsets(spans.ends, windowSpans.ends, before, after, windowStart, shift),
  };
}

/** offsets[0, before), then windowOffsets moved to windowStart, then offsets[after, …) moved by shift. */
function spliceOffsets(offsets: Int32Array, windowOffsets: Int32Array, before: number, after: number, windowStart: number, shift: number): Int32Array {
  const result = new Int32Array(before + windowOffsets.length + offsets.length - after);
  result.set(offsets.subarray(0, before));
  for (let index = 0; index < windowOffsets.length; index++) result[before + index] = windowOffsets[index] + windowStart;
  let at = before + windowOffsets.length;
  for (let index = after; index < offsets.length; index++) result[at++] = offsets[index] + shift;
  return result;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}
