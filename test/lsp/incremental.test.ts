// Diagnostics of a long file while it is edited: the server re-lints through a window around each change and
// reuses the diagnostics before and after it (moving those after it when lines are added or removed). Whatever the
// edit, what is published must be what a full lint of the editor's text gives. And the wire carries only what the
// client uses: no rule link for a client that does not declare support for one.

import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { editorForSuite, ensureServerBundle, essentials, expectedDiagnostics, longFile, sample, TestEditor } from './harness';

describe('lsp: diagnostics of a long file while it is edited', function () {
  let editor: TestEditor;
  // Every problem published (the file has some 3000), so that each one's diagnostic is compared with a full lint.
  editorForSuite({ locale: 'zh-CN', settings: { maxProblems: 0 } }, started => { editor = started; });

  it('after typing, new lines, 𠮷, a pasted item and deletions, each version gets the diagnostics of a full lint', async () => {
    const uri = 'untitled:Long-1';
    const text = longFile();
    assert.ok(text.length > 64 * 1024);
    await editor.open(uri, text);
    const middle = editor.documents.get(uri)!.positionAt(text.indexOf('\n', text.length / 2) + 1).line;
    const at = (line: number, character: number) => ({ line, character });
    const edits = [
      { range: { start: at(middle, 3), end: at(middle, 3) }, newText: '的' },
      { range: { start: at(middle, 5), end: at(middle, 5) }, newText: '\n\n' },
      { range: { start: at(middle + 2, 1), end: at(middle + 2, 1) }, newText: '𠮷 3个' },
      { range: { start: at(middle, 0), end: at(middle, 0) }, newText: '区审计局推进审计整改 一是建立台账。二是跟踪销号。（区审计局）\n' },
      { range: { start: at(middle + 1, 5), end: at(middle + 3, 0) }, newText: '' },
      { range: { start: at(middle + 1, 0), end: at(middle + 1, 4) }, newText: '' },
    ];
    for (const edit of edits) {
      const version = await editor.change(uri, [edit]);
      const published = await editor.nextDiagnostics(uri, params => params.version === version);
      assert.deepEqual(essentials(published.diagnostics), expectedDiagnostics(uri, editor.text(uri)), `version ${version} after ${JSON.stringify(edit)}`);
    }
    await editor.close(uri);
  });

  it('a quick fix after an incremental re-lint applies to the edited text', async () => {
    const uri = 'untitled:Long-2';
    const text = longFile();
    await editor.open(uri, text);
    const line = editor.documents.get(uri)!.positionAt(text.indexOf('建成 3个', text.length / 2)).line;
    const version = await editor.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '\n' }]);
    const published = await editor.nextDiagnostics(uri, params => params.version === version);
    const space = published.diagnostics.find(diagnostic => diagnostic.code === 'number-unit-space' && diagnostic.range.start.line === line + 1);
    assert.ok(space, 'the diagnostic moved down a line with its text');
    const actions = await editor.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: space.range,
      context: { diagnostics: [space], only: ['quickfix'] },
    }) as Array<{ title: string; edit?: { documentChanges?: Array<{ edits: Array<{ range: Diagnostic['range']; newText: string }> }> } }>;
    const fix = actions.find(action => action.edit?.documentChanges?.[0].edits.length === 1);
    assert.ok(fix, JSON.stringify(actions.map(action => action.title)));
    assert.deepEqual(fix.edit!.documentChanges![0].edits[0], { range: space.range, newText: '' });
    await editor.close(uri);
  });
});

describe('lsp: lean diagnostics on the wire', function () {
  it('links the rule page only for a client that supports codeDescription; no fix data is sent', async function () {
    this.timeout(120_000);
    ensureServerBundle();
    const { uri, text } = sample('000');
    const started: TestEditor[] = [];
    try {
      const plain = await TestEditor.start({ locale: 'zh-CN', capabilities: {} });
      started.push(plain);
      const linking = await TestEditor.start({ locale: 'zh-CN' });
      started.push(linking);
      const withoutLinks = (await plain.open(uri, text)).diagnostics;
      const withLinks = (await linking.open(uri, text)).diagnostics;
      assert.ok(withoutLinks.length > 0);
      assert.deepEqual(withoutLinks.map(diagnostic => Object.keys(diagnostic).sort()), withoutLinks.map(() => ['code', 'message', 'range', 'severity', 'source']));
      assert.deepEqual(withLinks.map(diagnostic => Object.keys(diagnostic).sort()), withLinks.map(() => ['code', 'codeDescription', 'message', 'range', 'severity', 'source']));
      assert.deepEqual(withLinks.map(({ codeDescription, ...rest }) => rest), withoutLinks);
    } finally {
      // Every started server stopped, even when the other did not start or one does not exit cleanly.
      const exitCodes: Array<number | null> = [];
      for (const editor of started) exitCodes.push(await editor.stop());
      assert.deepEqual(exitCodes, started.map(() => 0), 'the servers exit cleanly after shutdown');
    }
  });
});
