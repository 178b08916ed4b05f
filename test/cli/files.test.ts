// Which files are checked (folders, globs, standard input) and what happens to files that cannot be: each is
// named on standard error with exit code 2, and never stops the others from being checked.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource } from '../../server/src/cli/source';
import { CLEAN_ITEM, makeWorkspace, onlyRules, removeWorkspaces, runCli, SPACED_ITEM } from './helpers';

const CONFIG = { rules: onlyRules({ 'number-unit-space': 'warning' }) };
const filePaths = (stdout: string) => JSON.parse(stdout).map((result: { filePath: string }) => result.filePath);

/** 区教育局 in GBK: what a draft saved by an old Windows editor looks like. */
const GBK_BYTES = new Uint8Array([0xc7, 0xf8, 0xbd, 0xcc, 0xd3, 0xfd, 0xbe, 0xd6]);

describe('cli: files', () => {
  after(removeWorkspaces);

  it('walks folders for .txt, .md and .bulletin files (and submissions: test/desk), skipping node_modules and dot-folders, in path order', async () => {
    const cwd = makeWorkspace(
      {
        'b.txt': CLEAN_ITEM,
        'a.md': CLEAN_ITEM,
        'sub/c.bulletin': CLEAN_ITEM,
        'sub/d.TXT': CLEAN_ITEM,
        'sub/report.doc': 'not a draft',
        'sub/notes.json': '{}',
        'node_modules/pkg/readme.txt': CLEAN_ITEM,
        '.git/description.txt': CLEAN_ITEM,
        '.drafts/e.txt': CLEAN_ITEM,
      },
      CONFIG,
    );
    const run = await runCli(['.', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filePaths(run.stdout), ['a.md', 'b.txt', 'sub/c.bulletin', 'sub/d.TXT'].map(path => join(cwd, path)));
  });

  it('lints a file named explicitly whatever its extension, and each file once', async () => {
    const cwd = makeWorkspace({ 'draft.text': SPACED_ITEM, 'a.txt': CLEAN_ITEM }, CONFIG);
    const run = await runCli(['draft.text', 'a.txt', '.', './a.txt', '--format', 'json'], { cwd });
    assert.deepEqual(filePaths(run.stdout), [join(cwd, 'draft.text'), join(cwd, 'a.txt')]);
  });

  it('expands globs (tinyglobby), outside node_modules', async () => {
    const cwd = makeWorkspace({ 'x/one.md': CLEAN_ITEM, 'x/y/two.md': CLEAN_ITEM, 'x/three.txt': CLEAN_ITEM, 'node_modules/m.md': CLEAN_ITEM }, CONFIG);
    const run = await runCli(['**/*.md', '--format', 'json'], { cwd });
    assert.equal(run.code, 0);
    assert.deepEqual(filePaths(run.stdout), [join(cwd, 'x/one.md'), join(cwd, 'x/y/two.md')]);
  });

  it('names a missing file and a glob without matches (exit 2) and still checks the rest', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM }, CONFIG);
    const run = await runCli(['missing.txt', 'nothing/*.md', 'a.txt', '--format', 'json'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '找不到文件或文件夹：missing.txt\n没有文件匹配：nothing/*.md\n');
    assert.deepEqual(filePaths(run.stdout), [join(cwd, 'a.txt')]);
    assert.equal(JSON.parse(run.stdout)[0].warningCount, 2);
  });

  it('never calls a run clean that could not check a file: the summary counts what was left unchecked (zh and en)', async () => {
    const cwd = makeWorkspace({ 'clean.txt': CLEAN_ITEM, 'spaced.txt': SPACED_ITEM, 'gbk.txt': GBK_BYTES }, CONFIG);
    const nothingChecked = await runCli(['nosuchfile.txt'], { cwd });
    assert.deepEqual(nothingChecked, { code: 2, stdout: '✖ 1 个文件未能检查（原因见上文）。\n', stderr: '找不到文件或文件夹：nosuchfile.txt\n' });
    assert.equal((await runCli(['nosuchfile.txt', '--locale', 'en'], { cwd })).stdout, '✖ 1 file could not be checked (see above).\n');

    const cleanBeside = await runCli(['nosuchfile.txt', 'gbk.txt', 'clean.txt'], { cwd });
    assert.equal(cleanBeside.code, 2);
    assert.equal(cleanBeside.stdout, '✖ 2 个文件未能检查（原因见上文）；已检查的 1 个文件中未发现问题。\n');
    assert.equal(
      (await runCli(['nosuchfile.txt', 'clean.txt', '--locale', 'en', '--quiet'], { cwd })).stdout,
      '✖ 1 file could not be checked (see above); no errors found in the 1 file checked.\n',
    );

    const problemsBeside = await runCli(['nosuchfile.txt', 'spaced.txt', '--locale', 'en'], { cwd });
    assert.equal(problemsBeside.code, 2);
    assert.ok(problemsBeside.stdout.endsWith('\n✖ 2 problems (0 errors, 2 warnings)\n  1 file could not be checked (see above).\n  2 warnings can be fixed with --fix.\n\n'), problemsBeside.stdout);
  });

  it('refuses binary files and text that is not UTF-8, naming them, and checks the others', async () => {
    const cwd = makeWorkspace(
      {
        'a.txt': SPACED_ITEM,
        'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
        'gbk.txt': GBK_BYTES,
        'utf16.txt': new Uint8Array([0xff, 0xfe, 0x3a, 0x53, 0x59, 0x65]),
        'z.txt': SPACED_ITEM,
      },
      CONFIG,
    );
    const run = await runCli(['--format', 'json'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      [
        'binary.txt 不是文本文件（含有 NUL 字节），未检查',
        'gbk.txt 不是 UTF-8 编码的文本，未检查（请另存为 UTF-8）',
        'utf16.txt 不是 UTF-8 编码的文本，未检查（请另存为 UTF-8）',
        '',
      ].join('\n'),
    );
    assert.deepEqual(filePaths(run.stdout), [join(cwd, 'a.txt'), join(cwd, 'z.txt')]);
    const english = await runCli(['gbk.txt', '--locale', 'en'], { cwd });
    assert.equal(english.stderr, 'gbk.txt is not UTF-8 text; not checked (save it as UTF-8)\n');
  });

  it('reports a file that cannot be read', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'b.txt': SPACED_ITEM }, CONFIG);
    const run = await runCli(['--format', 'json'], {
      cwd,
      readFile: async path => {
        if (path.endsWith('a.txt')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return readFileSync(path);
      },
    });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '无法读取 a.txt（EACCES）\n');
    assert.deepEqual(filePaths(run.stdout), [join(cwd, 'b.txt')]);
  });

  it('decodes UTF-8 strictly and keeps track of the BOM', () => {
    assert.deepEqual(decodeSource(new TextEncoder().encode('\uFEFF区教育局')), { ok: true, text: '区教育局', bom: true });
    assert.deepEqual(decodeSource(new TextEncoder().encode('𠮷\r\n')), { ok: true, text: '𠮷\r\n', bom: false });
    assert.deepEqual(decodeSource(new Uint8Array([0xe5, 0x8c])), { ok: false, reason: 'not-utf8' }, 'a truncated character');
    assert.deepEqual(decodeSource(new Uint8Array([0x61, 0x00, 0x62])), { ok: false, reason: 'binary' });
  });

  describe('standard input', () => {
    it('lints - and reports it as <stdin>', async () => {
      const cwd = makeWorkspace({}, CONFIG);
      const run = await runCli(['-', '--format', 'json'], { cwd, stdin: SPACED_ITEM });
      assert.equal(run.code, 0);
      const [result] = JSON.parse(run.stdout);
      assert.equal(result.filePath, '<stdin>');
      assert.equal(result.warningCount, 2);
      const stylish = await runCli(['-'], { cwd, stdin: SPACED_ITEM });
      assert.match(stylish.stdout, /^\n<stdin>\n/);
    });

    it('--stdin-filename names it and chooses its configuration', async () => {
      const cwd = makeWorkspace({ 'strict/.bulletinrc.json': JSON.stringify({ rules: { 'number-unit-space': 'error' } }) }, CONFIG);
      const run = await runCli(['-', '--stdin-filename', 'strict/draft.txt', '--format', 'json'], { cwd, stdin: SPACED_ITEM });
      assert.equal(run.code, 1);
      const [result] = JSON.parse(run.stdout);
      assert.equal(result.filePath, join(cwd, 'strict/draft.txt'));
      assert.equal(result.errorCount, 2);
      const github = await runCli(['-', '--stdin-filename', 'strict/draft.txt', '--format', 'github'], { cwd, stdin: SPACED_ITEM });
      assert.match(github.stdout, /^::error file=strict\/draft\.txt,line=1,/);
    });

    it('refuses binary input like a file', async () => {
      const run = await runCli(['-'], { cwd: makeWorkspace({}, CONFIG), stdin: new Uint8Array([0x00, 0x01]) });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, '<stdin> 不是文本文件（含有 NUL 字节），未检查\n');
    });
  });
});
