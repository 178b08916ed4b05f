// The human format, after ESLint's "stylish": problems grouped by file, aligned in columns (Chinese characters
// are two columns wide in a terminal), then a summary. Colours only when the context allows them.

import type { Severity } from '../../core';
import { messages, severityWord } from '../messages';
import type { FormatContext, Formatter, LintedFile } from './types';

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

function spaces(count: number): string {
  return ' '.repeat(count);
}

export const formatStylish: Formatter = (files, context) => {
  const paint = (style: keyof typeof STYLES, text: string) => (context.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
  const say = messages[context.locale];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const fixable: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let output = '';
  for (const file of files) {
    if (!file.problems.length) continue;
    output += `\n${paint('underline', file.displayPath)}\n`;
    output += formatRows(file, context, paint);
    for (const problem of file.problems) {
      counts[problem.severity]++;
      if (problem.fix?.length) fixable[problem.severity]++;
    }
  }
  if (counts.error + counts.warning + counts.info === 0) {
    // A run that left a file unchecked is not clean, whatever the files it did check had.
    if (context.unchecked) return `${paint('red', '✖')} ${say.notCheckedOnly(context.unchecked, files.length, context.quiet)}\n`;
    return `${paint('green', '✔')} ${context.quiet ? say.noErrors(files.length) : say.noProblems(files.length)}\n`;
  }
  const mark = counts.error || context.unchecked ? paint('red', '✖') : counts.warning ? paint('yellow', '⚠') : paint('cyan', 'ℹ');
  output += `\n${mark} ${paint('bold', say.summary(counts))}\n`;
  if (context.unchecked) output += `  ${say.notChecked(context.unchecked)}\n`;
  // --fix applies the fixes of every severity, info included.
  if (fixable.error + fixable.warning + fixable.info) output += `  ${say.fixable(fixable)}\n`;
  return `${output}\n`;
};

interface Row {
  position: string;
  severity: string;
  style: keyof typeof STYLES;
  message: string;
  ruleId: string;
  positionWidth: number;
  severityWidth: number;
  messageWidth: number;
}

function formatRows(file: LintedFile, context: FormatContext, paint: (style: keyof typeof STYLES, text: string) => string): string {
  const say = messages[context.locale];
  const rows = new Array<Row>(file.problems.length);
  // The widest cell of each column, by a loop: Math.max(...widths) overflows the call stack on large reports.
  let positionWidth = 0;
  let severityWidth = 0;
  let messageWidth = 0;
  for (let index = 0; index < rows.length; index++) {
    const problem = file.problems[index];
    // In a .docx or .pdf, line:column of the extracted text means nothing to a person: the paragraph or page does.
    const position = problem.place ? say.place(problem.place) : `${problem.line}:${problem.column}`;
    const severity = severityWord(problem.severity, context.locale);
    const message = problem.message.replace(/\s*[\r\n]+\s*/g, ' ');
    const row: Row = {
      position,
      severity,
      style: SEVERITY_STYLES[problem.severity],
      message,
      ruleId: problem.ruleId,
      positionWidth: displayWidth(position),
      severityWidth: displayWidth(severity),
      messageWidth: displayWidth(message),
    };
    positionWidth = Math.max(positionWidth, row.positionWidth);
    severityWidth = Math.max(severityWidth, row.severityWidth);
    messageWidth = Math.max(messageWidth, row.messageWidth);
    rows[index] = row;
  }
  let output = '';
  for (const row of rows) {
    output +=
      `  ${paint('dim', row.position + spaces(positionWidth - row.positionWidth))}  ` +
      `${paint(row.style, row.severity + spaces(severityWidth - row.severityWidth))}  ` +
      `${row.message + spaces(messageWidth - row.messageWidth)}  ${paint('dim', row.ruleId)}\n`;
  }
  return output;
}
