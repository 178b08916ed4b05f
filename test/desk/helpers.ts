// What the desk tests share: fixtures made the way units make them (a .docx written with the docx library, a
// PDF exported from it by LibreOffice), LibreOffice and pdftoppm run as a person would, and the real samples.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { IssueSettings } from '../../server/src/core';
import { AlignmentType, Document, Footer, Packer, PageBreak, PageNumber, Paragraph, TextRun, type ParagraphChild } from 'docx';

const run = promisify(execFile);

export const ROOT = join(__dirname, '../..');
/** Test artifacts kept for people to look at (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-output/desk');
const SETUP_HINT = 'LibreOffice or poppler-utils is missing: run `bash test/desk/setup.sh` first';

/** The five real drafts, by file name, in name order. */
export function samples(): Array<{ name: string; text: string }> {
  const folder = join(ROOT, 'test/fixtures/real');
  return readdirSync(folder)
    .sort()
    .map(name => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bulletin-lint-desk-${prefix}-`));
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/**
 * Converts a document with headless LibreOffice (its own profile folder, so runs never share one) and returns the
 * path of the result. `filter` is LibreOffice's --convert-to argument (`pdf`, or pdf with export options).
 */
export async function officeConvert(file: string, outputFolder: string, filter = 'pdf'): Promise<string> {
  const profile = temporaryFolder('profile');
  try {
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outputFolder, file], {
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: join(__dirname, 'fonts.conf') },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(SETUP_HINT);
    throw error;
  } finally {
    removeFolder(profile);
  }
  return join(outputFolder, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}

/** Renders one page of a PDF to `<prefix>.png` with pdftoppm and returns its path. */
export async function renderPage(pdf: string, page: number, prefix: string, dpi = 80): Promise<string> {
  mkdirSync(join(prefix, '..'), { recursive: true });
  try {
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(SETUP_HINT);
    throw error;
  }
  return `${prefix}.png`;
}

/**
 * A unit's submission as Word writes it: items as paragraphs with the headline in bold, a blank paragraph between
 * them, a page break before the last one, and page numbers `— N —` in the footer.
 */
export const SUBMISSION_ITEMS = [
  {
    headline: '区教育局扎实推进校园社团项目建设',
    body: '一是以深入落实“双减”政策为引领，聚焦学生社团建设制度化、校本化、特色化发展路径，通过“课后服务+社团建设”双线融合，实现学生艺术素养、体育技能、劳动能力多维提升。二是依托“一校一品”“一校多品”创建工作，将美育、科创等领域与校本特色相结合，建立课程开发、动态监管、成果评估等全流程机制。三是丰富社团育人内涵，组建“学科骨干+专业教师+非遗传承人”教学团队，推动学习成果向实践应用转化。去年以来，开发精品社团课程180余个，家长、学生满意度达99%。（区教育局）',
  },
  {
    headline: '区人社局多措并举打造退休经办暖心窗口',
    body: '一是强化信息公开。利用公众号、微信群等媒介，动员各镇（街道）社保专员以及三级网格长，广泛公布申报退休相关政策、业务经办审批流程。二是提高服务意识。结合即将退休人员名册，一对一提前告知所需资料，提高办事效率。三是增强服务能力。通过集中学习、个人自学等方式，推动政策适用准确、工作不出差错。累计办理业务200余件。（区人社局）',
  },
  {
    headline: '',
    body: '△ 近日，区侨联为侨胞之家新建阅览室120平米，组织开展“守护侨健康 义诊暖侨心”系列活动，活动覆盖辖区100余名侨胞。（区侨联）',
  },
];

/** The submission's text as the items are written: one line per item. */
export const SUBMISSION_TEXT = SUBMISSION_ITEMS.map(item => (item.headline ? `${item.headline} ${item.body}` : item.body)).join('\n');

export async function submissionDocx(): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  SUBMISSION_ITEMS.forEach((item, index) => {
    const runs: ParagraphChild[] = item.headline ? [new TextRun({ text: item.headline, bold: true }), new TextRun(` ${item.body}`)] : [new TextRun(item.body)];
    if (index === SUBMISSION_ITEMS.length - 1) runs.unshift(new PageBreak());
    children.push(new Paragraph({ children: runs }));
    if (index < SUBMISSION_ITEMS.length - 1) children.push(new Paragraph({ children: [] }));
  });
  const document = new Document({
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A Word document without any text: its PDF is what a scan without OCR gives, pages without a text layer. */
export async function emptyDocx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [] })] }] })));
}

/** The issue settings of 上街信息 as sample 004 prints them. */
export const SHANGJIE: IssueSettings = {
  name: '上街信息',
  office: '中共上街区委办公室',
  recipients: '区县处级领导',
  distribution: '峡窝镇、各街道办事处、区直各单位负责同志',
  editor: '柴亚文',
  unitOrder: [['区委*'], ['区*'], ['*镇', '*街道']],
};

/**
 * A PDF as older office programs write Chinese: the font (STSong-Light) not embedded, the text in the predefined
 * UniGB-UCS2-H encoding, so that a reader needs the character maps to get the text. Written by hand, objects and
 * cross-reference table, as small as a PDF can be.
 */
export function predefinedCMapPdf(text: string): Uint8Array {
  const hex = [...text].map(char => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join('');
  const content = `BT /F1 16 Tf 72 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(offset => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Root 1 0 R /Size ${objects.length + 1} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
