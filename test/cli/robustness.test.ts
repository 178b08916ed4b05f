// The CLI when the file system is not kind (issue 4): read-only files, folders without permission, files that
// vanish, files that are not UTF-8 text, mixed line endings, and a process killed while it writes its fixes.
// Each bad file is named once, clearly, the run exits with 2, every other file is still checked, and no file is
// ever left half written. And the security promises: configuration is JSON only, and nothing in it can make
// --fix write anything but the files named.
//
// Most cases run the built program (bin/bulletin-lint.js) in a child process on a real temporary folder. Root
// ignores file permissions, so when the tests run as root the permission cases run the program as the
// unprivileged user `nobody` (uid 65534); where that is impossible they are skipped, saying why.

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../../server/src/cli/source';
import { CLI_BUNDLE, ensureBuilt } from '../support/build';
import { BIN, makeWorkspace, onlyRules, removeWorkspaces, runCli, spawnCli, SPACED_ITEM, SPACED_ITEM_FIXED } from './helpers';

const CONFIG = { rules: onlyRules({ 'number-unit-space': 'warning' }) };
/** nobody:nogroup on Debian and most Linux systems. */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

/** Who runs the CLI where permissions must apply: this process, or `nobody` when this process is root. */
function permissionRunner(): { user?: typeof UNPRIVILEGED; unavailable?: string } {
  if (process.platform === 'win32') return { unavailable: 'POSIX permissions are not available on Windows' };
  if (process.getuid?.() !== 0) return {};
  const probe = spawnSync('id', ['-u'], { ...UNPRIVILEGED, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { unavailable: `running as root, and cannot switch to uid 65534 to test permissions (${probe.error?.message ?? probe.stderr})` };
  return { user: UNPRIVILEGED };
}

/** Gives a workspace to `user` (recursively), so that the permissions set afterwards are the ones that count. */
function handOver(folder: string, user: typeof UNPRIVILEGED | undefined): void {
  if (!user) return;
  chownSync(folder, user.uid, user.gid);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) handOver(path, user);
    else chownSync(path, user.uid, user.gid);
  }
}

const read = (path: string) => readFileSync(path, 'utf8');

/** Every file below a folder with a digest of its bytes, and its modification time: what --fix may have changed. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) files.set(relative(folder, path), `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`);
      else files.set(relative(folder, path), `link ${lstatSync(path).mtimeMs}`);
    }
  };
  visit(folder);
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(path => before.get(path) !== after.get(path)).sort();
}

const temporaryFiles = (folder: string) => readdirSync(folder).filter(name => name.endsWith('.tmp'));

describe('cli: robustness', function () {
  this.timeout(120_000);
  const runner = permissionRunner();

  before(() => {
    ensureBuilt(CLI_BUNDLE);
    if (runner.unavailable) console.log(`      (permission cases skipped: ${runner.unavailable})`);
  });

  after(removeWorkspaces);

  /** A permission case: skipped, with the reason printed, where permissions cannot be tested. */
  const permissionCase = (title: string, body: () => void) =>
    it(title, function () {
      if (runner.unavailable) this.skip();
      body();
    });

  permissionCase('--fix on a read-only file names it, leaves it as it was (exit 2) and fixes the others', () => {
    const cwd = makeWorkspace({ 'ro.txt': SPACED_ITEM, 'ok.txt': SPACED_ITEM }, CONFIG);
    handOver(cwd, runner.user);
    chmodSync(join(cwd, 'ro.txt'), 0o444);
    const run = spawnCli(['--fix', 'ro.txt', 'ok.txt'], { cwd, ...runner.user });
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr, '无法写入修复：ro.txt（EACCES），文件未改动\n');
    assert.equal(read(join(cwd, 'ro.txt')), SPACED_ITEM);
    assert.equal(statSync(join(cwd, 'ro.txt')).mode & 0o777, 0o444);
    assert.equal(read(join(cwd, 'ok.txt')), SPACED_ITEM_FIXED);
    assert.match(run.stdout, /ro\.txt/, 'the unwritten file is still reported');
    assert.deepEqual(temporaryFiles(cwd), []);
  });

  permissionCase('a folder without permission is named, and every other file is still checked and fixed', () => {
    const cwd = makeWorkspace({ 'locked/a.txt': SPACED_ITEM, 'open/b.txt': SPACED_ITEM, 'top.txt': SPACED_ITEM }, CONFIG);
    handOver(cwd, runner.user);
    chmodSync(join(cwd, 'locked'), 0o000);
    try {
      const walked = spawnCli(['--fix', '.'], { cwd, ...runner.user });
      assert.equal(walked.code, 2);
      assert.equal(walked.stderr, '无法读取 locked（EACCES）\n');
      assert.equal(read(join(cwd, 'open', 'b.txt')), SPACED_ITEM_FIXED);
      assert.equal(read(join(cwd, 'top.txt')), SPACED_ITEM_FIXED);
      const named = spawnCli(['--fix', 'locked/a.txt', 'open/b.txt'], { cwd, ...runner.user });
      assert.equal(named.code, 2);
      assert.equal(named.stderr, '无法读取 locked/a.txt（EACCES）\n');
      assert.equal(named.stdout, '✖ 1 个文件未能检查（原因见上文）；已检查的 1 个文件中未发现问题。\n');
    } finally {
      chmodSync(join(cwd, 'locked'), 0o755);
    }
    assert.equal(read(join(cwd, 'locked', 'a.txt')), SPACED_ITEM);
  });

  permissionCase('--fix in a folder that may not be written names the file and leaves no temporary file', () => {
    const cwd = makeWorkspace({ 'sealed/a.txt': SPACED_ITEM, 'b.txt': SPACED_ITEM }, CONFIG);
    handOver(cwd, runner.user);
    chmodSync(join(cwd, 'sealed'), 0o555);
    try {
      const run = spawnCli(['--fix', 'sealed/a.txt', 'b.txt'], { cwd, ...runner.user });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, '无法写入修复：sealed/a.txt（EACCES），文件未改动\n');
      assert.deepEqual(readdirSync(join(cwd, 'sealed')), ['a.txt']);
    } finally {
      chmodSync(join(cwd, 'sealed'), 0o755);
    }
    assert.equal(read(join(cwd, 'sealed', 'a.txt')), SPACED_ITEM);
    assert.equal(read(join(cwd, 'b.txt')), SPACED_ITEM_FIXED);
  });

  it('a file that vanishes before it is read is named (exit 2); the others are checked', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'gone.txt': SPACED_ITEM, 'z.txt': SPACED_ITEM }, CONFIG);
    const run = await runCli(['--fix', '.'], {
      cwd,
      readFile: async path => {
        // Deleted between the walk that listed it and the read, as another program may.
        if (path.endsWith('gone.txt')) unlinkSync(path);
        return readFile(path);
      },
    });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '无法读取 gone.txt（ENOENT）\n');
    assert.equal(read(join(cwd, 'a.txt')), SPACED_ITEM_FIXED);
    assert.equal(read(join(cwd, 'z.txt')), SPACED_ITEM_FIXED);
    assert.ok(!existsSync(join(cwd, 'gone.txt')));
  });

  it('a file that vanishes before its fixes are written is not brought back (exit 2)', async () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, 'b.txt': SPACED_ITEM }, CONFIG);
    const run = await runCli(['--fix', 'a.txt', 'b.txt'], {
      cwd,
      writeFile: async (path, data) => {
        if (path.endsWith('a.txt')) unlinkSync(path);
        await writeFileAtomic(path, data);
      },
    });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '无法写入修复：a.txt（ENOENT），文件未改动\n');
    assert.deepEqual(readdirSync(cwd).sort(), ['.bulletinrc.json', 'b.txt']);
    assert.equal(read(join(cwd, 'b.txt')), SPACED_ITEM_FIXED);
  });

  it('--fix over files that are not UTF-8 text names each once (exit 2), writes none of them and fixes the rest', () => {
    const gbk = Buffer.from([0xc7, 0xf8, 0xbd, 0xcc, 0xd3, 0xfd, 0xbe, 0xd6, 0x20, 0x33, 0xb8, 0xf6, 0x0a]); // 区教育局 3个 in GBK
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('区教育局 3个\n', 'utf16le')]);
    const mixed = `${SPACED_ITEM.trimEnd()}\r\n${SPACED_ITEM.trimEnd()}\n${SPACED_ITEM.trimEnd()}\r${SPACED_ITEM}`;
    const files = { 'gbk.txt': gbk, 'image.txt': png, 'utf16.txt': utf16, 'mixed.txt': mixed, 'ok.txt': SPACED_ITEM };
    const cwd = makeWorkspace(files, CONFIG);
    const run = spawnCli(['--fix', '.'], { cwd });
    assert.equal(run.code, 2);
    assert.deepEqual(run.stderr.trimEnd().split('\n').sort(), [
      'gbk.txt 不是 UTF-8 编码的文本，未检查（请另存为 UTF-8）',
      'image.txt 不是文本文件（含有 NUL 字节），未检查',
      'utf16.txt 不是 UTF-8 编码的文本，未检查（请另存为 UTF-8）',
    ]);
    for (const name of ['gbk.txt', 'image.txt', 'utf16.txt'] as const) assert.deepEqual(readFileSync(join(cwd, name)), files[name], `${name} untouched`);
    assert.equal(read(join(cwd, 'ok.txt')), SPACED_ITEM_FIXED);
    // Mixed line endings are text, not an error: every line keeps its own ending.
    const fixedLine = SPACED_ITEM_FIXED.trimEnd();
    assert.equal(read(join(cwd, 'mixed.txt')), `${fixedLine}\r\n${fixedLine}\n${fixedLine}\r${SPACED_ITEM_FIXED}`);
  });

  it('killed while fixing a large file, it leaves the original or the fixed text, never a part of either', async function () {
    const original = SPACED_ITEM.repeat(Math.ceil(4_000_000 / Buffer.byteLength(SPACED_ITEM)));
    const reference = makeWorkspace({ 'big.txt': original }, CONFIG);
    const started = Date.now();
    assert.equal(spawnCli(['--fix', '--quiet', 'big.txt'], { cwd: reference }).code, 0);
    const duration = Date.now() - started;
    const fixed = readFileSync(join(reference, 'big.txt'));
    assert.notDeepEqual(fixed, Buffer.from(original));
    const outcomes: string[] = [];
    // Killed as soon as the temporary file appears (while the fixes are written), and at moments across the run.
    const moments: Array<'on-write' | number> = ['on-write', 'on-write', 0.25, 0.5, 0.75, 0.95];
    for (const moment of moments) {
      const cwd = makeWorkspace({ 'big.txt': original }, CONFIG);
      const child = spawn(process.execPath, [BIN, '--fix', '--quiet', 'big.txt'], { cwd, stdio: 'ignore' });
      const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
      const kill = () => child.kill('SIGKILL');
      const watcher = moment === 'on-write' ? watch(cwd, (_, name) => { if (String(name).endsWith('.tmp')) kill(); }) : undefined;
      const timer = typeof moment === 'number' ? setTimeout(kill, Math.round(duration * moment)) : undefined;
      await exited;
      watcher?.close();
      clearTimeout(timer);
      const left = readFileSync(join(cwd, 'big.txt'));
      const whole = left.equals(fixed) ? 'fixed' : left.equals(Buffer.from(original)) ? 'original' : undefined;
      assert.ok(whole, `killed at ${moment}: big.txt is neither the original nor the fixed text (${left.length} bytes)`);
      outcomes.push(`${moment}: ${whole}${temporaryFiles(cwd).length ? ' (temporary file left)' : ''}`);
    }
    this.test!.title += ` [${outcomes.join('; ')}]`;
  });

  describe('security', () => {
    it('configuration is JSON only: no .js, .cjs or .mjs file of a workspace ever runs', () => {
      const marker = join(tmpdir(), `bulletin-lint-pwned-${process.pid}`);
      const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: {} };`;
      const cwd = makeWorkspace({
        '.bulletinrc.js': payload,
        '.bulletinrc.cjs': payload,
        '.bulletinrc.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export default {};`,
        'bulletin-lint.config.js': payload,
        'sub/.bulletinrc.json': '{"rules": {}}',
        'sub/a.txt': SPACED_ITEM,
      }, CONFIG);
      try {
        const run = spawnCli(['sub/a.txt'], { cwd });
        assert.equal(run.code, 0, run.stderr);
        const named = spawnCli(['--config', '.bulletinrc.js', 'sub/a.txt'], { cwd });
        assert.equal(named.code, 2);
        assert.match(named.stderr, /\.bulletinrc\.js/, 'a configuration that is not JSON is refused, naming the file');
        assert.ok(!existsSync(marker), 'no workspace code ran');
      } finally {
        rmSync(marker, { force: true });
      }
    });

    it('a configuration cannot pollute prototypes (__proto__, constructor keys are refused as unknown)', async () => {
      const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM, '.bulletinrc.json': '{"root": true, "__proto__": {"polluted": "yes"}, "rules": {"constructor": {"prototype": {"polluted": "yes"}}}}' });
      const run = await runCli(['a.txt'], { cwd });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /\.bulletinrc\.json/);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    });

    it('paths in the configuration cannot make --fix write anything but the files named', () => {
      const base = mkdtempSync(join(tmpdir(), 'bulletin-lint-outside-'));
      try {
        const outside = join(base, 'outside');
        mkdirSync(outside);
        writeFileSync(join(outside, 'secret.txt'), SPACED_ITEM);
        const workspace = join(base, 'workspace');
        mkdirSync(join(workspace, 'drafts'), { recursive: true });
        writeFileSync(join(workspace, '.bulletinrc.json'), JSON.stringify({
          root: true,
          ...CONFIG,
          ignorePatterns: ['../outside/**', '/etc/**'],
          overrides: [{ files: ['../outside/*.txt', `${outside}/**`, '**/*'], rules: { 'number-unit-space': 'error' } }],
          ignore: [{ rule: 'number-unit-space', text: '不存在', files: '../outside/**' }],
        }));
        writeFileSync(join(workspace, 'drafts', 'named.txt'), SPACED_ITEM);
        writeFileSync(join(workspace, 'drafts', 'other.txt'), SPACED_ITEM);
        // A link in a folder that is walked, to a file outside it: links are not followed.
        symlinkSync(join(outside, 'secret.txt'), join(workspace, 'drafts', 'link.txt'));
        const before = snapshot(base);
        const named = spawnCli(['--fix', 'drafts/named.txt'], { cwd: workspace });
        assert.equal(named.code, 0, named.stderr);
        assert.deepEqual(changedFiles(before, snapshot(base)), ['workspace/drafts/named.txt']);
        const walked = spawnCli(['--fix', 'drafts'], { cwd: workspace });
        assert.equal(walked.code, 0, walked.stderr);
        assert.deepEqual(changedFiles(before, snapshot(base)), ['workspace/drafts/named.txt', 'workspace/drafts/other.txt']);
        assert.equal(read(join(outside, 'secret.txt')), SPACED_ITEM);
        assert.ok(lstatSync(join(workspace, 'drafts', 'link.txt')).isSymbolicLink());
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });
  });
});
