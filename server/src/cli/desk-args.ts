// Arguments of the editor's desk subcommands (extract, assemble), read like the linter's (args.ts): node:util
// parseArgs, then the checks it cannot make, as UsageErrors (exit code 2).

import type { IssueDate, Locale } from '../core';
import type { RawConfig } from '../config';
import { formatOption, readArguments, ruleFlags, UsageError } from './args';
import { deskMessages } from './desk-messages';
import type { FormatName } from './formatters';

interface CommonOptions {
  locale: Locale;
  help: boolean;
  configPath?: string;
  outputPath?: string;
}

export interface ExtractOptions extends CommonOptions {
  input?: string;
}

export interface AssembleCliOptions extends CommonOptions {
  targets: string[];
  number?: number;
  date?: IssueDate;
  force: boolean;
  format: FormatName;
  ruleOverrides?: RawConfig;
}

const commonSpecs = {
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const assembleSpecs = {
  ...commonSpecs,
  issue: { type: 'string' },
  date: { type: 'string' },
  force: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(argv: readonly string[], specs: typeof commonSpecs | typeof assembleSpecs, defaultLocale: Locale): { values: Values; positionals: string[]; locale: Locale } {
  const { values, positionals, locale } = readArguments(argv, specs, defaultLocale);
  if (positionals.includes('-')) throw new UsageError(deskMessages[locale].stdinNotAccepted, locale);
  return { values: values as Values, positionals, locale };
}

/** `bulletin-lint extract SUBMISSION [-o draft.txt]`: argv without the subcommand. */
export function parseExtractArgs(argv: readonly string[], defaultLocale: Locale): ExtractOptions {
  const { values, positionals, locale } = parse(argv, commonSpecs, defaultLocale);
  const help = values.help === true;
  if (!help && positionals.length !== 1) throw new UsageError(deskMessages[locale].oneSubmission, locale);
  return { input: positionals[0], outputPath: values.output as string | undefined, configPath: values.config as string | undefined, locale, help };
}

/** `bulletin-lint assemble DRAFTS... --issue 46 --date 2024-08-16 [-o issue-46.txt]`: argv without the subcommand. */
export function parseAssembleArgs(argv: readonly string[], defaultLocale: Locale, today: IssueDate): AssembleCliOptions {
  const { values, positionals, locale } = parse(argv, assembleSpecs, defaultLocale);
  const say = deskMessages[locale];
  const help = values.help === true;
  const format = formatOption(values.format as string | undefined, locale);
  let number: number | undefined;
  if (typeof values.issue === 'string') {
    if (!/^[1-9]\d{0,5}$/.test(values.issue)) throw new UsageError(say.badIssueNumber(values.issue), locale);
    number = Number(values.issue);
  }
  let date = today;
  if (typeof values.date === 'string') {
    const parsed = parseDateFlag(values.date);
    if (!parsed) throw new UsageError(say.badDate(values.date), locale);
    date = parsed;
  }
  if (!help) {
    if (!positionals.length) throw new UsageError(say.noDrafts, locale);
    if (number === undefined) throw new UsageError(say.missingIssueNumber, locale);
  }
  return {
    targets: positionals,
    number,
    date,
    force: values.force === true,
    format,
    ruleOverrides: ruleFlags((values.rule as string[] | undefined) ?? [], locale),
    outputPath: values.output as string | undefined,
    configPath: values.config as string | undefined,
    locale,
    help,
  };
}

/** `2024-08-16` or `2024-8-16`, a real calendar day. */
export function parseDateFlag(value: string): IssueDate | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : undefined;
}
