// Names that the manifest (package.json), the client and the language server agree on. Kept free of `vscode`
// imports so that the manifest test can read them under plain Node.

export const LANGUAGE_ID = 'bulletin';

/**
 * The language client's id. vscode-languageclient reads `<id>.trace.server`, so it must equal the settings
 * section; the server pulls its settings from the same section.
 */
export const SETTINGS_SECTION = 'bulletinLint';

/**
 * How many problems of a document the server publishes when the `maxProblems` setting is not given (the
 * manifest's default). Each diagnostic is JSON encoded and decoded after every change: the 30,000 of a 3 MB file
 * of converted drafts take the server and the editor some 200 ms per keystroke, 1000 about a tenth of that.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** Commands the extension contributes (`contributes.commands`). */
export const COMMANDS = {
  fixAll: 'bulletinLint.fixAll',
  restartServer: 'bulletinLint.restartServer',
  showOutput: 'bulletinLint.showOutput',
  assembleIssue: 'bulletinLint.assembleIssue',
} as const;

export type CommandName = keyof typeof COMMANDS;

/** The server's workspace/executeCommand that fixes every fixable problem of one document (argument `{ uri }`). */
export const SERVER_FIX_ALL_COMMAND = 'bulletinLint.applyFixAll';

/** The files whose changes the server must hear about: its configuration. */
export const CONFIG_FILE_GLOB = '**/.bulletinrc.json';

/** The server's requests for the editor's desk (server/src/lsp/desk.ts): a folder's issue, and what is ready in it. */
export const ASSEMBLE_ISSUE_REQUEST = 'bulletinLint/assembleIssue';
export const FOLDER_SUMMARY_REQUEST = 'bulletinLint/folderSummary';
