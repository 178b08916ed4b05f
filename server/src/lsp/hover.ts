// Hover: on an attribution, each unit's canonical name and aliases from the directory; on a headline, the item's
// character count and number of measures.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Attribution, Block, BulletinDocument, Locale, Span, UnitDirectory } from '../core';
import { toRange } from './edits';
import { localize, messages } from './messages';
import { blockAt, characterCount } from './model';

export function hover(document: TextDocument, model: BulletinDocument, units: UnitDirectory, offset: number, locale: Locale): Hover | null {
  const found = blockAt(model, offset);
  if (!found) return null;
  const owners = found.section ? [found.section, found.block] : [found.block];
  for (const owner of owners) {
    const attribution = owner.attribution;
    if (attribution && !attribution.byline && covers(attribution, offset)) return attributionHover(document, attribution, units, offset, locale);
  }
  for (const owner of owners) {
    if (owner.headline && covers(owner.headline, offset)) return headlineHover(document, model.text, owner, owner.headline, locale);
  }
  return null;
}

function covers(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function attributionHover(document: TextDocument, attribution: Attribution, units: UnitDirectory, offset: number, locale: Locale): Hover | null {
  const pointed = attribution.units.find(unit => covers(unit, offset));
  const shown = pointed ? [pointed] : attribution.units;
  if (shown.length === 0) return null;
  const value = units.size === 0
    ? localize(locale, messages.noDirectory)
    : shown.map(unit => describeUnit(unit.name, units, locale)).join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, pointed ?? attribution) };
}

function describeUnit(name: string, units: UnitDirectory, locale: Locale): string {
  const match = units.lookup(name);
  if (!match) {
    const nearest = units.nearest(name);
    const lines = [localize(locale, messages.unitUnknown(name))];
    if (nearest) lines.push(localize(locale, messages.unitNearest(nearest)));
    return lines.join('\n\n');
  }
  if (match.alias) return localize(locale, messages.unitAlias(name, match.canonical));
  const aliases = units.entries.find(entry => entry.name === match.canonical)?.aliases ?? [];
  const lines = [localize(locale, messages.unitCanonical(match.canonical))];
  if (aliases.length) lines.push(localize(locale, messages.unitAliases(aliases)));
  return lines.join('\n\n');
}

function headlineHover(document: TextDocument, text: string, owner: Block, headline: Span, locale: Locale): Hover {
  const measures = owner.measures.length + owner.sections.reduce((count, section) => count + section.measures.length, 0);
  const value = localize(locale, messages.blockSummary(characterCount(text, owner), characterCount(text, headline), measures));
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, headline) };
}
