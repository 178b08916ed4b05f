// Configuration (.bulletinrc.json) for the CLI and the language server.
export { ConfigError } from './errors';
export { buildConfigSchema, SEVERITY_SETTINGS } from './schema';
export {
  CONFIG_FILE_NAME,
  ConfigCache,
  findConfigFiles,
  matchesGlobs,
  normalizeRuleSetting,
  resolveFileSettings,
  type FileSettings,
  type ResolveParams,
} from './settings';
export type { RawConfig, RawGlobs, RawIgnoreEntry, RawOverride, RawRuleSetting } from './types';
export { validateConfig } from './validate';
