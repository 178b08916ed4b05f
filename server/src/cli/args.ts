// Command-line arguments: node:util parseArgs, then the checks parseArgs cannot make (values, combinations).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ruleById, type Locale, type SeveritySetting } from '../core';
import { SEVERITY_SETTINGS, type RawConfig } from '../config';
import { EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { FORMAT_NAMES, type FormatName } from './formatters';
import type { CliParams } from './main';
import { environmentLocale, messages, type Messages } from './messages';

export interface CliOptions {
  /** Files, folders and globs as given; `-` is standard input. */
  targets: string[];
  fix: boolean;
  fixDryRun: boolean;
  format: FormatName;
  /** `--rule` flags as a configuration layer above the files'. */
  ruleOverrides?: RawConfig;
  configPath?: string;
  maxWarnings?: number;
  quiet: boolean;
  locale: Locale;
  stdinFilename?: string;
  version: boolean;
  help: boolean;
}

/** A mistake in the arguments: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The language the message is in, for the hint that follows it. */
    readonly locale: Locale,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const optionSpecs = {
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  locale: { type: 'string' },
  'stdin-filename': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * A command's options read from its arguments by `parse` (given the environment's language); on a usage error or
 * --help, what to say is written instead and the exit code returned.
 */
export function commandOptions<Options extends { help: boolean; locale: Locale }>(
  params: CliParams,
  parse: (defaultLocale: Locale) => Options,
  helpText: (locale: Locale) => string,
): Options | number {
  let options: Options;
  try {
    options = parse(environmentLocale(params.env));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    params.stderr.write(`${error.message}\n${messages[error.locale].usageHint}\n`);
    return EXIT_TROUBLE;
  }
  if (options.help) {
    params.stdout.write(helpText(options.locale));
    return EXIT_OK;
  }
  return options;
}

/**
 * `argv` read by parseArgs with `specs` (positionals allowed, unknown options refused), and the language --locale
 * asks for, else `defaultLocale`, which is also the language of the UsageError when the arguments cannot be read.
 */
export function readArguments<Specs extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], specs: Specs, defaultLocale: Locale) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: specs, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, messages[defaultLocale]), defaultLocale);
  }
  const localeValue = (parsed.values as { locale?: string }).locale;
  if (localeValue !== undefined && localeValue !== 'zh' && localeValue !== 'en') throw new UsageError(messages[defaultLocale].badLocale(localeValue), defaultLocale);
  const locale: Locale = localeValue ?? defaultLocale;
  return { values: parsed.values, positionals: parsed.positionals, locale };
}

/** The --format value, checked against the formatters (stylish when not given). */
export function formatOption(value: string | undefined, locale: Locale): FormatName {
  const format = value ?? 'stylish';
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new UsageError(messages[locale].badFormat(format, FORMAT_NAMES), locale);
  return format as FormatName;
}

/**
 * Parses `argv`; `defaultLocale` (from the environment) applies unless --locale says otherwise, and is the
 * language of the UsageError when the arguments cannot be read at all.
 */
export function parseCliArgs(argv: readonly string[], defaultLocale: Locale): CliOptions {
  const { values, positionals, locale } = readArguments(argv, optionSpecs, defaultLocale);
  const say = messages[locale];

  const format = formatOption(values.format, locale);

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(say.badMaxWarnings(text), locale);
    maxWarnings = Number(text);
  }

  const targets = positionals.length ? positionals : ['.'];
  const stdinCount = targets.filter(target => target === '-').length;
  if (stdinCount > 1) throw new UsageError(say.stdinTwice, locale);
  if (values['stdin-filename'] !== undefined && stdinCount === 0) throw new UsageError(say.stdinFilenameWithoutStdin, locale);
  if (values.fix && values['fix-dry-run']) throw new UsageError(say.fixAndDryRun, locale);
  if (values.fix && stdinCount) throw new UsageError(say.fixStdin, locale);

  return {
    targets,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    format,
    ruleOverrides: ruleFlags(values.rule ?? [], locale),
    configPath: values.config,
    maxWarnings,
    quiet: values.quiet ?? false,
    locale,
    stdinFilename: values['stdin-filename'],
    version: values.version ?? false,
    help: values.help ?? false,
  };
}

/** `--rule id=severity` flags as a configuration layer; the last flag for a rule wins. */
export function ruleFlags(flags: readonly string[], locale: Locale): RawConfig | undefined {
  if (!flags.length) return undefined;
  const say = messages[locale];
  const rules: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(flag);
    if (!match) throw new UsageError(say.badRule(flag), locale);
    const [, ruleId, severity] = match;
    if (!ruleById.has(ruleId)) throw new UsageError(say.unknownRule(ruleId), locale);
    if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) throw new UsageError(say.badSeverity(severity), locale);
    rules[ruleId] = severity as SeveritySetting;
  }
  return { rules };
}

export function explainParseError(error: Error & { code?: string }, say: Messages): string {
  // Node names the option in quotes: '--xyz', '-x' or '-f, --format <value>'; the long name reads best.
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(/[ ,]/)[0];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say.unknownOption(option);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('does not take an argument') ? say.unexpectedValue(option) : say.missingValue(option);
    default:
      return error.message;
  }
}
