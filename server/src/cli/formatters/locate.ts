// Offsets to lines and columns, once, at the edge: the core speaks UTF-16 offsets; people and tools read
// 1-based lines and UTF-16 columns (what editors, ESLint and SARIF's utf16CodeUnits count). Lines end at "\r\n",
// "\r" or "\n", as in the editor (vscode-languageserver-textdocument), so that the CLI and the language server
// place a problem alike.

import type { Problem } from '../../core';
import type { Place } from '../../submissions';
import type { LocatedProblem } from './types';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

const LF = 10;
const CR = 13;
/** How many lines after the previous lookup's are walked before searching the table instead. */
const NEARBY_LINES = 4;

/** The offset where each line starts; "\r\n" is one line break. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === CR) {
      if (text.charCodeAt(index + 1) === LF) index++;
      starts.push(index + 1);
    } else if (code === LF) {
      starts.push(index + 1);
    }
  }
  return starts;
}

/**
 * A converter from offsets of `text` to positions, built on one table of line starts. Problems come in text
 * order and end near where they start, so each lookup first tries the line of the previous one and the few after
 * it, and searches the table only when the offset is elsewhere.
 */
export function positionsIn(text: string): (offset: number) => Position {
  const starts = lineStartsOf(text);
  const lastLine = starts.length - 1;
  let line = 0;
  /** The start of the line after `index`; past the last line, never reached. */
  const nextStart = (index: number) => (index < lastLine ? starts[index + 1] : Infinity);
  return offset => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    if (clamped < starts[line] || clamped >= nextStart(line + NEARBY_LINES)) line = lineAt(starts, clamped);
    else while (clamped >= nextStart(line)) line++;
    // Between the two characters of "\r\n" the position is the end of the line, as in the editor.
    const column = clamped > starts[line] && text.charCodeAt(clamped - 1) === CR ? clamped - 1 : clamped;
    return { line: line + 1, column: column - starts[line] + 1 };
  };
}

/** The index of the last line starting at or before `offset` (binary search). */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] > offset) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** `placeOf`, for a submission (.docx, .pdf), gives the place in the original file that people are shown. */
export function locateProblems(text: string, problems: readonly Problem[], placeOf?: (offset: number) => Place): LocatedProblem[] {
  const positionOf = positionsIn(text);
  const located = new Array<LocatedProblem>(problems.length);
  for (let index = 0; index < problems.length; index++) {
    const problem = problems[index];
    const start = positionOf(problem.start);
    const end = positionOf(problem.end);
    // Field by field rather than a spread: one object shape for 100,000 problems, and no copying loop per object.
    const placed: LocatedProblem = {
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      start: problem.start,
      end: problem.end,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    if (problem.fix) placed.fix = problem.fix;
    if (placeOf) placed.place = placeOf(problem.start);
    located[index] = placed;
  }
  return located;
}
