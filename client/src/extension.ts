// The VS Code extension: starts the bundled language server (dist/server.js) over IPC and adds three commands.
// Everything a writer sees (diagnostics, quick fixes, outline, completion, hover) comes from the server.

import * as vscode from 'vscode';
import {
  CloseAction,
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { IssueDesk } from './desk';
import { COMMANDS, CONFIG_FILE_GLOB, LANGUAGE_ID, SERVER_FIX_ALL_COMMAND, SETTINGS_SECTION, type CommandName } from './names';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const server = { module: serverModule, transport: TransportKind.ipc };
  const serverOptions: ServerOptions = { run: server, debug: server };
  const crashPolicy = new CrashPolicy(() => languageClient);
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  const clientOptions: LanguageClientOptions = {
    // Plain-text and markdown documents are sent too (on disk only: a .bulletinrc.json or the `include` globs must
    // apply to them); the server decides which of them to check.
    documentSelector: [
      { language: LANGUAGE_ID },
      { language: 'plaintext', scheme: 'file' },
      { language: 'markdown', scheme: 'file' },
    ],
    synchronize: { fileEvents: configWatcher },
    diagnosticCollectionName: 'bulletin-lint',
    errorHandler: crashPolicy,
  };
  const languageClient = new LanguageClient(SETTINGS_SECTION, 'Bulletin Lint', serverOptions, clientOptions);
  client = languageClient;
  const desk = new IssueDesk(languageClient);

  const handlers: Record<CommandName, () => Promise<void>> = {
    fixAll: () => fixAll(languageClient),
    restartServer: async () => {
      crashPolicy.reset();
      await (languageClient.isRunning() ? languageClient.restart() : languageClient.start());
    },
    showOutput: async () => languageClient.outputChannel.show(true),
    assembleIssue: () => desk.assembleIssue(),
  };
  for (const [name, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMANDS[name as CommandName], handler));
  }
  context.subscriptions.push(configWatcher, desk);

  try {
    await languageClient.start();
    void desk.refresh();
  } catch (error) {
    // Keep the extension active so that "restart server" and "show output" still work.
    languageClient.error('The language server did not start', error, false);
    void offerRestart(vscode.l10n.t('The Bulletin Lint server did not start.'));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function fixAll(languageClient: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a bulletin draft to fix its problems.'));
    return;
  }
  // The server applies the edit itself (workspace/applyEdit), so that undo restores the text in one step.
  const uri = languageClient.code2ProtocolConverter.asUri(document.uri);
  try {
    await languageClient.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL_COMMAND, arguments: [{ uri }] });
  } catch (error) {
    // The server says why in the writer's language (a document it does not check, a broken configuration).
    void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The client's default crash handling (restart unless the server crashed 5 times within 3 minutes), with a
 * localized notice that offers a restart when it gives up, and a fresh budget after a restart by hand.
 */
class CrashPolicy implements ErrorHandler {
  private delegate: ErrorHandler | undefined;

  constructor(private readonly languageClient: () => LanguageClient) {}

  reset(): void {
    this.delegate = undefined;
  }

  error(...args: Parameters<ErrorHandler['error']>): ReturnType<ErrorHandler['error']> {
    return this.defaultHandler().error(...args);
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = await this.defaultHandler().closed();
    if (result.action !== CloseAction.DoNotRestart) return result;
    void offerRestart(vscode.l10n.t('The Bulletin Lint server crashed 5 times in the last 3 minutes and was not restarted.'));
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private defaultHandler(): ErrorHandler {
    // The client counts restarts in the handler it creates; four restarts in three minutes is its default.
    this.delegate ??= this.languageClient().createDefaultErrorHandler(4);
    return this.delegate;
  }
}

async function offerRestart(message: string): Promise<void> {
  const restart = vscode.l10n.t('Restart Server');
  const showOutput = vscode.l10n.t('Show Output');
  const choice = await vscode.window.showErrorMessage(message, restart, showOutput);
  if (choice === restart) await vscode.commands.executeCommand(COMMANDS.restartServer);
  if (choice === showOutput) await vscode.commands.executeCommand(COMMANDS.showOutput);
}
