// An editor, as far as the protocol tests need one: starts the bundled server (dist/server.js) as a child process,
// speaks LSP to it over stdio, keeps the text of the documents it opened, answers the server's requests
// (configuration, registrations, applyEdit) and lets tests wait for diagnostics by event, never by sleeping.

import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core';
import { ensureBuilt, REPO_ROOT, SERVER_BUNDLE } from '../support/build';

export { REPO_ROOT, SERVER_BUNDLE };
const SAMPLES = join(REPO_ROOT, 'test', 'fixtures', 'real');

/** The text of a real sample by its number (`000` … `004`), and its file URI. */
export function sample(prefix: string): { text: string; uri: string; path: string } {
  const name = readdirSync(SAMPLES).find(file => file.startsWith(prefix));
  if (!name) throw new Error(`no sample ${prefix}`);
  const path = join(SAMPLES, name);
  return { text: readFileSync(path, 'utf8'), uri: pathToFileURL(path).href, path };
}

/** The item drafts pasted into one file of some 100 KB: past the size under which the server always lints in full. */
export function longFile(): string {
  const drafts = ['000', '001', '002', '004'].map(prefix => sample(prefix).text).join('\n');
  return Array.from({ length: 12 }, () => drafts).join('\n');
}

/** LSP's DiagnosticSeverity of each of the core's severities. */
export const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The diagnostics a full lint of `text` (default settings) should be published as, in the fields `essentials` keeps. */
export function expectedDiagnostics(uri: string, text: string) {
  const document = TextDocument.create(uri, 'bulletin', 1, text);
  return lint(text).map(problem => ({
    code: problem.ruleId,
    range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
    severity: SEVERITY[problem.severity],
    message: problem.message,
  }));
}

/** What a published diagnostic says, without the fields that expectedDiagnostics cannot predict (link, source, data). */
export const essentials = (diagnostics: Diagnostic[]) =>
  diagnostics.map(({ code, range, severity, message }) => ({ code, range, severity, message }));

/** Builds dist/ when the server bundle is missing or older than a source file it is made of. */
export function ensureServerBundle(): void {
  ensureBuilt(SERVER_BUNDLE);
}

export interface StartOptions {
  /** `InitializeParams.locale`. */
  locale?: string;
  /** What workspace/configuration answers for the `bulletinLint` section. */
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  /** The program to start, by default `node dist/server.js --stdio`. */
  command?: { file: string; args: string[] };
  /** What the editor declares it supports, by default what VS Code declares (as far as this server looks). */
  capabilities?: ClientCapabilities;
}

/**
 * One editor for the enclosing mocha suite: started before its tests (dist/ built first when it is stale), handed
 * to `use`, and stopped after them, the server expected to exit cleanly. `options` is a function when it depends on
 * what an earlier `before` hook made (a workspace folder); `after` hooks registered later run after the stop.
 */
export function editorForSuite(options: StartOptions | (() => StartOptions), use: (editor: TestEditor) => void): void {
  let editor: TestEditor | undefined;
  before(async function () {
    this.timeout(120_000);
    ensureServerBundle();
    editor = await TestEditor.start(typeof options === 'function' ? options() : options);
    use(editor);
  });
  after(async () => {
    if (editor) assert.equal(await editor.stop(), 0, 'the server exits cleanly after shutdown');
  });
}

type Waiter = { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void };

export class TestEditor {
  readonly documents = new Map<string, TextDocument>();
  /** Every diagnostics notification received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly registrations: string[] = [];
  settings: Record<string, unknown>;
  private readonly waiters: Waiter[] = [];
  private registrationWaiters: Array<{ method: string; resolve: () => void }> = [];
  private stderr = '';

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    process.stderr?.on('data', chunk => { this.stderr += String(chunk); });
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, params => { this.logs.push(params.message); });
    connection.onNotification(ShowMessageNotification.type, params => { this.shownMessages.push(params.message); });
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'bulletinLint' ? this.settings : null)));
    connection.onRequest(RegistrationRequest.type, params => {
      this.registrations.push(...params.registrations.map(registration => registration.method));
      const satisfied = this.registrationWaiters.filter(waiter => this.registrations.includes(waiter.method));
      this.registrationWaiters = this.registrationWaiters.filter(waiter => !satisfied.includes(waiter));
      for (const waiter of satisfied) waiter.resolve();
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, params => ({ applied: this.applyWorkspaceEdit(params.edit) }));
  }

  static async start(options: StartOptions = {}): Promise<TestEditor> {
    const command = options.command ?? { file: process.execPath, args: [SERVER_BUNDLE, '--stdio'] };
    const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const editor = new TestEditor(child, connection, options);
    connection.listen();
    const folder = options.workspaceFolder;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      locale: options.locale,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'workspace' }] : null,
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return editor;
  }

  /** Resolves with the next diagnostics for `uri` that `accept` takes; register it before causing them. */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise(resolve => this.waiters.push({ uri, accept, resolve }));
  }

  /** Resolves once the server has registered for the method (client/registerCapability). */
  registered(method: string): Promise<void> {
    if (this.registrations.includes(method)) return Promise.resolve();
    return new Promise(resolve => this.registrationWaiters.push({ method, resolve }));
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, languageId = 'bulletin'): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Sends an incremental change (the edits, in the document's current coordinates); returns the new version. */
  async change(uri: string, edits: TextEdit[]): Promise<number> {
    const document = this.documents.get(uri)!;
    const version = document.version + 1;
    const contentChanges: TextDocumentContentChangeEvent[] = [...edits]
      .sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))
      .map(edit => ({ range: edit.range, text: edit.newText }));
    this.documents.set(uri, TextDocument.update(document, contentChanges, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Applies edits as an editor applies a code action's or formatting's edits, and tells the server. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    return this.change(uri, edits);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    // VS Code's client sends no settings with the notification: the server pulls them.
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async configFileChanged(path: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type }] });
  }

  /** Everything the server wrote to stderr (stdout carries only the protocol). */
  get errorOutput(): string {
    return this.stderr;
  }

  /** Resolves with the server's stderr once it satisfies `done`: checked now and after each write. */
  errorOutputUntil(done: (errorOutput: string) => boolean): Promise<string> {
    if (done(this.stderr)) return Promise.resolve(this.stderr);
    return new Promise(resolve => {
      // Registered after the constructor's listener, so this.stderr already holds the chunk.
      const check = () => {
        if (!done(this.stderr)) return;
        this.process.stderr!.off('data', check);
        resolve(this.stderr);
      };
      this.process.stderr!.on('data', check);
    });
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>(resolve => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', code => resolve(code));
    });
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  private applyWorkspaceEdit(edit: WorkspaceEdit): boolean {
    const perDocument: Array<[string, TextEdit[], number | null | undefined]> = [];
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) perDocument.push([change.textDocument.uri, change.edits as TextEdit[], change.textDocument.version]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perDocument.push([uri, edits, undefined]);
    for (const [uri, , version] of perDocument) {
      const document = this.documents.get(uri);
      // An editor refuses an edit made for another version of the text.
      if (!document || (typeof version === 'number' && version !== document.version)) return false;
    }
    for (const [uri, edits] of perDocument) void this.applyEdits(uri, edits);
    return true;
  }
}

/** What VS Code declares, as far as this server looks at it. */
const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};
