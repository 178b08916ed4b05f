// The vocabulary of assembly: the issue's settings, the drafts it is made from, and what comes out.

import type { Locale, Problem, UnitEntry } from '../types';

/** `issue` in .bulletinrc.json: what every issue of the bulletin repeats. */
export interface IssueSettings {
  /** The bulletin's name, the title of every issue: 上街信息. */
  name?: string;
  /** The issuing office under the issue line: 中共上街区委办公室. */
  office?: string;
  /** 本期送: who receives the issue. */
  recipients?: string;
  /** 发: who it is distributed to. */
  distribution?: string;
  /** 责任编辑: the editor in charge. */
  editor?: string;
  /**
   * Items are ordered by the group of their (first) unit: party units, then government departments, then towns
   * and streets, for example. An entry is a unit name, or a pattern with `*` (`区委*`, `*街道`).
   */
  unitOrder?: string[][];
}

export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

/** A draft as given: its name (as shown in reports) and text. */
export interface DraftInput {
  name: string;
  text: string;
}

export interface AssembleOptions {
  number: number;
  date: IssueDate;
  settings?: IssueSettings;
  /** The unit directory the issue's attributions are checked against. */
  units?: readonly UnitEntry[];
  locale?: Locale;
}

/** A problem only the drafts together show, in one of the inputs (by index) at a span of its text. */
export interface DeskProblem extends Problem {
  input: number;
}

export type EntryKind = 'item' | 'brief';

/** An item or brief as the issue prints it. */
export interface IssueEntry {
  kind: EntryKind;
  /** The input it comes from (index into the drafts given). */
  input: number;
  /** Its text as one paragraph. */
  paragraph: string;
  /** The canonical names of its attribution's units. */
  units: string[];
}

/** What an issue of some drafts would hold, counted. */
export interface IssueCount {
  items: number;
  briefs: number;
  /** The number of the latest issue among the inputs, if one is there. */
  previous?: number;
}

/** An input that is itself an issue (it has an issue line in its header): the previous issue, not a draft. */
export interface PreviousIssue {
  input: number;
  number: number;
  date?: IssueDate;
}

export interface AssembledIssue {
  number: number;
  date: IssueDate;
  settings: IssueSettings;
  /** The issue as text, in the layout of the samples. */
  text: string;
  entries: IssueEntry[];
  problems: DeskProblem[];
  /** The latest issue among the inputs, which the new one must follow. */
  previous?: PreviousIssue;
  /** Inputs that gave nothing to the issue (previous issues, articles). */
  skipped: number[];
}
