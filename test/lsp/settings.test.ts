// Settings over the protocol: the client's bulletinLint settings (pulled with workspace/configuration) under the
// nearest .bulletinrc.json, which documents are checked, re-checking when either changes, a broken
// configuration, on-save checking and the client's locale.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DocumentSymbolRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol';
import { editorForSuite, sample, type TestEditor } from './harness';

const codes = (diagnostics: Array<{ code?: unknown }>) => new Set(diagnostics.map(diagnostic => String(diagnostic.code)));

describe('lsp: settings', function () {
  let workspace: string;
  let editor: TestEditor;
  /** A file in the workspace with the given text; returns its URI. */
  const file = (relativePath: string, text: string) => {
    const path = join(workspace, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return pathToFileURL(path).href;
  };

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'bulletin-lint-lsp-'));
  });
  editorForSuite(() => ({ locale: 'zh-CN', workspaceFolder: workspace }), started => { editor = started; });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const uri of [...editor.documents.keys()]) await editor.close(uri);
    editor.settings = {};
  });

  it('registers for settings and configuration file changes', async () => {
    await editor.registered('workspace/didChangeConfiguration');
    await editor.registered('workspace/didChangeWatchedFiles');
  });

  it('a rule turned off (or its severity changed) in the settings re-checks the open documents', async () => {
    const { text } = sample('000');
    const uri = 'untitled:Settings-1';
    const opened = await editor.open(uri, text);
    assert.ok(codes(opened.diagnostics).has('number-unit-space'));

    let republished = editor.nextDiagnostics(uri);
    await editor.changeSettings({ rules: { 'number-unit-space': 'off', 'cjk-latin-space': 'error' } });
    const off = await republished;
    assert.ok(!codes(off.diagnostics).has('number-unit-space'));
    const cjkLatin = off.diagnostics.filter(diagnostic => diagnostic.code === 'cjk-latin-space');
    assert.ok(cjkLatin.length > 0 && cjkLatin.every(diagnostic => diagnostic.severity === 1), 'raised to error');
    assert.equal(off.diagnostics.length, opened.diagnostics.filter(diagnostic => diagnostic.code !== 'number-unit-space').length);

    republished = editor.nextDiagnostics(uri);
    await editor.changeSettings({});
    assert.deepEqual((await republished).diagnostics, opened.diagnostics);
  });

  it('`enable: false` clears the diagnostics', async () => {
    const { text } = sample('000');
    const uri = 'untitled:Settings-2';
    await editor.open(uri, text);
    const republished = editor.nextDiagnostics(uri);
    await editor.changeSettings({ enable: false });
    assert.deepEqual((await republished).diagnostics, []);
  });

  it('checks plain text only where a .bulletinrc.json applies or `include` matches; the file overrides the settings', async () => {
    const { text } = sample('000');
    file('with-config/.bulletinrc.json', JSON.stringify({ rules: { 'number-unit-space': 'off' } }));
    const configured = file('with-config/drafts/draft.txt', text);
    const plain = file('notes/readme.txt', text);
    const markdown = file('notes/notes.md', text);
    editor.settings = { rules: { 'number-unit-space': 'error' }, include: ['**/*.draft.txt'] };
    const included = file('notes/weekly.draft.txt', text);

    const checked = await editor.open(configured, text, 'plaintext');
    assert.ok(checked.diagnostics.length > 0, 'checked: a .bulletinrc.json applies');
    assert.ok(!codes(checked.diagnostics).has('number-unit-space'), 'the file turns off what the settings raise');
    assert.deepEqual((await editor.open(plain, text, 'plaintext')).diagnostics, [], 'plain text without configuration is left alone');
    assert.deepEqual((await editor.open(markdown, text, 'markdown')).diagnostics, []);
    const byInclude = await editor.open(included, text, 'plaintext');
    assert.ok(byInclude.diagnostics.some(diagnostic => diagnostic.code === 'number-unit-space' && diagnostic.severity === 1), 'checked by `include`, with the settings');
    const symbols = await editor.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: plain } });
    assert.deepEqual(symbols, [], 'no outline for a document that is not checked');
  });

  it('a broken .bulletinrc.json is reported on the document; fixing it (a watched-file change) brings the diagnostics back', async () => {
    const { text } = sample('000');
    const configPath = join(workspace, 'broken', '.bulletinrc.json');
    file('broken/.bulletinrc.json', '{ "rules": { "number-unit-space": "of" } }');
    const uri = file('broken/draft.bulletin', text);
    const published = await editor.open(uri, text);
    assert.equal(published.diagnostics.length, 1);
    const [notice] = published.diagnostics;
    assert.equal(notice.severity, 1);
    assert.equal(notice.source, 'bulletin-lint');
    assert.match(String(notice.message), /配置有误/);
    assert.ok(String(notice.message).includes(configPath), 'names the file');
    assert.match(String(notice.message), /rules\.number-unit-space/, 'names the key');
    assert.ok(editor.logs.some(line => line.includes(configPath)), 'logged');

    const other = 'untitled:StillServing-1';
    assert.ok((await editor.open(other, text)).diagnostics.length > 0, 'other documents are still checked');

    writeFileSync(configPath, '{ "rules": { "number-unit-space": "off" } }');
    const republished = editor.nextDiagnostics(uri);
    await editor.configFileChanged(configPath);
    const fixed = await republished;
    assert.ok(fixed.diagnostics.length > 0);
    assert.ok(!codes(fixed.diagnostics).has('number-unit-space'));
  });

  it('invalid settings are reported the same way, naming the key', async () => {
    const { text } = sample('000');
    const uri = 'untitled:BadSettings-1';
    await editor.open(uri, text);
    const republished = editor.nextDiagnostics(uri);
    await editor.changeSettings({ rules: { 'number-unit-spaces': 'off' } });
    const [notice, ...rest] = (await republished).diagnostics;
    assert.deepEqual(rest, []);
    assert.match(String(notice.message), /没有名为“number-unit-spaces”的规则，是否指“number-unit-space”/);
  });

  it('`run: onSave` checks on open and save, not while typing', async () => {
    editor.settings = { run: 'onSave' };
    const uri = 'untitled:OnSave-1';
    const opened = await editor.open(uri, '区教育局开展工作 一是建成 3个考点。二是培训 10家机构。（区教育局）');
    assert.equal(opened.diagnostics.length, 2);
    const countBefore = editor.published.length;
    const version = await editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '共 5个。' }]);
    // A request answered after the change proves the change was handled; nothing may have been published.
    await editor.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(editor.published.length, countBefore);
    const saved = editor.nextDiagnostics(uri, params => params.version === version);
    await editor.save(uri);
    assert.equal((await saved).diagnostics.length, 3);
  });
});

describe('lsp: locale', function () {
  let editor: TestEditor;
  editorForSuite({ locale: 'en-US', settings: { units: ['区城管局'] } }, started => { editor = started; });

  it('speaks English when the client\'s locale is English: rule messages, fix titles, hover', async () => {
    const { text, uri } = sample('004');
    const published = await editor.open(uri, text);
    assert.ok(published.diagnostics.length > 0);
    // English sentences (quoting the Chinese text they are about), not Chinese ones.
    for (const diagnostic of published.diagnostics) assert.match(String(diagnostic.message), /[A-Za-z]{2,} [A-Za-z]{2,}/, String(diagnostic.message));
    assert.ok(published.diagnostics.every(diagnostic => !/[，。：]/.test(String(diagnostic.message).replace(/“[^”]*”|"[^"]*"/g, ''))));
    const fixable = published.diagnostics.find(diagnostic => diagnostic.code === 'number-unit-space')!;
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: fixable.range, context: { diagnostics: [fixable] } })) as CodeAction[];
    assert.equal(actions[0].title, `Fix: ${fixable.message}`);
    assert.match(actions[1].title, /^Fix all number-unit-space problems in this file \(\d+\)$/);
    const lines = text.split('\n');
    const line = lines.findIndex(candidate => candidate.includes('区域管局'));
    const hover = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('区域管局') + 1 } });
    assert.equal((hover?.contents as MarkupContent).value, '**区域管局** is not in the unit directory\n\nPerhaps: 区城管局');
  });
});
