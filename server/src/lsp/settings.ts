// Which documents are checked and with which options: the client's `bulletinLint` settings (pulled per document
// with workspace/configuration) are the base layer, the nearest .bulletinrc.json files override them (the config
// module merges them). Results are cached per document until the settings or a configuration file change.

import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_PROBLEMS, LANGUAGE_ID, SETTINGS_SECTION } from '../../../client/src/names';
import { CONFIG_FILE_NAME, ConfigCache, ConfigError, matchesGlobs, resolveFileSettings, type RawConfig } from '../config';
import { UnitDirectory, type LintOptions } from '../core';

export type RunMode = 'onType' | 'onSave';

/** The `bulletinLint` settings as the client sends them, read defensively (other editors send anything). */
export interface ClientSettings {
  enable: boolean;
  rules?: RawConfig['rules'];
  units?: RawConfig['units'];
  include: string[];
  run: RunMode;
  /** How many problems are published per document; 0 for all of them. */
  maxProblems: number;
}

/** What to do with a document. */
export type Verdict =
  | { kind: 'checked'; options: LintOptions; units: UnitDirectory; run: RunMode; maxProblems: number }
  /** Disabled, not a bulletin, or excluded by `ignorePatterns`: nothing is published for it. */
  | { kind: 'skipped' }
  | { kind: 'config-error'; error: ConfigError };

/**
 * Plain-text and markdown documents are checked only when a .bulletinrc.json or the `include` globs apply.
 * VS Code calls plain text `plaintext`; Neovim and Helix call it `text`.
 */
const OPT_IN_LANGUAGES = new Set(['plaintext', 'text', 'markdown']);

/**
 * The settings from what the client sent. A value of the wrong type falls back to the default and is logged
 * through `warn`; an absent one (null or undefined) takes the default silently.
 */
function readClientSettings(raw: unknown, warn: (message: string) => void): ClientSettings {
  const value = isRecord(raw) ? raw : {};
  const setting = <T>(name: keyof ClientSettings, accepts: (candidate: unknown) => candidate is T, fallback: T, expected: string): T => {
    const candidate = value[name];
    if (accepts(candidate)) return candidate;
    if (candidate !== undefined && candidate !== null) {
      warn(`${SETTINGS_SECTION}.${name}: ${JSON.stringify(candidate)} is not ${expected}; ${JSON.stringify(fallback)} is used instead.`);
    }
    return fallback;
  };
  return {
    enable: setting('enable', (candidate): candidate is boolean => typeof candidate === 'boolean', true, 'true or false'),
    // Rules and units go to the config module as they are: it validates them and names the faulty key.
    rules: value.rules === undefined || value.rules === null ? undefined : (value.rules as RawConfig['rules']),
    units: value.units === undefined || value.units === null ? undefined : (value.units as RawConfig['units']),
    include: Array.isArray(value.include) ? value.include.filter((glob): glob is string => typeof glob === 'string' && glob !== '') : [],
    run: setting('run', (candidate): candidate is RunMode => candidate === 'onType' || candidate === 'onSave', 'onType', '"onType" or "onSave"'),
    maxProblems: setting('maxProblems', (candidate): candidate is number => Number.isSafeInteger(candidate) && (candidate as number) >= 0, DEFAULT_MAX_PROBLEMS, 'a whole number of 0 or more'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SettingsResolver {
  /** Whether the client answers workspace/configuration; otherwise the settings it pushes are used. */
  pullsConfiguration = false;
  /** Workspace folder paths, for `include` globs and documents without a file. */
  workspaceFolders: string[] = [];
  private pushedSettings: ClientSettings = readClientSettings(undefined, () => {});
  private readonly clientSettings = new Map<string, Promise<ClientSettings>>();
  private readonly verdicts = new Map<string, Promise<Verdict>>();
  private readonly configCache = new ConfigCache();

  constructor(private readonly connection: Connection) {}

  /** Forgets everything read so far: after a settings change or a configuration file change. */
  clear(pushed?: unknown): void {
    if (isRecord(pushed) && SETTINGS_SECTION in pushed) this.pushedSettings = readClientSettings(pushed[SETTINGS_SECTION], message => this.connection.console.warn(message));
    this.clientSettings.clear();
    this.verdicts.clear();
    this.configCache.clear();
  }

  forget(uri: string): void {
    this.clientSettings.delete(uri);
    this.verdicts.delete(uri);
  }

  /** The verdict for a document; the same promise (and object) until `clear` or `forget`. */
  verdictFor(document: TextDocument): Promise<Verdict> {
    const key = document.uri;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      const resolving = this.resolve(document);
      // A failure (an unreadable folder, say) is not remembered: the next run tries again.
      resolving.catch(() => {
        if (this.verdicts.get(key) === resolving) this.verdicts.delete(key);
      });
      this.verdicts.set(key, resolving);
      verdict = resolving;
    }
    return verdict;
  }

  private async resolve(document: TextDocument): Promise<Verdict> {
    const isBulletin = document.languageId === LANGUAGE_ID;
    if (!isBulletin && !OPT_IN_LANGUAGES.has(document.languageId)) return { kind: 'skipped' };
    const settings = await this.settingsFor(document.uri);
    if (!settings.enable) return { kind: 'skipped' };
    const filePath = filePathOf(document.uri);
    if (!filePath && !isBulletin) return { kind: 'skipped' };
    const folders = filePath ? this.workspaceFolders.filter(folder => isInside(filePath, folder)) : [];
    const included = !!filePath && settings.include.length > 0 &&
      (folders.length ? folders : [dirname(filePath)]).some(folder => matchesGlobs(settings.include, folder, filePath));
    const base: RawConfig = {};
    if (settings.rules !== undefined) base.rules = settings.rules;
    if (settings.units !== undefined) base.units = settings.units;
    // A draft not saved yet is configured like a file in the first workspace folder (or the server's folder).
    const configuredPath = filePath ?? join(this.workspaceFolders[0] ?? process.cwd(), 'untitled');
    try {
      const resolved = resolveFileSettings(configuredPath, { base, cache: this.configCache });
      if (resolved.ignored) return { kind: 'skipped' };
      if (!isBulletin && !included && resolved.configFiles.length === 0) return { kind: 'skipped' };
      return {
        kind: 'checked',
        options: resolved.options,
        units: new UnitDirectory(resolved.options.units ?? []),
        run: settings.run,
        maxProblems: settings.maxProblems,
      };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A broken .bulletinrc.json concerns every document below it; broken settings only the checked ones.
      if (!isBulletin && !included && !error.file.endsWith(CONFIG_FILE_NAME)) return { kind: 'skipped' };
      this.connection.console.error(`${document.uri}: ${error.message}`);
      return { kind: 'config-error', error };
    }
  }

  private settingsFor(uri: string): Promise<ClientSettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.pushedSettings);
    let settings = this.clientSettings.get(uri);
    if (!settings) {
      const warn = (message: string) => this.connection.console.warn(`${uri}: ${message}`);
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(raw => readClientSettings(raw, warn), (error: unknown) => {
        this.connection.console.error(`Could not read the ${SETTINGS_SECTION} settings for ${uri}: ${String(error)}`);
        return this.pushedSettings;
      });
      this.clientSettings.set(uri, settings);
    }
    return settings;
  }
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(filePath: string, folder: string): boolean {
  const path = relative(folder, filePath);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
