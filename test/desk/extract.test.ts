// bulletin-lint extract: a submission written out as a clean draft, one paragraph per item, with the extraction
// rules' fixes applied in one go and never a sentence lost. The real drafts are the golden fixtures
// (test/fixtures/desk/extract/; UPDATE_GOLDEN=1 rewrites them, review the diff).

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDraft, EXTRACTION_RULES, lint, parseDocument } from '../../server/src/core';
import { makeWorkspace, removeWorkspaces, runCli } from '../cli/helpers';
import { officeConvert, removeFolder, ROOT, samples, SUBMISSION_TEXT, submissionDocx, temporaryFolder } from './helpers';

const GOLDEN = join(ROOT, 'test/fixtures/desk/extract');
const withoutBlanks = (text: string) => text.replace(/[\s\u3000\ufeff]+/g, '');

/** The input less what the extraction rules may delete: page number lines and markup residue (`**`). */
function expectedContent(text: string): string {
  const document = parseDocument(text);
  const kept = document.lines.filter(line => line.kind !== 'furniture').map(line => text.slice(line.start, line.end));
  const content = withoutBlanks(kept.join('\n'));
  return document.dialect === 'items' ? content.replace(/\*\*/g, '') : content;
}

describe('desk: extract', function () {
  this.timeout(300_000);
  after(removeWorkspaces);

  for (const sample of samples()) {
    describe(sample.name, () => {
      const cleaned = cleanDraft(sample.text).text;

      it('matches its golden draft', () => {
        const golden = join(GOLDEN, sample.name);
        if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(golden, cleaned);
        }
        assert.equal(cleaned, readFileSync(golden, 'utf8'));
      });

      it('loses no character but whitespace, page number lines and markup, and no sentence', () => {
        assert.equal(withoutBlanks(cleaned), expectedContent(sample.text));
        assert.equal(cleaned.split('。').length, sample.text.split('。').length);
      });

      it('leaves nothing for the extraction rules, and cleaning again changes nothing', () => {
        const left = lint(cleaned).filter(problem => EXTRACTION_RULES.includes(problem.ruleId));
        assert.deepEqual(left.map(problem => `${problem.ruleId} ${cleaned.slice(problem.start - 5, problem.end + 5)}`), []);
        assert.equal(cleanDraft(cleaned).text, cleaned);
      });

      it('has one paragraph per item and brief, the same blocks as the draft', () => {
        const before = parseDocument(sample.text);
        const after = parseDocument(cleaned);
        assert.equal(after.blocks.length, before.blocks.length);
        if (after.dialect !== 'items') return;
        for (const block of after.blocks) assert.ok(!cleaned.slice(block.start, block.end).includes('\n'), cleaned.slice(block.start, block.start + 30));
        assert.deepEqual(after.blocks.map(block => block.attribution?.units.map(unit => unit.name)), before.blocks.map(block => block.attribution?.units.map(unit => unit.name)));
      });
    });
  }

  describe('the command', () => {
    let folder: string;
    before(async () => {
      folder = temporaryFolder('extract');
      writeFileSync(join(folder, 'unit.docx'), await submissionDocx());
      await officeConvert(join(folder, 'unit.docx'), folder);
    });
    after(() => removeFolder(folder));

    it('writes a .docx as a clean draft with -o, and says what it did on standard error', async () => {
      const cwd = makeWorkspace({ 'in/unit.docx': readFileSync(join(folder, 'unit.docx')) });
      const run = await runCli(['extract', 'in/unit.docx', '-o', 'drafts/unit.txt'], { cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, '已从 in/unit.docx 整理出 3 段（修复 0 处），写入 drafts/unit.txt\n');
      assert.equal(readFileSync(join(cwd, 'drafts/unit.txt'), 'utf8'), cleanDraft(SUBMISSION_TEXT).text);
    });

    it('writes the PDF of the same submission as the same draft, to standard output without -o', async () => {
      const cwd = makeWorkspace({ 'unit.pdf': readFileSync(join(folder, 'unit.pdf')) });
      const run = await runCli(['extract', 'unit.pdf', '--locale', 'en'], { cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, cleanDraft(SUBMISSION_TEXT).text);
      assert.equal(run.stderr, '');
    });

    it('cleans an extracted text draft as well (the real sample 001: page number line and hard wraps)', async () => {
      const sample = samples().find(candidate => candidate.name.startsWith('001'))!;
      const cwd = makeWorkspace({ 'draft.txt': sample.text });
      const run = await runCli(['extract', 'draft.txt', '-o', 'clean.txt', '--locale', 'en'], { cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /^\d+ paragraphs from draft\.txt \(\d+ fixes\) written to clean\.txt\n$/);
      assert.equal(readFileSync(join(cwd, 'clean.txt'), 'utf8'), cleanDraft(sample.text).text);
    });

    it('refuses a bad submission, a missing one, -o onto its input and a second input (exit 2)', async () => {
      const cwd = makeWorkspace({ 'bad.docx': 'PK not really', 'a.txt': '区教育局推进课后服务 一是建成基地。（区教育局）\n' });
      const bad = await runCli(['extract', 'bad.docx', '-o', 'out.txt'], { cwd });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^bad\.docx 不是有效的 Word 文档/);
      assert.ok(!existsSync(join(cwd, 'out.txt')));
      assert.deepEqual(await runCli(['extract', 'missing.pdf'], { cwd }), { code: 2, stdout: '', stderr: '找不到文件或文件夹：missing.pdf\n' });
      const self = await runCli(['extract', 'a.txt', '-o', './a.txt'], { cwd });
      assert.equal(self.code, 2);
      assert.match(self.stderr, /^-o 不能是来稿本身\n/);
      const two = await runCli(['extract', 'a.txt', 'bad.docx'], { cwd });
      assert.equal(two.code, 2);
      assert.match(two.stderr, /^extract 一次整理一份来稿/);
    });

    it('prints its help in Chinese, or English with --locale en', async () => {
      const cwd = makeWorkspace({});
      assert.match((await runCli(['extract', '--help'], { cwd })).stdout, /^用法：bulletin-lint extract/);
      assert.match((await runCli(['extract', '-h', '--locale', 'en'], { cwd })).stdout, /^Usage: bulletin-lint extract/);
    });
  });
});
