// The language server: LSP in, core out. `startServer` takes its connection, so the stdio entry (server-main.ts),
// the VS Code client's IPC and an in-process test all run the same wiring. Everything a rule knows stays in the
// core; this file only routes requests to the small handler modules next to it.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type Position,
  type TextDocumentIdentifier,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_GLOB, SERVER_FIX_ALL_COMMAND, SETTINGS_SECTION } from '../../../client/src/names';
import type { Locale } from '../core';
import { Analyzer, type Analysis } from './analysis';
import { codeActions, FIX_ALL_KIND, fixAllEdits, type CheckedAnalysis, type EditBuilder } from './code-actions';
import { COMPLETION_TRIGGERS, completions } from './completion';
import { registerDeskRequests } from './desk';
import { DiagnosticsScheduler } from './diagnostics';
import { offsetOf } from './edits';
import { describeError, guarded } from './guard';
import { hover } from './hover';
import { localize, messages } from './messages';
import { filePathOf, SettingsResolver } from './settings';
import { documentSymbols, foldingRanges } from './symbols';

function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsResolver(connection);
  let locale: Locale = 'zh';
  let capabilities: ClientCapabilities = {};
  const analyzer = new Analyzer(settings, () => locale);
  const scheduler = new DiagnosticsScheduler(connection, documents, analyzer, () => locale);

  connection.onInitialize((params): InitializeResult => {
    locale = localeOf(params.locale);
    capabilities = params.capabilities ?? {};
    settings.pullsConfiguration = !!capabilities.workspace?.configuration;
    scheduler.linksRules = !!capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport;
    const folders = params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    settings.workspaceFolders = folders.map(filePathOf).filter((path): path is string => !!path);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SERVER_FIX_ALL_COMMAND] },
        documentFormattingProvider: true,
        documentSymbolProvider: { label: 'Bulletin' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bulletin-lint' },
    };
  });

  connection.onInitialized(() => {
    const registrationFailed = (error: unknown) => connection.console.warn(`Registration refused: ${describeError(error)}`);
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(registrationFailed);
    }
    // VS Code's client watches the configuration files itself; other editors (Neovim) watch what the server asks.
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] }).catch(registrationFailed);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(event => {
        const removed = new Set(event.removed.map(folder => filePathOf(folder.uri)));
        const added = event.added.map(folder => filePathOf(folder.uri)).filter((path): path is string => !!path);
        settings.workspaceFolders = [...settings.workspaceFolders.filter(path => !removed.has(path)), ...added];
        settings.clear();
        scheduler.scheduleAll('settings');
      });
    }
  });

  connection.onDidChangeConfiguration(params => {
    settings.clear(params.settings);
    scheduler.scheduleAll('settings');
  });
  connection.onDidChangeWatchedFiles(() => {
    settings.clear();
    scheduler.scheduleAll('settings');
  });

  // TextDocuments reports an opened document as opened and then as changed: the open run takes in both.
  documents.onDidOpen(event => scheduler.schedule(event.document.uri, 'open'));
  documents.onDidChangeContent(event => scheduler.schedule(event.document.uri, 'change'));
  documents.onDidSave(event => scheduler.schedule(event.document.uri, 'save'));
  documents.onDidClose(event => {
    settings.forget(event.document.uri);
    analyzer.forget(event.document.uri);
    scheduler.clear(event.document.uri);
  });

  /** The analysis of a checked, open document; undefined (and logged) for an unknown or unchecked one. */
  const checkedAnalysis = async (request: string, textDocument: TextDocumentIdentifier | undefined): Promise<CheckedAnalysis | undefined> => {
    const document = textDocument?.uri ? documents.get(textDocument.uri) : undefined;
    if (!document) {
      connection.console.warn(`${request}: ${localize('en', messages.unknownDocument(String(textDocument?.uri)))}`);
      return undefined;
    }
    const analysis: Analysis = await analyzer.analyze(document);
    return analysis.kind === 'checked' ? analysis : undefined;
  };
  const checkedOffset = (request: string, analysis: CheckedAnalysis, position: Position | undefined): number | undefined => {
    const offset = offsetOf(analysis.document, position);
    if (offset === undefined) connection.console.warn(`${request}: invalid position ${JSON.stringify(position)} in ${analysis.document.uri}`);
    return offset;
  };
  const workspaceEdit: EditBuilder = (analysis, edits) => versionedEdit(capabilities, analysis, edits);

  connection.onCodeAction(guarded(connection, 'textDocument/codeAction', [], async params => {
    const analysis = await checkedAnalysis('textDocument/codeAction', params.textDocument);
    return analysis ? codeActions(analysis, params.context ?? { diagnostics: [] }, locale, workspaceEdit) : [];
  }));

  connection.onExecuteCommand(guarded(connection, 'workspace/executeCommand', null, async params => {
    if (params.command !== SERVER_FIX_ALL_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
    const argument = params.arguments?.[0] as { uri?: unknown } | undefined;
    const uri = typeof argument?.uri === 'string' ? argument.uri : undefined;
    const analysis = await checkedAnalysis(params.command, uri ? { uri } : undefined);
    if (!analysis) throw new ResponseError(ErrorCodes.InvalidParams, localize(locale, messages.unknownDocument(String(uri))));
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) {
      void connection.window.showInformationMessage(localize(locale, messages.nothingToFix));
      return null;
    }
    const result = await connection.workspace.applyEdit({ label: localize(locale, messages.fixAll), edit: workspaceEdit(analysis, edits) });
    if (!result.applied) connection.console.warn(`${params.command}: the client did not apply the edit (${result.failureReason ?? 'no reason given'})`);
    return null;
  }));

  connection.onDocumentFormatting(guarded(connection, 'textDocument/formatting', [], async params => {
    const analysis = await checkedAnalysis('textDocument/formatting', params.textDocument);
    return analysis ? fixAllEdits(analysis) : [];
  }));

  connection.onDocumentSymbol(guarded(connection, 'textDocument/documentSymbol', [], async params => {
    const analysis = await checkedAnalysis('textDocument/documentSymbol', params.textDocument);
    return analysis ? documentSymbols(analysis.document, analysis.result.document, locale) : [];
  }));

  connection.onFoldingRanges(guarded(connection, 'textDocument/foldingRange', [], async params => {
    const analysis = await checkedAnalysis('textDocument/foldingRange', params.textDocument);
    return analysis ? foldingRanges(analysis.document, analysis.result.document) : [];
  }));

  connection.onCompletion(guarded(connection, 'textDocument/completion', [], async params => {
    const analysis = await checkedAnalysis('textDocument/completion', params.textDocument);
    const offset = analysis && checkedOffset('textDocument/completion', analysis, params.position);
    if (!analysis || offset === undefined) return [];
    return completions(analysis.document, analysis.result.document, analysis.verdict.units, offset, locale);
  }));

  connection.onHover(guarded(connection, 'textDocument/hover', null, async params => {
    const analysis = await checkedAnalysis('textDocument/hover', params.textDocument);
    const offset = analysis && checkedOffset('textDocument/hover', analysis, params.position);
    if (!analysis || offset === undefined) return null;
    return hover(analysis.document, analysis.result.document, analysis.verdict.units, offset, locale);
  }));

  registerDeskRequests(connection, documents, () => locale, () => scheduler.maker);

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}

/** A workspace edit bound to the analysed version where the client supports that, so it is never applied to newer text. */
function versionedEdit(capabilities: ClientCapabilities, analysis: CheckedAnalysis, edits: TextEdit[]): WorkspaceEdit {
  const { uri } = analysis.document;
  if (capabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [{ textDocument: { uri, version: analysis.version }, edits }] };
  }
  return { changes: { [uri]: edits } };
}
