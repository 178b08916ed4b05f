// A draft laid out clean: the fixes of the extraction rules (hard wraps joined, page furniture and markup
// residue removed) applied in one go, then one paragraph per item or brief, the header and footer lines as they
// are. `bulletin-lint extract` writes this; assembly takes each item's paragraph from it.
//
// Nothing but whitespace and what those rules delete may change: the result is checked against that, and a
// layout that would lose a character is not used (the fixed text is returned as it is).

import { isAsciiDigit, isLatinLetter, trimSpan } from '../characters';
import { parseDocument, type Block, type BulletinDocument } from '../document';
import { fixAll } from '../lint';
import { rules } from '../rules';
import type { LintOptions, RuleConfig } from '../types';

/** The rules whose fixes undo extraction damage. */
export const EXTRACTION_RULES: readonly string[] = ['structure-page-furniture', 'structure-hard-wrap', 'markup-residue'];

/** Lint options under which only the extraction rules run (at their default severity, with their configured options). */
function extractionOptions(options: LintOptions = {}): LintOptions {
  const only: Record<string, RuleConfig> = {};
  for (const rule of rules) {
    const extraction = EXTRACTION_RULES.includes(rule.id);
    only[rule.id] = { severity: extraction ? rule.severity : 'off', options: (extraction && options.rules?.[rule.id]?.options) || {} };
  }
  return { ...options, rules: only, ignore: [] };
}

/**
 * The draft with the extraction fixes applied (`fixes` says how many) and laid out one paragraph per block; line
 * breaks are "\n".
 */
export function cleanDraft(text: string, options: LintOptions = {}): { text: string; fixes: number } {
  const result = fixAll(text, extractionOptions(options));
  const fixed = result.text.replace(/\r\n?/g, '\n');
  const document = parseDocument(fixed, options.dialect);
  // Markdown articles keep their own layout (headings, paragraphs): only the fixes apply.
  if (document.dialect === 'articles') return { text: fixed, fixes: result.applied };
  const laidOut = layOut(document);
  return { text: withoutBlanks(laidOut) === withoutBlanks(fixed) ? laidOut : fixed, fixes: result.applied };
}

/** One block's text as one paragraph: its lines joined (headline and body with a space, as the samples write). */
function blockParagraph(document: BulletinDocument, block: Block): string {
  const text = document.text;
  let paragraph = '';
  let previousEnd = -1;
  for (let index = document.lineIndexAt(block.start); index < document.lines.length; index++) {
    const line = document.lines[index];
    if (line.start >= block.end) break;
    if (line.kind !== 'content') continue;
    const { start, end } = trimSpan(text, Math.max(line.start, block.start), Math.min(line.end, block.end));
    if (start === end) continue;
    if (previousEnd >= 0) paragraph += joint(text, block, previousEnd, start);
    paragraph += text.slice(start, end);
    previousEnd = end;
  }
  return paragraph;
}

/** What replaces a line break left inside a block: a space after a headline on its own line or between Latin words. */
function joint(text: string, block: Block, before: number, after: number): string {
  if (block.headline && block.headline.end === before) return ' ';
  const last = text.charCodeAt(before - 1);
  const next = text.charCodeAt(after);
  const isWordChar = (code: number) => isLatinLetter(code) || isAsciiDigit(code);
  return isWordChar(last) && isWordChar(next) ? ' ' : '';
}

function layOut(document: BulletinDocument): string {
  const text = document.text;
  const groups: string[] = [];
  const lineText = (start: number, end: number) => text.slice(start, end).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const linesOfKind = (kind: 'header' | 'footer') => document.lines.filter(line => line.kind === kind).map(line => lineText(line.start, line.end));
  if (document.header) groups.push(linesOfKind('header').join('\n'));
  for (const block of document.blocks) groups.push(blockParagraph(document, block));
  if (document.footer) groups.push(linesOfKind('footer').join('\n'));
  return `${groups.filter(group => group.length > 0).join('\n\n')}\n`;
}

function withoutBlanks(text: string): string {
  return text.replace(/[\s\u3000\ufeff]+/g, '');
}
