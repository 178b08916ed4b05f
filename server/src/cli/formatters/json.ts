// ESLint's JSON format, so that tools written for ESLint results read ours: one result per file, severities
// 2 (error), 1 (warning) and 0 (info, which ESLint does not have and which counts towards nothing).

import type { Severity, TextEdit } from '../../core';
import type { Place } from '../../submissions';
import type { Formatter, LintedFile, LocatedProblem } from './types';

const SEVERITY_NUMBERS: Record<Severity, 0 | 1 | 2> = { error: 2, warning: 1, info: 0 };

export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface EslintMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  /** Not ESLint's: for a .docx or .pdf, the paragraph or page and line of the original file (line and column are in the extracted text). */
  place?: Place;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  /** Always empty: suppression lives in the configuration and suppressed problems are not reported. */
  suppressedMessages: EslintMessage[];
  errorCount: number;
  /** Always 0: a file that cannot be read is reported on standard error, not here. */
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

/**
 * ESLint fixes are one replacement: several edits become one range from the first edit's start to the last
 * edit's end, with the text between them rebuilt around the new texts.
 */
export function toEslintFix(text: string, edits: readonly TextEdit[]): EslintFix {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let replacement = '';
  for (const [index, edit] of sorted.entries()) {
    if (index > 0) replacement += text.slice(sorted[index - 1].end, edit.start);
    replacement += edit.text;
  }
  return { range: [sorted[0].start, sorted[sorted.length - 1].end], text: replacement };
}

function toMessage(file: LintedFile, problem: LocatedProblem): EslintMessage {
  const message: EslintMessage = {
    ruleId: problem.ruleId,
    severity: SEVERITY_NUMBERS[problem.severity],
    message: problem.message,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
  };
  if (problem.fix?.length) message.fix = toEslintFix(file.text, problem.fix);
  if (problem.place) message.place = problem.place;
  return message;
}

export function toEslintResults(files: readonly LintedFile[]): EslintResult[] {
  return files.map(file => {
    const count = (severity: Severity, fixable: boolean) =>
      file.problems.filter(problem => problem.severity === severity && (!fixable || !!problem.fix?.length)).length;
    const result: EslintResult = {
      filePath: file.filePath,
      messages: file.problems.map(problem => toMessage(file, problem)),
      suppressedMessages: [],
      errorCount: count('error', false),
      fatalErrorCount: 0,
      warningCount: count('warning', false),
      fixableErrorCount: count('error', true),
      fixableWarningCount: count('warning', true),
    };
    if (file.output !== undefined) result.output = file.output;
    return result;
  });
}

export const formatJson: Formatter = (files, _context, write) => write(`${JSON.stringify(toEslintResults(files))}\n`);
