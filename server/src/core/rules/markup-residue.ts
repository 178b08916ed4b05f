// markup-residue: markup left in a plain-text (items dialect) draft by copying from Markdown, a web page or a
// chat tool: bold `**38.34**` (sample 004) and `__…__`, a stray `**`, heading marks `## ` at a line start, HTML
// tags (`<br>`, `<p>`, `<span …>`) and entities (`&nbsp;`, `&amp;`, `&#12288;`). The fix strips the markup
// and keeps the text (an entity becomes its character). Markdown drafts (the articles dialect) are not checked:
// there `##` and `**` are the format.

import { codePointAt, codePointBefore, isAsciiDigit, isLatinLetter } from '../characters';
import { isBlankCode } from '../chinese';
import type { Rule } from '../rule';
import type { TextEdit } from '../types';

/**
 * Inline markup, each alternative with its own rare first character (* _ < &) so that the scan stays a fast
 * search, and every repetition bounded so that it stays linear on a megabyte line of asterisks.
 */
const INLINE = new RegExp(
  [
    String.raw`\*\*(?:[^*\r\n]{1,200}\*\*)?`,
    String.raw`(?<!_)__(?![_\s])[^_\r\n]{1,200}?(?<![_\s])__(?!_)`,
    String.raw`<\/?(?:br|p|div|span|strong|b|i|em|u|font|sup|sub|a|img|table|tr|td|th|h[1-6]|li|ul|ol|hr)\b[^<>\r\n]{0,200}>`,
    String.raw`&(?:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});`,
  ].join('|'),
  'gi',
);
/** Heading marks at a line start: `## 标题`, `# 标题`, or `##标题` (two marks or more without a space). */
const HEADING_MARKS = /^[ \t\u3000]*(?:#{1,6}[ \t\u3000]+|#{2,6}(?=[^#\s]))/;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SPACE_ENTITIES = new Set(['nbsp', 'ensp', 'emsp', 'thinsp']);

export const markupResidue: Rule = {
  id: 'markup-residue',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '纯文本稿中残留排版标记（**加粗**、## 标题符、<br> 等 HTML 标签、&nbsp; 等字符实体）',
    en: 'Markup left in a plain-text draft: **bold**, ## heading marks, HTML tags such as <br>, entities such as &nbsp;.',
  },
  standard: { zh: '本地简报惯例（报送稿为纯文本）', en: 'House style: drafts are plain text.' },
  check({ text, document, report }) {
    if (document.dialect !== 'items') return;
    INLINE.lastIndex = 0;
    for (let match = INLINE.exec(text); match; match = INLINE.exec(text)) {
      const start = match.index;
      const written = match[0];
      const end = start + written.length;
      const found = inlineFix(text, written, start, end);
      if (!found) continue;
      report({ start, end, message: found.message, fix: found.fix });
    }
    for (const line of document.lines) {
      let first = line.start;
      while (first < line.end && first - line.start < 8 && isBlankCode(text.charCodeAt(first))) first++;
      if (text.charCodeAt(first) !== 0x23 /* # */) continue;
      const marks = HEADING_MARKS.exec(text.slice(line.start, Math.min(line.end, line.start + 16)));
      if (!marks || line.start + marks[0].length >= line.end) continue;
      const start = line.start;
      const end = start + marks[0].length;
      const written = marks[0].trim();
      report({
        start,
        end,
        message: { zh: `纯文本稿中残留标题符“${written}”，应删除`, en: `Heading marks "${written}" left in a plain-text draft: delete them.` },
        fix: [{ start, end, text: '' }],
      });
    }
  },
};

function inlineFix(text: string, written: string, start: number, end: number): { message: { zh: string; en: string }; fix: TextEdit[] } | undefined {
  if (written === '**') {
    return {
      message: { zh: '纯文本稿中残留加粗标记“**”，应删除', en: 'A stray bold mark "**" in a plain-text draft: delete it.' },
      fix: [{ start, end, text: '' }],
    };
  }
  if (written.startsWith('**') || written.startsWith('__')) {
    const inner = written.slice(2, -2);
    return {
      message: { zh: `纯文本稿中残留加粗标记：“${written}”应为“${inner}”`, en: `Bold markup in a plain-text draft: write "${inner}".` },
      fix: [{ start, end: start + 2, text: '' }, { start: end - 2, end, text: '' }],
    };
  }
  if (written.startsWith('<')) {
    return {
      message: { zh: `纯文本稿中残留 HTML 标签“${written}”，应删除`, en: `An HTML tag "${written}" in a plain-text draft: delete it.` },
      fix: [{ start, end, text: '' }],
    };
  }
  const replacement = entityText(text, written.slice(1, -1), start, end);
  if (replacement === undefined) return undefined;
  const shown = replacement === '' ? '删除' : `改为“${replacement}”`;
  return {
    message: { zh: `纯文本稿中残留字符实体“${written}”，应${shown}`, en: `An HTML entity "${written}" in a plain-text draft: ${replacement === '' ? 'delete it' : `write "${replacement}"`}.` },
    fix: [{ start, end, text: replacement }],
  };
}

/**
 * The text an entity stands for. A space entity disappears between Chinese characters (Chinese text takes no
 * spaces) and becomes a space between two Latin words or numbers; a numeric entity that is no character gives
 * undefined.
 */
function entityText(text: string, name: string, start: number, end: number): string | undefined {
  const lower = name.toLowerCase();
  if (SPACE_ENTITIES.has(lower)) {
    const before = codePointBefore(text, start);
    const after = codePointAt(text, end);
    const word = (codePoint: number) => isLatinLetter(codePoint) || isAsciiDigit(codePoint);
    return word(before) && word(after) ? ' ' : '';
  }
  if (lower in ENTITIES) return ENTITIES[lower];
  const codePoint = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : undefined;
}
