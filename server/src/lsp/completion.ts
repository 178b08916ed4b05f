// Completion: unit names from the directory inside an attribution's parentheses, and the next measure marker
// (二是 after 一是…。). Nothing is offered elsewhere: a list popping up in running text is noise.

import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BulletinDocument, Locale, UnitDirectory } from '../core';
import { formatChineseNumeral } from '../core/chinese';
import { toRange } from './edits';
import { localize, messages } from './messages';
import { blockAt, contains } from './model';

/** Characters after which the client asks for completion by itself. */
export const COMPLETION_TRIGGERS = ['（', '(', '、', '。', '；'];

/** An attribution names a few units: text longer than this after a parenthesis is not one being typed. */
const MAX_ATTRIBUTION_LENGTH = 60;
/** Where an attribution's parenthesis may open: after a sentence, a closing quote or bracket, or at a line start. */
const BEFORE_ATTRIBUTION = '。！？”）)';
/** Where the next measure may begin. */
const BEFORE_MEASURE = '。；';

export function completions(document: TextDocument, model: BulletinDocument, units: UnitDirectory, offset: number, locale: Locale): CompletionItem[] {
  const unitStart = unitNameStart(model, offset);
  if (unitStart !== undefined) return unitCompletions(document, units, unitStart, offset, locale);
  return measureCompletions(document, model, offset, locale);
}

/**
 * Where the unit name being typed at `offset` starts, when the offset is inside an attribution: one the parser
 * found, or an open parenthesis on the current line in attribution position with no sentence punctuation after it.
 */
function unitNameStart(model: BulletinDocument, offset: number): number | undefined {
  const text = model.text;
  let innerStart: number | undefined;
  const attribution = blockAt(model, offset)?.block.attribution;
  if (attribution && !attribution.byline && contains(attribution.inner, offset)) {
    innerStart = attribution.inner.start;
  } else {
    for (let at = offset - 1; at >= 0 && offset - at <= MAX_ATTRIBUTION_LENGTH; at--) {
      const char = text[at];
      if (char === '（' || char === '(') {
        if (!opensAttribution(text, at)) return undefined;
        innerStart = at + 1;
        break;
      }
      if (char === '\n' || char === '\r' || '。，；！？：）)'.includes(char)) return undefined;
    }
  }
  if (innerStart === undefined) return undefined;
  // The name being typed starts after the last 、 (several units share one attribution).
  let start = Math.max(innerStart, text.lastIndexOf('、', offset - 1) + 1);
  while (start < offset && /[\s\u3000]/.test(text[start])) start++;
  return start;
}

function opensAttribution(text: string, parenthesis: number): boolean {
  let before = parenthesis - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\u3000')) before--;
  return before < 0 || text[before] === '\n' || text[before] === '\r' || BEFORE_ATTRIBUTION.includes(text[before]);
}

function unitCompletions(document: TextDocument, units: UnitDirectory, start: number, offset: number, locale: Locale): CompletionItem[] {
  const range = toRange(document, { start, end: offset });
  const items: CompletionItem[] = [];
  units.entries.forEach((entry, index) => {
    const order = String(index).padStart(5, '0');
    items.push({
      label: entry.name,
      kind: CompletionItemKind.Value,
      detail: localize(locale, messages.unitCompletion),
      sortText: `0${order}`,
      textEdit: { range, newText: entry.name },
    });
    // An alias is offered under its own name (so typing it finds it) and writes the canonical name.
    for (const alias of entry.aliases) {
      items.push({
        label: alias,
        kind: CompletionItemKind.Value,
        detail: localize(locale, messages.aliasCompletion(entry.name)),
        sortText: `1${order}`,
        filterText: alias,
        textEdit: { range, newText: entry.name },
      });
    }
  });
  return items;
}

/** 二是 after 一是…。: the marker after the last one before the offset, unless it follows already. */
function measureCompletions(document: TextDocument, model: BulletinDocument, offset: number, locale: Locale): CompletionItem[] {
  const found = blockAt(model, offset);
  if (!found) return [];
  const owner = found.section ?? found.block;
  if (owner.attribution && offset >= owner.attribution.start) return [];
  const previous = owner.measures.filter(measure => measure.end <= offset).at(-1);
  if (!previous) return [];
  const following = owner.measures.find(measure => measure.start >= offset);
  if (following && following.value === previous.value + 1) return [];
  const text = model.text;
  const marker = `${formatChineseNumeral(previous.value + 1)}${previous.suffix}`;
  // The marker may be typed in part already (二): the item replaces that part.
  for (let typed = marker.length - 1; typed >= 0; typed--) {
    const start = offset - typed;
    if (start < previous.end || text.slice(start, offset) !== marker.slice(0, typed)) continue;
    let before = start - 1;
    while (before >= previous.end && /[\s\u3000]/.test(text[before])) before--;
    if (!BEFORE_MEASURE.includes(text[before])) continue;
    return [{
      label: marker,
      kind: CompletionItemKind.Keyword,
      detail: localize(locale, messages.measureCompletion),
      textEdit: { range: toRange(document, { start, end: offset }), newText: marker },
    }];
  }
  return [];
}
