// The outline (document symbols) and folding ranges, read off the document model: the header, each item by its
// headline with its units as detail and its measures (一是 …) as children, briefs, articles with their ###
// sections, and the footer.

import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Block, BulletinDocument, Locale, Measure, Span } from '../core';
import { toRange } from './edits';
import { localize, messages } from './messages';
import { labelOf } from './model';

const HEADLINE_LABEL_LENGTH = 40;
const BRIEF_LABEL_LENGTH = 30;
const MEASURE_LEAD_LENGTH = 16;
const DETAIL_LENGTH = 40;

const BLOCK_KINDS: Record<Block['kind'], SymbolKind> = {
  item: SymbolKind.Class,
  brief: SymbolKind.Event,
  article: SymbolKind.Module,
  section: SymbolKind.Namespace,
};

export function documentSymbols(document: TextDocument, model: BulletinDocument, locale: Locale): DocumentSymbol[] {
  const text = model.text;
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    detail: detail || undefined,
    kind,
    range: toRange(document, span),
    selectionRange: toRange(document, selection),
    children,
  });

  const blockSymbol = (block: Block): DocumentSymbol => {
    const selection = block.headline ?? { start: block.start, end: Math.min(block.end, block.start + 1) };
    const name = block.headline
      ? labelOf(text, block.headline, HEADLINE_LABEL_LENGTH)
      : labelOf(text, firstSentence(text, block), BRIEF_LABEL_LENGTH);
    const detail = block.attribution
      ? (block.attribution.units.length ? block.attribution.units.map(unit => unit.name).join('、') : labelOf(text, block.attribution.inner, DETAIL_LENGTH))
      : undefined;
    const children = [
      ...measureSymbols(block),
      ...block.sections.map(blockSymbol),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return symbol(name || localize(locale, messages.untitledItem), BLOCK_KINDS[block.kind], block, selection, detail, children);
  };

  const measureSymbols = (owner: Block): DocumentSymbol[] =>
    owner.measures.map((measure, index) => {
      const span = { start: measure.start, end: measureEnd(text, owner, measure, owner.measures[index + 1]) };
      const lead = labelOf(text, leadOf(text, measure, span.end), MEASURE_LEAD_LENGTH);
      const marker = text.slice(measure.start, measure.end);
      return symbol(lead ? `${marker} ${lead}` : marker, SymbolKind.EnumMember, span, measure);
    });

  const symbols: DocumentSymbol[] = [];
  const { header, footer } = model;
  if (header) {
    const name = header.title ? labelOf(text, header.title, HEADLINE_LABEL_LENGTH) : localize(locale, messages.header);
    const detail = [header.issue, header.date].filter((span): span is Span => !!span).map(span => labelOf(text, span, DETAIL_LENGTH)).join(' ');
    symbols.push(symbol(name, SymbolKind.Namespace, header, header.title ?? header, detail));
  }
  symbols.push(...model.blocks.map(blockSymbol));
  if (footer) symbols.push(symbol(localize(locale, messages.footer), SymbolKind.Namespace, footer, footer));
  return symbols;
}

/** Items, briefs, articles and sections that span more than one line fold. */
export function foldingRanges(document: TextDocument, model: BulletinDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (block: Block) => {
    const startLine = document.positionAt(block.start).line;
    const endLine = document.positionAt(block.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
    block.sections.forEach(add);
  };
  model.blocks.forEach(add);
  return ranges;
}

/**
 * A measure runs to the next marker, or to whatever ends its owner's body: a section that follows, the
 * attribution, or the owner's end. Trailing blanks are left out.
 */
function measureEnd(text: string, owner: Block, measure: Measure, next: Measure | undefined): number {
  const ends = [owner.end];
  if (next) ends.push(next.start);
  const section = owner.sections.find(candidate => candidate.start >= measure.end);
  if (section) ends.push(section.start);
  if (owner.attribution && owner.attribution.start >= measure.end) ends.push(owner.attribution.start);
  let end = Math.min(...ends);
  while (end > measure.end && /[\s\u3000]/.test(text[end - 1])) end--;
  return end;
}

/** The measure's lead: its text up to the first stop or comma (一是细化分工。→ 细化分工). */
function leadOf(text: string, measure: Measure, end: number): Span {
  const stop = text.slice(measure.end, end).search(/[。；，：！？,;:!?]/);
  return { start: measure.end, end: stop < 0 ? end : measure.end + stop };
}

/** A brief's (or a headline-less item's) first sentence. */
function firstSentence(text: string, block: Block): Span {
  const stop = text.slice(block.start, block.end).search(/[。！？]/);
  return { start: block.start, end: stop < 0 ? block.end : block.start + stop };
}
