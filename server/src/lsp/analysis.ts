// One lint per document version: diagnostics, code actions, symbols, completion and hover all read the same
// analysis, made on demand and kept until the text or the settings change.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument, type LintOptions, type LintResult, type Locale } from '../core';
import type { SettingsResolver, Verdict } from './settings';

/**
 * Longer documents are not checked: a bulletin is some ten thousand characters, and linting tens of megabytes on
 * every keystroke would freeze the server for everyone. 4 M UTF-16 units is some 12 MB of Chinese text.
 */
export const MAX_CHECKED_LENGTH = 4_000_000;

export type Analysis =
  | {
      kind: 'checked';
      document: TextDocument;
      version: number;
      verdict: Extract<Verdict, { kind: 'checked' }>;
      /** The options the text was linted with (the verdict's, in the client's locale). */
      options: LintOptions;
      result: LintResult;
    }
  | { kind: 'too-large'; document: TextDocument; version: number; length: number }
  | { kind: 'skipped'; document: TextDocument; version: number }
  | { kind: 'config-error'; document: TextDocument; version: number; verdict: Extract<Verdict, { kind: 'config-error' }> };

interface CacheEntry {
  analysis: Analysis;
  verdict: Verdict;
}

export class Analyzer {
  private readonly latest = new Map<string, CacheEntry>();

  constructor(
    private readonly settings: SettingsResolver,
    private readonly locale: () => Locale,
  ) {}

  verdictFor(document: TextDocument): Promise<Verdict> {
    return this.settings.verdictFor(document);
  }

  /** The analysis of the document's current text (the version may have moved on while settings were read). */
  async analyze(document: TextDocument): Promise<Analysis> {
    const verdict = await this.settings.verdictFor(document);
    const cached = this.latest.get(document.uri);
    if (cached && cached.verdict === verdict && cached.analysis.document === document && cached.analysis.version === document.version) {
      return cached.analysis;
    }
    const analysis = this.run(document, verdict);
    this.latest.set(document.uri, { analysis, verdict });
    return analysis;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }

  private run(document: TextDocument, verdict: Verdict): Analysis {
    const version = document.version;
    if (verdict.kind === 'skipped') return { kind: 'skipped', document, version };
    if (verdict.kind === 'config-error') return { kind: 'config-error', document, version, verdict };
    const text = document.getText();
    if (text.length > MAX_CHECKED_LENGTH) return { kind: 'too-large', document, version, length: text.length };
    const options = { ...verdict.options, locale: this.locale() };
    return { kind: 'checked', document, version, verdict, options, result: lintDocument(text, options) };
  }
}
