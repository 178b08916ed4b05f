// One lint per document version: diagnostics, code actions, symbols, completion and hover all read the same
// analysis, made on demand and kept until the text or the settings change. A new version of a checked document
// is linted incrementally from the previous one (the core re-lints a window around the change, exactly), as long
// as the settings and the locale are the same.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintSnapshot, relint, type LintOptions, type LintSnapshot, type Locale } from '../core';
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
      /** The options the text was linted with (the verdict's, in the client's locale); one object per verdict and locale. */
      options: LintOptions;
      /** The problems, and the document model (parsed on first use when the lint went through a window). */
      result: LintSnapshot;
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
    const analysis = this.run(document, verdict, cached?.verdict === verdict ? cached.analysis : undefined);
    this.latest.set(document.uri, { analysis, verdict });
    return analysis;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }

  /** Lints the document, from `previous` (an analysis under the same verdict) where that one was checked. */
  private run(document: TextDocument, verdict: Verdict, previous: Analysis | undefined): Analysis {
    const version = document.version;
    if (verdict.kind === 'skipped') return { kind: 'skipped', document, version };
    if (verdict.kind === 'config-error') return { kind: 'config-error', document, version, verdict };
    const text = document.getText();
    if (text.length > MAX_CHECKED_LENGTH) return { kind: 'too-large', document, version, length: text.length };
    const locale = this.locale();
    if (previous?.kind === 'checked' && previous.options.locale === locale) {
      // The same options object: the core re-lints incrementally only under the options it linted with.
      return { kind: 'checked', document, version, verdict, options: previous.options, result: relint(previous.result, text) };
    }
    const options = { ...verdict.options, locale };
    return { kind: 'checked', document, version, verdict, options, result: lintSnapshot(text, options) };
  }
}
