// GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff.

import type { Severity } from '../../core';
import { messages } from '../messages';
import type { Formatter } from './types';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping as the runner decodes it: data escapes %, CR and LF; property values also ":" and ",". */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (files, context, write) => {
  for (const file of files) {
    let output = '';
    for (const problem of file.problems) {
      const properties = [
        `file=${escapeProperty(file.displayPath)}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `endLine=${problem.endLine}`,
        `endColumn=${problem.endColumn}`,
        `title=${escapeProperty(problem.ruleId)}`,
      ];
      // An annotation's line means nothing on a .docx or .pdf: the message names the paragraph or page.
      const message = problem.place ? `${messages[context.locale].place(problem.place)}${context.locale === 'zh' ? '：' : ': '}${problem.message}` : problem.message;
      output += `::${COMMANDS[problem.severity]} ${properties.join(',')}::${escapeData(message)}\n`;
    }
    if (output) write(output);
  }
};
