// Publishing diagnostics: problems become LSP diagnostics (rule id as code, a link to the rule's page), runs
// are debounced per document, and a result is published only while its version is still the document's.

import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type Locale, type Problem, type Severity } from '../core';
import type { Analysis, Analyzer } from './analysis';
import { MAX_CHECKED_LENGTH } from './analysis';
import { toRange } from './edits';
import { describeError } from './guard';
import { localize, messages } from './messages';

export const DIAGNOSTIC_SOURCE = 'bulletin-lint';

/**
 * How long a change waits for the next one before the document is linted. A writer types a key every 100 ms or
 * so and should see each keystroke's result, so the wait only takes in bursts: the notifications an undo, a paste
 * or a multi-cursor edit sends at once (the connection handles one message per event-loop turn). Changes that
 * arrive while a large document is being linted queue up meanwhile and are taken in by the next run together.
 */
const CHANGE_DEBOUNCE_MS = 2;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function toDiagnostic(document: TextDocument, problem: Problem): Diagnostic {
  return {
    range: toRange(document, problem),
    severity: SEVERITIES[problem.severity],
    code: problem.ruleId,
    codeDescription: { href: docsUrl(problem.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/** The diagnostics of an analysis: the problems, or one notice saying why the document was not checked. */
export function diagnosticsOf(analysis: Analysis, locale: Locale): Diagnostic[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  switch (analysis.kind) {
    case 'checked':
      return analysis.result.problems.map(problem => toDiagnostic(analysis.document, problem));
    case 'skipped':
      return [];
    case 'config-error':
      return [{
        range: top,
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: localize(locale, messages.configError(analysis.verdict.error.describe(locale))),
      }];
    case 'too-large':
      return [{
        range: top,
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        message: localize(locale, messages.tooLarge(analysis.length, MAX_CHECKED_LENGTH)),
      }];
  }
}

/** Why a run is asked for: on-save checking ignores changes but not the rest. */
export type Trigger = 'open' | 'change' | 'save' | 'settings';

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; trigger: Trigger }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly locale: () => Locale,
  ) {}

  /**
   * Lints the document after the change debounce (at once for anything else), replacing a run already waiting.
   * A change does not postpone a waiting open, save or settings run: that run reads the latest text anyway.
   */
  schedule(uri: string, trigger: Trigger): void {
    const waiting = this.timers.get(uri);
    if (waiting && trigger === 'change' && waiting.trigger !== 'change') return;
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri, trigger).catch(error => this.connection.console.error(`Checking ${uri} failed: ${describeError(error)}`));
    }, trigger === 'change' ? CHANGE_DEBOUNCE_MS : 0);
    this.timers.set(uri, { timer, trigger });
  }

  scheduleAll(trigger: Trigger): void {
    for (const document of this.documents.all()) this.schedule(document.uri, trigger);
  }

  /** Cancels a waiting run and removes the document's diagnostics (it was closed). */
  clear(uri: string): void {
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting.timer);
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async publish(uri: string, trigger: Trigger): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    if (trigger === 'change') {
      const verdict = await this.analyzer.verdictFor(document);
      if (verdict.kind === 'checked' && verdict.run === 'onSave') return;
    }
    const analysis = await this.analyzer.analyze(document);
    // The document may have changed or been closed (and reopened) while the settings were read: the run
    // scheduled by that event publishes instead, so a stale result never replaces a newer one.
    if (this.documents.get(uri) !== analysis.document || analysis.document.version !== analysis.version) return;
    if (analysis.kind === 'too-large') this.connection.console.warn(`${uri}: ${analysis.length} characters, over the limit of ${MAX_CHECKED_LENGTH}; not checked.`);
    await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(analysis, this.locale()) });
  }
}
