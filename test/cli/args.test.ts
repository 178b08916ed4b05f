// The flags of bulletin-lint: what each one does, and the usage errors (exit code 2) for wrong ones.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentLocale } from '../../server/src/cli/messages';
import { makeWorkspace, onlyRules, removeWorkspaces, runCli, SPACED_ITEM, CLEAN_ITEM } from './helpers';

const packageVersion = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version;

describe('cli: flags', () => {
  after(removeWorkspaces);
  const spacedWorkspace = () => makeWorkspace({ 'item.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'warning' }) });

  describe('--help and --version', () => {
    it('--help prints the usage in Chinese by default and in English with --locale en', async () => {
      const cwd = makeWorkspace({});
      const zh = await runCli(['--help'], { cwd });
      assert.equal(zh.code, 0);
      assert.match(zh.stdout, /^用法：bulletin-lint/);
      for (const flag of ['--fix', '--fix-dry-run', '--format', '--rule', '--config', '--max-warnings', '--quiet', '--locale', '--stdin-filename', '--version']) {
        assert.ok(zh.stdout.includes(flag), `help names ${flag}`);
      }
      const en = await runCli(['-h', '--locale', 'en'], { cwd });
      assert.equal(en.code, 0);
      assert.match(en.stdout, /^Usage: bulletin-lint/);
    });

    it('--version prints the version of package.json', async () => {
      const run = await runCli(['--version'], { cwd: makeWorkspace({}) });
      assert.equal(run.code, 0);
      assert.equal(run.stdout, `bulletin-lint ${packageVersion}\n`);
      assert.equal((await runCli(['-v'], { cwd: makeWorkspace({}) })).stdout, run.stdout);
    });
  });

  describe('usage errors exit with 2 and a hint', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['an unknown option', ['--fixx'], /未知的选项：--fixx/],
      ['a missing value', ['--format'], /选项 --format 需要一个值/],
      ['a value for a switch', ['--fix=yes'], /选项 --fix 不接受值/],
      ['an unknown format', ['--format', 'xml'], /未知的输出格式“xml”，可选：stylish、json、sarif、github/],
      ['an unknown rule id', ['--rule', 'number-grouping-x=off'], /没有名为“number-grouping-x”的规则/],
      ['an unknown severity', ['--rule', 'number-grouping=warn'], /未知的级别“warn”/],
      ['a --rule without =', ['--rule', 'number-grouping'], /应写成 规则=级别/],
      ['a negative --max-warnings', ['--max-warnings', '-1'], /--max-warnings/],
      ['a non-numeric --max-warnings', ['--max-warnings', 'many'], /--max-warnings 的值“many”/],
      ['an unknown locale', ['--locale', 'fr'], /未知的语言“fr”/],
      ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run'], /--fix 和 --fix-dry-run 不能同时使用/],
      ['--fix on standard input', ['--fix', '-'], /标准输入不能使用 --fix/],
      ['standard input twice', ['-', '-'], /标准输入（-）只能给出一次/],
      ['--stdin-filename without -', ['--stdin-filename', 'a.txt', 'a.txt'], /--stdin-filename 只能与 -/],
    ];
    for (const [name, argv, message] of cases) {
      it(name, async () => {
        const run = await runCli(argv, { cwd: spacedWorkspace() });
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, message);
        assert.match(run.stderr, /运行 bulletin-lint --help 查看用法。/);
        assert.equal(run.stdout, '');
      });
    }

    it('in English when the locale is en', async () => {
      const run = await runCli(['--rule', 'nope=off', '--locale', 'en'], { cwd: spacedWorkspace() });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'There is no rule "nope"\nRun bulletin-lint --help for usage.\n');
    });
  });

  describe('--rule', () => {
    it('raises a rule to error (exit 1), turns it off (exit 0), and the last flag for a rule wins', async () => {
      const cwd = spacedWorkspace();
      const raised = await runCli(['--rule', 'number-unit-space=error', '--format', 'json'], { cwd });
      assert.equal(raised.code, 1);
      assert.deepEqual(JSON.parse(raised.stdout)[0].messages.map((message: { severity: number }) => message.severity), [2, 2]);
      const off = await runCli(['--rule', 'number-unit-space=error', '--rule', 'number-unit-space=off', '--format', 'json'], { cwd });
      assert.equal(off.code, 0);
      assert.deepEqual(JSON.parse(off.stdout)[0].messages, []);
    });

    it('sits above the configuration files', async () => {
      const cwd = makeWorkspace({ 'item.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'off' }) });
      const run = await runCli(['--rule', 'number-unit-space=info', '--format', 'json'], { cwd });
      assert.deepEqual(JSON.parse(run.stdout)[0].messages.map((message: { ruleId: string; severity: number }) => [message.ruleId, message.severity]), [
        ['number-unit-space', 0],
        ['number-unit-space', 0],
      ]);
      assert.equal(run.code, 0, 'info does not fail');
    });
  });

  describe('--max-warnings and --quiet', () => {
    it('fails when the warnings outnumber --max-warnings, and names the count', async () => {
      const cwd = spacedWorkspace();
      assert.equal((await runCli([], { cwd })).code, 0, 'warnings alone pass');
      assert.equal((await runCli(['--max-warnings', '2'], { cwd })).code, 0);
      const over = await runCli(['--max-warnings', '1'], { cwd });
      assert.equal(over.code, 1);
      assert.equal(over.stderr, '警告有 2 个，多于 --max-warnings 允许的 1 个。\n');
    });

    it('--quiet shows errors only, but warnings still count against --max-warnings', async () => {
      const cwd = makeWorkspace(
        { 'item.txt': SPACED_ITEM, 'units.txt': CLEAN_ITEM.replace('课后服务基地', '课后服务基地0.5平米') },
        { rules: onlyRules({ 'number-unit-space': 'warning', 'unit-nonstandard': 'error' }) },
      );
      const quiet = await runCli(['--quiet', '--format', 'json'], { cwd });
      const messages = JSON.parse(quiet.stdout).flatMap((result: { messages: Array<{ ruleId: string }> }) => result.messages.map(message => message.ruleId));
      assert.deepEqual(messages, ['unit-nonstandard']);
      assert.equal(quiet.code, 1);
      const stylish = await runCli(['--quiet'], { cwd });
      assert.ok(!stylish.stdout.includes('number-unit-space'));
      assert.ok(stylish.stdout.includes('unit-nonstandard'));
      const onlyWarnings = makeWorkspace({ 'item.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'warning' }) });
      assert.equal((await runCli(['--quiet', '--max-warnings', '0'], { cwd: onlyWarnings })).code, 1);
      const quietClean = await runCli(['--quiet'], { cwd: onlyWarnings });
      assert.equal(quietClean.code, 0);
      assert.equal(quietClean.stdout, '✔ 已检查 1 个文件，未发现错误。\n');
    });
  });

  describe('--locale and the environment', () => {
    it('reads LC_ALL, then LC_MESSAGES, then LANG; English when the first one set starts with en', () => {
      assert.equal(environmentLocale({}), 'zh');
      assert.equal(environmentLocale({ LANG: 'en_US.UTF-8' }), 'en');
      assert.equal(environmentLocale({ LANG: 'en' }), 'en');
      assert.equal(environmentLocale({ LANG: 'zh_CN.UTF-8' }), 'zh');
      assert.equal(environmentLocale({ LANG: 'C.UTF-8' }), 'zh');
      assert.equal(environmentLocale({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
      assert.equal(environmentLocale({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
      assert.equal(environmentLocale({ LC_ALL: '', LANG: 'en_US' }), 'en', 'an empty variable is not set');
      assert.equal(environmentLocale({ LANG: 'eo' }), 'zh', 'Esperanto is not English');
    });

    it('speaks English in the report under LANG=en_US and --locale en, and Chinese under --locale zh', async () => {
      const cwd = spacedWorkspace();
      const english = await runCli([], { cwd, env: { LANG: 'en_US.UTF-8' } });
      assert.match(english.stdout, /2 problems \(0 errors, 2 warnings\)/);
      assert.match(english.stdout, / warning /);
      assert.equal((await runCli(['--locale', 'en'], { cwd })).stdout, english.stdout);
      const chinese = await runCli(['--locale', 'zh'], { cwd, env: { LANG: 'en_US.UTF-8' } });
      assert.match(chinese.stdout, /共 2 个问题（0 个错误，2 个警告）/);
      assert.match(chinese.stdout, / 警告 /);
      const json = JSON.parse((await runCli(['--locale', 'en', '--format', 'json'], { cwd })).stdout);
      const chineseJson = JSON.parse((await runCli(['--format', 'json'], { cwd })).stdout);
      assert.notEqual(json[0].messages[0].message, chineseJson[0].messages[0].message, 'rule messages follow the locale');
    });
  });

  it('checks the current folder when no file is given', async () => {
    const cwd = spacedWorkspace();
    const run = await runCli(['--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath), [join(cwd, 'item.txt')]);
  });
});
