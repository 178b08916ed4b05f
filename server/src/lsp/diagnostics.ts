// Publishing diagnostics: problems become LSP diagnostics (rule id as code, a link to the rule's page), runs
// are debounced per document, and a result is published only while its version is still the document's.
//
// A diagnostic carries what the editor shows and nothing else: range, severity, code, source, message, and the
// link to the rule's page only for a client that declares it can use one. Fixes stay on the server: a code action
// finds its problem in the analysis. After an edit that the core re-linted through a window, the diagnostics of
// the problems before the window are the ones made last time and those after it are moved by the change in the
// line count, so that only the window's problems are converted again.
//
// A document with more problems than the `maxProblems` setting publishes that many, the most severe first, and one
// notice saying how many there are: each diagnostic is JSON encoded and decoded on every change, and tens of
// thousands of them (a long file of converted drafts) would make typing lag. The fixes are not limited: fix-all and
// formatting work on the analysis, which holds every problem.

import { DiagnosticSeverity, type Connection, type Diagnostic, type Range, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type LintSnapshot, type Locale, type Problem, type Severity } from '../core';
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

/**
 * Turns problems into diagnostics, for the documents' diagnostics and the desk's alike; the link to each rule's
 * page is made once per rule and shared.
 */
export class DiagnosticMaker {
  private readonly links = new Map<string, Diagnostic['codeDescription']>();

  constructor(private readonly linksRules: boolean) {}

  make(document: TextDocument, problem: Problem): Diagnostic {
    const diagnostic: Diagnostic = {
      range: toRange(document, problem),
      severity: SEVERITIES[problem.severity],
      code: problem.ruleId,
      source: DIAGNOSTIC_SOURCE,
      message: problem.message,
    };
    if (this.linksRules) diagnostic.codeDescription = this.linkOf(problem.ruleId);
    return diagnostic;
  }

  private linkOf(ruleId: string): Diagnostic['codeDescription'] {
    let link = this.links.get(ruleId);
    if (!link) this.links.set(ruleId, (link = { href: docsUrl(ruleId) }));
    return link;
  }
}

/**
 * The diagnostics made for a document's snapshot, one slot per problem (in the snapshot's order), each made when
 * it is first published: with a limit, most problems of a long document never are. The line count is the
 * document's when they were made.
 */
interface Made {
  snapshot: LintSnapshot;
  lineCount: number;
  diagnostics: Array<Diagnostic | undefined>;
}

/**
 * The diagnostics of a checked document's snapshot, taken from those made for the snapshot its window was spliced
 * into when there are: the problems before the window have the same diagnostics, those after it start on a line
 * past the change (the window ends at a line start after it), so only their line moves. The window's are made
 * when published.
 */
function madeFor(document: TextDocument, snapshot: LintSnapshot, previous: Made | undefined): Made {
  if (previous?.snapshot === snapshot) return previous;
  const lineCount = document.lineCount;
  if (!previous || snapshot.made.kind !== 'window' || snapshot.made.previous !== previous.snapshot.serial) {
    return { snapshot, lineCount, diagnostics: new Array<Diagnostic | undefined>(snapshot.problems.length) };
  }
  const { before, removed, inserted } = snapshot.made.splice;
  const lines = lineCount - previous.lineCount;
  const diagnostics = previous.diagnostics.slice(0, before);
  diagnostics.length = before + inserted;
  for (let index = before + removed; index < previous.diagnostics.length; index++) {
    const diagnostic = previous.diagnostics[index];
    diagnostics.push(lines === 0 || !diagnostic ? diagnostic : { ...diagnostic, range: movedRange(diagnostic.range, lines) });
  }
  return { snapshot, lineCount, diagnostics };
}

function movedRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** Severities from the most severe (0) down: when there are too many problems, all errors go before any warning. */
function rankOf(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

/**
 * Where the problems published stop when there are more than `maxProblems` (0: no limit): the most severe first,
 * up to the limit, and of one severity the first in the text. Every problem ranked above `rank` is published, the
 * first `count` of that rank, none below it. Undefined when every problem is published.
 */
function cutOf(problems: readonly Problem[], maxProblems: number): { rank: number; count: number } | undefined {
  if (maxProblems === 0 || problems.length <= maxProblems) return undefined;
  let errors = 0;
  let warnings = 0;
  for (let index = 0; index < problems.length; index++) {
    const rank = rankOf(problems[index].severity);
    if (rank === 0) errors++;
    else if (rank === 1) warnings++;
  }
  if (errors >= maxProblems) return { rank: 0, count: maxProblems };
  if (errors + warnings >= maxProblems) return { rank: 1, count: maxProblems - errors };
  return { rank: 2, count: maxProblems - errors - warnings };
}

/**
 * The diagnostics to publish, in text order: every problem's, or with too many problems those above the cut and,
 * first (it sits at the top), a notice saying how many there are and which setting shows more.
 */
function publishedDiagnostics(maker: DiagnosticMaker, document: TextDocument, made: Made, maxProblems: number, locale: Locale): Diagnostic[] {
  const problems = made.snapshot.problems;
  const cut = cutOf(problems, maxProblems);
  const published: Diagnostic[] = cut ? [notice(localize(locale, messages.tooManyProblems(problems.length, maxProblems)))] : [];
  let takenAtCut = 0;
  for (let index = 0; index < problems.length; index++) {
    const problem = problems[index];
    if (cut) {
      const rank = rankOf(problem.severity);
      if (rank > cut.rank || (rank === cut.rank && takenAtCut++ >= cut.count)) continue;
    }
    published.push((made.diagnostics[index] ??= maker.make(document, problem)));
  }
  return published;
}

/** A diagnostic at the top of the document about the document as a whole, not a rule's problem (it has no code). */
function notice(message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Information): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: DIAGNOSTIC_SOURCE, message };
}

/** One notice at the top of a document that was not checked, saying why; nothing for a skipped one. */
function noticeOf(analysis: Exclude<Analysis, { kind: 'checked' }>, locale: Locale): Diagnostic[] {
  switch (analysis.kind) {
    case 'skipped':
      return [];
    case 'config-error':
      return [notice(localize(locale, messages.configError(analysis.verdict.error.describe(locale))), DiagnosticSeverity.Error)];
    case 'too-large':
      return [notice(localize(locale, messages.tooLarge(analysis.length, MAX_CHECKED_LENGTH)))];
  }
}

/** Why a run is asked for: on-save checking ignores changes but not the rest. */
export type Trigger = 'open' | 'change' | 'save' | 'settings';

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; trigger: Trigger }>();
  private readonly made = new Map<string, Made>();
  private diagnosticMaker = new DiagnosticMaker(false);

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

  /** Whether diagnostics link the rule's page (`codeDescription`): only for a client that says it supports that. */
  set linksRules(links: boolean) {
    this.diagnosticMaker = new DiagnosticMaker(links);
    this.made.clear();
  }

  /** The converter the published diagnostics are made with, which links rules as the client allows. */
  get maker(): DiagnosticMaker {
    return this.diagnosticMaker;
  }

  scheduleAll(trigger: Trigger): void {
    for (const document of this.documents.all()) this.schedule(document.uri, trigger);
  }

  /** Cancels a waiting run and removes the document's diagnostics (it was closed). */
  clear(uri: string): void {
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting.timer);
    this.timers.delete(uri);
    this.made.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.made.clear();
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
    let diagnostics: Diagnostic[];
    if (analysis.kind === 'checked') {
      const made = madeFor(analysis.document, analysis.result, this.made.get(uri));
      this.made.set(uri, made);
      diagnostics = publishedDiagnostics(this.diagnosticMaker, analysis.document, made, analysis.verdict.maxProblems, this.locale());
    } else {
      diagnostics = noticeOf(analysis, this.locale());
      this.made.delete(uri);
    }
    await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
  }
}
