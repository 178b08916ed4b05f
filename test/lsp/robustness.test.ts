// Bad input never takes the server down: requests for documents it does not know, invalid positions, a 20 MB
// document, malformed parameters. And the bin that other editors start.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  createProtocolConnection,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { editorForSuite, ensureServerBundle, REPO_ROOT, sample, SERVER_BUNDLE, TestEditor } from './harness';

describe('lsp: robustness', function () {
  let editor: TestEditor;
  editorForSuite({ locale: 'zh-CN' }, started => { editor = started; });

  after(() => {
    assert.equal(editor.errorOutput, '', 'nothing on stderr from start to exit');
  });

  /** Asks every document request of the server about `uri` at `position`. */
  const askEverything = (uri: string, position: Position) => Promise.all([
    editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
    editor.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
    editor.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
    editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
    editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
    editor.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
  ]);

  it('answers requests about a document it was never sent with empty results, and logs them', async () => {
    const uri = 'file:///nowhere/unknown.bulletin';
    assert.deepEqual(await askEverything(uri, { line: 0, character: 0 }), [[], [], [], [], null, []]);
    assert.ok(editor.logs.some(line => line.includes('not open') && line.includes(uri)));
  });

  it('answers the fix-all command for an unknown document with a clear error', async () => {
    await assert.rejects(
      editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'bulletinLint.applyFixAll', arguments: [{ uri: 'file:///nowhere/unknown.bulletin' }] }),
      (error: unknown) => error instanceof ResponseError && /未打开的文档：file:\/\/\/nowhere\/unknown\.bulletin/.test(error.message),
    );
    await assert.rejects(editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'bulletinLint.applyFixAll', arguments: [] }), ResponseError);
  });

  it('answers invalid positions with empty results and keeps serving', async () => {
    const { uri, text } = sample('000');
    await editor.open(uri, text);
    for (const position of [{ line: -1, character: 0 }, { line: 100_000, character: 0 }, { line: 0.5, character: 2 }, { line: 0, character: -3 }]) {
      const [, symbols, folds, completion, hover] = await askEverything(uri, position);
      assert.deepEqual([completion, hover], [[], null], JSON.stringify(position));
      assert.ok(Array.isArray(symbols) && symbols.length > 0, 'whole-document requests still answer');
      assert.ok(Array.isArray(folds));
    }
    assert.ok(editor.logs.some(line => line.includes('invalid position')));
    // A position past the end of its line means the line end, as the protocol says.
    assert.equal(await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 10_000 } }), null);
    await editor.close(uri);
  });

  it('survives malformed parameters', async () => {
    const malformed = [
      editor.connection.sendRequest('textDocument/hover', { textDocument: null, position: null }),
      editor.connection.sendRequest('textDocument/completion', {}),
      editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 42 } }),
      editor.connection.sendRequest('textDocument/documentSymbol', null),
    ];
    for (const answer of await Promise.allSettled(malformed)) {
      assert.ok(answer.status === 'fulfilled' || answer.reason instanceof ResponseError, String(answer.status === 'rejected' && answer.reason));
    }
    await editor.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.bulletin', version: 2 }, contentChanges: [{ text: 'x' }] });
    const { uri, text } = sample('001');
    assert.ok((await editor.open(uri, text)).diagnostics.length > 0, 'still checking');
    await editor.close(uri);
  });

  it('does not check a 20 MB document, says so in one notice, and keeps serving', async function () {
    this.timeout(60_000);
    const { text } = sample('002');
    const huge = text.repeat(Math.ceil(20_000_000 / Buffer.byteLength(text)));
    assert.ok(Buffer.byteLength(huge) >= 20_000_000);
    const uri = 'untitled:Huge-1';
    const published = await editor.open(uri, huge);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].severity, 3);
    assert.match(String(published.diagnostics[0].message), /文档过大/);
    assert.deepEqual(await askEverything(uri, { line: 5, character: 3 }), [[], [], [], [], null, []]);
    const small = sample('000');
    assert.ok((await editor.open(small.uri, small.text)).diagnostics.length > 0, 'other documents are still checked');
    await editor.close(uri);
    await editor.close(small.uri);
  });
});

describe('lsp: bulletin-lint-server bin', function () {
  before(function () {
    this.timeout(120_000);
    ensureServerBundle();
  });

  for (const args of [['--stdio'], []]) {
    it(`serves over stdio when started as \`bulletin-lint-server ${args.join(' ')}\``, async () => {
      const editor = await TestEditor.start({ command: { file: process.execPath, args: [join(REPO_ROOT, 'bin', 'bulletin-lint-server.js'), ...args] } });
      const { uri, text } = sample('000');
      assert.ok((await editor.open(uri, text)).diagnostics.some(diagnostic => diagnostic.code === 'number-unit-space'));
      assert.equal(await editor.stop(), 0);
    });
  }

  // An editor that quits or crashes closes the server's stdin without an exit notification: the server must not
  // linger. The exit code is the one the protocol gives `exit`: 0 after a shutdown request, 1 otherwise.
  for (const shutdown of [false, true]) {
    const expected = shutdown ? 0 : 1;
    it(`exits with ${expected} when the editor closes stdin ${shutdown ? 'after' : 'without'} a shutdown request`, async () => {
      const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      try {
        // With its process id the server watches the editor's process on a timer, as it does in every real editor.
        await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
        if (shutdown) await connection.sendRequest(ShutdownRequest.type);
        child.stdin.end();
        assert.equal(await Promise.race([exited, delay(5_000, 'still running 5 s after stdin closed')]), expected);
      } finally {
        connection.dispose();
        child.kill();
      }
    });
  }
});
