// What the editor's desk subcommands (extract, assemble) say, in Chinese (the default) and English.

import type { Locale } from '../core';

const help: Record<'extract' | 'assemble', Record<Locale, string>> = {
  extract: {
    zh: `用法：bulletin-lint extract <来稿> [-o 稿件.txt]

把来稿（.docx、.pdf，或转换出的 .txt）整理为干净的文本稿：接排硬换行，删除页码行和排版标记残留，
每条信息、每条简讯一段。只做这些规则（structure-hard-wrap、structure-page-furniture、markup-residue）
提供的修复，一次做完，不删除任何句子。不给出 -o 时写到标准输出。

选项：
  -o, --output <文件>    写入的文本稿（UTF-8）
  -c, --config <路径>    只使用这个配置文件
  --locale <zh|en>       消息语言
  -h, --help             显示本帮助

退出码：0 已写出；2 用法错误、来稿无法读取（损坏、加密、扫描件、空文档）、配置有误。
`,
    en: `Usage: bulletin-lint extract <submission> [-o draft.txt]

Turns a submission (.docx, .pdf, or an extracted .txt) into a clean draft: hard wraps joined, page number
lines and markup residue removed, one paragraph per item or brief. Only the fixes of those rules
(structure-hard-wrap, structure-page-furniture, markup-residue) are made, in one go; no sentence is dropped.
Without -o the draft goes to standard output.

Options:
  -o, --output <file>    The draft to write (UTF-8)
  -c, --config <path>    Use this configuration file only
  --locale <zh|en>       Language of the messages
  -h, --help             Print this help

Exit codes: 0 written; 2 usage error, a submission that cannot be read (corrupt, encrypted, scanned,
            empty), invalid configuration.
`,
  },
  assemble: {
    zh: `用法：bulletin-lint assemble <稿件、文件夹…> --issue <期号> [--date YYYY-MM-DD] [-o 第46期.txt|.docx]

把稿件编成一期：报头（简报名称、期号、编印单位、日期）、各条信息、其后的 △ 简讯、报尾（本期送、发、
责任编辑）。名称、单位、报尾和条目顺序来自 .bulletinrc.json 的 "issue" 设置（按输出位置查找，
没有 -o 时按当前文件夹）。

先检查每份稿件，有错误时不编排（--force 强制编排并列出被忽略的错误）。还检查只有放在一起才看得出的
问题：同一条信息报送两次（标题相同或几乎相同、正文几乎相同）、同一单位写成两种名称、署名单位不在
单位目录中，以及与文件夹中上一期（带“第N期”报头的文件）相比期号或日期重复、倒退。

选项：
  --issue <期号>         本期期号，如 46
  --date <日期>          本期日期，如 2024-08-16（默认今天）
  -o, --output <文件>    写入本期：.docx 为 Word 文档（GB/T 9704 版式），其他为文本；不给出时写到标准输出
  --force                稿件有错误时仍编排（退出码仍为 1）
  -f, --format <格式>    检查结果的格式：stylish（默认）、json、sarif、github
  --rule <规则=级别>     设置规则级别（可重复）
  -c, --config <路径>    只使用这个配置文件
  --locale <zh|en>       消息语言
  -h, --help             显示本帮助

检查结果：有 -o 时写到标准输出，否则写到标准错误（标准输出是本期全文）。
退出码：0 已编排，没有错误；1 有错误（未编排；用 --force 时已编排）；2 用法错误、稿件无法读取、配置有误。
`,
    en: `Usage: bulletin-lint assemble <drafts, folders…> --issue <number> [--date YYYY-MM-DD] [-o issue-46.txt|.docx]

Assembles an issue from drafts: the header (name, number, issuing office, date), the items, the △ briefs
after them, and the footer (本期送, 发, 责任编辑). Name, office, footer and the order of items come from the
"issue" settings of .bulletinrc.json (found from the output's folder, or the current folder without -o).

The drafts are checked first; while any has an error nothing is assembled (--force assembles anyway and lists
the errors overridden). Also checked is what only the drafts together show: one item submitted twice (same or
nearly the same headline, nearly the same text), one unit under two names, units not in the unit directory,
and an issue number or date that repeats or goes back from the previous issue in the folder (a file whose
header has an issue line).

Options:
  --issue <number>       The issue number, e.g. 46
  --date <date>          The issue date, e.g. 2024-08-16 (default: today)
  -o, --output <file>    Write the issue: .docx as a Word document (GB/T 9704 layout), anything else as text;
                         without it the issue goes to standard output
  --force                Assemble even though drafts have errors (the exit code is still 1)
  -f, --format <format>  Format of the check results: stylish (default), json, sarif, github
  --rule <rule=severity> Set a rule's severity (repeatable)
  -c, --config <path>    Use this configuration file only
  --locale <zh|en>       Language of the messages
  -h, --help             Print this help

Check results go to standard output with -o, else to standard error (standard output carries the issue).
Exit codes: 0 assembled, no errors; 1 errors (nothing assembled; assembled with --force); 2 usage error,
            a draft that cannot be read, invalid configuration.
`,
  },
};

export function deskHelpText(command: 'extract' | 'assemble', locale: Locale): string {
  return help[command][locale];
}

type Message<Args extends unknown[]> = (...args: Args) => string;

export interface DeskMessages {
  oneSubmission: string;
  sameAsInput: string;
  noDrafts: string;
  noDraftsFound: string;
  stdinNotAccepted: string;
  badIssueNumber: Message<[value: string]>;
  missingIssueNumber: string;
  badDate: Message<[value: string]>;
  extracted: Message<[input: string, output: string, paragraphs: number, fixes: number]>;
  refused: Message<[errors: number]>;
  forced: Message<[errors: number]>;
  overridden: Message<[path: string, place: string, message: string, ruleId: string]>;
  assembled: Message<[number: number, items: number, briefs: number, output: string]>;
  notWritten: Message<[path: string, detail: string]>;
}

export const deskMessages: Record<Locale, DeskMessages> = {
  zh: {
    oneSubmission: 'extract 一次整理一份来稿：bulletin-lint extract <来稿> [-o 稿件.txt]',
    sameAsInput: '-o 不能是来稿本身',
    noDrafts: 'assemble 需要稿件或稿件所在的文件夹',
    noDraftsFound: '没有找到稿件（.txt、.md、.bulletin、.docx、.pdf），未编排',
    stdinNotAccepted: 'extract 和 assemble 不读标准输入（-），请给出文件',
    badIssueNumber: value => `--issue 的值“${value}”应为正整数，例如 --issue 46`,
    missingIssueNumber: '请用 --issue 给出本期期号，例如 --issue 46',
    badDate: value => `--date 的值“${value}”应为日期，例如 --date 2024-08-16`,
    extracted: (input, output, paragraphs, fixes) => `已从 ${input} 整理出 ${paragraphs} 段（修复 ${fixes} 处），写入 ${output}`,
    refused: errors => `稿件中有 ${errors} 个错误，本期未编排：请改正后重试，或用 --force 强制编排。`,
    forced: errors => `已用 --force 强制编排，忽略了以下 ${errors} 个错误：`,
    overridden: (path, place, message, ruleId) => `  ${path} ${place}  ${message}  ${ruleId}`,
    assembled: (number, items, briefs, output) => `第${number}期已编排：${items} 条信息、${briefs} 条简讯，写入 ${output}`,
    notWritten: (path, detail) => `无法写入 ${path}（${detail}）`,
  },
  en: {
    oneSubmission: 'extract takes one submission at a time: bulletin-lint extract <submission> [-o draft.txt]',
    sameAsInput: '-o cannot be the submission itself',
    noDrafts: 'assemble needs drafts or the folder they are in',
    noDraftsFound: 'No drafts found (.txt, .md, .bulletin, .docx, .pdf): nothing assembled',
    stdinNotAccepted: 'extract and assemble do not read standard input (-): name the files',
    badIssueNumber: value => `--issue "${value}" must be a whole number above 0, e.g. --issue 46`,
    missingIssueNumber: 'Give the issue number with --issue, e.g. --issue 46',
    badDate: value => `--date "${value}" must be a date, e.g. --date 2024-08-16`,
    extracted: (input, output, paragraphs, fixes) => `${paragraphs} paragraphs from ${input} (${fixes} fixes) written to ${output}`,
    refused: errors => `The drafts have ${errors} error${errors === 1 ? '' : 's'}: the issue was not assembled. Correct them, or assemble anyway with --force.`,
    forced: errors => `Assembled with --force, overriding ${errors} error${errors === 1 ? '' : 's'}:`,
    overridden: (path, place, message, ruleId) => `  ${path} ${place}  ${message}  ${ruleId}`,
    assembled: (number, items, briefs, output) => `Issue ${number} assembled: ${items} items and ${briefs} briefs, written to ${output}`,
    notWritten: (path, detail) => `Cannot write ${path} (${detail})`,
  },
};
