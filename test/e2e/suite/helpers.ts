// What the extension-host test files share: waiting on VS Code events with a deadline (never a sleep), opening a
// file as a writer does, and the workbench's language and workspace folder.

import * as vscode from 'vscode';

const DEADLINE_MS = 30_000;

/** The language of the server's messages: the workbench's (English where no language pack can be installed). */
export const locale = vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';

/** The copy of test/workspace the workbench opened. */
export const workspaceFolder = () => vscode.workspace.workspaceFolders![0].uri;

/**
 * Resolves with `check()`'s first defined value, checked now and after every `event`; rejects after `deadlineMs`
 * (with `explain()`'s assertion, when given, so that a failure shows what was seen instead of a bare timeout).
 */
export function until<T>(event: vscode.Event<unknown>, check: () => T | undefined, what: string, explain?: () => void, deadlineMs = DEADLINE_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      subscription.dispose();
      clearTimeout(deadline);
      settle();
    };
    const attempt = () => {
      try {
        const value = check();
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const subscription = event(attempt);
    const deadline = setTimeout(() => finish(() => {
      try {
        explain?.();
        reject(new Error(`no ${what} within ${deadlineMs} ms`));
      } catch (error) {
        reject(error);
      }
    }), deadlineMs);
    attempt();
  });
}

/** Opens a file in an editor of its own (not a preview) and makes it the active one. */
export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
