// The four output formats: ESLint-compatible JSON, SARIF 2.1.0, GitHub workflow annotations and stylish.

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { toEslintFix } from '../../server/src/cli/formatters/json';
import { displayWidth } from '../../server/src/cli/formatters/stylish';
import { docsUrl, ruleById, rules } from '../../server/src/core';
import { makeWorkspace, onlyRules, removeWorkspaces, runCli, SPACED_ITEM } from './helpers';

/** 𠮷 (two UTF-16 units) before the problems: columns count UTF-16 units, as editors and SARIF do. */
const ASTRAL_LINE = '𠮷𠮷区教育局推进课后服务 一是建成 3个基地。二是导入 SQL数据库。（区教育局）\n';
const TEXT = `${SPACED_ITEM}${ASTRAL_LINE}`;
const CONFIG = { rules: onlyRules({ 'number-unit-space': 'error', 'cjk-latin-space': 'info' }) };

describe('cli: formats', () => {
  after(removeWorkspaces);
  let cwd: string;
  before(() => {
    cwd = makeWorkspace({ 'drafts/item.txt': TEXT, 'drafts/clean.txt': '区教育局推进课后服务 一是建成3个基地。二是开设课程。（区教育局）\n' }, CONFIG);
  });

  describe('json (ESLint-compatible)', () => {
    it('gives every file its messages, 1-based lines and UTF-16 columns, severities 2/1/0 and counts', async () => {
      const run = await runCli(['drafts', '--format', 'json'], { cwd });
      assert.equal(run.code, 1);
      const results = JSON.parse(run.stdout);
      assert.deepEqual(
        results.map((result: { filePath: string }) => result.filePath),
        [join(cwd, 'drafts/clean.txt'), join(cwd, 'drafts/item.txt')],
      );
      const [clean, item] = results;
      assert.deepEqual(clean, {
        filePath: join(cwd, 'drafts/clean.txt'),
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      });
      const firstSpace = SPACED_ITEM.indexOf(' 3个');
      const astralSpace = TEXT.indexOf(' 3个基地');
      const latinSpace = TEXT.indexOf(' SQL');
      assert.deepEqual(
        item.messages.map(({ message: _message, ...rest }: { message: string }) => rest),
        [
          { ruleId: 'number-unit-space', severity: 2, line: 1, column: 20, endLine: 1, endColumn: 21, fix: { range: [firstSpace, firstSpace + 1], text: '' } },
          { ruleId: 'number-unit-space', severity: 2, line: 1, column: 36, endLine: 1, endColumn: 37, fix: { range: [SPACED_ITEM.indexOf(' 180'), SPACED_ITEM.indexOf(' 180') + 1], text: '' } },
          // 𠮷𠮷 is four UTF-16 units: the space after 建成 is unit 19 of the line (code point 17), column 20.
          { ruleId: 'number-unit-space', severity: 2, line: 2, column: 20, endLine: 2, endColumn: 21, fix: { range: [astralSpace, astralSpace + 1], text: '' } },
          { ruleId: 'cjk-latin-space', severity: 0, line: 2, column: 30, endLine: 2, endColumn: 31, fix: { range: [latinSpace, latinSpace + 1], text: '' } },
        ],
      );
      assert.equal(ASTRAL_LINE.indexOf(' 3个'), 19);
      assert.equal([...ASTRAL_LINE.slice(0, 19)].length, 17);
      assert.equal(ASTRAL_LINE.indexOf(' SQL'), 29);
      assert.ok(item.messages.every((message: { message: string }) => /[\u4e00-\u9fff]/.test(message.message)), 'messages in Chinese');
      assert.equal(item.errorCount, 3);
      assert.equal(item.warningCount, 0, 'info is no warning');
      assert.equal(item.fixableErrorCount, 3);
      assert.equal(item.fixableWarningCount, 0);
    });

    it('turns a fix of several edits into one range with the text between the edits rebuilt', () => {
      const text = '甲(乙)丙';
      const fix = toEslintFix(text, [
        { start: 3, end: 4, text: '）' },
        { start: 1, end: 2, text: '（' },
      ]);
      assert.deepEqual(fix, { range: [1, 4], text: '（乙）' });
      const applied = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
      assert.equal(applied, '甲（乙）丙');
      assert.deepEqual(toEslintFix('abc', [{ start: 3, end: 3, text: '。' }]), { range: [3, 3], text: '。' }, 'an insertion');
    });

    it('info diagnostics are reported (severity 0) but never fail the run', async () => {
      const infoOnly = makeWorkspace({ 'a.txt': ASTRAL_LINE.replace(' 3个', '3个') }, { rules: onlyRules({ 'cjk-latin-space': 'info' }) });
      const run = await runCli(['--format', 'json', '--max-warnings', '0'], { cwd: infoOnly });
      assert.equal(run.code, 0);
      assert.deepEqual(JSON.parse(run.stdout)[0].messages.map((message: { severity: number }) => message.severity), [0]);
    });
  });

  describe('sarif', () => {
    it('is a SARIF 2.1.0 log: rule metadata for every rule, results with regions, fixes, notes for info', async () => {
      const run = await runCli(['drafts', '--format', 'sarif'], { cwd });
      assert.equal(run.code, 1);
      const log = JSON.parse(run.stdout);
      const validate = new Ajv({ allErrors: true }).compile(SARIF_STRUCTURE);
      // A fresh parse: the type guard would narrow `log` to unknown.
      assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      const [sarifRun] = log.runs;
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
      assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(cwd).href}/`);
      const driver = sarifRun.tool.driver;
      assert.equal(driver.name, 'bulletin-lint');
      assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), rules.map(rule => rule.id));
      for (const descriptor of driver.rules) {
        const rule = ruleById.get(descriptor.id)!;
        assert.equal(descriptor.helpUri, docsUrl(rule.id));
        assert.equal(descriptor.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
        assert.ok(descriptor.shortDescription.text);
      }
      assert.deepEqual(sarifRun.artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri), ['drafts/clean.txt', 'drafts/item.txt']);
      const results = sarifRun.results;
      assert.deepEqual(results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]), [
        ['number-unit-space', 'error'],
        ['number-unit-space', 'error'],
        ['number-unit-space', 'error'],
        ['cjk-latin-space', 'note'],
      ]);
      for (const result of results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      const astral = results[2];
      const astralSpace = TEXT.indexOf(' 3个基地');
      const location = astral.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: 'drafts/item.txt', uriBaseId: '%SRCROOT%', index: 1 });
      assert.deepEqual(location.region, { startLine: 2, startColumn: 20, endLine: 2, endColumn: 21, charOffset: astralSpace, charLength: 1 });
      assert.deepEqual(astral.fixes, [
        { artifactChanges: [{ artifactLocation: location.artifactLocation, replacements: [{ deletedRegion: location.region, insertedContent: { text: '' } }] }] },
      ]);
    });

    it('percent-encodes file names in URIs', async () => {
      const named = makeWorkspace({ '简报 第1期.txt': SPACED_ITEM }, CONFIG);
      const log = JSON.parse((await runCli(['--format', 'sarif'], { cwd: named })).stdout);
      assert.equal(log.runs[0].artifacts[0].location.uri, `${encodeURIComponent('简报 第1期')}.txt`);
    });

    it('gives files outside the working folder an absolute file URI', async () => {
      const outside = makeWorkspace({ 'a.txt': SPACED_ITEM, 'sub/b.txt': SPACED_ITEM }, CONFIG);
      const log = JSON.parse((await runCli(['../a.txt', 'b.txt', '--format', 'sarif'], { cwd: join(outside, 'sub') })).stdout);
      assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: pathToFileURL(join(outside, 'a.txt')).href } }, { location: { uri: 'b.txt', uriBaseId: '%SRCROOT%' } }]);
    });
  });

  describe('github', () => {
    it('writes one workflow command per problem; info becomes a notice', async () => {
      const run = await runCli(['drafts', '--format', 'github'], { cwd });
      assert.equal(run.code, 1);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 4);
      assert.match(lines[0], /^::error file=drafts\/item\.txt,line=1,col=20,endLine=1,endColumn=21,title=number-unit-space::.+/);
      assert.match(lines[2], /^::error file=drafts\/item\.txt,line=2,col=20,endLine=2,endColumn=21,title=number-unit-space::/);
      assert.match(lines[3], /^::notice file=drafts\/item\.txt,line=2,col=30,endLine=2,endColumn=31,title=cjk-latin-space::/);
    });

    it('escapes what the runner would read as syntax', async () => {
      const odd = makeWorkspace({ 'a,b:100%.txt': SPACED_ITEM }, { rules: onlyRules({ 'number-unit-space': 'warning' }) });
      const run = await runCli(['--format', 'github'], { cwd: odd });
      assert.match(run.stdout, /^::warning file=a%2Cb%3A100%25\.txt,line=1,/);
      assert.ok(!run.stdout.trimEnd().split('\n').some(line => /[\r]/.test(line)));
    });
  });

  describe('stylish', () => {
    it('groups by file with line:column, the severity word, the message and the rule id, then a summary', async () => {
      const run = await runCli(['drafts'], { cwd });
      assert.equal(run.code, 1);
      const lines = run.stdout.split('\n');
      assert.equal(lines[1], 'drafts/item.txt', 'only files with problems are listed');
      assert.match(lines[2], /^ {2}1:20 {2}错误 {2}\S.*\S {2,}number-unit-space$/);
      assert.match(lines[5], /^ {2}2:30 {2}提示 {2}\S.*\S {2,}cjk-latin-space$/);
      assert.ok(run.stdout.includes('✖ 共 4 个问题（3 个错误，0 个警告，1 个提示）'));
      assert.ok(run.stdout.includes('其中 3 个错误、1 个提示可以用 --fix 自动修复。'), 'info fixes count: --fix applies them too');
      assert.ok(!run.stdout.includes('\u001b['), 'no colours when not a terminal');
    });

    it('aligns the rule ids although the messages mix Chinese and Latin text', async () => {
      const lines = (await runCli(['drafts'], { cwd })).stdout.split('\n').filter(line => /^ {2}\d/.test(line));
      const ruleColumns = lines.map(line => displayWidth(line.slice(0, line.lastIndexOf('  ') + 2)));
      assert.equal(new Set(ruleColumns).size, 1, lines.join('\n'));
      assert.equal(displayWidth('𠮷a，'), 5);
    });

    it('colours only on a terminal, and never under NO_COLOR', async () => {
      assert.ok((await runCli(['drafts'], { cwd, tty: true })).stdout.includes('\u001b[31m错误'));
      assert.ok(!(await runCli(['drafts'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
    });

    it('says so when nothing is found', async () => {
      const run = await runCli(['drafts/clean.txt'], { cwd });
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '✔ 已检查 1 个文件，未发现问题。\n');
      assert.equal((await runCli(['drafts/clean.txt', '--locale', 'en'], { cwd })).stdout, '✔ 1 file checked, no problems found.\n');
    });
  });
});

/** The parts of the SARIF 2.1.0 schema that our log uses, with its required properties and value sets. */
const SARIF_STRUCTURE = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  informationUri: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        shortDescription: { $ref: '#/definitions/message' },
                        fullDescription: { $ref: '#/definitions/message' },
                        helpUri: { type: 'string' },
                        defaultConfiguration: { type: 'object', properties: { level: { $ref: '#/definitions/level' } } },
                      },
                    },
                  },
                },
              },
            },
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
          artifacts: { type: 'array', items: { type: 'object', properties: { location: { $ref: '#/definitions/artifactLocation' } } } },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { $ref: '#/definitions/level' },
                message: { $ref: '#/definitions/message' },
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        properties: { artifactLocation: { $ref: '#/definitions/artifactLocation' }, region: { $ref: '#/definitions/region' } },
                      },
                    },
                  },
                },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['artifactChanges'],
                    properties: {
                      artifactChanges: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['artifactLocation', 'replacements'],
                          properties: {
                            artifactLocation: { $ref: '#/definitions/artifactLocation' },
                            replacements: {
                              type: 'array',
                              minItems: 1,
                              items: {
                                type: 'object',
                                required: ['deletedRegion'],
                                properties: {
                                  deletedRegion: { $ref: '#/definitions/region' },
                                  insertedContent: { type: 'object', properties: { text: { type: 'string' } } },
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  definitions: {
    level: { enum: ['none', 'note', 'warning', 'error'] },
    message: { type: 'object', anyOf: [{ required: ['text'] }, { required: ['id'] }], properties: { text: { type: 'string' } } },
    artifactLocation: {
      type: 'object',
      properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 } },
    },
    region: {
      type: 'object',
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
        charOffset: { type: 'integer', minimum: -1 },
        charLength: { type: 'integer', minimum: 0 },
      },
    },
  },
};
