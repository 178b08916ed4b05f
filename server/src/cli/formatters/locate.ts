// Offsets to lines and columns, once, at the edge: the core speaks UTF-16 offsets; people and tools read
// 1-based lines and UTF-16 columns (what editors, ESLint and SARIF's utf16CodeUnits count).

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../../core';
import type { Place } from '../../submissions';
import type { LocatedProblem } from './types';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** A converter from offsets of `text` to positions. */
export function positionsIn(text: string): (offset: number) => Position {
  const document = TextDocument.create('file:///located', 'plaintext', 0, text);
  return offset => {
    const position = document.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
}

/** `placeOf`, for a submission (.docx, .pdf), gives the place in the original file that people are shown. */
export function locateProblems(text: string, problems: readonly Problem[], placeOf?: (offset: number) => Place): LocatedProblem[] {
  const positionOf = positionsIn(text);
  return problems.map(problem => {
    const start = positionOf(problem.start);
    const end = positionOf(problem.end);
    const located: LocatedProblem = { ...problem, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    if (placeOf) located.place = placeOf(problem.start);
    return located;
  });
}
