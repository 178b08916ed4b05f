// .bulletinrc.json: discovery (nearest wins, parents merge under children, root stops), --config, overrides,
// ignorePatterns, accepted texts, and errors that name the file and the key. The tree is
// test/fixtures/workspace; files that change during a test live in temporary folders.

import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigCache, ConfigError, findConfigFiles, normalizeRuleSetting, resolveFileSettings, validateConfig } from '../../server/src/config';
import { makeWorkspace, onlyRules, removeWorkspaces, runCli, SPACED_ITEM } from './helpers';

const workspace = join(__dirname, '../fixtures/workspace');
const at = (path: string) => join(workspace, path);

function configErrorOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('no ConfigError');
}

describe('cli: configuration', () => {
  after(removeWorkspaces);

  describe('discovery and merging', () => {
    it('merges the parent configuration under the nearer one, which wins key by key', () => {
      const settings = resolveFileSettings(at('drafts/draft.txt'));
      assert.deepEqual(settings.configFiles, [at('.bulletinrc.json'), at('drafts/.bulletinrc.json')]);
      assert.equal(settings.ignored, false);
      assert.deepEqual(settings.options.rules, {
        'number-grouping': { severity: 'info', options: {} },
        // The severity comes from the nearer file; the options from the parent stay.
        'cjk-latin-space': { severity: 'error', options: { mode: 'document' } },
      });
      assert.deepEqual(settings.options.units, [
        { name: '区城管局', aliases: ['区城市管理局'] },
        { name: '峡窝镇' },
        { name: '区教育局', aliases: ['区教委'] },
      ]);
    });

    it('stops at root: true', () => {
      const settings = resolveFileSettings(at('drafts/isolated/draft.txt'));
      assert.deepEqual(settings.configFiles, [at('drafts/isolated/.bulletinrc.json')]);
      assert.deepEqual(settings.options, { rules: { 'punct-repeat': { severity: 'off', options: {} } } });
      assert.deepEqual(findConfigFiles(at('drafts/isolated/draft.txt')), settings.configFiles);
    });

    it('applies overrides to the files their globs match, relative to the configuration file', () => {
      assert.deepEqual(resolveFileSettings(at('notes.md')).options.rules?.['punct-halfwidth'], { severity: 'error', options: {} });
      assert.equal(resolveFileSettings(at('item.txt')).options.rules?.['punct-halfwidth'], undefined);
      assert.deepEqual(
        resolveFileSettings(at('item.txt')).options.units?.map(unit => unit.name),
        ['区教育局', '区城管局'],
        'the drafts/** override does not reach item.txt',
      );
    });

    it('ignores the files of ignorePatterns (a folder pattern, and a name at any depth)', () => {
      assert.equal(resolveFileSettings(at('drafts/old/legacy.txt')).ignored, true);
      assert.equal(resolveFileSettings(at('a.skip.txt')).ignored, true);
      assert.equal(resolveFileSettings(at('item.txt')).ignored, false);
    });

    it('passes accepted texts to the core, those with files only where the files match', () => {
      assert.deepEqual(resolveFileSettings(at('drafts/draft.txt')).options.ignore, [
        { rule: 'number-unit-space', text: '第 45 期' },
        { rule: 'cjk-latin-space', text: '导入 SQL' },
      ]);
      assert.deepEqual(resolveFileSettings(at('item.txt')).options.ignore, [{ rule: 'number-unit-space', text: '第 45 期' }]);
    });

    it('--config replaces the search', () => {
      const settings = resolveFileSettings(at('drafts/draft.txt'), { configPath: at('drafts/isolated/.bulletinrc.json') });
      assert.deepEqual(settings.configFiles, [at('drafts/isolated/.bulletinrc.json')]);
      assert.deepEqual(Object.keys(settings.options.rules ?? {}), ['punct-repeat']);
    });

    it('puts base settings below the files and overrides above them', () => {
      const settings = resolveFileSettings(at('drafts/draft.txt'), {
        base: { rules: { 'number-grouping': 'error', 'punct-repeat': 'info' }, units: ['区农委'] },
        overrides: { rules: { 'cjk-latin-space': 'off' } },
      });
      assert.equal(settings.options.rules?.['number-grouping'].severity, 'info', 'the files win over the base');
      assert.equal(settings.options.rules?.['punct-repeat'].severity, 'info', 'the base applies where the files say nothing');
      assert.deepEqual(settings.options.rules?.['cjk-latin-space'], { severity: 'off', options: { mode: 'document' } });
      assert.equal(settings.options.units?.[0].name, '区农委');
    });

    it('a file without configuration gets empty options and issue settings', () => {
      const cwd = makeWorkspace({ 'a.txt': SPACED_ITEM });
      assert.deepEqual(resolveFileSettings(join(cwd, 'a.txt')), { options: {}, ignored: false, configFiles: [join(cwd, '.bulletinrc.json')], issue: {} });
    });
  });

  describe('through the CLI', () => {
    it('lints with each file its own configuration, and skips ignored files', async () => {
      const run = await runCli(['.', '--format', 'json'], { cwd: at('drafts') });
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
      assert.deepEqual(
        results.map(result => result.filePath),
        [at('drafts/draft.txt'), at('drafts/isolated/draft.txt')],
      );
      // drafts/draft.txt accepts 导入 SQL for cjk-latin-space; the isolated draft does not read that file.
      assert.ok(!results[0].messages.some(message => message.ruleId === 'cjk-latin-space'));
      assert.ok(results[1].messages.some(message => message.ruleId === 'cjk-latin-space'));
    });

    it('says so on standard error when a file named explicitly is ignored, and checks nothing else', async () => {
      const run = await runCli(['drafts/old/legacy.txt'], { cwd: workspace });
      assert.equal(run.code, 0);
      assert.equal(run.stderr, 'drafts/old/legacy.txt 已按配置中的 ignorePatterns 忽略\n');
      assert.equal(run.stdout, '✔ 已检查 0 个文件，未发现问题。\n');
    });

    it('a broken configuration is named once with its key (exit 2); the files of other configurations are checked', async () => {
      const run = await runCli(['broken', 'invalid-json', 'broken/draft.txt', 'item.txt', '--format', 'json'], { cwd: workspace });
      assert.equal(run.code, 2);
      assert.equal(
        run.stderr,
        [
          `配置有误：${at('broken/.bulletinrc.json')}，键“rules.number-grouping-x”：没有名为“number-grouping-x”的规则，是否指“number-grouping”？`,
          `配置有误：${at('invalid-json/.bulletinrc.json')}：不是有效的 JSON：第 4 行第 3 列（${JSON_ERROR}）`,
          '',
        ].join('\n'),
      );
      assert.deepEqual(JSON.parse(run.stdout).map((result: { filePath: string }) => result.filePath), [at('item.txt')]);
    });

    it('--config with a broken or missing file stops before checking anything', async () => {
      const broken = await runCli(['--config', 'broken/.bulletinrc.json', 'item.txt', '--locale', 'en'], { cwd: workspace });
      assert.equal(broken.code, 2);
      assert.equal(
        broken.stderr,
        `Invalid configuration ${at('broken/.bulletinrc.json')}, key "rules.number-grouping-x": there is no rule "number-grouping-x"; did you mean "number-grouping"?\n`,
      );
      assert.equal(broken.stdout, '');
      const missing = await runCli(['--config', 'nowhere.json', 'item.txt'], { cwd: workspace });
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, `配置有误：${at('nowhere.json')}：找不到配置文件\n`);
    });

    it('--config applies one file to every file, its globs relative to its own folder', async () => {
      const cwd = makeWorkspace({
        'config/strict.json': JSON.stringify({ rules: onlyRules({ 'number-unit-space': 'error' }), ignorePatterns: ['skipped.txt'] }),
        'a.txt': SPACED_ITEM,
        'config/skipped.txt': SPACED_ITEM,
        'sub/.bulletinrc.json': JSON.stringify({ rules: { 'number-unit-space': 'off' } }),
        'sub/b.txt': SPACED_ITEM,
      });
      const run = await runCli(['--config', 'config/strict.json', '--format', 'json'], { cwd });
      assert.equal(run.code, 1);
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; errorCount: number }>;
      assert.deepEqual(
        results.map(result => [result.filePath, result.errorCount]),
        [
          [join(cwd, 'a.txt'), 2],
          [join(cwd, 'sub/b.txt'), 2],
        ],
      );
    });
  });

  describe('validation', () => {
    const cases: Array<[string, unknown, string, string]> = [
      ['an unknown key', { rot: true }, 'rot', '未知的键'],
      ['an unknown rule', { rules: { 'punct-repet': 'off' } }, 'rules.punct-repet', '没有名为“punct-repet”的规则，是否指“punct-repeat”？'],
      ['an unknown rule in overrides', { overrides: [{ files: '*.md', rules: { nope: 'off' } }] }, 'overrides[0].rules.nope', '没有名为“nope”的规则'],
      ['a wrong severity', { rules: { 'punct-repeat': 'warn' } }, 'rules.punct-repeat', '应为 "off"、"info"、"warning"、"error" 之一，或 { "severity": …, 规则选项 } 形式的对象'],
      ['a wrong severity in an object', { rules: { 'punct-repeat': { severity: 2 } } }, 'rules.punct-repeat.severity', '应为 "off"、"info"、"warning"、"error" 之一'],
      ['a unit of the wrong type', { units: ['区教育局', 3] }, 'units[1]', '应为单位名称，或 { "name": …, "aliases": […] } 形式的对象'],
      ['an unknown key in a unit', { units: [{ name: '区教育局', alias: ['区教委'] }] }, 'units[0].alias', '未知的键'],
      ['overrides without files', { overrides: [{ rules: {} }] }, 'overrides[0].files', '缺少此键'],
      ['files of the wrong type', { overrides: [{ files: 3 }] }, 'overrides[0].files', '应为 glob 字符串，或 glob 字符串的数组'],
      ['an ignore entry for an unknown rule', { ignore: [{ rule: 'punct', text: '，，' }] }, 'ignore[0].rule', '没有名为“punct”的规则'],
      ['an empty accepted text', { ignore: [{ rule: 'punct-repeat', text: '' }] }, 'ignore[0].text', '不能为空'],
      ['root that is not a boolean', { root: 'yes' }, 'root', '应为 true 或 false'],
      ['ignorePatterns that is not an array', { ignorePatterns: 'old/' }, 'ignorePatterns', '应为数组 [ … ]'],
    ];
    for (const [name, value, key, reason] of cases) {
      it(`names the key of ${name}`, () => {
        const error = configErrorOf(() => validateConfig(value, '/w/.bulletinrc.json'));
        assert.equal(error.file, '/w/.bulletinrc.json');
        assert.equal(error.key, key);
        assert.equal(error.describe('zh'), `配置有误：/w/.bulletinrc.json，键“${key}”：${reason}`);
        assert.ok(error.describe('en').startsWith(`Invalid configuration /w/.bulletinrc.json, key "${key}": `));
      });
    }

    it('a configuration that is not an object', () => {
      const error = configErrorOf(() => validateConfig([], '/w/.bulletinrc.json'));
      assert.equal(error.key, undefined);
      assert.equal(error.describe('zh'), '配置有误：/w/.bulletinrc.json：应为对象 { … }');
    });

    it('settings from the command line or the editor are validated and named as such', () => {
      const error = configErrorOf(() => resolveFileSettings(at('item.txt'), { base: { rules: { nope: 'off' } } }));
      assert.equal(error.file, '<settings>');
      assert.equal(error.key, 'rules.nope');
    });
  });

  describe('normalizeRuleSetting', () => {
    it('normalises a severity or an object, inheriting what it does not say', () => {
      assert.deepEqual(normalizeRuleSetting('warning', 'rules.punct-repeat', 'f'), { severity: 'warning', options: {} });
      assert.deepEqual(normalizeRuleSetting({ maxLength: 40 }, 'rules.headline-format', 'f'), { severity: 'warning', options: { maxLength: 40 } }, 'the default severity');
      const inherited = { severity: 'error' as const, options: { maxLength: 40, strict: true } };
      assert.deepEqual(normalizeRuleSetting({ maxLength: 30 }, 'overrides[0].rules.headline-format', 'f', inherited), { severity: 'error', options: { maxLength: 30, strict: true } });
      assert.deepEqual(normalizeRuleSetting('off', 'rules.headline-format', 'f', inherited), { severity: 'off', options: { maxLength: 40, strict: true } });
    });

    it('rejects unknown rules and values with the key', () => {
      assert.equal(configErrorOf(() => normalizeRuleSetting('off', 'bulletinLint.rules.nope', 'settings')).key, 'bulletinLint.rules.nope');
      assert.equal(configErrorOf(() => normalizeRuleSetting('warn', 'rules.punct-repeat', 'f')).reason.zh, '应为 "off"、"info"、"warning"、"error" 之一');
      assert.equal(configErrorOf(() => normalizeRuleSetting({ severity: 'hint' }, 'rules.punct-repeat', 'f')).key, 'rules.punct-repeat.severity');
      assert.equal(configErrorOf(() => normalizeRuleSetting(1, 'rules.punct-repeat', 'f')).key, 'rules.punct-repeat');
    });
  });

  describe('ConfigCache', () => {
    it('reads each file once until cleared, and remembers a broken one', () => {
      const cwd = makeWorkspace({}, { rules: { 'punct-repeat': 'off' } });
      const path = join(cwd, '.bulletinrc.json');
      const cache = new ConfigCache();
      const first = cache.load(path);
      writeFileSync(path, JSON.stringify({ root: true, rules: { 'punct-repeat': 'error' } }));
      assert.equal(cache.load(path), first, 'memoised');
      assert.equal(resolveFileSettings(join(cwd, 'a.txt'), { cache }).options.rules?.['punct-repeat'].severity, 'off');
      cache.clear();
      assert.equal(resolveFileSettings(join(cwd, 'a.txt'), { cache }).options.rules?.['punct-repeat'].severity, 'error');
      writeFileSync(path, '{');
      cache.clear();
      const error = configErrorOf(() => cache.load(path));
      writeFileSync(path, '{}');
      assert.equal(configErrorOf(() => cache.load(path)), error, 'the error is remembered too');
    });

    it('accepts a BOM in the configuration file', () => {
      const cwd = makeWorkspace({ '.bulletinrc.json': '\uFEFF{ "root": true, "units": ["区农委"] }' });
      assert.deepEqual(resolveFileSettings(join(cwd, 'a.txt')).options.units, [{ name: '区农委' }]);
    });
  });
});

/** V8's own words for the trailing comma of invalid-json/.bulletinrc.json (they vary between Node versions). */
const JSON_ERROR = (() => {
  try {
    JSON.parse('{\n  "rules": {\n    "number-grouping": "off",\n  }\n}\n');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
})();
