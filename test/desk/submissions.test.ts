// Submissions as units send them: a .docx written with the docx library and the PDF LibreOffice exports from it,
// read, linted with places a person can find (paragraph; page and line), and bad files named without stopping
// the batch. Also the built program: the readers live in bundles of their own, loaded only for such files.

import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDraft } from '../../server/src/core';
import { readSubmission, SubmissionError } from '../../server/src/submissions';
import { makeWorkspace, onlyRules, removeWorkspaces, runCli, spawnCli } from '../cli/helpers';
import { CLI_BUNDLE, ensureBuilt } from '../support/build';
import { emptyDocx, officeConvert, predefinedCMapPdf, removeFolder, ROOT, SUBMISSION_ITEMS, SUBMISSION_TEXT, submissionDocx, temporaryFolder } from './helpers';

const ENCRYPT = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';

describe('desk: submissions (.docx, .pdf)', function () {
  this.timeout(300_000);
  let folder: string;
  let docx: Uint8Array;
  let pdf: Uint8Array;
  let encryptedPdf: Uint8Array;
  let scannedPdf: Uint8Array;
  let empty: Uint8Array;

  before(async () => {
    folder = temporaryFolder('submissions');
    docx = await submissionDocx();
    empty = await emptyDocx();
    writeFileSync(join(folder, 'submission.docx'), docx);
    writeFileSync(join(folder, 'blank.docx'), empty);
    pdf = readFileSync(await officeConvert(join(folder, 'submission.docx'), folder));
    encryptedPdf = readFileSync(await officeConvert(join(folder, 'submission.docx'), join(folder, 'encrypted'), ENCRYPT));
    scannedPdf = readFileSync(await officeConvert(join(folder, 'blank.docx'), folder));
  });
  after(() => {
    removeFolder(folder);
    removeWorkspaces();
  });

  it('reads a .docx: one line per paragraph, blank paragraphs not counted, bold leaves no markup', async () => {
    const submission = await readSubmission('docx', docx);
    assert.equal(submission.text, SUBMISSION_TEXT);
    assert.deepEqual(submission.places, [{ paragraph: 1 }, { paragraph: 2 }, { paragraph: 3 }]);
  });

  it('reads the PDF LibreOffice exports: printed lines with page and line; cleaned, it is the .docx draft', async () => {
    const submission = await readSubmission('pdf', pdf);
    const lines = submission.text.split('\n');
    assert.equal(lines.length, submission.places.length);
    assert.ok(lines.length > SUBMISSION_ITEMS.length + 2, 'long paragraphs wrap over printed lines');
    // Page 1 ends with its page number; the brief after the page break is on page 2, line 1.
    const pageBreak = submission.places.findIndex(place => 'page' in place && place.page === 2);
    assert.equal(lines[pageBreak - 1], '— 1 —');
    assert.ok(lines[pageBreak].startsWith('△ 近日'));
    assert.deepEqual(submission.places[pageBreak], { page: 2, line: 1 });
    // Layout spacing between Chinese and digits (Writer's "space between Asian and Latin text") is not taken for typed spaces.
    assert.ok(submission.text.includes('课程180余'), submission.text);
    assert.equal(cleanDraft(submission.text).text, cleanDraft(SUBMISSION_TEXT).text);
  });

  it('lints them like drafts, showing the paragraph or the page and line; json and sarif keep the text position too', async () => {
    const cwd = makeWorkspace({ 'unit.docx': docx, 'unit.pdf': pdf }, { rules: onlyRules({ 'unit-nonstandard': 'warning', 'structure-page-furniture': 'warning' }) });
    const stylish = await runCli(['.'], { cwd });
    assert.equal(stylish.code, 0, stylish.stderr);
    assert.match(stylish.stdout, /unit\.docx\n {2}第3段 {2}警告 {2}[^\n]*平米[^\n]*unit-nonstandard/);
    assert.match(stylish.stdout, /unit\.pdf\n {2}第1页第\d+行 +警告 {2}页码行“— 1 —”[^\n]*\n {2}第2页第1行 +警告 {2}[^\n]*平米/);
    // A fix would edit the extracted text, not the file: none is offered.
    assert.doesNotMatch(stylish.stdout, /--fix/);

    const json = JSON.parse((await runCli(['unit.pdf', '--format', 'json', '--locale', 'en'], { cwd })).stdout);
    const unit = json[0].messages.find((message: { ruleId: string }) => message.ruleId === 'unit-nonstandard');
    const pdfText = (await readSubmission('pdf', pdf)).text;
    assert.equal(pdfText.split('\n')[unit.line - 1].slice(unit.column - 1, unit.endColumn - 1), '平米');
    assert.deepEqual(unit.place, { page: 2, line: 1 });
    assert.equal(unit.fix, undefined);

    const sarif = JSON.parse((await runCli(['unit.docx', '--format', 'sarif'], { cwd })).stdout);
    assert.deepEqual(sarif.runs[0].results[0].properties, { paragraph: 3 });
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 3);
  });

  it('walks folders for .docx and .pdf, skipping Word lock files (~$name.docx)', async () => {
    const cwd = makeWorkspace({ 'a.docx': docx, 'b.pdf': pdf, '~$a.docx': new Uint8Array([0x41, 0x00]) }, { rules: onlyRules({ 'unit-nonstandard': 'warning' }) });
    const run = await runCli(['.', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath), [join(cwd, 'a.docx'), join(cwd, 'b.pdf')]);
  });

  it('names each bad file (corrupt, legacy .doc, encrypted, scanned, empty) with exit 2, and still checks the rest', async () => {
    const cwd = makeWorkspace(
      {
        'good.docx': docx,
        'corrupt.docx': docx.slice(0, 200),
        'old.docx': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        'encrypted.pdf': encryptedPdf,
        'scanned.pdf': scannedPdf,
        'empty.docx': empty,
        'fake.pdf': 'not a pdf at all',
      },
      { rules: onlyRules({ 'unit-nonstandard': 'warning' }) },
    );
    const run = await runCli(['.', '--format', 'json'], { cwd });
    assert.equal(run.code, 2);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 6, run.stderr);
    assert.match(run.stderr, /^corrupt\.docx 不是有效的 Word 文档（\.docx），无法读取（[^\n]+），未检查$/m);
    assert.match(run.stderr, /^old\.docx 是旧版 Word 文档（\.doc 格式），未检查：请在 Word 中另存为 \.docx$/m);
    assert.match(run.stderr, /^encrypted\.pdf 已加密（需要密码才能打开），未检查/m);
    assert.match(run.stderr, /^scanned\.pdf 没有可提取的文字（可能是扫描件或图片），未检查/m);
    assert.match(run.stderr, /^empty\.docx 是空文档（没有文字），未检查$/m);
    assert.match(run.stderr, /^fake\.pdf 不是有效的 PDF 文件/m);
    assert.deepEqual(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath), [join(cwd, 'good.docx')]);
  });

  it('reads a PDF whose Chinese font is not embedded but named by a predefined encoding (UniGB-UCS2-H): pdfjs needs its character maps', async () => {
    const submission = await readSubmission('pdf', predefinedCMapPdf('区教育局推进课后服务'));
    assert.equal(submission.text, '区教育局推进课后服务');
  });

  it('a reader error other than an unreadable file is a bug, not a message: SubmissionError marks the expected ones', async () => {
    await assert.rejects(readSubmission('pdf', new TextEncoder().encode('%PDF-1.7 broken')), (error: unknown) => SubmissionError.is(error) && error.problem === 'corrupt');
  });

  it('--fix never writes into a .docx or .pdf: it says so, points to extract, and leaves the file as it was', async () => {
    const cwd = makeWorkspace({ 'unit.docx': docx }, { rules: onlyRules({ 'unit-nonstandard': 'warning' }) });
    const run = await runCli(['unit.docx', '--fix'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, 'unit.docx 是 Word 文档，修复不会写入其中：请用 bulletin-lint extract unit.docx -o 稿件.txt 转为文本稿，再检查和修复文本稿\n');
    assert.deepEqual(new Uint8Array(readFileSync(join(cwd, 'unit.docx'))), docx);
  });

  describe('the built program', () => {
    before(() => ensureBuilt(CLI_BUNDLE));

    it('keeps mammoth, pdfjs and docx out of dist/cli.js, in bundles loaded only for .docx, .pdf and issue .docx files', () => {
      const cli = readFileSync(join(ROOT, 'dist/cli.js'), 'utf8');
      for (const marker of ['WorkerMessageHandler', 'mammoth', 'w:document']) assert.ok(!cli.includes(marker), `dist/cli.js contains ${marker}`);
      for (const bundle of ['submission-docx', 'submission-pdf', 'issue-docx']) assert.ok(statSync(join(ROOT, `dist/${bundle}.js`)).size > 100_000, bundle);
      assert.ok(statSync(join(ROOT, 'dist/pdfjs-cmaps/UniGB-UCS2-H.bcmap')).isFile());
    });

    it('reads .docx and .pdf from its own bundles, printing nothing of pdfjs on standard output', () => {
      const cwd = makeWorkspace({ 'unit.docx': docx, 'unit.pdf': pdf }, { rules: onlyRules({ 'unit-nonstandard': 'warning' }) });
      copyFileSync(join(cwd, 'unit.pdf'), join(cwd, 'copy.pdf'));
      const result = spawnCli(['.', '--format', 'json'], { cwd });
      assert.equal(result.code, 0, result.stderr);
      const files = JSON.parse(result.stdout);
      assert.deepEqual(files.map((file: { messages: unknown[] }) => file.messages.length), [1, 1, 1]);
    });

    it('finds the character maps copied beside the bundle', () => {
      const cwd = makeWorkspace({ 'old.pdf': predefinedCMapPdf('区教育局推进课后服务') });
      const result = spawnCli(['extract', 'old.pdf'], { cwd });
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, '区教育局推进课后服务\n', '']);
    });
  });
});
