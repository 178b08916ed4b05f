// The issue as a Word document, checked the way a person would: LibreOffice opens it and exports a PDF, and
// pdftoppm draws the first page. The picture is kept as test-output/desk/issue-46-page-1.png to look at; the
// test reads the PDF back: A4 pages, the masthead lines, every item in order, page numbers, the running head.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleIssue, cleanDraft } from '../../server/src/core';
import { renderIssueDocx } from '../../server/src/desk/issue-docx';
import { readSubmission } from '../../server/src/submissions';
import { makeWorkspace, removeWorkspaces, runCli } from '../cli/helpers';
import { ARTIFACTS, officeConvert, renderPage, samples, SHANGJIE } from './helpers';

const withoutBlanks = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('desk: the issue as a Word document', function () {
  this.timeout(300_000);
  const issue = assembleIssue(samples(), { number: 46, date: { year: 2024, month: 8, day: 16 }, settings: SHANGJIE });
  let pdf: string;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const docx = join(ARTIFACTS, 'issue-46.docx');
    writeFileSync(docx, await renderIssueDocx(issue));
    pdf = await officeConvert(docx, ARTIFACTS);
  });
  after(removeWorkspaces);

  it('opens in LibreOffice as A4 pages (the first one kept as a picture in test-output/desk/)', async () => {
    const png = await renderPage(pdf, 1, join(ARTIFACTS, 'issue-46-page-1'));
    const { width, height } = pngSize(png);
    assert.ok(Math.abs(width / height - 210 / 297) < 0.01, `${width}×${height} is not A4`);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
    try {
      assert.ok(document.numPages >= 5, `${document.numPages} pages`);
      for (const pageNumber of [1, document.numPages]) {
        const [, , pageWidth, pageHeight] = (await document.getPage(pageNumber)).view;
        assert.ok(Math.abs(pageWidth - 595.3) < 1 && Math.abs(pageHeight - 841.9) < 1, `page ${pageNumber}: ${pageWidth}×${pageHeight}`);
      }
    } finally {
      await document.destroy();
    }
  });

  it('prints the masthead, every entry in order, the footer block, page numbers and the running head', async () => {
    const submission = await readSubmission('pdf', readFileSync(pdf));
    const lines = submission.text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['上街信息', '第46期', '中共上街区委办公室 2024年8月16日']);
    assert.ok(lines.includes('— 1 —') && lines.includes('— 2 —'), 'page numbers');
    assert.ok(lines.includes('上街信息 第46期'), 'running head from page 2');
    // Read back without the running heads and cleaned, the PDF holds the issue's text: every entry, in order, and the footer.
    const printed = withoutBlanks(cleanDraft(lines.filter(line => line !== '上街信息 第46期').join('\n')).text);
    let from = 0;
    for (const entry of issue.entries) {
      const at = printed.indexOf(withoutBlanks(entry.paragraph), from);
      assert.ok(at >= from, `not printed in order: ${entry.paragraph.slice(0, 30)}`);
      from = at;
    }
    assert.ok(printed.endsWith('本期送：区县处级领导发：峡窝镇、各街道办事处、区直各单位负责同志责任编辑：柴亚文'), printed.slice(-80));
  });

  it('is what assemble -o issue.docx writes', async () => {
    const cwd = makeWorkspace(Object.fromEntries(samples().map(sample => [sample.name, sample.text])), { issue: SHANGJIE });
    const run = await runCli(['assemble', '.', '--issue', '46', '--date', '2024-08-16', '--force', '-o', 'out/issue-46.docx'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^第46期已编排：23 条信息、5 条简讯，写入 out\/issue-46\.docx\n/);
    const written = await readSubmission('docx', readFileSync(join(cwd, 'out/issue-46.docx')));
    assert.equal(written.text.split('\n').slice(0, 3).join('\n'), '上街信息\n第46期\n中共上街区委办公室\t2024年8月16日');
    assert.ok(written.text.includes(issue.entries[0].paragraph));
  });
});
