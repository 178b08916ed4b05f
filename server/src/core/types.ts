// The core's vocabulary. Every offset is a UTF-16 code unit index into the linted text (what JavaScript
// strings and LSP use); conversion to lines and columns happens once, at the edge (CLI or server).

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh' | 'en';

/** A message in both languages the product speaks; Chinese is the default. */
export interface Localized {
  zh: string;
  en: string;
}

/** Replace text[start, end) by `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A half-open range of the text. */
export interface Span {
  start: number;
  end: number;
}

/** What a rule reports; the runner adds the rule id, the configured severity and the localized message. */
export interface Report extends Span {
  message: Localized;
  /** Edits applied together as one fix; they never overlap each other. */
  fix?: TextEdit[];
}

/** A diagnostic as the core hands it to the CLI and the server. */
export interface Problem extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: TextEdit[];
}

/** One entry of the unit directory (`units` in .bulletinrc.json). */
export interface UnitEntry {
  name: string;
  aliases?: string[];
}

/** Accept a rule's diagnostic whose text contains `text` (`ignore` in .bulletinrc.json, file globs resolved by the caller). */
export interface IgnoreEntry {
  rule: string;
  text: string;
}

/** A rule's configuration after normalisation: its severity and its own options. */
export interface RuleConfig {
  severity: SeveritySetting;
  options: Readonly<Record<string, unknown>>;
}

export interface LintOptions {
  locale?: Locale;
  /** Per rule id; a rule not named keeps its default severity and no options. */
  rules?: Readonly<Record<string, RuleConfig>>;
  units?: readonly UnitEntry[];
  ignore?: readonly IgnoreEntry[];
  /** Forces the dialect; otherwise it is read off the text (markdown headings mean articles). */
  dialect?: Dialect;
}

export type Dialect = 'items' | 'articles';
