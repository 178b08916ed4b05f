// Offsets to lines and columns, once, at the edge: the core speaks UTF-16 offsets; people and tools read
// 1-based lines and UTF-16 columns (what editors, ESLint and SARIF's utf16CodeUnits count). Lines end at "\r\n",
// "\r" or "\n", as in the editor (vscode-languageserver-textdocument), so that the CLI and the language server
// place a problem alike.

import type { Problem } from '../../core';
import { lastAtOrBelow } from '../../core/characters';
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

/** The offset where each line starts; "\r\n" is one line break. */
function lineStartsOf(text: string): Int32Array {
  // Most drafts break lines with "\n" alone: indexOf finds them several times faster than reading every character.
  if (!text.includes('\r')) {
    let count = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    return starts;
  }
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
  return Int32Array.from(starts);
}

/**
 * Offsets of `text` to lines and columns, on one table of line starts. Problems come in text order and end near
 * where they start, so each lookup searches the table from the line of the previous one.
 */
class LineTable {
  private readonly starts: Int32Array;
  /** The line of the last lookup (0-based). */
  private line = 0;

  constructor(private readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  /** The 0-based line of `offset` (clamped to the text); the next lookup starts from it. */
  lineAt(offset: number): number {
    return (this.line = lastAtOrBelow(this.starts, this.clamp(offset), this.line));
  }

  /** The 1-based column of `offset` on `line` (which `lineAt` gave for it). */
  columnAt(offset: number, line: number): number {
    const clamped = this.clamp(offset);
    // Between the two characters of "\r\n" the position is the end of the line, as in the editor.
    const column = clamped > this.starts[line] && this.text.charCodeAt(clamped - 1) === CR ? clamped - 1 : clamped;
    return column - this.starts[line] + 1;
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }
}

/** A converter from offsets of `text` to positions. */
export function positionsIn(text: string): (offset: number) => Position {
  const table = new LineTable(text);
  return offset => {
    const line = table.lineAt(offset);
    return { line: line + 1, column: table.columnAt(offset, line) };
  };
}

/**
 * `places`, for a submission (.docx, .pdf), give each line's place in the original file that people are shown. A
 * submission's problems carry no fix: a fix edits the extracted text, not the file, and offering it would promise
 * what --fix cannot do.
 */
export function locateProblems(text: string, problems: readonly Problem[], places?: readonly Place[]): LocatedProblem[] {
  const table = new LineTable(text);
  const located = new Array<LocatedProblem>(problems.length);
  for (let index = 0; index < problems.length; index++) {
    const problem = problems[index];
    const line = table.lineAt(problem.start);
    const column = table.columnAt(problem.start, line);
    const endLine = table.lineAt(problem.end);
    // Field by field rather than a spread: one object shape for 100,000 problems, and no copying loop per object.
    const placed: LocatedProblem = {
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      start: problem.start,
      end: problem.end,
      line: line + 1,
      column,
      endLine: endLine + 1,
      endColumn: table.columnAt(problem.end, endLine),
    };
    if (places) placed.place = places[Math.min(line, places.length - 1)];
    else if (problem.fix) placed.fix = problem.fix;
    located[index] = placed;
  }
  return located;
}
