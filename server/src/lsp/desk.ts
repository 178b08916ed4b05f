// The editor's desk in the editor: assembling the issue of a folder (the text for a new editor, the cross-draft
// problems as diagnostics for the drafts), and the count of items and briefs ready there, for a status bar. Two
// custom requests; the work is the core's (assembleIssue), as on the command line.
//
// The folder's drafts are its text files (.txt, .md, .bulletin; not its subfolders): the open ones as the editor
// has them, the others as saved. Word and PDF submissions are read by the CLI only (`bulletin-lint extract`).

import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ASSEMBLE_ISSUE_REQUEST, FOLDER_SUMMARY_REQUEST } from '../../../client/src/names';
import { DRAFT_EXTENSIONS } from '../cli/targets';
import { decodeSource } from '../cli/source';
import { ConfigCache, ConfigError, resolveFileSettings, type FileSettings } from '../config';
import { assembleIssue, countIssueEntries, issueDateOf, type DraftInput, type IssueCount, type IssueDate, type Locale } from '../core';
import type { DiagnosticMaker } from './diagnostics';
import { guarded } from './guard';
import { filePathOf } from './settings';

export interface FolderSummaryParams {
  folderUri: string;
}

/** The items and briefs an issue of the folder's drafts would hold, and the latest issue's number in it. */
export type FolderSummary = IssueCount;

export interface AssembleIssueParams extends FolderSummaryParams {
  number: number;
  /** Today's date when not given. */
  date?: IssueDate;
}

export interface AssembleIssueResult extends FolderSummary {
  text: string;
  /** The cross-draft problems, as diagnostics of each draft they are about. */
  diagnostics: Array<{ uri: string; diagnostics: Diagnostic[] }>;
}

/** `maker` gives the converter the documents' own diagnostics are made with at the time of the request. */
export function registerDeskRequests(connection: Connection, documents: TextDocuments<TextDocument>, locale: () => Locale, maker: () => DiagnosticMaker): void {
  /** The folder's drafts and its own issue settings. */
  const folderOf = async (params: FolderSummaryParams): Promise<{ drafts: Array<DraftInput & { uri: string }>; settings: FileSettings }> => {
    const folder = typeof params?.folderUri === 'string' ? filePathOf(params.folderUri) : undefined;
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `Not a folder on disk: ${String(params?.folderUri)}`);
    // One cache for the request: the folder's drafts and its issue settings mostly share their configuration files.
    const cache = new ConfigCache();
    try {
      const settings = resolveFileSettings(join(folder, '<issue>'), { cache });
      return { drafts: await readDrafts(folder, documents, cache), settings };
    } catch (error) {
      // A broken .bulletinrc.json is the writer's to mend: say which file and key, in the editor's language.
      if (error instanceof ConfigError) throw new ResponseError(ErrorCodes.InvalidParams, error.describe(locale()));
      throw error;
    }
  };

  connection.onRequest(FOLDER_SUMMARY_REQUEST, guarded(connection, FOLDER_SUMMARY_REQUEST, { items: 0, briefs: 0 }, async (params: FolderSummaryParams) => {
    // Counted, not assembled: the status bar asks after every save and editor switch.
    return countIssueEntries((await folderOf(params)).drafts);
  }));

  connection.onRequest(ASSEMBLE_ISSUE_REQUEST, guarded(connection, ASSEMBLE_ISSUE_REQUEST, null, async (params: AssembleIssueParams): Promise<AssembleIssueResult> => {
    const { drafts, settings } = await folderOf(params);
    const date = params.date ?? issueDateOf(new Date());
    const issue = assembleIssue(drafts, { number: params.number, date, settings: settings.issue, units: settings.options.units, locale: locale() });
    const diagnosticMaker = maker();
    const diagnostics = drafts.map((draft, input) => {
      const text = TextDocument.create(draft.uri, 'bulletin', 0, draft.text);
      return {
        uri: draft.uri,
        diagnostics: issue.problems.filter(problem => problem.input === input).map(problem => diagnosticMaker.make(text, problem)),
      };
    });
    return { text: issue.text, diagnostics, ...countIssueEntries(drafts) };
  }));
}

/**
 * The text drafts of a folder in name order, open ones with their unsaved text; files that are not UTF-8 are left
 * out, and so are those the configuration's ignorePatterns name, as on the command line.
 */
async function readDrafts(folder: string, documents: TextDocuments<TextDocument>, cache: ConfigCache): Promise<Array<DraftInput & { uri: string }>> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter(entry => entry.isFile() && DRAFT_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map(entry => entry.name)
    .sort();
  const open = new Map<string, TextDocument>();
  for (const document of documents.all()) {
    const path = filePathOf(document.uri);
    if (path) open.set(path, document);
  }
  const drafts: Array<DraftInput & { uri: string }> = [];
  for (const name of names) {
    const path = join(folder, name);
    if (resolveFileSettings(path, { cache }).ignored) continue;
    const document = open.get(path);
    if (document) {
      drafts.push({ name, text: document.getText(), uri: document.uri });
      continue;
    }
    const source = decodeSource(await readFile(path));
    if (source.ok) drafts.push({ name, text: source.text, uri: pathToFileURL(path).href });
  }
  return drafts;
}
