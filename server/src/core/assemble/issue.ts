// Assembly of an issue from drafts: the items and briefs of every draft, ordered by the configured unit order,
// under the header and above the footer of the issue settings; and the checks that only the drafts together
// allow (the same item twice, one unit under two names, units outside the directory, an issue number or date
// that does not follow the previous issue's).
//
// Pure like the rest of the core: the CLI and the language server read the files and hand over their text.

import { blankStart } from '../characters';
import { parseChineseNumeral, toHalfwidth } from '../chinese';
import { flowText, parseDocument, type Block, type BulletinDocument } from '../document';
import type { Span } from '../types';
import { UnitDirectory } from '../units';
import { checkDuplicates, checkUnitNames, type Candidate } from './checks';
import { cleanDraft } from './layout';
import { DESK_CHECKS, ProblemSink } from './problems';
import { contentOf } from './similarity';
import type { AssembledIssue, AssembleOptions, DraftInput, IssueCount, IssueDate, IssueEntry, IssueSettings, PreviousIssue } from './types';

export function formatIssueDate(date: IssueDate): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

function compareDates(a: IssueDate, b: IssueDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const LABEL_LENGTH = 16;

export function assembleIssue(drafts: readonly DraftInput[], options: AssembleOptions): AssembledIssue {
  const settings = options.settings ?? {};
  const units = new UnitDirectory(options.units ?? []);
  const sink = new ProblemSink(options.locale ?? 'zh');
  const skipped: number[] = [];
  const candidates: Candidate[] = [];
  const published: Candidate[] = [];
  const issues: Array<PreviousIssue & { document: BulletinDocument }> = [];

  drafts.forEach((draft, input) => {
    const read = readDraft(draft);
    const document = read.document;
    if (read.role === 'issue') {
      // A finished issue among the drafts: the one the new issue follows. Its items count as published.
      skipped.push(input);
      issues.push({ input, number: read.number, date: read.date, document });
      for (const block of document.blocks) published.push(candidateOf(draft, input, document, block, units, true));
      return;
    }
    if (read.role === 'none') {
      skipped.push(input);
      sink.add(input, firstLine(document), DESK_CHECKS.notItems, 'warning', document.dialect === 'articles'
        ? { zh: '稿件是文章格式（Markdown 标题），不是信息条目，未编入本期', en: 'The draft is written as articles (Markdown headings), not items: left out of the issue' }
        : { zh: '稿件中没有找到信息条目或简讯，未编入本期', en: 'The draft has no items or briefs: left out of the issue' });
      return;
    }
    for (const block of read.blocks) candidates.push(candidateOf(draft, input, document, block, units, false));
  });

  const previous = issues.reduce<(typeof issues)[number] | undefined>((latest, issue) => (!latest || issue.number > latest.number ? issue : latest), undefined);
  if (previous) checkSequence(previous, drafts[previous.input].name, options, sink);
  checkDuplicates(candidates, published, drafts, previous?.number, sink);
  checkUnitNames(candidates, units, sink);

  const entries = orderEntries(candidates, settings.unitOrder ?? []);
  return {
    number: options.number,
    date: options.date,
    settings,
    text: renderIssue(entries, options.number, options.date, settings),
    entries,
    problems: sink.problems.sort((a, b) => a.input - b.input || a.start - b.start),
    previous: previous && { input: previous.input, number: previous.number, date: previous.date },
    skipped,
  };
}

/** What one input is to an issue: a finished issue (the previous one), a draft of entries, or neither. */
type ReadDraft =
  | { role: 'issue'; document: BulletinDocument; number: number; date?: IssueDate }
  | { role: 'entries'; document: BulletinDocument; blocks: Block[] }
  | { role: 'none'; document: BulletinDocument };

function readDraft(draft: DraftInput): ReadDraft {
  const document = parseDocument(draft.text);
  const number = document.header?.issue ? parseIssueNumber(flowText(draft.text, document.header.issue)) : undefined;
  if (number !== undefined) {
    const date = document.header?.date ? parseIssueDate(flowText(draft.text, document.header.date)) : undefined;
    return { role: 'issue', document, number, date };
  }
  // Articles (markdown) are not items: an issue is made of items and briefs.
  const blocks = document.dialect === 'items' ? document.blocks.filter(block => block.kind === 'item' || block.kind === 'brief') : [];
  return blocks.length ? { role: 'entries', document, blocks } : { role: 'none', document };
}

/**
 * How many items and briefs assembling the drafts would put in the issue, and the previous issue's number, without
 * assembling it: no checks, no cleaned paragraphs (the editor's status bar asks after every save).
 */
export function countIssueEntries(drafts: readonly DraftInput[]): IssueCount {
  const count: IssueCount = { items: 0, briefs: 0 };
  for (const draft of drafts) {
    const read = readDraft(draft);
    if (read.role === 'issue') count.previous = Math.max(count.previous ?? 0, read.number);
    else if (read.role === 'entries') for (const block of read.blocks) block.kind === 'brief' ? count.briefs++ : count.items++;
  }
  return count;
}

function candidateOf(draft: DraftInput, input: number, document: BulletinDocument, block: Block, units: UnitDirectory, isPublished: boolean): Candidate {
  const text = draft.text;
  const bodyStart = block.headline?.end ?? block.start;
  const bodyEnd = block.attribution?.start ?? block.end;
  const written = block.attribution?.units ?? [];
  return {
    input,
    block,
    kind: block.kind === 'brief' ? 'brief' : 'item',
    // A published issue is only compared against: its paragraphs are not needed.
    paragraph: isPublished ? '' : paragraphOf(text.slice(block.start, block.end)),
    headline: block.headline ? contentOf(flowText(text, block.headline)) : '',
    label: block.headline ? flowText(text, block.headline) : excerpt(flowText(text, block)),
    body: contentOf(text.slice(bodyStart, bodyEnd)),
    units: written.map(unit => ({ start: unit.start, end: unit.end, name: unit.name, canonical: units.lookup(unit.name)?.canonical ?? unit.name })),
    anchor: block.headline ?? firstLineOf(document, block),
  };
}

/** The start of a brief for messages: its first 16 characters after the mark. */
function excerpt(briefText: string): string {
  const chars = [...briefText.replace(/^[△▲●\s\u3000]+/, '')];
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH).join('')}…` : chars.join('');
}

/** A block's text cleaned (extraction fixes) and laid out as one paragraph. */
function paragraphOf(blockText: string): string {
  return cleanDraft(blockText, { dialect: 'items' }).text.split(/\n+/).filter(Boolean).join('');
}

function firstLineOf(document: BulletinDocument, block: Block): Span {
  const line = document.lines[document.lineIndexAt(block.start)];
  return { start: block.start, end: blankStart(document.text, block.start, Math.min(line.end, block.end)) };
}

function firstLine(document: BulletinDocument): Span {
  const line = document.lines.find(candidate => candidate.kind !== 'blank') ?? document.lines[0];
  return { start: line.start, end: line.end };
}

/** `第 45 期`, `第４５期`, `第四十五期`, `第一百零五期`, `第一〇五期` → the number (the header's issue line allows each). */
export function parseIssueNumber(issueLine: string): number | undefined {
  const match = /第[\s\u3000]*([\d一二三四五六七八九十〇零百]+)[\s\u3000]*期/.exec(toHalfwidth(issueLine));
  if (!match) return undefined;
  const value = /^\d+$/.test(match[1]) ? Number(match[1]) : chineseIssueNumber(match[1]);
  return value > 0 ? value : undefined;
}

const ZERO_TO_NINE = /^[〇零一二三四五六七八九]+$/;

/**
 * A Chinese issue number, or 0: read digit by digit when it has no 十 or 百 (一〇五), else up to 九百九十九
 * (一百零五, 一百二十, 二十三).
 */
function chineseIssueNumber(numeral: string): number {
  const digitOf = (char: string) => ('〇零'.includes(char) ? 0 : '一二三四五六七八九'.indexOf(char) + 1);
  if (numeral.length > 1 && ZERO_TO_NINE.test(numeral)) return Number([...numeral].map(digitOf).join(''));
  const hundred = numeral.indexOf('百');
  if (hundred < 0) return parseChineseNumeral(numeral);
  if (hundred !== 1 || !ZERO_TO_NINE.test(numeral[0])) return 0;
  const hundreds = digitOf(numeral[0]) * 100;
  const rest = numeral.slice(2);
  if (rest === '') return hundreds;
  // 一百零五: a zero then one digit; 一百一十 / 一百二十五: the tens written out, 一 included.
  if ('〇零'.includes(rest[0])) return rest.length === 2 && ZERO_TO_NINE.test(rest[1]) ? hundreds + digitOf(rest[1]) : 0;
  const tens = parseChineseNumeral(rest);
  return tens >= 10 ? hundreds + tens : 0;
}

/** The calendar day of a moment in the local time zone: a new issue's date by default. */
export function issueDateOf(moment: Date): IssueDate {
  return { year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() };
}

/** `2024 年 8 月 9 日`, `２０２４年８月９日` → 2024-8-9. */
export function parseIssueDate(dateLine: string): IssueDate | undefined {
  const match = /(\d{4})[\s\u3000]*年[\s\u3000]*(\d{1,2})[\s\u3000]*月[\s\u3000]*(\d{1,2})[\s\u3000]*日/.exec(toHalfwidth(dateLine));
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** The new issue's number and date must come after the previous issue's. */
function checkSequence(previous: PreviousIssue & { document: BulletinDocument }, name: string, options: AssembleOptions, sink: ProblemSink): void {
  const header = previous.document.header!;
  const number = options.number;
  if (number <= previous.number) {
    const same = number === previous.number;
    sink.add(previous.input, header.issue!, DESK_CHECKS.number, 'error', {
      zh: same ? `本期期号第${number}期与上一期（${name}）相同` : `本期期号第${number}期小于上一期（${name}）的第${previous.number}期`,
      en: same ? `Issue number ${number} repeats the previous issue (${name})` : `Issue number ${number} goes back from the previous issue's ${previous.number} (${name})`,
    });
  }
  if (previous.date && header.date) {
    const order = compareDates(options.date, previous.date);
    if (order <= 0) {
      const date = formatIssueDate(options.date);
      const previousDate = formatIssueDate(previous.date);
      sink.add(previous.input, header.date, DESK_CHECKS.date, 'error', {
        zh: order === 0 ? `本期日期${date}与上一期（第${previous.number}期）相同` : `本期日期${date}早于上一期（第${previous.number}期，${previousDate}）`,
        en: order === 0 ? `The issue date ${date} repeats the previous issue's (number ${previous.number})` : `The issue date ${date} is before the previous issue's, ${previousDate} (number ${previous.number})`,
      });
    }
  }
}

/** Items before briefs; each kind by the group of its first unit in the configured order, then as given. */
function orderEntries(candidates: readonly Candidate[], unitOrder: readonly string[][]): IssueEntry[] {
  const patterns = unitOrder.map(group => group.map(toPattern));
  const rank = (candidate: Candidate): [number, number] => {
    const unit = candidate.units[0];
    if (!unit) return [patterns.length, 0];
    const names = [unit.canonical, unit.name];
    for (let group = 0; group < patterns.length; group++) {
      const position = patterns[group].findIndex(pattern => names.some(name => pattern.test(name)));
      if (position >= 0) return [group, position];
    }
    return [patterns.length, 0];
  };
  const ranked = candidates.map((candidate, index) => ({ candidate, index, kind: candidate.kind === 'item' ? 0 : 1, rank: rank(candidate) }));
  ranked.sort((a, b) => a.kind - b.kind || a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index);
  return ranked.map(({ candidate }) => ({
    kind: candidate.kind,
    input: candidate.input,
    paragraph: candidate.paragraph,
    units: candidate.units.map(unit => unit.canonical),
  }));
}

/** A unit name, or a pattern where `*` stands for any characters. */
function toPattern(entry: string): RegExp {
  return new RegExp(`^${entry.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
}

/** The issue in the layout of the samples: header lines, a blank line, one paragraph per entry, the footer. */
export function renderIssue(entries: readonly IssueEntry[], number: number, date: IssueDate, settings: IssueSettings): string {
  const header = [settings.name, `第${number}期`, settings.office, formatIssueDate(date)].filter((line): line is string => !!line);
  const footer = [
    settings.recipients && `本期送：${settings.recipients}`,
    settings.distribution && `发：${settings.distribution}`,
    settings.editor && `责任编辑：${settings.editor}`,
  ].filter((line): line is string => !!line);
  const groups = [header.join('\n'), ...entries.map(entry => entry.paragraph)];
  if (footer.length) groups.push(footer.join('\n'));
  return `${groups.join('\n\n')}\n`;
}

