// Code actions: a quick fix per fixable diagnostic, "fix all <rule> problems in this file", and the
// `source.fixAll.bulletin` action that editor.codeActionsOnSave runs. Fix-all and formatting share one function.

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { applyFixes, fixAll, type Locale, type Problem, type TextEdit as CoreEdit } from '../core';
import type { Analysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { editsTo, offsetOf, toLspEdits } from './edits';
import { localize, messages } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bulletin`;

export type CheckedAnalysis = Extract<Analysis, { kind: 'checked' }>;

/** Turns edits of the analysed document into a workspace edit (versioned when the client supports it). */
export type EditBuilder = (analysis: CheckedAnalysis, edits: TextEdit[]) => WorkspaceEdit;

export function codeActions(analysis: CheckedAnalysis, context: CodeActionContext, locale: Locale, workspaceEdit: EditBuilder): CodeAction[] {
  const actions: CodeAction[] = [];
  const { document, result } = analysis;
  if (wants(context, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const problem = problemOf(analysis, diagnostic);
      if (!problem?.fix) continue;
      actions.push({
        title: localize(locale, messages.fixOne(problem.message)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: keepsWords(document.getText(), problem.fix),
        edit: workspaceEdit(analysis, toLspEdits(document, problem.fix)),
      });
      rulesSeen.add(problem.ruleId);
    }
    for (const ruleId of rulesSeen) {
      const fixable = result.problems.filter(problem => problem.ruleId === ruleId && problem.fix);
      // With a single problem the quick fix above is the same action.
      if (fixable.length < 2) continue;
      actions.push({
        title: localize(locale, messages.fixRule(ruleId, fixable.length)),
        kind: CodeActionKind.QuickFix,
        diagnostics: context.diagnostics.filter(diagnostic => diagnostic.code === ruleId && diagnostic.source === DIAGNOSTIC_SOURCE),
        edit: workspaceEdit(analysis, editsTo(document, applyFixes(document.getText(), fixable).text)),
      });
    }
  }
  if (wants(context, FIX_ALL_KIND)) {
    const edits = fixAllEdits(analysis);
    if (edits.length) actions.push({ title: localize(locale, messages.fixAll), kind: FIX_ALL_KIND, edit: workspaceEdit(analysis, edits) });
  }
  return actions;
}

/** Every fix, re-linting until none is left (as `--fix` does): for fix-all, the command and formatting. */
export function fixAllEdits(analysis: CheckedAnalysis): TextEdit[] {
  const fixed = fixAll(analysis.document.getText(), analysis.options);
  return editsTo(analysis.document, fixed.text);
}

/**
 * Whether the client asked for actions of this kind: without `only`, quick fixes but not source actions (the
 * light bulb does not show them, and fix-all lints the document again); with `only`, kinds at or below one.
 */
function wants(context: CodeActionContext, kind: string): boolean {
  if (!context.only) return !kind.startsWith(CodeActionKind.Source);
  return context.only.some(only => kind === only || kind.startsWith(`${only}.`));
}

/** The problem behind one of our diagnostics, if the diagnostic is of the analysed version (same rule, same range). */
function problemOf(analysis: CheckedAnalysis, diagnostic: Diagnostic): Problem | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const start = offsetOf(analysis.document, diagnostic.range?.start);
  const end = offsetOf(analysis.document, diagnostic.range?.end);
  if (start === undefined || end === undefined) return undefined;
  return analysis.result.problems.find(problem => problem.ruleId === diagnostic.code && problem.start === start && problem.end === end);
}

/**
 * A fix is the obvious one (preferred, applied by "auto fix") when it leaves the words and numbers alone and only
 * changes spacing, punctuation, markup or character width. Fixes that change words (a unit's name, a date
 * rewritten, an attribution inserted) are suggestions the writer should look at.
 */
function keepsWords(text: string, fix: readonly CoreEdit[]): boolean {
  const removed = fix.map(edit => text.slice(edit.start, edit.end)).join('');
  const inserted = fix.map(edit => edit.text).join('');
  return wordsOf(removed) === wordsOf(inserted);
}

function wordsOf(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}
