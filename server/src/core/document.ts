// Parses a draft into the document model the rules read: lines with their kinds, the issue header and footer,
// and blocks (items, briefs, articles, sections) with headline, measure markers and attribution.
//
// Drafts arrive as PDF or Word extractions, so the parser never trusts blank lines: an item ends at its closing
// attribution, at a brief mark (△ ●), at the next headline, or at the footer. Hard wraps are undone by reading
// the content lines as one "flow" (line texts concatenated, trimmed), with a map back to text offsets.

import { isBlankChar, parseChineseNumeral } from './chinese';
import type { Dialect, Span } from './types';

export type LineKind = 'blank' | 'header' | 'footer' | 'furniture' | 'heading' | 'content';

export interface Line extends Span {
  kind: LineKind;
  /** Offset just past the line break (equals `end` on the last line without one). */
  next: number;
}

/** A measure marker such as 二是: the span covers the numeral and the suffix. */
export interface Measure extends Span {
  value: number;
  numeral: Span;
  suffix: '是' | '要';
}

/** The closing unit attribution `（区教育局）` or byline `（记者 张怡馨）`: the span includes the parentheses. */
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

const FURNITURE = /^[\s\u3000]*(?:[—–\-－]{1,2}[\s\u3000]*\d{1,4}[\s\u3000]*[—–\-－]{1,2}|第[\s\u3000]*\d{1,4}[\s\u3000]*页(?:[\s\u3000]*共[\s\u3000]*\d{1,4}[\s\u3000]*页)?)[\s\u3000]*$/;
const HEADING = /^#{1,6}[ \t]/;
const ISSUE_LINE = /^[\s\u3000]*第[\s\u3000]*[\d一二三四五六七八九十〇零百]+[\s\u3000]*期[\s\u3000]*$/;
const DATE_LINE = /^[\s\u3000]*\d{4}[\s\u3000]*年[\s\u3000]*\d{1,2}[\s\u3000]*月[\s\u3000]*\d{1,2}[\s\u3000]*日[\s\u3000]*$/;
const FOOTER_LINE = /^[\s\u3000]*(?:本期送|送|发|抄送|报|责任编辑|编辑|审核|签发|印发|共印)[\s\u3000]*[：:]/;
const BYLINE = /^[（(][\s\u3000]*(?:本报)?(?:记者|通讯员|文|图|作者|编辑)/;
const BRIEF_MARK = /^[△▲●]/;
/** A marker candidate: a numeral of up to three characters and 是 or 要. */
const MARKER = /([一二三四五六七八九十]{1,3})([是要])/g;
/** An attribution's text: short, without sentence punctuation or nested parentheses. */
const ATTRIBUTION_INNER = /^[^（）()。，；！？：\n]{2,60}$/;
const SENTENCE_STOP = '。！？';
const MARKER_BOUNDARY = '。！？；：，';
const HEADLINE_MAX = 80;

/** Content lines read as one text, hard wraps undone. */
class Flow {
  text = '';
  /** Text offset of each flow index. */
  offsets: Int32Array;
  /** Flow indices where a new source line begins, ascending. */
  lineStarts: number[] = [];
  /** Index into the document's lines of each flow line. */
  lineIndexes: number[] = [];

  constructor(source: string, lines: readonly Line[], lineIndexes: number[]) {
    const parts: string[] = [];
    let length = 0;
    const trimmed: Array<[number, number]> = [];
    for (const index of lineIndexes) {
      let { start, end } = lines[index];
      while (start < end && isBlankChar(source[start])) start++;
      while (end > start && isBlankChar(source[end - 1])) end--;
      if (start === end) continue;
      trimmed.push([start, end]);
      this.lineStarts.push(length);
      this.lineIndexes.push(index);
      parts.push(source.slice(start, end));
      length += end - start;
    }
    this.text = parts.join('');
    this.offsets = new Int32Array(length + 1);
    let flowIndex = 0;
    for (const [start, end] of trimmed) {
      for (let offset = start; offset < end; offset++) this.offsets[flowIndex++] = offset;
    }
    this.offsets[length] = trimmed.length ? trimmed[trimmed.length - 1][1] : 0;
  }

  /** The text span covering flow[start, end). */
  span(start: number, end: number): Span {
    return end > start ? { start: this.offsets[start], end: this.offsets[end - 1] + 1 } : { start: this.offsets[start], end: this.offsets[start] };
  }

  /** Whether flow[start, end) is one unbroken run of the text (no line break inside). */
  contiguous(start: number, end: number): boolean {
    return end <= start || this.offsets[end - 1] - this.offsets[start] === end - 1 - start;
  }

  /** The flow line containing a flow index. */
  lineOf(flowIndex: number): number {
    return upperBound(this.lineStarts, flowIndex) - 1;
  }

  lineEnd(flowLine: number): number {
    return flowLine + 1 < this.lineStarts.length ? this.lineStarts[flowLine + 1] : this.text.length;
  }

  isLineStart(flowIndex: number): boolean {
    const line = this.lineOf(flowIndex);
    return line >= 0 && this.lineStarts[line] === flowIndex;
  }
}

/** Index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let end = start;
    while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (end < length) next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    const content = text.slice(start, end);
    let kind: LineKind = 'content';
    if (/^[\s\u3000\ufeff]*$/.test(content)) kind = 'blank';
    else if (FURNITURE.test(content)) kind = 'furniture';
    lines.push({ start, end, next, kind });
    if (end >= length) break;
    start = next;
  }
  return lines;
}

function detectDialect(text: string, lines: readonly Line[]): Dialect {
  for (const line of lines) {
    if (line.kind === 'content' && text.startsWith('##', line.start) && HEADING.test(text.slice(line.start, Math.min(line.end, line.start + 8)))) {
      return 'articles';
    }
  }
  return 'items';
}

/** The trimmed span of a line's text. */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isBlankChar(text[start])) start++;
  while (end > start && isBlankChar(text[end - 1])) end--;
  return { start, end };
}

function markHeader(text: string, lines: Line[]): Header | undefined {
  const firstLines: number[] = [];
  for (let index = 0; index < lines.length && firstLines.length < 6; index++) {
    if (lines[index].kind === 'content') firstLines.push(index);
  }
  const lineText = (index: number) => text.slice(lines[index].start, lines[index].end);
  const issueAt = firstLines.slice(0, 4).findIndex(index => ISSUE_LINE.test(lineText(index)));
  if (issueAt < 0) return undefined;
  let last = issueAt;
  const dateAt = firstLines.findIndex((index, position) => position > issueAt && DATE_LINE.test(lineText(index)));
  if (dateAt >= 0) last = dateAt;
  const header: Header = { start: lines[firstLines[0]].start, end: lines[firstLines[last]].end };
  for (let position = 0; position <= last; position++) {
    const index = firstLines[position];
    lines[index].kind = 'header';
    const span = trimSpan(text, lines[index].start, lines[index].end);
    if (position === issueAt) header.issue = span;
    else if (position === dateAt) header.date = span;
    else if (position < issueAt) header.title ??= span;
    else header.office ??= span;
  }
  return header;
}

function markFooter(text: string, lines: Line[]): Span | undefined {
  let first = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index];
    if (line.kind === 'blank' || line.kind === 'furniture') continue;
    if (line.kind === 'content' && FOOTER_LINE.test(text.slice(line.start, line.end))) first = index;
    else break;
  }
  if (first < 0) return undefined;
  let last = first;
  for (let index = first; index < lines.length; index++) {
    if (lines[index].kind === 'content') {
      lines[index].kind = 'footer';
      last = index;
    }
  }
  return { start: lines[first].start, end: lines[last].end };
}

/** Measure markers in flow[start, end), each at a sentence boundary (so 统一是 and 之一是 are not markers). */
function findMeasures(flow: Flow, start: number, end: number, headlineEnd: number): Measure[] {
  const measures: Measure[] = [];
  const text = flow.text;
  MARKER.lastIndex = start;
  for (let match = MARKER.exec(text); match && match.index < end; match = MARKER.exec(text)) {
    const at = match.index;
    const numeral = match[1];
    if (at + match[0].length > end) break;
    const before = at > start ? text[at - 1] : '';
    const sourceBefore = flow.offsets[at] > 0 ? flow.offsets[at] - 1 : -1;
    const afterBlank = at === start || at === headlineEnd || isBlankChar(text[at - 1]) ||
      (flow.isLineStart(at) && MARKER_BOUNDARY.includes(before)) || (sourceBefore >= 0 && flow.offsets[at - 1] !== sourceBefore && isBlankChar(text[at - 1]));
    if (!(afterBlank || MARKER_BOUNDARY.includes(before))) {
      MARKER.lastIndex = at + 1;
      continue;
    }
    const value = parseChineseNumeral(numeral);
    if (!value) {
      MARKER.lastIndex = at + 1;
      continue;
    }
    // 一要 is only a marker style when it opens a sentence; 是 markers are the house style.
    const suffix = match[2] as '是' | '要';
    measures.push({ ...flow.span(at, at + match[0].length), value, numeral: flow.span(at, at + numeral.length), suffix });
  }
  return measures;
}

/** The headline of an item: from its start to the whitespace or line break before its first 一是 marker. */
function findHeadline(flow: Flow, start: number, end: number): { headline: Span; bodyStart: number } | undefined {
  const text = flow.text;
  const limit = Math.min(end, start + HEADLINE_MAX + 4);
  for (let at = text.indexOf('一是', start); at >= 0 && at < limit; at = text.indexOf('一是', at + 1)) {
    const separated = isBlankChar(text[at - 1]) || flow.isLineStart(at);
    if (!separated || at === start) continue;
    let headlineEnd = at;
    while (headlineEnd > start && isBlankChar(text[headlineEnd - 1])) headlineEnd--;
    const candidate = text.slice(start, headlineEnd);
    if (candidate.length === 0 || /[。！？；]/.test(candidate)) return undefined;
    return { headline: flow.span(start, headlineEnd), bodyStart: at };
  }
  return undefined;
}

/** A parenthesised group closing flow[.., end): the attribution candidate. */
function trailingGroup(text: string, end: number, floor: number): { open: number; close: number } | undefined {
  const close = end - 1;
  if (close <= floor || (text[close] !== '）' && text[close] !== ')')) return undefined;
  for (let open = close - 1; open >= floor && close - open <= 62; open--) {
    const char = text[open];
    if (char === '（' || char === '(') return { open, close };
    if (char === '）' || char === ')') return undefined;
  }
  return undefined;
}

function toAttribution(text: string, flow: Flow, open: number, close: number): Attribution | undefined {
  const inner = flow.text.slice(open + 1, close);
  if (!ATTRIBUTION_INNER.test(inner) || !/[^\s\u3000]/.test(inner)) return undefined;
  const span = flow.span(open, close + 1);
  const innerSpan = flow.span(open + 1, close);
  const byline = BYLINE.test(flow.text.slice(open, close));
  const units: Attribution['units'] = [];
  if (!byline) {
    let partStart = open + 1;
    for (let at = open + 1; at <= close; at++) {
      if (at === close || flow.text[at] === '、') {
        let s = partStart;
        let e = at;
        while (s < e && isBlankChar(flow.text[s])) s++;
        while (e > s && isBlankChar(flow.text[e - 1])) e--;
        if (e > s) units.push({ ...flow.span(s, e), name: flow.text.slice(s, e) });
        partStart = at + 1;
      }
    }
  }
  return { ...span, open: text[span.start], close: text[span.end - 1], inner: innerSpan, units, byline };
}

/** Whether the flow line starting at `flowIndex` opens a new item: a headline followed by its 一是. */
function opensItem(flow: Flow, flowLine: number): boolean {
  const start = flow.lineStarts[flowLine];
  const lineEnd = flow.lineEnd(flowLine);
  const found = findHeadline(flow, start, Math.min(flow.text.length, lineEnd + 2));
  if (found) return true;
  // A headline on a line of its own (sample 001): no punctuation, and the next line starts with 一是.
  const line = flow.text.slice(start, lineEnd);
  return line.length <= HEADLINE_MAX && !/[。！？；，：]/.test(line) && flow.text.startsWith('一是', lineEnd);
}

function parseItems(text: string, lines: Line[]): Block[] {
  const contentLines: number[] = [];
  lines.forEach((line, index) => { if (line.kind === 'content') contentLines.push(index); });
  const flow = new Flow(text, lines, contentLines);
  const blocks: Block[] = [];
  const flowText = flow.text;
  let blockStart = 0;
  let flowLine = 0;
  while (blockStart < flowText.length) {
    const isBrief = BRIEF_MARK.test(flowText[blockStart]);
    let end = flowText.length;
    let attribution: Attribution | undefined;
    let bodyEnd = flowText.length;
    // Walk the lines of the block until one closes it.
    for (let line = flowLine; line < flow.lineStarts.length; line++) {
      const lineEnd = flow.lineEnd(line);
      const nextLine = line + 1;
      if (lineEnd > blockStart) {
        const group = trailingGroup(flowText, lineEnd, blockStart);
        if (group) {
          const before = group.open > blockStart ? flowText[group.open - 1] : '';
          const nextStartsBlock = nextLine >= flow.lineStarts.length || BRIEF_MARK.test(flowText[lineEnd]) || opensItem(flow, nextLine);
          if (SENTENCE_STOP.includes(before) || before === '”' || before === '）' || flow.isLineStart(group.open) || nextStartsBlock) {
            attribution = toAttribution(text, flow, group.open, group.close);
            if (attribution) {
              end = lineEnd;
              bodyEnd = group.open;
              flowLine = nextLine;
              break;
            }
          }
        }
      }
      if (nextLine >= flow.lineStarts.length) {
        flowLine = nextLine;
        bodyEnd = end;
        break;
      }
      const nextStart = flow.lineStarts[nextLine];
      if (BRIEF_MARK.test(flowText[nextStart]) || (SENTENCE_STOP.includes(flowText[lineEnd - 1]) && opensItem(flow, nextLine))) {
        end = bodyEnd = lineEnd;
        flowLine = nextLine;
        break;
      }
    }
    const headlineInfo = isBrief ? undefined : findHeadline(flow, blockStart, end);
    const measures = findMeasures(flow, headlineInfo?.bodyStart ?? blockStart, Math.min(bodyEnd, end), headlineInfo?.bodyStart ?? -1);
    blocks.push({
      kind: isBrief ? 'brief' : 'item',
      ...flow.span(blockStart, end),
      headline: headlineInfo?.headline,
      measures,
      attribution,
      sections: [],
    });
    blockStart = end;
  }
  return blocks;
}

/** Articles: `## title` … byline; `### unit` sections inside; `## 简讯` holding `●` briefs closed by bylines. */
function parseArticles(text: string, lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const headingLevel = (line: Line) => {
    const match = /^(#{1,6})[ \t]/.exec(text.slice(line.start, line.start + 7));
    return match ? match[1].length : 0;
  };
  const titleSpan = (line: Line) => trimSpan(text, line.start + headingLevel(line) + 1, line.end);
  let index = 0;
  // Content before the first heading is not part of any article.
  while (index < lines.length && !(lines[index].kind === 'heading' && headingLevel(lines[index]) <= 2)) index++;
  while (index < lines.length) {
    const headingLine = lines[index];
    let stop = index + 1;
    while (stop < lines.length && !(lines[stop].kind === 'heading' && headingLevel(lines[stop]) <= 2)) stop++;
    const title = titleSpan(headingLine);
    const bodyLines: number[] = [];
    for (let at = index + 1; at < stop; at++) if (lines[at].kind === 'content' || lines[at].kind === 'heading') bodyLines.push(at);
    const end = bodyLines.length ? lines[bodyLines[bodyLines.length - 1]].end : headingLine.end;
    if (/^简讯/.test(text.slice(title.start, title.end))) {
      blocks.push(...parseBriefs(text, lines, bodyLines));
    } else {
      const article: Block = { kind: 'article', start: headingLine.start, end, headline: title, measures: [], sections: [] };
      // Sections split the body at ### headings.
      let segment: number[] = [];
      let section: Block | undefined;
      const closeSegment = () => {
        const flow = new Flow(text, lines, segment.filter(at => lines[at].kind === 'content'));
        const owner = section ?? article;
        owner.measures.push(...findMeasures(flow, 0, flow.text.length, -1));
        const last = segment.length ? segment[segment.length - 1] : -1;
        if (last >= 0 && lines[last].kind === 'content') {
          const lineText = text.slice(lines[last].start, lines[last].end);
          const trimmed = trimSpan(text, lines[last].start, lines[last].end);
          if (BYLINE.test(lineText.trim())) owner.attribution = bylineOf(text, trimmed);
        }
        if (section) section.end = last >= 0 ? lines[last].end : section.end;
        segment = [];
      };
      for (const at of bodyLines) {
        if (lines[at].kind === 'heading') {
          closeSegment();
          section = { kind: 'section', start: lines[at].start, end: lines[at].end, headline: titleSpan(lines[at]), measures: [], sections: [] };
          article.sections.push(section);
        } else segment.push(at);
      }
      closeSegment();
      if (!article.attribution && article.sections.length) {
        article.attribution = article.sections[article.sections.length - 1].attribution;
      }
      blocks.push(article);
    }
    index = stop;
  }
  return blocks;
}

function bylineOf(text: string, span: Span): Attribution {
  return {
    ...span,
    open: text[span.start],
    close: text[span.end - 1],
    inner: { start: span.start + 1, end: /[)）]/.test(text[span.end - 1]) ? span.end - 1 : span.end },
    units: [],
    byline: true,
  };
}

function parseBriefs(text: string, lines: Line[], bodyLines: number[]): Block[] {
  const briefs: Block[] = [];
  let current: Block | undefined;
  for (const at of bodyLines) {
    const line = lines[at];
    const span = trimSpan(text, line.start, line.end);
    const lineText = text.slice(span.start, span.end);
    if (BRIEF_MARK.test(lineText)) {
      current = { kind: 'brief', start: span.start, end: span.end, measures: [], sections: [] };
      briefs.push(current);
    } else if (current) {
      current.end = span.end;
      if (BYLINE.test(lineText)) {
        current.attribution = bylineOf(text, span);
        current = undefined;
      }
    }
  }
  return briefs;
}

/** Balanced “…” and 《…》 spans, read per line run so that one stray quote cannot swallow the rest. */
function findQuoted(text: string, lines: readonly Line[]): Span[] {
  const spans: Span[] = [];
  const pairs: Record<string, string> = { '“': '”', '《': '》' };
  let openAt = -1;
  let closer = '';
  for (const line of lines) {
    if (line.kind !== 'content') continue;
    for (let at = line.start; at < line.end; at++) {
      const char = text[at];
      if (openAt < 0) {
        if (char in pairs) {
          openAt = at;
          closer = pairs[char];
        }
      } else if (char === closer) {
        spans.push({ start: openAt, end: at + 1 });
        openAt = -1;
      } else if (char === '。' && closer === '”' && text[at + 1] !== '”') {
        // A quotation rarely runs across a full stop that is not its own last character: drop the opener.
        openAt = -1;
      }
    }
  }
  return spans;
}

export function parseDocument(text: string, dialect?: Dialect): BulletinDocument {
  const lines = splitLines(text);
  const resolvedDialect = dialect ?? detectDialect(text, lines);
  let header: Header | undefined;
  let footer: Span | undefined;
  let blocks: Block[];
  if (resolvedDialect === 'articles') {
    for (const line of lines) if (line.kind === 'content' && HEADING.test(text.slice(line.start, Math.min(line.end, line.start + 8)))) line.kind = 'heading';
    blocks = parseArticles(text, lines);
  } else {
    header = markHeader(text, lines);
    footer = markFooter(text, lines);
    blocks = parseItems(text, lines);
  }
  const quoted = findQuoted(text, lines);
  const lineStarts = lines.map(line => line.start);
  const quoteStarts = quoted.map(span => span.start);
  const lineIndexAt = (offset: number) => Math.max(0, upperBound(lineStarts, offset) - 1);
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
      const index = upperBound(quoteStarts, offset) - 1;
      return index >= 0 && offset < quoted[index].end;
    },
  };
}
