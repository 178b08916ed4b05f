// Renders problems as the readable golden reports kept next to rule fixtures: one entry a problem, with the
// source line and a caret under the range (CJK characters count two columns, as a terminal shows them).

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../../server/src/core';

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

export function renderReport(text: string, problems: readonly Problem[]): string {
  const document = TextDocument.create('file:///fixture', 'bulletin', 1, text);
  return problems
    .map(problem => {
      const start = document.positionAt(problem.start);
      const end = document.positionAt(problem.end);
      const lineText = document.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      const lineEnd = end.line === start.line ? end.character : lineText.length;
      const pad = ' '.repeat(displayWidth(lineText.slice(0, start.character)));
      const caret = '^'.repeat(Math.max(1, displayWidth(lineText.slice(start.character, lineEnd))));
      const fix = problem.fix ? ` fix=${JSON.stringify(problem.fix.map(edit => edit.text))}` : '';
      return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${problem.ruleId} ${problem.severity}: ${problem.message}${fix}\n  ${lineText}\n  ${pad}${caret}\n`;
    })
    .join('');
}
