// bulletin-lint assemble DRAFTS... --issue 46 --date 2024-08-16 [-o issue-46.txt|.docx]: the drafts checked
// one by one as the linter checks them, the checks across drafts (core/assemble), and the issue written as text
// or as a Word document, unless errors stop it (--force overrides them, naming each).

import { dirname, extname, join, resolve } from 'node:path';
import { version } from '../../../package.json';
import { ConfigCache, resolveFileSettings, type FileSettings } from '../config';
import { assembleIssue, DESK_CHECKS, issueDateOf, lint, rules, type AssembledIssue, type DraftInput, type IssueDate, type Locale, type Problem } from '../core';
import { parseAssembleArgs, type AssembleCliOptions } from './desk-args';
import { deskHelpText, deskMessages, type DeskMessages } from './desk-messages';
import { commandOptions } from './args';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE } from './exit-codes';
import { formatters, locateProblems, type LintedFile } from './formatters';
import { describeTargetError, errorDetail, loadInput, readFromDisk, toDisplayPath, writeOutputFile, type SubmissionSource } from './inputs';
import type { CliParams } from './main';
import { messages, type Messages } from './messages';
import { expandTargets } from './targets';
import { Troubles } from './trouble';

/** A draft read for the issue: its text, the options its own configuration gives, and its places if a submission. */
interface ReadDraft extends DraftInput {
  filePath: string;
  settings: FileSettings;
  submission?: SubmissionSource;
}

export async function runAssemble(params: CliParams, argv: readonly string[], today: IssueDate = issueDateOf(new Date())): Promise<number> {
  const options = commandOptions(params, locale => parseAssembleArgs(argv, locale, today), locale => deskHelpText('assemble', locale));
  return typeof options === 'number' ? options : new Assembly(params, options).run();
}

class Assembly {
  private readonly say: Messages;
  private readonly sayDesk: DeskMessages;
  private readonly cache = new ConfigCache();
  private readonly configPath?: string;
  private readonly outputPath?: string;
  private readonly troubles: Troubles;

  constructor(
    private readonly params: CliParams,
    private readonly options: AssembleCliOptions,
  ) {
    this.say = messages[options.locale];
    this.sayDesk = deskMessages[options.locale];
    this.configPath = options.configPath === undefined ? undefined : resolve(params.cwd, options.configPath);
    this.outputPath = options.outputPath === undefined ? undefined : resolve(params.cwd, options.outputPath);
    this.troubles = new Troubles(params.stderr, options.locale);
  }

  private get locale(): Locale {
    return this.options.locale;
  }

  async run(): Promise<number> {
    const drafts = await this.readDrafts();
    // The issue's own settings and unit directory: those of the folder it is written to.
    let issueSettings: FileSettings | undefined;
    try {
      issueSettings = resolveFileSettings(join(this.outputPath ? dirname(this.outputPath) : this.params.cwd, '<issue>'), {
        configPath: this.configPath,
        cache: this.cache,
        cwd: this.params.cwd,
      });
    } catch (error) {
      this.troubles.configError(error);
    }
    if (!drafts.length && !this.troubles.any) this.troubles.failed(this.sayDesk.noDraftsFound);
    if (!issueSettings || !drafts.length) return this.finish([], undefined);

    const issue = assembleIssue(drafts, {
      number: this.options.number!,
      date: this.options.date!,
      settings: issueSettings.issue,
      units: issueSettings.options.units,
      locale: this.locale,
    });
    const files = drafts.map((draft, index) => this.checkedFile(draft, index, issue));
    return this.finish(files, issue);
  }

  private async readDrafts(): Promise<ReadDraft[]> {
    const { targets, errors } = await expandTargets(this.options.targets, this.params.cwd);
    for (const error of errors) this.troubles.notChecked(describeTargetError(error, this.say));
    const drafts: ReadDraft[] = [];
    for (const target of targets) {
      if (target.kind !== 'file' || target.path === this.outputPath) continue;
      const displayPath = toDisplayPath(this.params.cwd, target.path);
      let settings: FileSettings;
      try {
        settings = resolveFileSettings(target.path, { configPath: this.configPath, overrides: this.options.ruleOverrides, cache: this.cache, cwd: this.params.cwd });
      } catch (error) {
        this.troubles.configError(error);
        continue;
      }
      if (settings.ignored) {
        if (target.explicit) this.params.stderr.write(`${this.say.ignoredFile(displayPath)}\n`);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await (this.params.readFile ?? readFromDisk)(target.path);
      } catch (error) {
        this.troubles.notChecked(this.say.unreadable(displayPath, errorDetail(error)));
        continue;
      }
      const input = await loadInput(bytes, target.path, displayPath, this.say);
      if (!input.ok) {
        this.troubles.notChecked(input.message);
        continue;
      }
      drafts.push({ name: displayPath, text: input.text, filePath: target.path, settings, submission: input.submission });
    }
    return drafts;
  }

  /**
   * A draft's problems: its own (as the linter finds them; not for inputs the issue leaves out, such as the
   * previous issue) and the issue's about it. Where the issue's unit checks and attribution-unknown see the same
   * name, one diagnostic stays: the issue's when it names the other spelling in the issue, else the rule's.
   */
  private checkedFile(draft: ReadDraft, index: number, issue: AssembledIssue): LintedFile {
    const own = issue.skipped.includes(index) ? [] : lint(draft.text, { ...draft.settings.options, locale: this.locale });
    const desk = issue.problems.filter(problem => problem.input === index).map(({ input: _input, ...problem }) => problem);
    const namesOtherSpelling = new Set(desk.filter(problem => problem.ruleId === DESK_CHECKS.unitNames).map(problem => problem.start));
    const ruleSaysUnknown = new Set(own.filter(problem => problem.ruleId === 'attribution-unknown').map(problem => problem.start));
    const problems: Problem[] = [
      ...own.filter(problem => !(problem.ruleId === 'attribution-unknown' && namesOtherSpelling.has(problem.start))),
      ...desk.filter(problem => !(problem.ruleId === DESK_CHECKS.unitUnknown && ruleSaysUnknown.has(problem.start))),
    ]
      .sort((a, b) => a.start - b.start || a.end - b.end);
    return { filePath: draft.filePath, displayPath: draft.name, text: draft.text, problems: locateProblems(draft.text, problems, draft.submission?.places) };
  }

  private async finish(files: LintedFile[], issue: AssembledIssue | undefined): Promise<number> {
    const errors = files.flatMap(file => file.problems.filter(problem => problem.severity === 'error').map(problem => ({ file, problem })));
    // Standard output carries the issue when there is no -o: the report then goes to standard error.
    const reportStream = this.outputPath !== undefined ? this.params.stdout : this.params.stderr;
    const context = {
      cwd: this.params.cwd,
      locale: this.locale,
      color: !!reportStream.isTTY && !this.params.env.NO_COLOR,
      quiet: false,
      unchecked: this.troubles.unchecked,
      rules,
      version,
    };
    if (files.length) formatters[this.options.format](files, context, text => reportStream.write(text));
    if (this.troubles.any || !issue) return EXIT_TROUBLE;
    if (errors.length > 0 && !this.options.force) {
      this.params.stderr.write(`${this.sayDesk.refused(errors.length)}\n`);
      return EXIT_PROBLEMS;
    }
    if (!(await this.writeIssue(issue))) return EXIT_TROUBLE;
    if (errors.length) {
      this.params.stderr.write(`${this.sayDesk.forced(errors.length)}\n`);
      for (const { file, problem } of errors) {
        const place = problem.place ? this.say.place(problem.place) : `${problem.line}:${problem.column}`;
        this.params.stderr.write(`${this.sayDesk.overridden(file.displayPath, place, problem.message, problem.ruleId)}\n`);
      }
    }
    return errors.length ? EXIT_PROBLEMS : EXIT_OK;
  }

  private async writeIssue(issue: AssembledIssue): Promise<boolean> {
    const items = issue.entries.filter(entry => entry.kind === 'item').length;
    const briefs = issue.entries.length - items;
    if (this.outputPath === undefined) {
      this.params.stdout.write(issue.text);
      this.params.stderr.write(`${this.sayDesk.assembled(issue.number, items, briefs, '<stdout>')}\n`);
      return true;
    }
    const displayPath = toDisplayPath(this.params.cwd, this.outputPath);
    try {
      if (extname(this.outputPath).toLowerCase() === '.docx') {
        const { renderIssueDocx } = await import('../desk/issue-docx');
        await writeOutputFile(this.outputPath, await renderIssueDocx(issue));
      } else {
        await writeOutputFile(this.outputPath, issue.text);
      }
    } catch (error) {
      this.params.stderr.write(`${this.sayDesk.notWritten(displayPath, errorDetail(error))}\n`);
      return false;
    }
    this.params.stderr.write(`${this.sayDesk.assembled(issue.number, items, briefs, displayPath)}\n`);
    return true;
  }
}
