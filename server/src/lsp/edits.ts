// The edge between the core's UTF-16 offsets and LSP positions: every conversion of the server goes through the
// TextDocument here, once, so that surrogate pairs (𠮷) and CRLF line breaks are handled in one place.

import { diffLines } from 'diff';
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span, TextEdit as CoreEdit } from '../core';

/** How long a line diff of a fixed document may take before one covering edit is sent instead. */
const DIFF_TIMEOUT_MS = 200;

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toLspEdits(document: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map(edit => toLspEdit(document, edit));
}

/**
 * The offset of a position sent by the client, or undefined when it is not one: not integers, negative, or past
 * the last line. A character past the end of its line means the line end (as the protocol says).
 */
export function offsetOf(document: TextDocument, position: Position | undefined): number | undefined {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return undefined;
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) return undefined;
  return document.offsetAt(position);
}

/**
 * The edits that turn the document's text into `after`: one per changed run of lines, each narrowed to the
 * characters that differ, so that the cursor, folding and markers elsewhere stay put. When the line diff would
 * take too long (almost every line changed), one edit covers the changed middle of the text.
 */
export function editsTo(document: TextDocument, after: string): TextEdit[] {
  const before = document.getText();
  if (before === after) return [];
  const changes = diffLines(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return [toLspEdit(document, narrow(before, 0, before.length, after))];
  const edits: TextEdit[] = [];
  let offset = 0;
  let hunkStart = -1;
  let removedLength = 0;
  let inserted = '';
  const closeHunk = () => {
    if (hunkStart < 0) return;
    edits.push(toLspEdit(document, narrow(before, hunkStart, hunkStart + removedLength, inserted)));
    hunkStart = -1;
    removedLength = 0;
    inserted = '';
  };
  for (const change of changes) {
    if (!change.added && !change.removed) {
      closeHunk();
      offset += change.value.length;
      continue;
    }
    if (hunkStart < 0) hunkStart = offset;
    if (change.removed) {
      removedLength += change.value.length;
      offset += change.value.length;
    } else {
      inserted += change.value;
    }
  }
  closeHunk();
  return edits;
}

function toLspEdit(document: TextDocument, edit: CoreEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.text };
}

/**
 * Replacing text[start, end) by `inserted`, with the common prefix and suffix left out; the bounds never fall
 * inside a surrogate pair or between CR and LF, where a position cannot point.
 */
function narrow(text: string, start: number, end: number, inserted: string): CoreEdit {
  const removedLength = end - start;
  let prefix = 0;
  const maxAffix = Math.min(removedLength, inserted.length);
  while (prefix < maxAffix && text.charCodeAt(start + prefix) === inserted.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && splitsPair(text, start + prefix)) prefix--;
  let suffix = 0;
  while (suffix < maxAffix - prefix && text.charCodeAt(end - 1 - suffix) === inserted.charCodeAt(inserted.length - 1 - suffix)) suffix++;
  while (suffix > 0 && splitsPair(text, end - suffix)) suffix--;
  return { start: start + prefix, end: end - suffix, text: inserted.slice(prefix, inserted.length - suffix) };
}

/** Whether an offset falls between the halves of a surrogate pair or between CR and LF. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 13 && after === 10);
}
