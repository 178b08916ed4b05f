// The human format, after ESLint's "stylish": problems grouped by file, aligned in columns (Chinese characters
// are two columns wide in a terminal), then a summary. Colours only when the context allows them.

import type { Severity } from '../../core';
import { messages, severityWord, type Messages } from '../messages';
import type { FormatContext, Formatter, LintedFile, LocatedProblem } from './types';

const STYLES = { bold: 1, dim: 2, underline: 4, red: 31, yellow: 33, cyan: 36, green: 32 } as const;
const SEVERITY_STYLES: Record<Severity, keyof typeof STYLES> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Terminal columns: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  // By UTF-16 code units rather than `for…of`: this runs over every message of a report of 100,000 problems.
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index++;
      }
    }
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

/** Runs of spaces by length, made once each: every row pads three cells. */
const paddings: string[] = [];

function spaces(count: number): string {
  return (paddings[count] ??= ' '.repeat(count));
}

/** Output is handed on in pieces of about this many UTF-16 code units, never as one string of the whole report. */
const PIECE_LENGTH = 1 << 16;

type Paint = (style: keyof typeof STYLES, text: string) => string;

export const formatStylish: Formatter = (files, context, write) => {
  const paint: Paint = (style, text) => (context.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
  const say = messages[context.locale];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const fixable: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let output = '';
  const emit = (text: string) => {
    output += text;
    if (output.length < PIECE_LENGTH) return;
    write(output);
    output = '';
  };
  for (const file of files) {
    if (!file.problems.length) continue;
    emit(`\n${paint('underline', file.displayPath)}\n`);
    emitRows(file, context, paint, emit);
    for (const problem of file.problems) {
      counts[problem.severity]++;
      if (problem.fix?.length) fixable[problem.severity]++;
    }
  }
  if (counts.error + counts.warning + counts.info === 0) {
    // A run that left a file unchecked is not clean, whatever the files it did check had.
    if (context.unchecked) emit(`${paint('red', '✖')} ${say.notCheckedOnly(context.unchecked, files.length, context.quiet)}\n`);
    else emit(`${paint('green', '✔')} ${context.quiet ? say.noErrors(files.length) : say.noProblems(files.length)}\n`);
  } else {
    const mark = counts.error || context.unchecked ? paint('red', '✖') : counts.warning ? paint('yellow', '⚠') : paint('cyan', 'ℹ');
    emit(`\n${mark} ${paint('bold', say.summary(counts))}\n`);
    if (context.unchecked) emit(`  ${say.notChecked(context.unchecked)}\n`);
    // --fix applies the fixes of every severity, info included.
    if (fixable.error + fixable.warning + fixable.info) emit(`  ${say.fixable(fixable)}\n`);
    emit('\n');
  }
  if (output) write(output);
};

/** Where a problem is, as a row shows it: in a .docx or .pdf, line:column of the extracted text means nothing to a person. */
function positionText(problem: LocatedProblem, say: Messages): string {
  return problem.place ? say.place(problem.place) : `${problem.line}:${problem.column}`;
}

/** A message on one row: line breaks in it (from quoted text) are folded to a space. Most have none: no regex runs then. */
function rowMessage(problem: LocatedProblem): string {
  const message = problem.message;
  return message.includes('\n') || message.includes('\r') ? message.replace(/\s*[\r\n]+\s*/g, ' ') : message;
}

/**
 * The rows of one file, aligned in columns: a first pass measures every cell (keeping only the widths, in typed
 * arrays, not the cells: a file may have 100,000 problems), a second writes the rows out.
 */
function emitRows(file: LintedFile, context: FormatContext, paint: Paint, emit: (text: string) => void): void {
  const say = messages[context.locale];
  const problems = file.problems;
  const severityWidths: Record<Severity, number> = {
    error: displayWidth(severityWord('error', context.locale)),
    warning: displayWidth(severityWord('warning', context.locale)),
    info: displayWidth(severityWord('info', context.locale)),
  };
  const positionWidths = new Int32Array(problems.length);
  const messageWidths = new Int32Array(problems.length);
  // The widest cell of each column, by a loop: Math.max(...widths) overflows the call stack on large reports.
  let positionWidth = 0;
  let severityWidth = 0;
  let messageWidth = 0;
  for (let index = 0; index < problems.length; index++) {
    const problem = problems[index];
    positionWidths[index] = displayWidth(positionText(problem, say));
    messageWidths[index] = displayWidth(rowMessage(problem));
    positionWidth = Math.max(positionWidth, positionWidths[index]);
    severityWidth = Math.max(severityWidth, severityWidths[problem.severity]);
    messageWidth = Math.max(messageWidth, messageWidths[index]);
  }
  for (let index = 0; index < problems.length; index++) {
    const problem = problems[index];
    const severity = problem.severity;
    emit(
      `  ${paint('dim', positionText(problem, say) + spaces(positionWidth - positionWidths[index]))}  ` +
        `${paint(SEVERITY_STYLES[severity], severityWord(severity, context.locale) + spaces(severityWidth - severityWidths[severity]))}  ` +
        `${rowMessage(problem) + spaces(messageWidth - messageWidths[index])}  ${paint('dim', problem.ruleId)}\n`,
    );
  }
}
