// What the formatters receive: the linted files with their problems already placed on 1-based lines and
// UTF-16 columns (converted once, in locate.ts).

import type { Locale, Problem, Rule } from '../../core';
import type { Place } from '../../submissions';

export interface LocatedProblem extends Problem {
  /** 1-based line and column (UTF-16 code units) of the start; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For a .docx or .pdf: where a person finds the problem in the original file (line and column are in the extracted text). */
  place?: Place;
}

export interface LintedFile {
  /** Absolute path, or `<stdin>` for standard input without --stdin-filename. */
  filePath: string;
  /** The path as shown to people: relative to the working folder, with "/" separators. */
  displayPath: string;
  /** The text the problems refer to (without BOM; after the fixes under --fix and --fix-dry-run). */
  text: string;
  problems: LocatedProblem[];
  /** Under --fix-dry-run, the fixed text when the fixes change the file. */
  output?: string;
}

export interface FormatContext {
  cwd: string;
  locale: Locale;
  /** Whether ANSI colours may be used (a TTY without NO_COLOR). */
  color: boolean;
  /** Under --quiet only errors were kept: "no problems" would claim too much. */
  quiet: boolean;
  /** Arguments and files that could not be checked (each named on standard error): the run is not clean. */
  unchecked: number;
  rules: readonly Rule[];
  version: string;
}

/**
 * Renders the whole report, handing it to `write` in pieces in order (what is written goes to standard output as
 * is): a report of 100,000 problems need not be held as one string.
 */
export type Formatter = (files: readonly LintedFile[], context: FormatContext, write: (text: string) => void) => void;
