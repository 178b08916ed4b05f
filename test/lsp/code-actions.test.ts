// Code actions and formatting over the protocol: quick fixes applied to the text as an editor applies them,
// fix-all of one rule, source.fixAll.bulletin (fix on save), the server's fix-all command and formatting.

import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, fixAll, lint } from '../../server/src/core';
import { editorForSuite, sample, type TestEditor } from './harness';

/** The edits of a workspace edit for one document, checking they are bound to the version they were made for. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string, version: number): TextEdit[] {
  assert.ok(edit?.documentChanges, 'the edit is versioned (the client supports documentChanges)');
  const change = edit.documentChanges.find(candidate => 'textDocument' in candidate && candidate.textDocument.uri === uri);
  assert.ok(change && 'edits' in change);
  assert.equal(change.textDocument.version, version);
  return change.edits as TextEdit[];
}

function applied(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'bulletin', 1, text), edits);
}

describe('lsp: code actions and formatting', function () {
  let editor: TestEditor;
  editorForSuite({ locale: 'zh-CN' }, started => { editor = started; });

  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    }) as Promise<CodeAction[]>;

  it('a quick fix removes the space of 建成 3个; it is preferred and its diagnostic goes away', async () => {
    const { text } = sample('000');
    const uri = 'untitled:QuickFix-1';
    const opened = await editor.open(uri, text);
    const line = text.split('\n').findIndex(candidate => candidate.includes('建成 3个'));
    const diagnostic = opened.diagnostics.find(candidate => candidate.code === 'number-unit-space' && candidate.range.start.line === line)!;
    const actions = await codeActions(uri, [diagnostic]);
    const fix = actions.find(action => action.kind === 'quickfix' && action.diagnostics?.length === 1);
    assert.ok(fix, 'a quick fix is offered');
    assert.equal(fix.title, `修复：${diagnostic.message}`);
    assert.equal(fix.isPreferred, true, 'removing a space is the obvious fix');
    const edits = editsFor(fix.edit, uri, 1);
    const republished = editor.nextDiagnostics(uri, params => params.version === 2);
    await editor.applyEdits(uri, edits);
    assert.equal(editor.text(uri), text.replace('建成 3个', '建成3个'));
    const after = await republished;
    assert.equal(after.diagnostics.length, opened.diagnostics.length - 1);
    assert.ok(!after.diagnostics.some(candidate => candidate.code === 'number-unit-space' && candidate.range.start.line === line && candidate.range.start.character === diagnostic.range.start.character));
    await editor.close(uri);
  });

  it('a fix that changes words (平米 → 平方米) is offered but not preferred', async () => {
    const { text } = sample('001');
    const uri = 'untitled:QuickFix-2';
    const opened = await editor.open(uri, text);
    const diagnostic = opened.diagnostics.find(candidate => candidate.code === 'unit-nonstandard')!;
    const [fix] = (await codeActions(uri, [diagnostic])).filter(action => action.kind === 'quickfix');
    assert.ok(fix);
    assert.notEqual(fix.isPreferred, true);
    await editor.applyEdits(uri, editsFor(fix.edit, uri, 1));
    assert.equal(editor.text(uri), text.replace('0.5元/平米', '0.5元/平方米'));
    await editor.close(uri);
  });

  it('"fix all number-unit-space problems in this file" fixes that rule only', async () => {
    const { text } = sample('002');
    const uri = 'untitled:RuleFixAll-1';
    const opened = await editor.open(uri, text);
    const spaces = opened.diagnostics.filter(candidate => candidate.code === 'number-unit-space');
    assert.ok(spaces.length >= 2);
    const actions = await codeActions(uri, [spaces[0]]);
    const ruleFix = actions.find(action => action.title === `修复本文件中所有 number-unit-space 问题（${spaces.length} 处）`);
    assert.ok(ruleFix, JSON.stringify(actions.map(action => action.title)));
    assert.equal(ruleFix.kind, 'quickfix');
    const republished = editor.nextDiagnostics(uri, params => params.version === 2);
    await editor.applyEdits(uri, editsFor(ruleFix.edit, uri, 1));
    const expected = applyFixes(text, lint(text).filter(problem => problem.ruleId === 'number-unit-space'));
    assert.equal(editor.text(uri), expected.text);
    const after = await republished;
    assert.deepEqual(after.diagnostics.filter(candidate => candidate.code === 'number-unit-space'), []);
    assert.deepEqual(
      after.diagnostics.map(candidate => candidate.code).filter(code => code !== 'number-unit-space'),
      opened.diagnostics.map(candidate => candidate.code).filter(code => code !== 'number-unit-space'),
      'the other rules keep their diagnostics',
    );
    await editor.close(uri);
  });

  it('offers nothing for a diagnostic of an older text (its range no longer matches a problem)', async () => {
    const { text } = sample('000');
    const uri = 'untitled:Stale-1';
    const opened = await editor.open(uri, text);
    const diagnostic = opened.diagnostics.find(candidate => candidate.code === 'number-unit-space')!;
    const moved = { ...diagnostic, range: { start: { ...diagnostic.range.start, character: diagnostic.range.start.character + 1 }, end: { ...diagnostic.range.end, character: diagnostic.range.end.character + 1 } } };
    assert.deepEqual((await codeActions(uri, [moved])).filter(action => action.diagnostics?.length === 1), []);
    await editor.close(uri);
  });

  it('source.fixAll.bulletin (fix on save) gives the text the core fixes to, in narrow edits', async () => {
    const { text } = sample('003');
    const uri = 'untitled:FixOnSave-1';
    await editor.open(uri, text);
    assert.deepEqual((await codeActions(uri, [])).filter(action => action.kind?.startsWith('source')), [], 'the light bulb gets no source actions');
    const actions = await codeActions(uri, [], ['source.fixAll']);
    assert.deepEqual(actions.map(action => action.kind), ['source.fixAll.bulletin']);
    const edits = editsFor(actions[0].edit, uri, 1);
    assert.ok(edits.length > 10, `one edit per changed run of lines, not one for the whole text (${edits.length})`);
    const republished = editor.nextDiagnostics(uri, params => params.version === 2);
    await editor.applyEdits(uri, edits);
    const expected = fixAll(text).text;
    assert.equal(editor.text(uri), expected);
    const remaining = lint(expected);
    assert.deepEqual(remaining.filter(problem => problem.fix), [], 'nothing fixable is left');
    assert.deepEqual((await republished).diagnostics.map(diagnostic => diagnostic.code), remaining.map(problem => problem.ruleId));
    await editor.close(uri);
  });

  it('the bulletinLint.applyFixAll command applies fix-all through workspace/applyEdit', async () => {
    const { text } = sample('004');
    const uri = 'untitled:Command-1';
    await editor.open(uri, text);
    const republished = editor.nextDiagnostics(uri, params => params.version === 2);
    await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'bulletinLint.applyFixAll', arguments: [{ uri }] });
    assert.equal(editor.text(uri), fixAll(text).text);
    assert.notEqual(editor.text(uri), text);
    await republished;
    await editor.close(uri);
  });

  it('formatting applies the same fixes', async () => {
    const { text } = sample('000');
    const uri = 'untitled:Format-1';
    await editor.open(uri, text);
    const edits = await editor.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits && edits.length > 0);
    assert.equal(applied(text, edits), fixAll(text).text);
    await editor.close(uri);
  });

  it('edits never split a surrogate pair or a CRLF', async () => {
    const uri = 'untitled:Surrogates-2';
    const text = '项目𠮷建成 3个𠮷考点。\r\n𠮷 10家𠮷机构。\r\n';
    await editor.open(uri, text);
    const [action] = await codeActions(uri, [], ['source.fixAll.bulletin']);
    const edits = editsFor(action.edit, uri, 1);
    const document = TextDocument.create(uri, 'bulletin', 1, text);
    for (const edit of edits) {
      for (const offset of [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)]) {
        const before = text.charCodeAt(offset - 1);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff), `offset ${offset} splits a surrogate pair`);
        assert.ok(!(before === 13 && text[offset] === '\n'), `offset ${offset} splits a CRLF`);
      }
    }
    assert.equal(applied(text, edits), fixAll(text).text);
    await editor.close(uri);
  });
});
