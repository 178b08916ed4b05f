// The shape of .bulletinrc.json as written by users (before normalisation); `schema.ts` is its JSON Schema.

import type { IssueSettings, SeveritySetting, UnitEntry } from '../core';

/** `"warning"`, or `{ "severity": "warning", …rule options }`; an object without severity keeps the inherited one. */
export type RawRuleSetting = SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>);

/** One glob or several, relative to the folder of the configuration file. */
export type RawGlobs = string | string[];

/** Accept `text` for `rule` (or every rule with `*`), optionally only in `files`. */
export interface RawIgnoreEntry {
  rule: string;
  text: string;
  files?: RawGlobs;
}

export interface RawOverride {
  files: RawGlobs;
  rules?: Record<string, RawRuleSetting>;
  units?: Array<string | UnitEntry>;
  ignore?: RawIgnoreEntry[];
}

export interface RawConfig {
  $schema?: string;
  /** Stops the search for configuration files in parent folders. */
  root?: boolean;
  rules?: Record<string, RawRuleSetting>;
  units?: Array<string | UnitEntry>;
  ignore?: RawIgnoreEntry[];
  /** Settings for assembling issues; a nearer file's keys replace a farther one's. */
  issue?: IssueSettings;
  /** Files not to lint. */
  ignorePatterns?: string[];
  overrides?: RawOverride[];
}
