// The issue as a Word document, in the usual layout of such bulletins after GB/T 9704-2012 (党政机关公文格式):
// A4 with the standard margins, the title in red 小标宋, the issue line, the issuing office and date over a red
// rule, the body in 仿宋 三号 (16 pt) at 22 lines a page, the footer block (本期送、发、责任编辑) between rules,
// and page numbers `— N —` in 宋体 四号, outside (odd pages right, even pages left). From page 2 a running head
// repeats the name and issue line.
//
// The fonts are named as Chinese offices have them (仿宋_GB2312, 方正小标宋简体, 黑体, 宋体); where they are
// missing, Word and LibreOffice substitute (on Linux, Noto CJK). Loaded on demand (its own bundle, esbuild.mjs).

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import { formatIssueDate, parseDocument, type AssembledIssue, type IssueEntry } from '../core';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);

/** A4 and the GB/T 9704 margins (天头 37 mm, 订口 28 mm; a 156 × 225 mm type area). */
const PAGE = { width: mm(210), height: mm(297) };
/** The page number stands 7 mm below the type area: its baseline about 24 mm above the page's edge. */
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(24) };

/** Font sizes in half-points, by their Chinese names. */
const SIZE = { 小初: 72, 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;
/** 22 lines of 三号 text in the 225 mm type area: a line pitch of about 28.95 pt. */
const BODY_LINE = Math.round((mm(225) / 22));
/** Two characters of 三号 text: the first-line indent. */
const INDENT_TWO_CHARS = 2 * 16 * 20;
const RED = 'E60012';

const fonts = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  headline: font('黑体'),
  pageNumber: font('宋体'),
};

/** East Asian text in the named font; digits and Latin letters in Times New Roman, as the standard has them. */
function font(eastAsia: string): IRunOptions['font'] {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia };
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: fonts.body, size: SIZE.三号, ...options });
}

const BODY_SPACING = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function masthead(issue: AssembledIssue): Paragraph[] {
  const { name, office } = issue.settings;
  const paragraphs: Paragraph[] = [];
  if (name) {
    paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: mm(8), after: mm(6) }, children: [run(name, { font: fonts.title, size: SIZE.小初, color: RED })] }));
  }
  paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: mm(4) }, children: [run(`第${issue.number}期`)] }));
  // Office on the left, date on the right (a right tab at the type area's edge), over a red rule.
  paragraphs.push(
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      spacing: { after: mm(8) },
      children: [run(office ?? ''), run(`\t${formatIssueDate(issue.date)}`)],
    }),
  );
  return paragraphs;
}

/** An item: its headline in 黑体, then the body; a brief as it is. */
function entryParagraph(entry: IssueEntry): Paragraph {
  const block = entry.kind === 'item' ? parseDocument(entry.paragraph, 'items').blocks[0] : undefined;
  const headlineEnd = block?.headline?.end ?? 0;
  const children = headlineEnd > 0
    ? [run(entry.paragraph.slice(0, headlineEnd), { font: fonts.headline }), run(entry.paragraph.slice(headlineEnd))]
    : [run(entry.paragraph)];
  return new Paragraph({ indent: { firstLine: INDENT_TWO_CHARS }, alignment: AlignmentType.JUSTIFIED, spacing: BODY_SPACING, children });
}

/** 本期送、发、责任编辑 between two rules, in 仿宋 四号. */
function footerBlock(issue: AssembledIssue): Paragraph[] {
  const { recipients, distribution, editor } = issue.settings;
  const lines = [recipients && `本期送：${recipients}`, distribution && `发：${distribution}`].filter((line): line is string => !!line);
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const paragraphs = lines.map(
    (line, index) =>
      new Paragraph({
        border: index === 0 ? { top: rule } : undefined,
        spacing: { before: index === 0 ? mm(10) : 0 },
        children: [run(line, { size: SIZE.四号 })],
      }),
  );
  if (editor) {
    paragraphs.push(new Paragraph({ alignment: AlignmentType.RIGHT, border: { bottom: rule }, children: [run(`责任编辑：${editor}`, { size: SIZE.四号 })] }));
  }
  return paragraphs;
}

/** `— N —` in 宋体 四号, one character in from the outside edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts.pageNumber, size: SIZE.四号 }),
        ],
      }),
    ],
  });
}

function runningHead(issue: AssembledIssue): Header {
  const text = [issue.settings.name, `第${issue.number}期`].filter(Boolean).join('  ');
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RED, space: 4 } },
        children: [run(text, { size: SIZE.小四 })],
      }),
    ],
  });
}

export async function renderIssueDocx(issue: AssembledIssue): Promise<Uint8Array> {
  const document = new Document({
    creator: 'bulletin-lint',
    title: [issue.settings.name, `第${issue.number}期`].filter(Boolean).join(' '),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts.body, size: SIZE.三号 } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: PAGE, margin: MARGIN } },
        headers: { first: new Header({ children: [] }), default: runningHead(issue), even: runningHead(issue) },
        footers: { first: pageNumberFooter('odd'), default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...masthead(issue), ...issue.entries.map(entryParagraph), ...footerBlock(issue)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
