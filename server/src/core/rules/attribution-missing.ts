// attribution-missing: an item or brief that does not close with its unit attribution `（区教育局）`, or an
// article without a byline `（记者 张怡馨）`. The attribution is how the editor knows who reported the item;
// without it the item cannot be printed.
//
// Precision first: a block the parser could not read as an item (no headline, no measure) is stray text, not an
// item; a block that ends with a parenthesis has something there that is judged by attribution-parens or is not
// ours to call missing; a collective article whose ### sections carry the units, and a heading without a body
// (a draft cut off after its last title), are not flagged.

import { allBlocks } from '../characters';
import { flowText, type Block, type BulletinDocument } from '../document';
import type { Rule } from '../rule';
import type { Span } from '../types';
import type { UnitDirectory } from '../units';

export const attributionMissing: Rule = {
  id: 'attribution-missing',
  severity: 'error',
  fixable: true,
  description: {
    zh: '信息、简讯末尾缺少报送单位署名“（单位）”，文章缺少记者署名',
    en: 'An item or brief without its closing unit attribution, or an article without a byline.',
  },
  standard: { zh: '本地简报惯例（信息末尾以全角括号注明报送单位）', en: 'House style: an item closes with its unit in full-width parentheses.' },
  check({ text, document, units, report }) {
    for (const block of allBlocks(document)) {
      if (block.attribution || block.kind === 'section' || !needsAttribution(text, document, block)) continue;
      const range = block.headline && block.headline.end > block.headline.start ? block.headline : firstLine(text, document, block);
      const what = block.kind === 'article' ? { zh: '文章', en: 'article' } : block.kind === 'brief' ? { zh: '简讯', en: 'brief' } : { zh: '信息', en: 'item' };
      if (document.dialect === 'articles') {
        // Articles and their briefs close with the reporters' byline, which no directory can supply.
        report({
          ...range,
          message: { zh: `${what.zh}缺少署名：应在末尾注明“（记者 姓名）”`, en: `The ${what.en} has no byline: close it with "（记者 name）".` },
        });
        continue;
      }
      const unit = block.headline ? unitOpening(flowText(text, block.headline), units) : undefined;
      if (!unit) {
        report({
          ...range,
          message: {
            zh: `${what.zh}缺少署名：应在末尾用全角括号注明报送单位“（单位名称）”`,
            en: `The ${what.en} has no attribution: close it with the reporting unit in full-width parentheses, "（unit）".`,
          },
        });
        continue;
      }
      report({
        ...range,
        message: {
          zh: `${what.zh}缺少署名：应在末尾注明报送单位“（${unit}）”`,
          en: `The ${what.en} has no attribution: close it with "（${unit}）".`,
        },
        fix: [{ start: block.end, end: block.end, text: `（${unit}）` }],
      });
    }
  },
};

function needsAttribution(text: string, document: BulletinDocument, block: Block): boolean {
  const last = text.charCodeAt(block.end - 1);
  if (last === 0xff09 /* ） */ || last === 0x29 /* ) */) return false;
  if (block.kind === 'item') return !!block.headline || block.measures.length > 0;
  if (block.kind === 'article') return block.sections.length === 0 && hasBody(document, block);
  return true;
}

/** Whether an article has a content line after its heading. */
function hasBody(document: BulletinDocument, article: Block): boolean {
  const last = document.lineIndexAt(article.end - 1);
  for (let index = document.lineIndexAt(article.start) + 1; index <= last; index++) {
    if (document.lines[index].kind === 'content') return true;
  }
  return false;
}

/** The first line of a block, trimmed (a brief has no headline: `△ 一季度，全区…`). */
function firstLine(text: string, document: BulletinDocument, block: Block): Span {
  const line = document.lines[document.lineIndexAt(block.start)];
  let end = Math.min(line.end, block.end);
  while (end > block.start && /\s/.test(text[end - 1])) end--;
  return { start: block.start, end };
}

/**
 * The canonical name of the known unit a headline opens with (`区审计局科学规范…` → 区审计局): the longest
 * known name or alias that starts the headline. Undefined when none does (`我区…`) or the directory is empty.
 */
function unitOpening(headline: string, units: UnitDirectory): string | undefined {
  let best: { length: number; canonical: string } | undefined;
  for (const entry of units.entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      if (name && headline.startsWith(name) && (!best || name.length > best.length)) best = { length: name.length, canonical: entry.name };
    }
  }
  return best?.canonical;
}
