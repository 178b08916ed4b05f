// Finding and merging .bulletinrc.json files into the LintOptions of one file. Shared by the CLI and the
// language server, so it is synchronous, reads only JSON (no code from a workspace ever runs) and caches parsed
// files for callers that resolve many documents.
//
// Layers, lowest first: `base` (editor settings), the configuration files from the farthest folder to the
// nearest (each followed by its matching `overrides`, in order), then `overrides` (command-line flags).

import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ruleById, type IgnoreEntry, type IssueSettings, type LintOptions, type RuleConfig, type SeveritySetting, type UnitEntry } from '../core';
import { ConfigError, reasons } from './errors';
import { SEVERITY_SETTINGS } from './schema';
import type { RawConfig, RawGlobs, RawIgnoreEntry, RawRuleSetting } from './types';
import { validateConfig } from './validate';

export const CONFIG_FILE_NAME = '.bulletinrc.json';
/** How settings that do not come from a file are named in errors. */
export const SETTINGS_LABEL = '<settings>';
export const COMMAND_LINE_LABEL = '<command line>';

export interface FileSettings {
  options: LintOptions;
  /** True when an `ignorePatterns` entry matches the file: it is not to be linted. */
  ignored: boolean;
  /** The configuration files that apply, in the order they apply (farthest first). */
  configFiles: string[];
  /** `issue` settings of those files merged key by key, the nearest winning (for bulletin-lint assemble). */
  issue: IssueSettings;
}

export interface ResolveParams {
  /** Use this configuration file only, instead of searching the file's folder and its parents. */
  configPath?: string;
  /** Settings below every configuration file (the editor's). */
  base?: RawConfig;
  /** Settings above every configuration file (command-line flags). */
  overrides?: RawConfig;
  cache?: ConfigCache;
  /** The folder that globs in `base` and `overrides` are relative to; by default the file's folder. */
  cwd?: string;
}

/** Parsed and validated configuration files by path, and which folders hold one. `clear()` after edits. */
export class ConfigCache {
  private readonly parsed = new Map<string, RawConfig | ConfigError>();
  private readonly configInFolder = new Map<string, string | undefined>();

  /** The validated configuration in `path`; throws its ConfigError (remembered too, so it is read once). */
  load(path: string): RawConfig {
    let entry = this.parsed.get(path);
    if (entry === undefined) {
      try {
        entry = readConfigFile(path);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      this.parsed.set(path, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }

  /** The configuration file directly in `folder`, if there is one. */
  configFileIn(folder: string): string | undefined {
    if (!this.configInFolder.has(folder)) {
      const candidate = join(folder, CONFIG_FILE_NAME);
      this.configInFolder.set(folder, isFile(candidate) ? candidate : undefined);
    }
    return this.configInFolder.get(folder);
  }

  clear(): void {
    this.parsed.clear();
    this.configInFolder.clear();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readConfigFile(path: string): RawConfig {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(path, code === 'ENOENT' ? reasons.notFound : reasons.unreadable(code ?? String(error)));
  }
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    const position = /at position (\d+)/.exec(detail);
    const { line, column } = position ? lineAndColumn(source.replace(/^\uFEFF/, ''), Number(position[1])) : { line: undefined, column: undefined };
    throw new ConfigError(path, reasons.invalidJson(line, column, detail));
  }
  return validateConfig(value, path);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * The configuration files that apply to `filePath`, farthest first: from the file's folder upwards, up to and
 * including the first one with `root: true`. Throws the ConfigError of a file that cannot be read.
 */
export function findConfigFiles(filePath: string, cache: ConfigCache = new ConfigCache()): string[] {
  const found: string[] = [];
  let folder = dirname(resolve(filePath));
  for (;;) {
    const configFile = cache.configFileIn(folder);
    if (configFile) {
      found.push(configFile);
      if (cache.load(configFile).root === true) break;
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return found.reverse();
}

function isSeverity(value: unknown): value is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly unknown[]).includes(value);
}

/**
 * Normalises one rule's setting (`"warning"` or `{ severity?, …options }`) found at `key`, whose last segment is
 * the rule id. A setting without severity keeps the inherited one (from a lower layer) or the rule's default;
 * options merge over the inherited options.
 */
export function normalizeRuleSetting(value: unknown, key: string, file: string, inherited?: RuleConfig): RuleConfig {
  const ruleId = key.slice(key.lastIndexOf('.') + 1);
  const rule = ruleById.get(ruleId);
  if (!rule) throw new ConfigError(file, reasons.unknownRule(ruleId), key);
  if (typeof value === 'string') {
    if (!isSeverity(value)) throw new ConfigError(file, reasons.severity, key);
    return { severity: value, options: inherited?.options ?? {} };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { severity, ...options } = value as Record<string, unknown>;
    if (severity !== undefined && !isSeverity(severity)) throw new ConfigError(file, reasons.severity, `${key}.severity`);
    return { severity: severity ?? inherited?.severity ?? rule.severity, options: { ...inherited?.options, ...options } };
  }
  throw new ConfigError(file, reasons.ruleSetting, key);
}

interface Layer {
  config: RawConfig;
  /** Where the layer's globs are relative to. */
  folder: string;
  /** The file (or label) errors name. */
  file: string;
}

/** The lint options for one file, from its configuration files and the given settings. */
export function resolveFileSettings(filePath: string, params: ResolveParams = {}): FileSettings {
  const file = resolve(filePath);
  const cache = params.cache ?? new ConfigCache();
  const configFiles = params.configPath ? [resolve(params.configPath)] : findConfigFiles(file, cache);
  const settingsFolder = params.cwd ?? dirname(file);
  const layers: Layer[] = [];
  if (params.base) layers.push({ config: validateConfig(params.base, SETTINGS_LABEL), folder: settingsFolder, file: SETTINGS_LABEL });
  for (const configFile of configFiles) layers.push({ config: cache.load(configFile), folder: dirname(configFile), file: configFile });
  if (params.overrides) layers.push({ config: validateConfig(params.overrides, COMMAND_LINE_LABEL), folder: settingsFolder, file: COMMAND_LINE_LABEL });

  const merged = new SettingsBuilder();
  let ignored = false;
  let issue: IssueSettings = {};
  for (const layer of layers) {
    if (layer.config.issue) issue = { ...issue, ...layer.config.issue };
    const matches = (globs: RawGlobs) => matchesGlobs(globs, layer.folder, file);
    if (layer.config.ignorePatterns?.some(pattern => matches(pattern))) ignored = true;
    merged.add(layer.config, '', layer, matches);
    layer.config.overrides?.forEach((override, index) => {
      if (matches(override.files)) merged.add(override, `overrides[${index}].`, layer, matches);
    });
  }
  return { options: merged.options(), ignored, configFiles, issue };
}

/** Accumulates rules, units and accepted texts layer by layer. */
class SettingsBuilder {
  private readonly rules: Record<string, RuleConfig> = {};
  private readonly units = new Map<string, UnitEntry>();
  private readonly ignore: IgnoreEntry[] = [];

  add(
    part: { rules?: Record<string, RawRuleSetting>; units?: Array<string | UnitEntry>; ignore?: RawIgnoreEntry[] },
    keyPrefix: string,
    layer: Layer,
    matches: (globs: RawGlobs) => boolean,
  ): void {
    for (const [ruleId, setting] of Object.entries(part.rules ?? {})) {
      this.rules[ruleId] = normalizeRuleSetting(setting, `${keyPrefix}rules.${ruleId}`, layer.file, this.rules[ruleId]);
    }
    for (const unit of part.units ?? []) {
      const entry = typeof unit === 'string' ? { name: unit } : unit;
      // A nearer layer's entry for the same unit replaces the farther one (and moves to the end).
      this.units.delete(entry.name);
      this.units.set(entry.name, entry);
    }
    for (const entry of part.ignore ?? []) {
      if (entry.files === undefined || matches(entry.files)) this.ignore.push({ rule: entry.rule, text: entry.text });
    }
  }

  options(): LintOptions {
    const options: LintOptions = {};
    if (Object.keys(this.rules).length) options.rules = this.rules;
    if (this.units.size) options.units = [...this.units.values()];
    if (this.ignore.length) options.ignore = this.ignore;
    return options;
  }
}

const matchers = new Map<string, (path: string) => boolean>();

/**
 * Whether `file` matches one of the globs, taken relative to `folder`. Like .gitignore, a pattern without "/"
 * matches the file name at any depth and a pattern ending in "/" matches everything below that folder. Files
 * outside `folder` match nothing.
 */
export function matchesGlobs(globs: RawGlobs, folder: string, file: string): boolean {
  const path = relative(folder, file);
  if (!path || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return false;
  const posixPath = path.split(sep).join('/');
  return (typeof globs === 'string' ? [globs] : globs).some(glob => matcher(glob)(posixPath));
}

function matcher(glob: string): (path: string) => boolean {
  let match = matchers.get(glob);
  if (!match) {
    const relativeGlob = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
    // picomatch's own `basename` option would match every pattern against the name alone, even "drafts/**".
    const pattern = relativeGlob.includes('/') ? relativeGlob : `**/${relativeGlob}`;
    // Required here, not imported: only configurations with globs need picomatch, and loading it costs every start.
    const picomatch = require('picomatch') as typeof import('picomatch');
    match = picomatch(pattern, { dot: true });
    matchers.set(glob, match);
  }
  return match;
}
