// The CLI: arguments → files → configuration → core → formatter. It takes its world as parameters (argv, cwd,
// environment, streams, file access) so that tests run it in-process; cli-main.ts wires it to the process.

import { join, resolve } from 'node:path';
import { version } from '../../../package.json';
import { ConfigCache, resolveFileSettings, type FileSettings } from '../config';
import { fixAll, lint, rules, type LintOptions, type Locale } from '../core';
import { commandOptions, parseCliArgs, type CliOptions } from './args';
import { runAssemble } from './assemble';
import { runExtract } from './extract';
import { formatters, locateProblems, type LintedFile } from './formatters';
import { helpText, messages, type Messages } from './messages';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE } from './exit-codes';
import { describeTargetError, errorDetail, loadInput, readFromDisk, toDisplayPath, type SubmissionSource } from './inputs';
import { encodeSource, keepLineEndings, writeFileAtomic } from './source';
import { expandTargets, type Target } from './targets';
import { Troubles } from './trouble';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliParams {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: OutputStream;
  stderr: OutputStream;
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Writes the fixes of --fix; atomic by default. */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

const STDIN_LABEL = '<stdin>';

/** Runs the CLI and resolves to its exit code. */
export async function main(params: CliParams): Promise<number> {
  // The editor's desk: `extract` and `assemble` come first (a file named so is linted as ./extract).
  const [command, ...rest] = params.argv;
  if (command === 'extract') return runExtract(params, rest);
  if (command === 'assemble') return runAssemble(params, rest);
  const options = commandOptions(params, locale => parseCliArgs(params.argv, locale), helpText);
  if (typeof options === 'number') return options;
  if (options.version) {
    params.stdout.write(`bulletin-lint ${version}\n`);
    return EXIT_OK;
  }
  return new Run(params, options).execute();
}

/** One invocation: the files it checks, what it reports, and whether anything went wrong on the way. */
class Run {
  private readonly say: Messages;
  private readonly locale: Locale;
  private readonly cache = new ConfigCache();
  private readonly configPath?: string;
  private readonly readFile: (path: string) => Promise<Uint8Array>;
  private readonly writeFile: (path: string, data: Uint8Array) => Promise<void>;
  private readonly troubles: Troubles;
  private diffs = '';

  constructor(
    private readonly params: CliParams,
    private readonly options: CliOptions,
  ) {
    this.locale = options.locale;
    this.say = messages[options.locale];
    this.configPath = options.configPath === undefined ? undefined : resolve(params.cwd, options.configPath);
    this.readFile = params.readFile ?? readFromDisk;
    this.writeFile = params.writeFile ?? writeFileAtomic;
    this.troubles = new Troubles(params.stderr, options.locale);
  }

  async execute(): Promise<number> {
    if (this.configPath) {
      // With --config every file depends on that one file: if it is broken nothing can be checked.
      try {
        this.cache.load(this.configPath);
      } catch (error) {
        this.troubles.configError(error);
        return EXIT_TROUBLE;
      }
    }
    const { targets, errors } = await expandTargets(this.options.targets, this.params.cwd);
    for (const error of errors) this.troubles.notChecked(describeTargetError(error, this.say));
    const files: LintedFile[] = [];
    for (const target of targets) {
      const file = await this.check(target);
      if (file) files.push(file);
    }
    return this.report(files);
  }

  private async check(target: Target): Promise<LintedFile | undefined> {
    const filePath = target.kind === 'file' ? target.path : this.options.stdinFilename === undefined ? undefined : resolve(this.params.cwd, this.options.stdinFilename);
    const displayPath = filePath === undefined ? STDIN_LABEL : toDisplayPath(this.params.cwd, filePath);
    let settings: FileSettings;
    try {
      // Standard input without a name takes the configuration of the working folder.
      settings = resolveFileSettings(filePath ?? join(this.params.cwd, STDIN_LABEL), {
        configPath: this.configPath,
        overrides: this.options.ruleOverrides,
        cache: this.cache,
        cwd: this.params.cwd,
      });
    } catch (error) {
      this.troubles.configError(error);
      return undefined;
    }
    if (settings.ignored) {
      if (target.kind === 'stdin' || target.explicit) this.params.stderr.write(`${this.say.ignoredFile(displayPath)}\n`);
      return undefined;
    }

    let bytes: Uint8Array;
    try {
      bytes = target.kind === 'stdin' ? await readAll(this.params.stdin) : await this.readFile(target.path);
    } catch (error) {
      this.troubles.notChecked(this.say.unreadable(displayPath, errorDetail(error)));
      return undefined;
    }
    const input = await loadInput(bytes, filePath, displayPath, this.say);
    if (!input.ok) {
      this.troubles.notChecked(input.message);
      return undefined;
    }
    if (input.submission) return this.checkSubmission(input.text, input.submission, filePath!, displayPath, { ...settings.options, locale: this.locale });
    const source = { text: input.text, bom: input.bom };

    const lintOptions: LintOptions = { ...settings.options, locale: this.locale };
    const { text, output } = this.options.fix || this.options.fixDryRun ? await this.fix(target, displayPath, source, lintOptions) : { text: source.text, output: undefined };
    const problems = lint(text, lintOptions);
    return { filePath: filePath ?? STDIN_LABEL, displayPath, text, problems: locateProblems(text, problems), output };
  }

  /**
   * A .docx or .pdf is linted in its extracted text, with the places of the original file for people. Fixes are
   * never written into it: --fix and --fix-dry-run point to `extract` instead.
   */
  private checkSubmission(text: string, submission: SubmissionSource, filePath: string, displayPath: string, lintOptions: LintOptions): LintedFile {
    if (this.options.fix || this.options.fixDryRun) this.params.stderr.write(`${this.say.submissionNotFixed(displayPath, submission.format)}\n`);
    return { filePath, displayPath, text, problems: locateProblems(text, lint(text, lintOptions), submission.places) };
  }

  /**
   * Under --fix writes the fixes and returns the text now on disk; under --fix-dry-run records the diff and
   * returns the text the fixes would make (also as `output`, with the BOM, for the json format).
   */
  private async fix(target: Target, displayPath: string, source: { text: string; bom: boolean }, lintOptions: LintOptions): Promise<{ text: string; output?: string }> {
    const fixed = keepLineEndings(source.text, fixAll(source.text, lintOptions).text);
    if (fixed === source.text) return { text: source.text };
    if (target.kind === 'file' && this.options.fix) {
      try {
        await this.writeFile(target.path, encodeSource(fixed, source.bom));
        return { text: fixed };
      } catch (error) {
        this.troubles.failed(this.say.notWritten(displayPath, errorDetail(error)));
        return { text: source.text };
      }
    }
    // Required here, not imported: only --fix-dry-run needs the diff library, and loading it costs every start.
    const { createTwoFilesPatch } = require('diff') as typeof import('diff');
    this.diffs += createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, source.text, fixed);
    return { text: fixed, output: source.bom ? `\uFEFF${fixed}` : fixed };
  }

  private report(files: LintedFile[]): number {
    let errorCount = 0;
    let warningCount = 0;
    for (const file of files) {
      for (const problem of file.problems) {
        if (problem.severity === 'error') errorCount++;
        else if (problem.severity === 'warning') warningCount++;
      }
    }
    const shown = this.options.quiet ? files.map(file => ({ ...file, problems: file.problems.filter(problem => problem.severity === 'error') })) : files;
    const context = {
      cwd: this.params.cwd,
      locale: this.locale,
      color: !!this.params.stdout.isTTY && !this.params.env.NO_COLOR,
      quiet: this.options.quiet,
      unchecked: this.troubles.unchecked,
      rules,
      version,
    };
    if (this.diffs && (this.options.format === 'stylish' || this.options.format === 'github')) this.params.stdout.write(this.diffs);
    formatters[this.options.format](shown, context, text => this.params.stdout.write(text));

    const tooManyWarnings = this.options.maxWarnings !== undefined && warningCount > this.options.maxWarnings;
    if (tooManyWarnings) this.params.stderr.write(`${this.say.tooManyWarnings(warningCount, this.options.maxWarnings!)}\n`);
    if (this.troubles.any) return EXIT_TROUBLE;
    return errorCount > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
  }
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}
