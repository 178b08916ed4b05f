// --fix writes the core's fixes atomically, keeping the BOM and the line endings; --fix-dry-run shows them as a
// unified diff and writes nothing; a file that cannot be checked is never written.

import * as assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { keepLineEndings, writeFileAtomic } from '../../server/src/cli/source';
import { CLEAN_ITEM, makeWorkspace, onlyRules, removeWorkspaces, runCli, SPACED_ITEM, SPACED_ITEM_FIXED } from './helpers';

const CONFIG = { rules: onlyRules({ 'number-unit-space': 'warning', 'unit-nonstandard': 'error', 'cjk-latin-space': 'info' }) };
const BOM = '\uFEFF';
const read = (path: string) => readFileSync(path, 'utf8');

describe('cli: --fix and --fix-dry-run', () => {
  after(removeWorkspaces);

  it('writes the fixes and reports what is left (nothing here: exit 0)', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM }, CONFIG);
    const run = await runCli(['--fix', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(read(join(cwd, 'a.txt')), SPACED_ITEM_FIXED);
    assert.deepEqual(JSON.parse(run.stdout)[0].messages, []);
  });

  it('keeps the BOM and CRLF line endings, and the lines of a draft that mixes endings', async () => {
    const crlf = `${BOM}${SPACED_ITEM.replace('\n', '\r\n')}${CLEAN_ITEM.replace('\n', '\r\n')}`;
    const mixed = `${SPACED_ITEM.replace('\n', '\r\n')}${CLEAN_ITEM}`;
    const cwd = makeWorkspace({ 'crlf.txt': crlf, 'mixed.txt': mixed }, CONFIG);
    const run = await runCli(['--fix'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const bytes = readFileSync(join(cwd, 'crlf.txt'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    assert.equal(bytes.toString('utf8'), `${BOM}${SPACED_ITEM_FIXED.replace('\n', '\r\n')}${CLEAN_ITEM.replace('\n', '\r\n')}`);
    assert.equal(read(join(cwd, 'mixed.txt')), `${SPACED_ITEM_FIXED.replace('\n', '\r\n')}${CLEAN_ITEM}`);
  });

  it('turns line breaks inserted by a fix into CRLF in a CRLF-only draft', () => {
    assert.equal(keepLineEndings('甲\r\n乙\r\n', '甲\r\n丙\n乙\r\n'), '甲\r\n丙\r\n乙\r\n');
    assert.equal(keepLineEndings('甲\n乙\r\n', '甲\n丙\n乙\r\n'), '甲\n丙\n乙\r\n', 'a mixed draft is left as the fixes make it');
    assert.equal(keepLineEndings('甲\n', '乙\n'), '乙\n');
  });

  it('replaces the file by a rename: no temporary file left, permissions kept, symbolic links kept', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'b.txt': CLEAN_ITEM }, CONFIG);
    const path = join(cwd, 'a.txt');
    chmodSync(path, 0o640);
    symlinkSync('a.txt', join(cwd, 'link.txt'));
    const before = statSync(path);
    const untouched = statSync(join(cwd, 'b.txt'));
    const run = await runCli(['link.txt', 'b.txt', '--fix'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(cwd).sort(), ['.bulletinrc.json', 'a.txt', 'b.txt', 'link.txt']);
    const after = statSync(path);
    assert.notEqual(after.ino, before.ino, 'a new file took the place of the old one');
    assert.equal(after.mode & 0o777, 0o640);
    assert.ok(lstatSync(join(cwd, 'link.txt')).isSymbolicLink(), 'the link still points at the draft');
    assert.equal(read(path), SPACED_ITEM_FIXED);
    assert.equal(statSync(join(cwd, 'b.txt')).ino, untouched.ino, 'a file without fixes is not rewritten');
    assert.equal(statSync(join(cwd, 'b.txt')).mtimeMs, untouched.mtimeMs);
  });

  it('leaves no temporary file when writing fails', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'sub/inside.txt': CLEAN_ITEM }, CONFIG);
    await assert.rejects(writeFileAtomic(join(cwd, 'missing-folder', 'a.txt'), new Uint8Array([0x61])));
    // The temporary file is written next to `sub`, then cannot be renamed over a folder that holds a file.
    await assert.rejects(writeFileAtomic(join(cwd, 'sub'), new TextEncoder().encode('x')));
    assert.deepEqual(readdirSync(cwd).sort(), ['.bulletinrc.json', 'a.txt', 'sub']);
    assert.equal(read(join(cwd, 'a.txt')), SPACED_ITEM);
  });

  it('a write that fails is named (exit 2) and the other files are still fixed; bad files are never written', async () => {
    const binary = new Uint8Array([0x31, 0x20, 0x00, 0xe4, 0xb8, 0xaa]);
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'b.bin.txt': binary, 'c.txt': SPACED_ITEM }, CONFIG);
    const written: string[] = [];
    const run = await runCli(['--fix', '--format', 'json'], {
      cwd,
      writeFile: async (path, data) => {
        if (path.endsWith('a.txt')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        written.push(path);
        await writeFileAtomic(path, data);
      },
    });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '无法写入修复：a.txt（ENOSPC），文件未改动\nb.bin.txt 不是文本文件（含有 NUL 字节），未检查\n');
    assert.deepEqual(written, [join(cwd, 'c.txt')]);
    assert.equal(read(join(cwd, 'a.txt')), SPACED_ITEM);
    assert.deepEqual(new Uint8Array(readFileSync(join(cwd, 'b.bin.txt'))), binary);
    assert.equal(read(join(cwd, 'c.txt')), SPACED_ITEM_FIXED);
    const [a] = JSON.parse(run.stdout);
    assert.equal(a.warningCount, 2, 'the unwritten file is reported as it is on disk');
  });

  it('--fix-dry-run prints a unified diff that applies to the file, writes nothing, and reports what would be left', async () => {
    const text = `${SPACED_ITEM}${CLEAN_ITEM.replace('课后服务基地', '课后服务基地0.5平米')}`;
    const cwd = makeWorkspace({ 'a.txt': text, 'clean.txt': CLEAN_ITEM }, CONFIG);
    const run = await runCli(['--fix-dry-run'], { cwd });
    assert.equal(read(join(cwd, 'a.txt')), text, 'nothing written');
    assert.equal(run.code, 0, 'the fixes would leave nothing');
    const patch = run.stdout.slice(0, run.stdout.indexOf('✔'));
    assert.match(patch, /^-{3} a\/a\.txt$/m);
    assert.match(patch, /^\+{3} b\/a\.txt$/m);
    assert.match(patch, /^-区教育局推进课后服务提质增效 一是建成 3个/m);
    assert.match(patch, /^\+区教育局推进课后服务提质增效 一是建成3个/m);
    assert.ok(!patch.includes('clean.txt'), 'files without fixes have no diff');
    assert.equal(applyPatch(text, patch), `${SPACED_ITEM_FIXED}${CLEAN_ITEM.replace('课后服务基地', '课后服务基地0.5平方米')}`);
    assert.ok(run.stdout.endsWith('✔ 已检查 2 个文件，未发现问题。\n'));
  });

  it('--fix-dry-run with json gives the fixed text in "output" and no diff', async () => {
    const cwd = makeWorkspace({ 'a.txt': `${BOM}${SPACED_ITEM}` }, CONFIG);
    const run = await runCli(['--fix-dry-run', '--format', 'json'], { cwd });
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.output, `${BOM}${SPACED_ITEM_FIXED}`);
    assert.deepEqual(result.messages, []);
    assert.equal(read(join(cwd, 'a.txt')), `${BOM}${SPACED_ITEM}`);
  });

  it('--fix-dry-run works on standard input', async () => {
    const run = await runCli(['-', '--fix-dry-run', '--stdin-filename', 'draft.txt'], { cwd: makeWorkspace({}, CONFIG), stdin: SPACED_ITEM });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^\+{3} b\/draft\.txt$/m);
    assert.equal(applyPatch(SPACED_ITEM, run.stdout.slice(0, run.stdout.indexOf('✔'))), SPACED_ITEM_FIXED);
  });
});
