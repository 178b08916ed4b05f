// The editor's desk in VS Code: "Assemble issue from this folder" (the issue text in a new editor, the problems
// only the drafts together show in the Problems panel) and a status bar item counting the items and briefs ready
// in the folder of the active draft. The server does the work (server/src/lsp/desk.ts).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AssembleIssueParams, AssembleIssueResult, FolderSummary, FolderSummaryParams } from '../../server/src/lsp/desk';
import { LatestRequest } from './latest';
import { ASSEMBLE_ISSUE_REQUEST, COMMANDS, FOLDER_SUMMARY_REQUEST, LANGUAGE_ID } from './names';

const ISSUE_NUMBER = /^[1-9]\d{0,5}$/;

export class IssueDesk implements vscode.Disposable {
  private readonly statusItem = vscode.window.createStatusBarItem('bulletinLint.issue', vscode.StatusBarAlignment.Left, 0);
  /** Kept apart from the server's diagnostics: these belong to the last assembly, not to a document's text. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('bulletin-lint-issue');
  private readonly disposables: vscode.Disposable[];
  /** Editor switches and saves ask in quick succession: the status bar shows the answer about the latest folder. */
  private readonly statusSummary = new LatestRequest();

  constructor(private readonly client: LanguageClient) {
    this.statusItem.name = vscode.l10n.t('Bulletin issue');
    this.statusItem.command = COMMANDS.assembleIssue;
    this.disposables = [
      this.statusItem,
      this.diagnostics,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidSaveTextDocument(() => void this.refresh()),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Shows what is ready in the active draft's folder; hidden where there is nothing. */
  async refresh(): Promise<void> {
    await this.statusSummary.run(() => this.summary(), summary => this.show(summary));
  }

  private show(summary: FolderSummary | undefined): void {
    if (!summary || summary.items + summary.briefs === 0) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(notebook) ${vscode.l10n.t('{0} items, {1} briefs', summary.items, summary.briefs)}`;
    this.statusItem.tooltip = vscode.l10n.t('Ready in this folder for the next issue. Click to assemble it.');
    this.statusItem.show();
  }

  async assembleIssue(): Promise<void> {
    const folder = this.folder();
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft in the folder to assemble.'));
      return;
    }
    const summary = await this.summary();
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Assemble issue from this folder'),
      prompt: vscode.l10n.t('Issue number'),
      value: summary?.previous ? String(summary.previous + 1) : '',
      validateInput: value => (ISSUE_NUMBER.test(value.trim()) ? undefined : vscode.l10n.t('A whole number above 0, e.g. 46')),
    });
    if (answer === undefined) return;
    const params: AssembleIssueParams = { folderUri: this.client.code2ProtocolConverter.asUri(folder), number: Number(answer.trim()) };
    let result: AssembleIssueResult | null;
    try {
      result = await this.client.sendRequest<AssembleIssueResult | null>(ASSEMBLE_ISSUE_REQUEST, params);
    } catch (error) {
      void vscode.window.showWarningMessage(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!result) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The issue could not be assembled: see the output of Bulletin Lint.'));
      return;
    }
    const converter = this.client.protocol2CodeConverter;
    this.diagnostics.clear();
    let problems = 0;
    for (const entry of result.diagnostics) {
      problems += entry.diagnostics.length;
      this.diagnostics.set(converter.asUri(entry.uri), await converter.asDiagnostics(entry.diagnostics));
    }
    const document = await vscode.workspace.openTextDocument({ content: result.text, language: LANGUAGE_ID });
    await vscode.window.showTextDocument(document, { preview: false });
    if (problems) void vscode.window.showWarningMessage(vscode.l10n.t('{0} problems across the drafts: see the Problems panel.', problems));
  }

  /** The folder of the active editor's file, else the first workspace folder. */
  private folder(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.uri.scheme === 'file') return vscode.Uri.joinPath(document.uri, '..');
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  private async summary(): Promise<FolderSummary | undefined> {
    const folder = this.folder();
    if (!folder || !this.client.isRunning()) return undefined;
    const params: FolderSummaryParams = { folderUri: this.client.code2ProtocolConverter.asUri(folder) };
    try {
      return await this.client.sendRequest<FolderSummary>(FOLDER_SUMMARY_REQUEST, params);
    } catch {
      return undefined;
    }
  }
}
