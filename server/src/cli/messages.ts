// Everything the CLI says, in Chinese (the default) and English. Rule messages come from the core.

import type { Locale, Severity } from '../core';
import type { Place, SubmissionFormat, SubmissionProblem } from '../submissions';

/** The locale of the environment: English when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with `en`. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const setting = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en_/i.test(setting) ? 'en' : 'zh';
}

const severityWords: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityWord(severity: Severity, locale: Locale): string {
  return severityWords[locale][severity];
}

const help: Record<Locale, string> = {
  zh: `用法：bulletin-lint [选项] [文件、文件夹或 glob …]
      bulletin-lint [选项] - --stdin-filename <文件名>    从标准输入读取
      bulletin-lint extract <来稿> [-o 稿件.txt]          把来稿整理为文本稿（extract --help）
      bulletin-lint assemble <稿件…> --issue <期号>       编排一期（assemble --help）

检查政务信息简报的格式与规范。文件夹中检查 .txt、.md、.bulletin 文件和来稿（.docx、.pdf；
跳过 node_modules 和以“.”开头的文件夹）；不给出文件时检查当前文件夹。
每个文件使用最近的 .bulletinrc.json 配置（向上级文件夹合并，直到 "root": true）。

选项：
  --fix                      修复可自动修复的问题并写回文件（保留 BOM 和换行符）
  --fix-dry-run              只显示修复会做的改动（统一差异格式），不写文件
  -f, --format <格式>        输出格式：stylish（默认）、json、sarif、github
  --rule <规则=级别>         设置规则级别：off、info、warning、error（可重复）
  -c, --config <路径>        只使用这个配置文件，不查找 .bulletinrc.json
  --max-warnings <数量>      警告多于这个数量时检查失败
  -q, --quiet                只报告错误
  --locale <zh|en>           消息语言（默认按 LC_ALL、LC_MESSAGES、LANG，否则中文）
  --stdin-filename <文件名>  标准输入内容的文件名（用于查找配置和显示）
  -v, --version              显示版本
  -h, --help                 显示本帮助

使用 --fix-dry-run 时，stylish 和 github 格式先列出差异；json 格式在 output 中给出修复后的全文。

退出码：0 没有错误（警告不超过 --max-warnings）；1 有错误或警告过多；
        2 用法错误、文件无法读取或不是 UTF-8 文本（来稿损坏、加密、没有文字）、配置有误。
`,
  en: `Usage: bulletin-lint [options] [files, folders or globs …]
       bulletin-lint [options] - --stdin-filename <name>    read from standard input
       bulletin-lint extract <submission> [-o draft.txt]    a submission as a clean draft (extract --help)
       bulletin-lint assemble <drafts…> --issue <number>    assemble an issue (assemble --help)

Checks government information bulletins (政务信息简报). Folders are searched for .txt, .md and
.bulletin files and submissions (.docx, .pdf); node_modules and folders starting with "." are
skipped. Without files the current folder is checked. Each file uses the nearest .bulletinrc.json
(merged with the ones in parent folders up to one with "root": true).

Options:
  --fix                      Fix what can be fixed and write the files (BOM and line endings kept)
  --fix-dry-run              Show the fixes as a unified diff; write nothing
  -f, --format <format>      Output format: stylish (default), json, sarif, github
  --rule <rule=severity>     Set a rule's severity: off, info, warning, error (repeatable)
  -c, --config <path>        Use this configuration file only; do not search for .bulletinrc.json
  --max-warnings <count>     Fail when there are more warnings than this
  -q, --quiet                Report errors only
  --locale <zh|en>           Language of the messages (default from LC_ALL, LC_MESSAGES, LANG; else Chinese)
  --stdin-filename <name>    File name of the standard input (to find its configuration and to report)
  -v, --version              Print the version
  -h, --help                 Print this help

With --fix-dry-run, the stylish and github formats print the diff first; the json format gives the
fixed text in "output".

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors or too many warnings;
            2 usage error, a file that cannot be read or is not UTF-8 text (a submission corrupt, encrypted or
            without text), invalid configuration.
`,
};

export function helpText(locale: Locale): string {
  return help[locale];
}

type Message<Args extends unknown[]> = (...args: Args) => string;

/** "1 error", "2 errors". */
function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export interface Messages {
  usageHint: string;
  unknownOption: Message<[option: string]>;
  missingValue: Message<[option: string]>;
  unexpectedValue: Message<[option: string]>;
  badFormat: Message<[value: string, choices: readonly string[]]>;
  badRule: Message<[value: string]>;
  unknownRule: Message<[ruleId: string]>;
  badSeverity: Message<[value: string]>;
  badMaxWarnings: Message<[value: string]>;
  badLocale: Message<[value: string]>;
  fixAndDryRun: string;
  fixStdin: string;
  stdinTwice: string;
  stdinFilenameWithoutStdin: string;
  notFound: Message<[path: string]>;
  noMatch: Message<[pattern: string]>;
  unreadable: Message<[path: string, detail: string]>;
  binary: Message<[path: string]>;
  notUtf8: Message<[path: string]>;
  notWritten: Message<[path: string, detail: string]>;
  ignoredFile: Message<[path: string]>;
  noProblems: Message<[fileCount: number]>;
  noErrors: Message<[fileCount: number]>;
  /** The summary when nothing checked has problems but something could not be checked. */
  notCheckedOnly: Message<[uncheckedCount: number, fileCount: number, quiet: boolean]>;
  /** The line under the summary of problems when something could not be checked. */
  notChecked: Message<[uncheckedCount: number]>;
  summary: Message<[counts: Record<Severity, number>]>;
  fixable: Message<[counts: Record<Severity, number>]>;
  tooManyWarnings: Message<[count: number, max: number]>;
  badSubmission: Message<[path: string, format: SubmissionFormat, problem: SubmissionProblem, detail: string | undefined]>;
  submissionNotFixed: Message<[path: string, format: SubmissionFormat]>;
  place: Message<[place: Place]>;
}

export const messages: Record<Locale, Messages> = {
  zh: {
    usageHint: '运行 bulletin-lint --help 查看用法。',
    unknownOption: option => `未知的选项：${option}`,
    missingValue: option => `选项 ${option} 需要一个值`,
    unexpectedValue: option => `选项 ${option} 不接受值`,
    badFormat: (value, choices) => `未知的输出格式“${value}”，可选：${choices.join('、')}`,
    badRule: value => `--rule 的值“${value}”应写成 规则=级别，例如 --rule number-grouping=off`,
    unknownRule: ruleId => `没有名为“${ruleId}”的规则`,
    badSeverity: value => `未知的级别“${value}”，可选：off、info、warning、error`,
    badMaxWarnings: value => `--max-warnings 的值“${value}”应为不小于 0 的整数`,
    badLocale: value => `未知的语言“${value}”，可选：zh、en`,
    fixAndDryRun: '--fix 和 --fix-dry-run 不能同时使用',
    fixStdin: '标准输入不能使用 --fix（无处写回），请用 --fix-dry-run 查看修复',
    stdinTwice: '标准输入（-）只能给出一次',
    stdinFilenameWithoutStdin: '--stdin-filename 只能与 -（标准输入）一起使用',
    notFound: path => `找不到文件或文件夹：${path}`,
    noMatch: pattern => `没有文件匹配：${pattern}`,
    unreadable: (path, detail) => `无法读取 ${path}（${detail}）`,
    binary: path => `${path} 不是文本文件（含有 NUL 字节），未检查`,
    notUtf8: path => `${path} 不是 UTF-8 编码的文本，未检查（请另存为 UTF-8）`,
    notWritten: (path, detail) => `无法写入修复：${path}（${detail}），文件未改动`,
    ignoredFile: path => `${path} 已按配置中的 ignorePatterns 忽略`,
    noProblems: fileCount => `已检查 ${fileCount} 个文件，未发现问题。`,
    noErrors: fileCount => `已检查 ${fileCount} 个文件，未发现错误。`,
    notCheckedOnly: (uncheckedCount, fileCount, quiet) =>
      `${uncheckedCount} 个文件未能检查（原因见上文）${fileCount ? `；已检查的 ${fileCount} 个文件中未发现${quiet ? '错误' : '问题'}` : ''}。`,
    notChecked: uncheckedCount => `${uncheckedCount} 个文件未能检查（原因见上文）。`,
    summary: ({ error, warning, info }) => `共 ${error + warning + info} 个问题（${error} 个错误，${warning} 个警告${info ? `，${info} 个提示` : ''}）`,
    fixable: ({ error, warning, info }) => {
      const parts = [error ? `${error} 个错误` : '', warning ? `${warning} 个警告` : '', info ? `${info} 个提示` : ''];
      return `其中 ${parts.filter(Boolean).join('、')}可以用 --fix 自动修复。`;
    },
    tooManyWarnings: (count, max) => `警告有 ${count} 个，多于 --max-warnings 允许的 ${max} 个。`,
    badSubmission: (path, format, problem, detail) => {
      const kind = format === 'docx' ? ' Word 文档（.docx）' : ' PDF 文件';
      switch (problem) {
        case 'corrupt':
          return `${path} 不是有效的${kind}，无法读取${detail ? `（${detail}）` : ''}，未检查`;
        case 'legacy-doc':
          return `${path} 是旧版 Word 文档（.doc 格式），未检查：请在 Word 中另存为 .docx`;
        case 'encrypted':
          return `${path} 已加密（需要密码才能打开），未检查：请向报送单位索取未加密的文件`;
        case 'no-text':
          return `${path} 没有可提取的文字（可能是扫描件或图片），未检查：请向报送单位索取 Word 文档或可复制文字的 PDF`;
        case 'empty':
          return `${path} 是空文档（没有文字），未检查`;
      }
    },
    submissionNotFixed: (path, format) =>
      `${path} 是${format === 'docx' ? ' Word 文档' : ' PDF 文件'}，修复不会写入其中：请用 bulletin-lint extract ${path} -o 稿件.txt 转为文本稿，再检查和修复文本稿`,
    place: place => ('paragraph' in place ? `第${place.paragraph}段` : `第${place.page}页第${place.line}行`),
  },
  en: {
    usageHint: 'Run bulletin-lint --help for usage.',
    unknownOption: option => `Unknown option: ${option}`,
    missingValue: option => `Option ${option} needs a value`,
    unexpectedValue: option => `Option ${option} takes no value`,
    badFormat: (value, choices) => `Unknown format "${value}"; choose one of ${choices.join(', ')}`,
    badRule: value => `--rule "${value}" must be written rule=severity, e.g. --rule number-grouping=off`,
    unknownRule: ruleId => `There is no rule "${ruleId}"`,
    badSeverity: value => `Unknown severity "${value}"; choose one of off, info, warning, error`,
    badMaxWarnings: value => `--max-warnings "${value}" must be a whole number of 0 or more`,
    badLocale: value => `Unknown locale "${value}"; choose zh or en`,
    fixAndDryRun: '--fix and --fix-dry-run cannot be used together',
    fixStdin: 'Standard input cannot be fixed in place; use --fix-dry-run to see the fixes',
    stdinTwice: 'Standard input (-) can be given once only',
    stdinFilenameWithoutStdin: '--stdin-filename needs - (standard input)',
    notFound: path => `No such file or folder: ${path}`,
    noMatch: pattern => `No files match ${pattern}`,
    unreadable: (path, detail) => `Cannot read ${path} (${detail})`,
    binary: path => `${path} is not a text file (it contains NUL bytes); not checked`,
    notUtf8: path => `${path} is not UTF-8 text; not checked (save it as UTF-8)`,
    notWritten: (path, detail) => `Cannot write the fixes to ${path} (${detail}); the file is unchanged`,
    ignoredFile: path => `${path} is ignored by ignorePatterns in the configuration`,
    noProblems: fileCount => `${counted(fileCount, 'file')} checked, no problems found.`,
    noErrors: fileCount => `${counted(fileCount, 'file')} checked, no errors found.`,
    notCheckedOnly: (uncheckedCount, fileCount, quiet) =>
      `${counted(uncheckedCount, 'file')} could not be checked (see above)${fileCount ? `; no ${quiet ? 'errors' : 'problems'} found in the ${counted(fileCount, 'file')} checked` : ''}.`,
    notChecked: uncheckedCount => `${counted(uncheckedCount, 'file')} could not be checked (see above).`,
    summary: ({ error, warning, info }) =>
      `${counted(error + warning + info, 'problem')} (${counted(error, 'error')}, ${counted(warning, 'warning')}${info ? `, ${info} info` : ''})`,
    fixable: ({ error, warning, info }) => {
      const parts = [error ? counted(error, 'error') : '', warning ? counted(warning, 'warning') : '', info ? `${info} info` : ''];
      return `${parts.filter(Boolean).join(', ')} can be fixed with --fix.`;
    },
    tooManyWarnings: (count, max) => `${count} warnings, more than --max-warnings allows (${max}).`,
    badSubmission: (path, format, problem, detail) => {
      const kind = format === 'docx' ? 'Word document (.docx)' : 'PDF file';
      switch (problem) {
        case 'corrupt':
          return `${path} is not a valid ${kind} and cannot be read${detail ? ` (${detail})` : ''}; not checked`;
        case 'legacy-doc':
          return `${path} is a legacy Word document (.doc format); not checked: save it as .docx in Word`;
        case 'encrypted':
          return `${path} is encrypted (it needs a password); not checked: ask the unit for an unencrypted file`;
        case 'no-text':
          return `${path} has no text to extract (a scan or pictures); not checked: ask the unit for a Word document or a PDF with text`;
        case 'empty':
          return `${path} is an empty document (no text); not checked`;
      }
    },
    submissionNotFixed: (path, format) =>
      `${path} is a ${format === 'docx' ? 'Word document' : 'PDF file'}: fixes are never written into it. Run bulletin-lint extract ${path} -o draft.txt, then check and fix the draft`,
    place: place => ('paragraph' in place ? `para. ${place.paragraph}` : `p. ${place.page}, line ${place.line}`),
  },
};
