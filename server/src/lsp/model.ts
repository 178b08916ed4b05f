// Reading the document model for the editor features: which block an offset is in, and text as a label shows it.

import type { Block, BulletinDocument, Span } from '../core';

/** Blanks of extracted text, which a character count leaves out. */
const BLANKS = /[\s\u3000\ufeff]+/gu;
/** A hard wrap: line breaks with the blanks around them, which split a word (依托上\n\n街机场) and join without a space. */
const HARD_WRAP = /[ \t\u3000\ufeff]*(?:\r\n|\r|\n)[\s\u3000\ufeff]*/gu;

/** The block containing the offset (its end included: a writer types at the end of an item), and its section. */
export function blockAt(model: BulletinDocument, offset: number): { block: Block; section?: Block } | undefined {
  const blocks = model.blocks;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (blocks[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  const block = blocks[low - 1];
  if (!block || offset > block.end) return undefined;
  const section = block.sections.find(candidate => candidate.start <= offset && offset <= candidate.end);
  return { block, section };
}

export function contains(span: Span | undefined, offset: number): span is Span {
  return !!span && span.start <= offset && offset <= span.end;
}

/**
 * The span's text on one line: hard wraps joined, other blanks (which separate a title's parts or the names in a
 * byline) kept as one space; cut to `maxCharacters` characters, never inside a surrogate pair.
 */
export function labelOf(text: string, span: Span, maxCharacters: number): string {
  const characters = Array.from(text.slice(span.start, span.end).replace(HARD_WRAP, '').replace(BLANKS, ' ').trim());
  return characters.length > maxCharacters ? `${characters.slice(0, maxCharacters).join('')}…` : characters.join('');
}

/** Characters as a writer counts them: Han, letters, digits and punctuation, not blanks or line breaks. */
export function characterCount(text: string, span: Span): number {
  return Array.from(text.slice(span.start, span.end).replace(BLANKS, '')).length;
}
