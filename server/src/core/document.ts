// Parses a draft into the document model the rules read: lines with their kinds, the issue header and footer,
// and blocks (items, briefs, articles, sections) with headline, measure markers and attribution.
//
// Drafts arrive as PDF or Word extractions, so the parser never trusts blank lines: an item ends at its closing
// attribution, at a brief mark (△ ●), at the next headline, or at the footer. Hard wraps are undone by reading
// the content lines as one "flow" (line texts trimmed and concatenated), with a map back to text offsets.
//
// Everything here is linear in the text: one regex pass finds the line breaks, one the marker candidates, one
// the quotation marks; every backward scan is bounded by a small constant.

import { blankEnd, blankStart, IntList, lastAtOrBelow, nextMatchOffset, trimSpan } from './characters';
import { CodeSet, isBlankCode, parseChineseNumeral } from './chinese';
import type { Dialect, Span } from './types';

export type LineKind = 'blank' | 'header' | 'footer' | 'furniture' | 'heading' | 'content';

export interface Line extends Span {
  kind: LineKind;
  /** Offset just past the line break (equals `end` on the last line without one). */
  next: number;
}

/** A measure marker such as 二是: the span covers the numeral and the suffix (and a line break between them). */
export interface Measure extends Span {
  value: number;
  numeral: Span;
  suffix: '是' | '要';
}

/**
 * The closing unit attribution `（区教育局）` or byline `（记者 张怡馨）`: the span includes the parentheses.
 * A parenthesis the writer left out is '' in `open` or `close` (the span then starts or ends at the text).
 */
export interface Attribution extends Span {
  open: string;
  close: string;
  /** The text between the parentheses. */
  inner: Span;
  /** Unit names for item attributions (split at 、); empty for bylines. */
  units: Array<Span & { name: string }>;
  byline: boolean;
}

export type BlockKind = 'item' | 'brief' | 'article' | 'section';

export interface Block extends Span {
  kind: BlockKind;
  /** The item headline, or the article or section title (without the #'s). */
  headline?: Span;
  measures: Measure[];
  attribution?: Attribution;
  /** `###` subsections of an article. */
  sections: Block[];
}

export interface Header extends Span {
  title?: Span;
  issue?: Span;
  office?: Span;
  date?: Span;
}

export interface BulletinDocument {
  readonly text: string;
  readonly dialect: Dialect;
  readonly lines: readonly Line[];
  readonly header?: Header;
  /** The footer lines (本期送、发、责任编辑), as one span. */
  readonly footer?: Span;
  /** Top-level blocks in text order: items and briefs, or articles and 简讯 briefs. */
  readonly blocks: readonly Block[];
  /** Spans inside “…” and 《…》 (quotes included), sorted and not nested. */
  readonly quoted: readonly Span[];
  lineIndexAt(offset: number): number;
  /** True where the offset lies in body text: not header, footer, page furniture or a markdown heading. */
  isProse(offset: number): boolean;
  isQuoted(offset: number): boolean;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const FURNITURE = /^[\s\u3000]*(?:[—–\-－]{1,2}[\s\u3000]*\d{1,4}[\s\u3000]*[—–\-－]{1,2}|第[\s\u3000]*\d{1,4}[\s\u3000]*页(?:[\s\u3000]*共[\s\u3000]*\d{1,4}[\s\u3000]*页)?)[\s\u3000]*$/;
/** Characters a furniture line starts with, and the longest furniture line: cheap tests before the regex. */
const FURNITURE_FIRST = new CodeSet('—–-－第');
const FURNITURE_MAX = 40;
const HEADING = /^(#{1,6})[ \t]/;
/** Header lines; digits may be full-width (第４５期), which fullwidth-digit reports. */
const ISSUE_LINE = /^[\s\u3000]*第[\s\u3000]*[\d０-９一二三四五六七八九十〇零百]+[\s\u3000]*期[\s\u3000]*$/;
const DATE_LINE = /^[\s\u3000]*[\d０-９]{4}[\s\u3000]*年[\s\u3000]*[\d０-９]{1,2}[\s\u3000]*月[\s\u3000]*[\d０-９]{1,2}[\s\u3000]*日[\s\u3000]*$/;
/** At the top of the text the issue line is one of the first TOP_ISSUE_LINES lines with text, its date at most TOP_DATE_LINES after it. */
const TOP_ISSUE_LINES = 4;
const TOP_DATE_LINES = 5;
/** The longest header line, and what a mid-text title or office line may not contain. */
const HEADER_LINE_MAX = 24;
const HEADER_PUNCTUATION = /[。，；！？、（）()：:]/;
const FOOTER_LINE = /^[\s\u3000]*(?:本期送|送|发|抄送|报|责任编辑|编辑|审核|签发|印发|共印)[\s\u3000]*[：:]/;
/** Footer lines that cannot be body text: they make a run of footer lines a footer even in mid-text. */
const FOOTER_STRONG = /^[\s\u3000]*(?:本期送|抄送|责任编辑|签发|印发|共印)/;
const FOOTER_FIRST = new CodeSet('本送发抄报责编审签印共');
/** A byline's opening: `（记者 …` `(本报记者 …` `（文/…` `（图 …`; not a unit such as 文明办 or 文旅局. */
const BYLINE = /^[（(][\s\u3000]*(?:本报|特约|见习)?(?:记者|通讯员|实习生|作者|摄影|编辑|[文图][\s\u3000]*[／/|｜:：\s])/;
const BRIEF_MARKS = new CodeSet('△▲●');
/** A marker candidate is a numeral of up to three characters (九十九) and its suffix 是 or 要. */
const MARKER_SUFFIX = /[是要]/g;
const MARKER_NUMERAL = new CodeSet('一二三四五六七八九十');
const MARKER_NUMERAL_MAX = 3;
/** After 要, characters that make a noun of it (三要素, 四要点), not a marker. */
const NOT_AFTER_YAO = new CodeSet('素点件闻塞案害旨诀略');
/** An attribution's text: short, without sentence punctuation or nested parentheses. */
const ATTRIBUTION_INNER = /^[^（）()。，；！？：\n]{2,60}$/;
const NOT_BLANK = /[^\s\u3000]/;
/** How far back from an item's end an attribution's opening parenthesis may lie. */
const ATTRIBUTION_REACH = 62;
const UNIT_SEPARATORS = new CodeSet('、,');
/** Sentence stops, with their half-width forms as typists slip them in (`3个.（区教育局）`). */
const SENTENCE_STOP = new CodeSet('。！？.!?');
/** What an attribution may follow: a sentence stop, a closing quote or parenthesis. */
const BEFORE_ATTRIBUTION = new CodeSet('。！？.!?”）');
/** The most measure markers one item or section has (二十是: far beyond what any item numbers). */
const MAX_MEASURES = 20;
const MARKER_BOUNDARY = new CodeSet('。！？；：，…');
const OPEN_PARENS = new CodeSet('（(');
const CONTINUES_LINE = new CodeSet('，。、；：！？”’）》】…—,.;:!?)');
const CLOSE_PARENS = new CodeSet('）)');
const HEADLINE_MAX = 80;
/** What a headline before its first marker may not contain (the stop right before the marker aside). */
const HEADLINE_STOPS = new CodeSet('。！？；');
/** What a headline on a line of its own may not contain. */
const HEADLINE_PUNCTUATION = new CodeSet('。！？；，：');
/** How far into an article's body a leading byline (本报讯（记者 …）) may start. */
const LEADING_BYLINE_REACH = 30;

/** Content lines read as one text, hard wraps undone. */
class Flow {
  readonly text: string;
  /**
   * Flow index where each flow line starts, ascending. Typed arrays, here and below: sized once, never grown, and
   * never scanned by the garbage collector, which on a large draft counts.
   */
  readonly lineStarts: Int32Array;
  /** Text offset of each flow line's first character. */
  private readonly textStarts: Int32Array;
  /** Text offset just past the flow's last character. */
  private readonly textEnd: number;
  private candidates?: MarkerCandidate[];
  /** The last answer of `firstCandidateAt`. */
  private candidateHint = 0;
  private lastLine = -1;
  readonly openParens: MarkPositions;
  /** The 一 of each 一是 and 一要. */
  readonly firstMarkers: MarkPositions;
  readonly sentenceStops: MarkPositions;

  constructor(source: string, lines: readonly Line[], lineIndexes: ArrayLike<number>) {
    const lineStarts = new Int32Array(lineIndexes.length);
    const textStarts = new Int32Array(lineIndexes.length);
    let lineCount = 0;
    // Appended line by line: V8 copies the pieces into one string once, when the text is first read, which on
    // tens of thousands of lines is several times faster than joining an array of them.
    let text = '';
    let textEnd = 0;
    for (let position = 0; position < lineIndexes.length; position++) {
      const line = lines[lineIndexes[position]];
      // Offsets, not trimSpan's object: this runs for every line, mostly before the optimizer has seen it.
      const start = blankEnd(source, line.start, line.end);
      const end = blankStart(source, start, line.end);
      if (start === end) continue;
      lineStarts[lineCount] = text.length;
      textStarts[lineCount] = start;
      lineCount++;
      text += source.slice(start, end);
      textEnd = end;
    }
    this.lineStarts = lineStarts.subarray(0, lineCount);
    this.textStarts = textStarts.subarray(0, lineCount);
    this.text = text;
    this.textEnd = textEnd;
    this.openParens = new MarkPositions(text, OPEN_PAREN_CHARS);
    this.firstMarkers = new MarkPositions(text, FIRST_MARKER);
    this.sentenceStops = new MarkPositions(text, SENTENCE_STOP_CHARS);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text offset of a flow index (the offset past the last character for the flow's length). */
  offsetAt(flowIndex: number): number {
    if (flowIndex >= this.text.length) return this.textEnd;
    const line = this.lineOf(flowIndex);
    return this.textStarts[line] + flowIndex - this.lineStarts[line];
  }

  /** The text span covering flow[start, end). */
  span(start: number, end: number): Span {
    const textStart = this.offsetAt(start);
    return { start: textStart, end: end > start ? this.offsetAt(end - 1) + 1 : textStart };
  }

  /** The flow line containing a flow index. Lookups come in runs near each other: searched from the last answer. */
  lineOf(flowIndex: number): number {
    return (this.lastLine = lastAtOrBelow(this.lineStarts, flowIndex, this.lastLine));
  }

  lineEnd(flowLine: number): number {
    return flowLine + 1 < this.lineStarts.length ? this.lineStarts[flowLine + 1] : this.text.length;
  }

  isLineStart(flowIndex: number): boolean {
    const line = this.lineOf(flowIndex);
    return line >= 0 && this.lineStarts[line] === flowIndex;
  }

  /**
   * Index of the first marker candidate at or after a flow index. The parser asks about nearby, mostly ascending
   * indices, so the last answer is walked from, a few steps at most; a far jump takes a binary search.
   */
  firstCandidateAt(flowIndex: number): number {
    const candidates = this.markerCandidates();
    let index = this.candidateHint;
    for (let steps = 0; steps < 8; steps++) {
      if (index > 0 && candidates[index - 1].at >= flowIndex) index--;
      else if (index < candidates.length && candidates[index].at < flowIndex) index++;
      else return (this.candidateHint = index);
    }
    let low = 0;
    let high = candidates.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (candidates[mid].at < flowIndex) low = mid + 1;
      else high = mid;
    }
    return (this.candidateHint = low);
  }

  /** Every marker candidate of the flow (numeral valid, position not yet judged), found in one pass. */
  markerCandidates(): MarkerCandidate[] {
    if (this.candidates) return this.candidates;
    const found: MarkerCandidate[] = [];
    const text = this.text;
    // From each suffix back over the numeral characters before it; no match arrays, as exec would allocate.
    MARKER_SUFFIX.lastIndex = 0;
    for (let suffixAt = nextMatchOffset(MARKER_SUFFIX, text); suffixAt >= 0; suffixAt = nextMatchOffset(MARKER_SUFFIX, text)) {
      const suffix = text.charCodeAt(suffixAt) === 0x662f /* 是 */ ? '是' : '要';
      if (suffix === '要' && NOT_AFTER_YAO.has(text.charCodeAt(suffixAt + 1))) continue;
      let numeralStart = suffixAt;
      while (suffixAt - numeralStart < MARKER_NUMERAL_MAX && MARKER_NUMERAL.has(text.charCodeAt(numeralStart - 1))) numeralStart--;
      // Every numeral ending at the suffix is a candidate: in 七一是 the numeral 七一 is invalid but 一是 is one.
      for (let at = numeralStart; at < suffixAt; at++) {
        const value = parseChineseNumeral(text.slice(at, suffixAt));
        if (value) found.push({ at, numeralLength: suffixAt - at, value, suffix });
      }
    }
    this.candidates = found;
    return found;
  }
}

/**
 * Flow indices of every match of a global one-character pattern, ascending, found in one pass when first asked:
 * so that "is there a 。 between here and there" is a binary search, never a scan that could run across the
 * whole flow.
 */
class MarkPositions {
  private found?: Int32Array;
  /** Index in `found` of the last answer (-1: none yet). */
  private hint = -1;

  constructor(private readonly text: string, private readonly pattern: RegExp) {}

  /** The last match in flow[start, end), or -1. */
  last(start: number, end: number): number {
    const found = this.positions();
    const index = this.lastBefore(found, end);
    return index >= 0 && found[index] >= start ? found[index] : -1;
  }

  /** The first match at or after `start`, or -1. */
  next(start: number): number {
    const found = this.positions();
    const index = this.lastBefore(found, start) + 1;
    return index < found.length ? found[index] : -1;
  }

  private positions(): Int32Array {
    if (this.found) return this.found;
    const found = new IntList();
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let at = nextMatchOffset(pattern, this.text); at >= 0; at = nextMatchOffset(pattern, this.text)) found.push(at);
    return (this.found = found.toArray());
  }

  /** Index of the last of `found` below `end`. The parser asks with ascending `end`: searched from the last answer. */
  private lastBefore(found: Int32Array, end: number): number {
    return (this.hint = lastAtOrBelow(found, end - 1, this.hint));
  }
}

const OPEN_PAREN_CHARS = /[（(]/g;
/** The 一 of 一是 and 一要 (one character, as MarkPositions wants). */
const FIRST_MARKER = /一(?=[是要])/g;
const SENTENCE_STOP_CHARS = /[。！？]/g;

interface MarkerCandidate {
  /** Flow index of the numeral. */
  at: number;
  numeralLength: number;
  value: number;
  suffix: '是' | '要';
}

/**
 * The last of some spans (ascending by start) that starts at or before an offset: `lastAtOrBelow` over the spans'
 * starts, from the last answer (rules ask in text order). Written out rather than given a function that reads
 * an element, which cost the parser a tenth of its time in calls.
 */
class SpanFinder {
  /** Index of the last answer (-1: before the first span). */
  private last = -1;

  constructor(private readonly spans: readonly Span[]) {}

  /** Index of the last span starting at or before `offset`, or -1. */
  lastStartingAt(offset: number): number {
    const spans = this.spans;
    let low = this.last;
    let high = spans.length;
    if (low >= 0 && spans[low].start > offset) {
      low = -1;
    } else {
      let step = 1;
      while (low + step < spans.length && spans[low + step].start <= offset) {
        low += step;
        step *= 2;
      }
      high = Math.min(low + step, spans.length);
    }
    // spans[low] starts at or before offset (or low is -1); spans[high] starts after it (or high is the length).
    while (high - low > 1) {
      const mid = (low + high) >>> 1;
      if (spans[mid].start <= offset) low = mid;
      else high = mid;
    }
    return (this.last = low);
  }
}

/** Indexes of the lines of a kind, among the lines `among` indexes (all lines when omitted). */
function indexesOfKind(lines: readonly Line[], kind: LineKind, among?: ArrayLike<number>): Int32Array {
  const count = among ? among.length : lines.length;
  const found = new Int32Array(count);
  let length = 0;
  for (let position = 0; position < count; position++) {
    const index = among ? among[position] : position;
    if (lines[index].kind === kind) found[length++] = index;
  }
  return found.subarray(0, length);
}

/** Whether text[start, end) holds one of `set`. */
function hasCodeIn(text: string, start: number, end: number, set: CodeSet): boolean {
  for (let at = start; at < end; at++) if (set.has(text.charCodeAt(at))) return true;
  return false;
}

function classifyLine(text: string, start: number, end: number): LineKind {
  const first = blankEnd(text, start, end);
  if (first === end) return 'blank';
  if (end - first <= FURNITURE_MAX && FURNITURE_FIRST.has(text.charCodeAt(first)) && FURNITURE.test(text.slice(start, end))) return 'furniture';
  return 'content';
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Most drafts break lines with \n alone: indexOf is several times faster than a regex, and allocates nothing.
  if (text.indexOf('\r') < 0) {
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.push({ start, end, next: end + 1, kind: classifyLine(text, start, end) });
      start = end + 1;
    }
    lines.push({ start, end: text.length, next: text.length, kind: classifyLine(text, start, text.length) });
    return lines;
  }
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const match = LINE_BREAK.exec(text);
    const end = match ? match.index : text.length;
    const next = match ? end + match[0].length : end;
    lines.push({ start, end, next, kind: classifyLine(text, start, end) });
    if (!match) return lines;
    start = next;
  }
}

function headingLevel(text: string, line: Line): number {
  if (text.charCodeAt(line.start) !== 35 /* # */) return 0;
  const match = HEADING.exec(text.slice(line.start, Math.min(line.end, line.start + 8)));
  return match ? match[1].length : 0;
}

/**
 * Markdown `##` headings mean the articles dialect; a stray `#` line does not. `#` is rare in drafts, so its
 * occurrences are found with indexOf and only those that start a line are looked at, not every line.
 */
function detectDialect(text: string, lines: readonly Line[]): Dialect {
  const finder = new SpanFinder(lines);
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (at > 0 && before !== 10 /* \n */ && before !== 13 /* \r */) continue;
    const line = lines[finder.lastStartingAt(at)];
    if (line.kind === 'content' && headingLevel(text, line) >= 2) return 'articles';
  }
  return 'items';
}

/**
 * Marks the issue header (上街信息 / 第 45 期 / 中共上街区委办公室 / 2024 年 8 月 9 日) and returns the first.
 * At the top of the text the issue line is one of the first four content lines: everything before it is the
 * title, up to the date line after it. In mid-text (issues pasted one after another) an issue line takes only
 * short lines without punctuation around it: up to two title lines before, an office line and the date after.
 */
function markHeader(text: string, lines: Line[], contentLines: ArrayLike<number>): Header | undefined {
  const issueLines: number[] = [];
  for (let position = 0; position < contentLines.length; position++) {
    const line = lines[contentLines[position]];
    const start = blankEnd(text, line.start, line.end);
    if (text.charCodeAt(start) !== 0x7b2c /* 第 */) continue;
    const end = blankStart(text, start, line.end);
    if (end - start <= HEADER_LINE_MAX && ISSUE_LINE.test(text.slice(start, end))) issueLines.push(position);
  }
  const lineText = (position: number) => text.slice(lines[contentLines[position]].start, lines[contentLines[position]].end);
  const plain = (position: number) => {
    const { start, end } = trimSpan(text, lines[contentLines[position]].start, lines[contentLines[position]].end);
    return end - start <= HEADER_LINE_MAX && !HEADER_PUNCTUATION.test(text.slice(start, end));
  };
  let first: Header | undefined;
  let taken = -1;
  for (const issueAt of issueLines) {
    if (issueAt <= taken) continue;
    const atTop = issueAt < TOP_ISSUE_LINES && taken < 0;
    let from = issueAt;
    if (atTop) from = 0;
    else while (from > taken + 1 && issueAt - from < 2 && plain(from - 1)) from--;
    let dateAt = -1;
    for (let position = issueAt + 1; position < contentLines.length && position <= issueAt + (atTop ? TOP_DATE_LINES : 2); position++) {
      if (DATE_LINE.test(lineText(position))) {
        dateAt = position;
        break;
      }
      if (!atTop && !plain(position)) break;
    }
    const last = dateAt >= 0 ? dateAt : issueAt;
    const header: Header = { start: lines[contentLines[from]].start, end: lines[contentLines[last]].end };
    for (let position = from; position <= last; position++) {
      const index = contentLines[position];
      lines[index].kind = 'header';
      const span = trimSpan(text, lines[index].start, lines[index].end);
      if (position === issueAt) header.issue = span;
      else if (position === dateAt) header.date = span;
      else if (position < issueAt) header.title ??= span;
      else header.office ??= span;
    }
    first ??= header;
    taken = last;
  }
  return first;
}

/**
 * The offset past the lines with text at the top that decide the header there (everything before an issue line
 * among them is its title), and `extraLines` more: a change past it leaves that header as it was. The text's end
 * when it has fewer lines.
 */
export function topHeaderEnd(document: BulletinDocument, extraLines: number): number {
  let counted = 0;
  for (const line of document.lines) {
    // The lines markHeader reads: all but blank lines and page furniture (header and footer lines are marked later).
    if (line.kind === 'blank' || line.kind === 'furniture') continue;
    if (++counted === TOP_ISSUE_LINES + TOP_DATE_LINES + extraLines) return line.next;
  }
  return document.text.length;
}

/**
 * Marks footer lines (本期送：…, 发：…, 责任编辑：…): the run of footer lines that ends the text, and any run in
 * mid-text that holds a line no body text starts with (本期送, 抄送, 责任编辑 …; issues pasted one after
 * another). Returns the last footer. `textLines` are the lines with text, header lines among them (they end a run).
 */
function markFooter(text: string, lines: Line[], textLines: ArrayLike<number>): Span | undefined {
  let footer: Span | undefined;
  let run: number[] = [];
  let strong = false;
  const closeRun = (atEnd: boolean) => {
    if (run.length === 0) return;
    if (strong || atEnd) {
      for (const index of run) lines[index].kind = 'footer';
      footer = { start: lines[run[0]].start, end: lines[run[run.length - 1]].end };
    }
    run = [];
    strong = false;
  };
  for (let position = 0; position < textLines.length; position++) {
    const index = textLines[position];
    const line = lines[index];
    const first = blankEnd(text, line.start, line.end);
    // Only a line starting with one of the footer words is sliced and tested.
    const opening = line.kind === 'content' && FOOTER_FIRST.has(text.charCodeAt(first)) ? text.slice(first, Math.min(line.end, first + 8)) : '';
    if (opening && FOOTER_LINE.test(opening)) {
      run.push(index);
      strong ||= FOOTER_STRONG.test(opening);
    } else {
      closeRun(false);
    }
  }
  closeRun(true);
  return footer;
}

/**
 * Measure markers in flow[start, end), each at a sentence boundary (so 统一是 and 之一是 are not markers). A
 * marker of the other style (一要 among 一是) counts only where it continues the sequence, as in 一是…二要…: a
 * stray 三要 inside a sentence is ordinary text. More markers than any item numbers are not one item's measures
 * but several items run together (a draft whose line breaks were lost): none is taken, so that no rule judges
 * every item's 一是 as a repeat and no outline lists thousands of them.
 */
function findMeasures(flow: Flow, start: number, end: number, headlineEnd: number): Measure[] {
  const text = flow.text;
  const candidates = flow.markerCandidates();
  const atBoundary: MarkerCandidate[] = [];
  let shi = 0;
  for (let index = flow.firstCandidateAt(start); index < candidates.length; index++) {
    const candidate = candidates[index];
    const at = candidate.at;
    if (at + candidate.numeralLength + 1 > end) break;
    const before = text.charCodeAt(at - 1);
    // After a closing quote that ends a sentence (…“我要分。”二是…) a marker starts the next one.
    const afterQuotedStop = before === 0x201d /* ” */ && at - 2 >= start && SENTENCE_STOP.has(text.charCodeAt(at - 2));
    if (at === start || at === headlineEnd || isBlankCode(before) || MARKER_BOUNDARY.has(before) || afterQuotedStop) {
      atBoundary.push(candidate);
      if (candidate.suffix === '是') shi++;
    }
  }
  const style = shi * 2 >= atBoundary.length ? '是' : '要';
  const measures: Measure[] = [];
  for (const candidate of atBoundary) {
    const previous = measures.length ? measures[measures.length - 1].value : 0;
    if (candidate.suffix !== style && candidate.value !== previous + 1) continue;
    const numeralEnd = candidate.at + candidate.numeralLength;
    // Explicit properties, not a spread of the span: object spread is the slow path in V8.
    measures.push({
      start: flow.offsetAt(candidate.at),
      end: flow.offsetAt(numeralEnd) + 1,
      value: candidate.value,
      numeral: flow.span(candidate.at, numeralEnd),
      suffix: candidate.suffix,
    });
  }
  return measures.length > MAX_MEASURES ? [] : measures;
}

/**
 * The marker that ends an item's headline, as its flow index (where the body starts), or -1 when the item has no
 * headline: the headline runs from the item's start to the whitespace or line break before its first marker,
 * without sentence punctuation. With `firstMarkerOnly` (used to tell whether a line opens an item) the marker
 * must be 一是 or 一要; otherwise any marker will do, so that an item whose numbering starts wrong still has its
 * headline, and the headline may end with a stop (`区教育局推进工作。 一是…`: a defect for headline-format).
 * An index rather than the headline's span: most callers only need to know where the body starts.
 */
function headlineMarker(flow: Flow, start: number, end: number, firstMarkerOnly: boolean): number {
  const text = flow.text;
  const limit = Math.min(end, start + HEADLINE_MAX + 4);
  const candidates = flow.markerCandidates();
  for (let index = flow.firstCandidateAt(start + 1); index < candidates.length && candidates[index].at < limit; index++) {
    const { at, value } = candidates[index];
    if (firstMarkerOnly && value !== 1) continue;
    if (!isBlankCode(text.charCodeAt(at - 1)) && !flow.isLineStart(at)) continue;
    let headlineEnd = at;
    while (headlineEnd > start && isBlankCode(text.charCodeAt(headlineEnd - 1))) headlineEnd--;
    if (headlineEnd === start || hasCodeIn(text, start, firstMarkerOnly ? headlineEnd : headlineEnd - 1, HEADLINE_STOPS)) return -1;
    return at;
  }
  return -1;
}

/** The span of the headline that starts at flow index `start` and ends before the blanks before its marker. */
function headlineSpan(flow: Flow, start: number, marker: number): Span {
  let end = marker;
  while (end > start && isBlankCode(flow.text.charCodeAt(end - 1))) end--;
  return flow.span(start, end);
}

/** A parenthesised group closing flow[.., end): the attribution candidate. */
function trailingGroup(text: string, end: number, floor: number): { open: number; close: number } | undefined {
  const close = end - 1;
  if (close <= floor || !CLOSE_PARENS.has(text.charCodeAt(close))) return undefined;
  for (let open = close - 1; open >= floor && close - open <= ATTRIBUTION_REACH; open--) {
    const code = text.charCodeAt(open);
    if (OPEN_PARENS.has(code)) return { open, close };
    if (CLOSE_PARENS.has(code)) return undefined;
  }
  return undefined;
}

/** An opening parenthesis whose group runs to flow[.., end) unclosed: `。（区教育局` at an item's end. */
function unclosedGroup(flow: Flow, end: number, floor: number): number | undefined {
  // Most lines have no opening parenthesis within reach: the flow's index of them says so without a scan.
  const open = flow.openParens.last(Math.max(floor, end - ATTRIBUTION_REACH), end);
  if (open < 0) return undefined;
  const text = flow.text;
  for (let at = open + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (CLOSE_PARENS.has(code) || MARKER_BOUNDARY.has(code)) return undefined;
  }
  return open;
}

/** The attribution for flow[open, innerEnd) plus the closing parenthesis when `closed`. */
function toAttribution(text: string, flow: Flow, open: number, innerEnd: number, closed: boolean): Attribution | undefined {
  const inner = flow.text.slice(open + 1, innerEnd);
  if (!ATTRIBUTION_INNER.test(inner) || !NOT_BLANK.test(inner)) return undefined;
  const span = flow.span(open, closed ? innerEnd + 1 : innerEnd);
  const byline = BYLINE.test(flow.text.slice(open, innerEnd));
  const units: Attribution['units'] = [];
  if (!byline) {
    let partStart = open + 1;
    for (let at = open + 1; at <= innerEnd; at++) {
      if (at < innerEnd && !UNIT_SEPARATORS.has(flow.text.charCodeAt(at))) continue;
      let nameStart = partStart;
      let nameEnd = at;
      while (nameStart < nameEnd && isBlankCode(flow.text.charCodeAt(nameStart))) nameStart++;
      while (nameEnd > nameStart && isBlankCode(flow.text.charCodeAt(nameEnd - 1))) nameEnd--;
      if (nameEnd > nameStart) units.push({ start: flow.offsetAt(nameStart), end: flow.offsetAt(nameEnd - 1) + 1, name: flow.text.slice(nameStart, nameEnd) });
      partStart = at + 1;
    }
  }
  return {
    start: span.start,
    end: span.end,
    open: text[span.start],
    close: closed ? text[span.end - 1] : '',
    inner: flow.span(open + 1, innerEnd),
    units,
    byline,
  };
}

/** The parenthesised group at the end of flow[floor, end), closed or not, and whether it follows a sentence. */
interface LastGroup {
  attribution: Attribution;
  /** Flow index of the opening parenthesis. */
  open: number;
  closed: boolean;
  /** After a sentence stop, a closing quote or parenthesis, or at a line start: where attributions stand. */
  placed: boolean;
}

function lastGroup(text: string, flow: Flow, floor: number, end: number): LastGroup | undefined {
  const chars = flow.text;
  const group = trailingGroup(chars, end, floor);
  const open = group ? group.open : unclosedGroup(flow, end, floor);
  if (open === undefined || open <= floor) return undefined;
  const attribution = toAttribution(text, flow, open, group ? group.close : end, !!group);
  if (!attribution) return undefined;
  const placed = BEFORE_ATTRIBUTION.has(chars.charCodeAt(open - 1)) || flow.isLineStart(open);
  return { attribution, open, closed: !!group, placed };
}

/**
 * The attribution closing a block's line flow[floor, end): a parenthesised group after a sentence or on a line
 * of its own; a group right before the next block once the block's body has begun — past `bodyStart` (a
 * brief's mark, an item's 一是) or after a sentence — so that 拥军企业（门店） ending a wrapped headline line is
 * not taken; or, before the next block, a group after a sentence that is missing its closing parenthesis.
 * Whether the next flow line opens a block is only asked when needed.
 */
function closingAttribution(text: string, flow: Flow, floor: number, end: number, bodyStart: number, nextLine: number): LastGroup | undefined {
  const group = lastGroup(text, flow, floor, end);
  if (!group) return undefined;
  if (group.placed) return group.closed || opensBlock(flow, nextLine) ? group : undefined;
  const inBody = group.closed && (group.open > bodyStart || flow.sentenceStops.last(floor, group.open) >= 0);
  return inBody && opensBlock(flow, nextLine) ? group : undefined;
}

/** Whether a flow line opens a new item: a headline followed by its 一是. */
function opensItem(flow: Flow, flowLine: number): boolean {
  const start = flow.lineStarts[flowLine];
  const lineEnd = flow.lineEnd(flowLine);
  // A line that starts with closing or pausing punctuation continues the line before it.
  if (CONTINUES_LINE.has(flow.text.charCodeAt(start))) return false;
  const headlineOnItsOwn = flow.text.startsWith('一是', lineEnd) || flow.text.startsWith('一要', lineEnd);
  // Most lines have no 一是 near their start: the flow's list of them says so without a scan.
  const nearest = flow.firstMarkers.next(start + 1);
  if (!headlineOnItsOwn && !(nearest >= 0 && nearest < Math.min(lineEnd + 2, start + HEADLINE_MAX + 4))) return false;
  if (headlineMarker(flow, start, Math.min(flow.text.length, lineEnd + 2), true) >= 0) return true;
  // A headline on a line of its own (sample 001): no punctuation, and the next line starts with 一是.
  return headlineOnItsOwn && lineEnd - start <= HEADLINE_MAX && !hasCodeIn(flow.text, start, lineEnd, HEADLINE_PUNCTUATION);
}

function opensBlock(flow: Flow, flowLine: number): boolean {
  return flowLine >= flow.lineCount || BRIEF_MARKS.has(flow.text.charCodeAt(flow.lineStarts[flowLine])) || opensItem(flow, flowLine);
}

function parseItems(text: string, lines: Line[], contentLines: ArrayLike<number>): Block[] {
  const flow = new Flow(text, lines, contentLines);
  const flowText = flow.text;
  const blocks: Block[] = [];
  for (let flowLine = 0; flowLine < flow.lineCount;) {
    const blockStart = flow.lineStarts[flowLine];
    const isBrief = BRIEF_MARKS.has(flowText.charCodeAt(blockStart));
    let end = flowText.length;
    let bodyEnd = end;
    let attribution: Attribution | undefined;
    // Once the item's own headline and first marker are behind — for a brief, from its mark on — a line that opens an item
    // starts the next one even without a full stop before it: a block missing both its stop and its attribution
    // must not swallow the next item.
    const ownMarker = isBrief ? blockStart : headlineMarker(flow, blockStart, flowText.length, false);
    const ownBodyStart = ownMarker >= 0 ? ownMarker : Infinity;
    // Walk the lines of the block until one closes it.
    let line = flowLine;
    for (; line < flow.lineCount; line++) {
      const lineEnd = flow.lineEnd(line);
      const closing = closingAttribution(text, flow, blockStart, lineEnd, ownBodyStart, line + 1);
      if (closing) {
        attribution = closing.attribution;
        end = lineEnd;
        bodyEnd = closing.open;
        break;
      }
      if (line + 1 >= flow.lineCount) break;
      const nextStart = flow.lineStarts[line + 1];
      const mayEnd = SENTENCE_STOP.has(flowText.charCodeAt(lineEnd - 1)) || ownBodyStart < lineEnd;
      if (BRIEF_MARKS.has(flowText.charCodeAt(nextStart)) || (mayEnd && opensItem(flow, line + 1))) {
        end = bodyEnd = lineEnd;
        break;
      }
    }
    const marker = isBrief ? -1 : headlineMarker(flow, blockStart, end, false);
    blocks.push({
      kind: isBrief ? 'brief' : 'item',
      start: flow.offsetAt(blockStart),
      end: flow.offsetAt(end - 1) + 1,
      headline: marker >= 0 ? headlineSpan(flow, blockStart, marker) : undefined,
      measures: findMeasures(flow, marker >= 0 ? marker : blockStart, Math.min(bodyEnd, end), marker),
      attribution,
      sections: [],
    });
    flowLine = line + 1;
  }
  return blocks;
}

/** Articles: `## title` … byline; `### unit` sections inside; `## 简讯` holding `●` briefs closed by bylines. */
function parseArticles(text: string, lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const levels = lines.map(line => (line.kind === 'heading' ? headingLevel(text, line) : 0));
  const opensArticle = (index: number) => levels[index] > 0 && levels[index] <= 2;
  let index = 0;
  // Content before the first heading is not part of any article.
  while (index < lines.length && !opensArticle(index)) index++;
  while (index < lines.length) {
    let stop = index + 1;
    while (stop < lines.length && !opensArticle(stop)) stop++;
    const bodyLines: number[] = [];
    for (let at = index + 1; at < stop; at++) if (lines[at].kind === 'content' || lines[at].kind === 'heading') bodyLines.push(at);
    const title = trimSpan(text, lines[index].start + levels[index] + 1, lines[index].end);
    if (text.startsWith('简讯', title.start)) blocks.push(...parseBriefs(text, lines, bodyLines));
    else blocks.push(parseArticle(text, lines, levels, index, bodyLines));
    index = stop;
  }
  return blocks;
}

function parseArticle(text: string, lines: Line[], levels: readonly number[], headingIndex: number, bodyLines: readonly number[]): Block {
  const titleOf = (index: number) => trimSpan(text, lines[index].start + levels[index] + 1, lines[index].end);
  const end = bodyLines.length ? lines[bodyLines[bodyLines.length - 1]].end : lines[headingIndex].end;
  const article: Block = { kind: 'article', start: lines[headingIndex].start, end, headline: titleOf(headingIndex), measures: [], sections: [] };
  // Sections split the body at ### headings; each part is read as one flow.
  let owner = article;
  let segment: number[] = [];
  const closeSegment = () => {
    const flow = new Flow(text, lines, segment);
    owner.measures.push(...findMeasures(flow, 0, flow.text.length, -1));
    owner.attribution = articleByline(text, flow);
    if (owner === article && !owner.attribution) owner.attribution = leadingByline(text, flow);
    if (owner !== article && segment.length) owner.end = lines[segment[segment.length - 1]].end;
    segment = [];
  };
  for (const at of bodyLines) {
    if (lines[at].kind !== 'heading') {
      segment.push(at);
      continue;
    }
    closeSegment();
    owner = { kind: 'section', start: lines[at].start, end: lines[at].end, headline: titleOf(at), measures: [], sections: [] };
    article.sections.push(owner);
  }
  closeSegment();
  if (!article.attribution && article.sections.length) article.attribution = article.sections[article.sections.length - 1].attribution;
  return article;
}

/** The byline (or unit attribution) closing an article, section or brief: the group its text ends with. */
function articleByline(text: string, flow: Flow): Attribution | undefined {
  const group = lastGroup(text, flow, 0, flow.text.length);
  return group && (group.attribution.byline || group.placed) ? group.attribution : undefined;
}

/** A byline at the start of an article's body, newspaper style: `本报讯（记者 张怡馨）3月5日，…`. */
function leadingByline(text: string, flow: Flow): Attribution | undefined {
  const chars = flow.text;
  const limit = Math.min(chars.length, LEADING_BYLINE_REACH);
  for (let open = 0; open < limit; open++) {
    if (!OPEN_PARENS.has(chars.charCodeAt(open))) continue;
    for (let close = open + 1; close < chars.length && close - open <= ATTRIBUTION_REACH; close++) {
      if (!CLOSE_PARENS.has(chars.charCodeAt(close))) continue;
      const attribution = toAttribution(text, flow, open, close, true);
      return attribution?.byline ? attribution : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The `●` briefs of a 简讯 article, each running to the next mark and closed by its byline. */
function parseBriefs(text: string, lines: Line[], bodyLines: readonly number[]): Block[] {
  const groups: number[][] = [];
  for (const at of bodyLines) {
    if (lines[at].kind !== 'content') continue;
    const first = trimSpan(text, lines[at].start, lines[at].end).start;
    if (BRIEF_MARKS.has(text.charCodeAt(first))) groups.push([at]);
    else if (groups.length) groups[groups.length - 1].push(at);
  }
  return groups.map(group => {
    const flow = new Flow(text, lines, group);
    const span = flow.span(0, flow.text.length);
    return { kind: 'brief', start: span.start, end: span.end, measures: [], attribution: articleByline(text, flow), sections: [] };
  });
}

/**
 * Outside a quotation, its openers; inside “…”, the closer and the full stops that may end it early; inside 《…》, the
 * closer. The openers are exported for the incremental re-lint, which must see the same openers as this scan.
 */
export const QUOTE_OPENERS = /[“《]/g;
const QUOTE_INSIDE = /[”。]/g;
const TITLE_INSIDE = /》/g;
const RIGHT_QUOTE = 0x201d; // ”
const LEFT_QUOTE = 0x201c; // “

/**
 * Balanced “…” and 《…》 spans in content lines; a “ left open at a full stop is dropped, so one stray quote cannot
 * swallow the rest. The scan looks for the few characters that matter in each state, never at every 。 of the text.
 */
function findQuoted(text: string, lines: readonly Line[]): Span[] {
  const spans: Span[] = [];
  let lineIndex = 0;
  const onContentLine = (offset: number) => {
    while (offset >= lines[lineIndex].next && lineIndex < lines.length - 1) lineIndex++;
    return lines[lineIndex].kind === 'content';
  };
  let from = 0;
  for (;;) {
    QUOTE_OPENERS.lastIndex = from;
    const openAt = nextMatchOffset(QUOTE_OPENERS, text);
    if (openAt < 0) return spans;
    from = openAt + 1;
    if (!onContentLine(openAt)) continue;
    const inside = text.charCodeAt(openAt) === LEFT_QUOTE ? QUOTE_INSIDE : TITLE_INSIDE;
    inside.lastIndex = from;
    for (let at = nextMatchOffset(inside, text); at >= 0; at = nextMatchOffset(inside, text)) {
      if (!onContentLine(at)) continue;
      if (text.charCodeAt(at) !== 0x3002 /* 。 */) {
        spans.push({ start: openAt, end: at + 1 });
        from = at + 1;
        break;
      }
      // A quotation rarely runs across a full stop that is not its own last character: drop the opener.
      if (text.charCodeAt(at + 1) !== RIGHT_QUOTE) {
        from = at + 1;
        break;
      }
    }
    if (inside.lastIndex === 0) return spans;
  }
}

/**
 * The span containing an offset, among sorted, non-overlapping spans (lines, blocks, attributions), for offsets
 * asked in ascending order: a rule walking the text in order pays one step per span, never a search.
 */
export class SpanCursor<T extends Span> {
  private index = 0;

  constructor(private readonly spans: readonly T[]) {}

  at(offset: number): T | undefined {
    while (this.index < this.spans.length && this.spans[this.index].end <= offset) this.index++;
    const span = this.spans[this.index];
    return span && span.start <= offset ? span : undefined;
  }
}

/**
 * A short span's text as the parser reads it: line breaks, and the blanks around them, removed (a headline or
 * attribution wrapped by extraction, `（通航试验区\n\n管委会）`, reads `（通航试验区管委会）`). A byline wants
 * `joint` ' ': there a break stands for the space between two names.
 */
export function flowText(text: string, span: Span, joint = ''): string {
  const written = text.slice(span.start, span.end);
  if (!/[\r\n]/.test(written)) return written;
  const pieces = written.split(/\r\n|\r|\n/);
  const last = pieces.length - 1;
  return pieces
    .map((piece, index) => {
      let from = 0;
      let to = piece.length;
      if (index > 0) while (from < to && isBlankCode(piece.charCodeAt(from))) from++;
      if (index < last) while (to > from && isBlankCode(piece.charCodeAt(to - 1))) to--;
      return piece.slice(from, to);
    })
    .filter(piece => piece.length > 0)
    .join(joint);
}

export function parseDocument(text: string, dialect?: Dialect): BulletinDocument {
  const lines = splitLines(text);
  const resolvedDialect = dialect ?? detectDialect(text, lines);
  let header: Header | undefined;
  let footer: Span | undefined;
  let blocks: Block[];
  if (resolvedDialect === 'articles') {
    for (const line of lines) if (line.kind === 'content' && headingLevel(text, line)) line.kind = 'heading';
    blocks = parseArticles(text, lines);
  } else {
    // The lines with text, listed once: the header, the footer and the items are read from them in turn.
    const textLines = indexesOfKind(lines, 'content');
    header = markHeader(text, lines, textLines);
    footer = markFooter(text, lines, textLines);
    blocks = parseItems(text, lines, indexesOfKind(lines, 'content', textLines));
  }
  const quoted = findQuoted(text, lines);
  const lineFinder = new SpanFinder(lines);
  const quoteFinder = new SpanFinder(quoted);
  const lineIndexAt = (offset: number) => Math.max(0, lineFinder.lastStartingAt(offset));
  return {
    text,
    dialect: resolvedDialect,
    lines,
    header,
    footer,
    blocks,
    quoted,
    lineIndexAt,
    isProse: (offset: number) => lines[lineIndexAt(offset)].kind === 'content',
    isQuoted: (offset: number) => {
      const index = quoteFinder.lastStartingAt(offset);
      return index >= 0 && offset < quoted[index].end;
    },
  };
}
