// The built program as users run it: bin/bulletin-lint.js (which loads dist/cli.js, built first when stale)
// in a child process, with real standard streams and exit codes.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as vm from 'node:vm';
import { join } from 'node:path';
import { CLI_BUNDLE, ensureBuilt } from '../support/build';
import { BIN, makeWorkspace, onlyRules, removeWorkspaces, runCli, spawnCli, SPACED_ITEM, SPACED_ITEM_FIXED } from './helpers';

const root = join(__dirname, '../..');

describe('cli: the built program', function () {
  this.timeout(60000);
  after(removeWorkspaces);
  before(() => ensureBuilt(CLI_BUNDLE));

  it('prints its version and help', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    assert.deepEqual(spawnCli(['--version'], { cwd: root }), { code: 0, stdout: `bulletin-lint ${version}\n`, stderr: '' });
    const help = spawnCli(['--help'], { cwd: root, env: { LANG: 'en_US.UTF-8' } });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: bulletin-lint/);
  });

  it('lints the examples with their configuration and exits with 0 or 1 as the problems say', () => {
    const run = spawnCli(['examples', '--format', 'json'], { cwd: root });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.equal(run.stderr, '');
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; errorCount: number; messages: Array<{ ruleId: string; fix?: { text: string } }> }>;
    assert.deepEqual(
      results.map(result => result.filePath),
      ['000.txt', '001.txt', '002.txt', '003.md', '004.txt'].map(name => join(root, 'examples', name)),
    );
    assert.equal(run.code, results.some(result => result.errorCount > 0) ? 1 : 0);
    // The unit directory of examples/.bulletinrc.json: sample 004's 区域管局 is probably 区城管局, and its
    // 先进制造业开发区 is an alias of 区先进制造业开发区.
    const unknownUnits = results[4].messages.filter(message => message.ruleId === 'attribution-unknown').map(message => message.fix?.text);
    assert.deepEqual(unknownUnits, ['区先进制造业开发区', '区城管局']);
  });

  it('reads standard input, fixes files and exits with 2 for a missing file', () => {
    const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'error' }) });
    const piped = spawnCli(['-', '--format', 'github'], { cwd, input: SPACED_ITEM });
    assert.equal(piped.code, 1);
    assert.match(piped.stdout, /^::error file=<stdin>,line=1,col=20,/);
    const fixed = spawnCli(['a.txt', '--fix'], { cwd });
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(readFileSync(join(cwd, 'a.txt'), 'utf8'), SPACED_ITEM_FIXED);
    const missing = spawnCli(['missing.txt', 'a.txt'], { cwd });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, '找不到文件或文件夹：missing.txt\n');
  });
  it('explains broken configurations as the sources do (its validator is compiled at build time)', async () => {
    const broken = [
      { rules: { 'number-unit-space': 'bad' } },
      { rules: { 'no-such-rule': 'off' } },
      { rules: { 'number-unit-space': { severity: 'loud' } } },
      { units: [{ nam: '区教育局' }] },
      { units: [3] },
      { ignore: [{ rule: 'no-such-rule', text: '区' }] },
      { overrides: [{ files: 3 }] },
      { unknown: 1 },
    ];
    for (const config of broken) {
      const cwd = makeWorkspace({ 'item.txt': SPACED_ITEM }, config);
      const built = spawnCli(['item.txt'], { cwd });
      const sources = await runCli(['item.txt'], { cwd });
      assert.equal(built.code, 2, JSON.stringify(config));
      assert.deepEqual(built, sources, JSON.stringify(config));
      assert.match(built.stderr, /^配置有误：/);
    }
  });
  it('starts from the code cache the build made, and without it when the cache does not fit', () => {
    const bundle = join(root, 'dist/cli.js');
    const cached = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    assert.equal(cached.cachedDataRejected, false, 'V8 accepts the cache made by esbuild.mjs');

    const cwd = makeWorkspace({ 'item.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'error' }) });
    const expected = spawnCli(['item.txt'], { cwd });
    assert.equal(expected.code, 1);
    // The same program beside a cache of another bundle (here: garbage) lints alike.
    const copy = mkdtempSync(join(tmpdir(), 'bulletin-lint-bin-'));
    try {
      mkdirSync(join(copy, 'bin'));
      mkdirSync(join(copy, 'dist'));
      copyFileSync(BIN, join(copy, 'bin/bulletin-lint.js'));
      copyFileSync(bundle, join(copy, 'dist/cli.js'));
      writeFileSync(join(copy, 'dist/cli.js.cache'), 'not a code cache');
      const run = spawnSync(process.execPath, [join(copy, 'bin/bulletin-lint.js'), 'item.txt'], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
      assert.deepEqual({ code: run.status, stdout: run.stdout, stderr: run.stderr }, expected);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
