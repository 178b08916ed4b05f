// The language server under abuse (issue 4), beyond the bad requests of robustness.test.ts: malformed JSON-RPC
// on the wire, unknown methods, a stale didChange, configuration of the wrong type, a burst of 1000 edits and a
// 20 MB document, after which the server's memory returns to its baseline; and the security promises: no code
// from a workspace runs, and the extension declares what it does in an untrusted workspace.
//
// The server runs as the editor starts it (dist/server.js over stdio). For memory it is started through a small
// wrapper that runs it with --expose-gc and, on SIGUSR2, collects garbage and writes process.memoryUsage() to
// stderr; the test waits for that line.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ErrorCodes,
  HoverRequest,
  InitializeRequest,
  LogMessageNotification,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editorForSuite, ensureServerBundle, REPO_ROOT, sample, SERVER_BUNDLE, TestEditor } from './harness';

const essentials = (published: PublishDiagnosticsParams) => published.diagnostics.map(({ code, range }) => ({ code: String(code), range }));

let references = 0;

/**
 * What the server publishes for a text opened fresh (under a new URI), as code and range: the reference for a
 * document that went through edits. Asked of the same server, so the comparison holds while the rules change.
 */
async function freshDiagnostics(editor: TestEditor, text: string): Promise<ReturnType<typeof essentials>> {
  const uri = `untitled:Reference-${++references}`;
  const published = essentials(await editor.open(uri, text));
  await closed(editor, uri);
  return published;
}

/** Closes a document and waits for the server to clear its diagnostics, so that a later open is not answered by that. */
async function closed(editor: TestEditor, uri: string): Promise<void> {
  const cleared = editor.nextDiagnostics(uri, published => published.diagnostics.length === 0 && published.version === undefined);
  await editor.close(uri);
  await cleared;
}

/** Runs the server bundle with --expose-gc; SIGUSR2 makes it collect garbage and print its memory to stderr. */
const MEMORY_WRAPPER = `
process.stderr.write('pid ' + process.pid + '\\n');
process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write('memory ' + JSON.stringify({ heapUsed, rss }) + '\\n');
});
require(${JSON.stringify(SERVER_BUNDLE)});
`;

interface Memory {
  heapUsed: number;
  rss: number;
}

/** Asks the wrapped server for its memory after a full garbage collection. */
async function memoryOf(editor: TestEditor): Promise<Memory> {
  const pid = Number(/^pid (\d+)$/m.exec(editor.errorOutput)?.[1]);
  assert.ok(pid > 0, 'the wrapper said its pid');
  // Whole lines only: a write can arrive in pieces.
  const reports = (errorOutput: string) => errorOutput.match(/^memory .*(?=\n)/gm) ?? [];
  const before = reports(editor.errorOutput).length;
  // The report is written by the server's own event loop: wait for that line (bounded by the test's timeout).
  const reported = editor.errorOutputUntil(errorOutput => reports(errorOutput).length > before);
  process.kill(pid, 'SIGUSR2');
  const lines = reports(await reported);
  return JSON.parse(lines[lines.length - 1].slice('memory '.length)) as Memory;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

describe('lsp: reliability', function () {
  this.timeout(120_000);

  before(function () {
    this.timeout(120_000);
    ensureServerBundle();
  });

  describe('malformed JSON-RPC', () => {
    /** The server with a raw stdin, for frames no client library would write. */
    function startRaw() {
      const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      const logs: string[] = [];
      connection.onNotification(LogMessageNotification.type, params => { logs.push(params.message); });
      connection.listen();
      const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      return { child, connection, logs, writeRaw: (data: string) => child.stdin.write(data), frame };
    }

    it('bodies that are not JSON-RPC messages are logged or dropped, and the server answers the next requests', async () => {
      const { child, connection, logs, writeRaw, frame } = startRaw();
      try {
        for (const body of ['{not json', '[]', '42', '"text"', 'null', '{"jsonrpc":"2.0","id":7}', '{"jsonrpc":"2.0","method":42}']) writeRaw(frame(body));
        const initialized = await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
        assert.equal(initialized.serverInfo?.name, 'bulletin-lint');
        assert.ok(logs.some(line => line.includes('neither a response nor a notification')), 'messages that are JSON but not requests are logged');
        assert.equal(child.exitCode, null, 'still running');
      } finally {
        connection.dispose();
        child.kill();
      }
    });

    // After a broken header (a line without a colon, a Content-Length that is not a number) the stream cannot be
    // resynchronised: the server must say so and exit, for the editor to restart it, rather than go deaf.
    for (const header of ['Hello, server\r\n\r\n', 'Content-Length: many\r\n\r\n{}']) {
      it(`a broken header (${JSON.stringify(header)}): the server says so and exits rather than go deaf`, async () => {
        const { child, connection, writeRaw } = startRaw();
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        writeRaw(header);
        void connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} }).catch(() => undefined);
        assert.notEqual(await exited, 0);
        connection.dispose();
      });
    }
  });

  describe('as an editor drives it', () => {
    let editor: TestEditor;
    editorForSuite({ locale: 'zh-CN', command: { file: process.execPath, args: ['--expose-gc', '-e', MEMORY_WRAPPER, '--', '--stdio'] } }, started => { editor = started; });

    it('answers an unknown request with MethodNotFound, ignores an unknown notification, and keeps serving', async () => {
      await assert.rejects(editor.connection.sendRequest('bulletin/noSuchMethod', { anything: 1 }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
      await assert.rejects(editor.connection.sendRequest('$/noSuchRequest', null), ResponseError);
      await editor.connection.sendNotification('bulletin/noSuchNotification', { anything: 1 });
      await editor.connection.sendNotification('$/noSuchNotification', {});
      const { uri, text } = sample('000');
      const published = await editor.open(uri, text);
      assert.ok(published.diagnostics.some(diagnostic => diagnostic.code === 'number-unit-space'), 'still checking');
      await closed(editor, uri);
    });

    it('a didChange with a stale version leaves the server working; the next change publishes the right diagnostics', async () => {
      const { uri, text } = sample('001');
      const reference = await freshDiagnostics(editor, text);
      await editor.open(uri, text);
      const version = await editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '△ ' }]);
      // A change numbered below the current version, as a confused client might send it.
      await editor.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version - 1 }, contentChanges: [{ text: '区审计局 一是建成 3个。' }] });
      const settled = editor.nextDiagnostics(uri, published => published.version === version + 5);
      await editor.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 5 }, contentChanges: [{ text }] });
      assert.deepEqual(essentials(await settled), reference);
      await closed(editor, uri);
    });

    it('settings of the wrong type are one notice on each document, and logged; right settings check them again', async () => {
      const { text } = sample('002');
      const reference = await freshDiagnostics(editor, text);
      const wrongSettings = [
        { enable: 'yes', rules: 42, units: 'all', include: 7, run: ['onType'] },
        { rules: { 'number-unit-space': 5 } },
        { rules: { 'no-such-rule': 'error' } },
        { units: [{ aliases: ['区域管局'] }] },
      ];
      for (const [index, settings] of wrongSettings.entries()) {
        await editor.changeSettings(settings);
        const uri = `untitled:Settings-${index}`;
        const published = await editor.open(uri, text);
        assert.equal(published.diagnostics.length, 1, JSON.stringify(settings));
        assert.match(String(published.diagnostics[0].message), /<settings>/, 'the notice names the settings');
        await closed(editor, uri);
      }
      assert.ok(editor.logs.filter(line => line.includes('<settings>')).length >= wrongSettings.length, 'each is logged');
      await editor.changeSettings({});
      assert.deepEqual(await freshDiagnostics(editor, text), reference, 'checked again with right settings');
    });

    it('1000 edits in a burst: the final text is checked right, and memory returns to its baseline', async function () {
      const draft = sample('000').text;
      // About 100 KB: a leak of one text per edit would hold some 200 MB after the burst.
      const text = draft.repeat(Math.ceil(100_000 / draft.length));
      const uri = 'untitled:Burst-1';
      await editor.open(uri, text);
      const baseline = await memoryOf(editor);
      let document = editor.documents.get(uri)!;
      const sends: Array<Promise<void>> = [];
      for (let edit = 0; edit < 1000; edit++) {
        // Type a character and delete it again, at lines spread over the document.
        const line = Math.floor(edit / 2) * 7 % document.lineCount;
        const start = { line, character: 0 };
        const change = edit % 2 === 0
          ? { range: { start, end: start }, text: '一' }
          : { range: { start, end: { line, character: 1 } }, text: '' };
        document = TextDocument.update(document, [change], document.version + 1);
        sends.push(editor.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] }));
      }
      editor.documents.set(uri, document);
      const settled = editor.nextDiagnostics(uri, published => published.version === document.version);
      await Promise.all(sends);
      const published = await settled;
      assert.equal(document.getText(), text, 'every character typed was deleted again');
      assert.deepEqual(essentials(published), await freshDiagnostics(editor, text), 'the diagnostics are those of the final text');
      const runs = editor.published.filter(params => params.uri === uri).length;
      assert.ok(runs < 1000, `the burst was taken in by fewer runs than edits (${runs})`);
      const after = await memoryOf(editor);
      this.test!.title += ` [${runs} runs; heap ${megabytes(baseline.heapUsed)} before, ${megabytes(after.heapUsed)} after; rss ${megabytes(baseline.rss)} → ${megabytes(after.rss)}]`;
      assert.ok(after.heapUsed < baseline.heapUsed + 16 * MB, `heap ${megabytes(baseline.heapUsed)} before, ${megabytes(after.heapUsed)} after`);
      await closed(editor, uri);
    });

    it('a 20 MB document, opened and closed, leaves nothing behind, and the others are still served', async function () {
      const { text } = sample('002');
      const huge = text.repeat(Math.ceil(20_000_000 / Buffer.byteLength(text)));
      const small = sample('004');
      const reference = essentials(await editor.open(small.uri, small.text));
      const baseline = await memoryOf(editor);
      const uri = 'untitled:Huge-2';
      const published = await editor.open(uri, huge);
      assert.equal(published.diagnostics.length, 1, 'one notice: too large to check');
      const hover = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small.uri }, position: { line: 2, character: 2 } });
      assert.ok(hover === null || typeof hover === 'object', 'the other document is still served');
      await closed(editor, uri);
      const after = await memoryOf(editor);
      this.test!.title += ` [heap ${megabytes(baseline.heapUsed)} before, ${megabytes(after.heapUsed)} after]`;
      assert.ok(after.heapUsed < baseline.heapUsed + 16 * MB, `heap ${megabytes(baseline.heapUsed)} before, ${megabytes(after.heapUsed)} after`);
      const edited = editor.nextDiagnostics(small.uri);
      await editor.change(small.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' }]);
      assert.deepEqual(essentials(await edited), reference, 'the other document is still checked');
      await closed(editor, small.uri);
    });
  });

  describe('security', () => {
    it('reads only JSON from a workspace: configuration files in other formats never run', async () => {
      const marker = join(tmpdir(), `bulletin-lint-server-pwned-${process.pid}`);
      const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};`;
      const folder = mkdtempSync(join(tmpdir(), 'bulletin-lint-server-'));
      for (const name of ['.bulletinrc.js', '.bulletinrc.cjs', 'bulletin-lint.config.js']) writeFileSync(join(folder, name), payload);
      writeFileSync(join(folder, '.bulletinrc.json'), '{"root": true}');
      const editor = await TestEditor.start({ workspaceFolder: folder });
      try {
        const { text } = sample('000');
        const uri = pathToFileURL(join(folder, 'draft.bulletin')).href;
        assert.ok((await editor.open(uri, text)).diagnostics.length > 0, 'checked with the JSON configuration');
        await editor.configFileChanged(join(folder, '.bulletinrc.js'));
        const version = await editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: ' ' }]);
        // The configuration is read again for that version's (debounced) diagnostics: look once they are out.
        await editor.nextDiagnostics(uri, params => params.version === version);
        assert.ok(!existsSync(marker), 'no workspace code ran');
      } finally {
        await editor.stop();
        rmSync(marker, { force: true });
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('the extension declares its behaviour in untrusted workspaces, and no setting names a program to run', () => {
      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
      const untrusted = manifest.capabilities?.untrustedWorkspaces;
      assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
      assert.ok(untrusted.supported === true || (untrusted.supported === 'limited' && untrusted.description), JSON.stringify(untrusted));
      // Full support is safe only because no setting can make the extension run something from the workspace:
      // a setting naming a path or a command would have to be listed in restrictedConfigurations.
      const restricted = new Set<string>(untrusted.restrictedConfigurations ?? []);
      const settings = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
      const risky = settings.filter(key => /path|command|executable|program|node|server|script/i.test(key.replace(/^bulletinLint\.trace\.server$/, '')));
      assert.deepEqual(risky.filter(key => !restricted.has(key)), []);
    });
  });
});
