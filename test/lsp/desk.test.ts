// The editor's desk over the protocol: the folder summary a status bar shows, and "Assemble issue from this
// folder" (the issue text, the cross-draft problems as diagnostics of the drafts, open drafts as edited).

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSEMBLE_ISSUE_REQUEST, FOLDER_SUMMARY_REQUEST } from '../../client/src/names';
import { assembleIssue, docsUrl } from '../../server/src/core';
import type { AssembleIssueResult, FolderSummary } from '../../server/src/lsp/desk';
import { SHANGJIE } from '../desk/helpers';
import { editorForSuite, type TestEditor } from './harness';

const ITEM = '区教育局推进课后服务提质增效 一是建成3个课后服务基地。二是开设课程180余个。（区教育局）\n';
const BRIEF = '△ 近日，区侨联组织开展义诊活动，服务侨胞100余名。（区侨联）\n';
const PREVIOUS = '上街信息\n第45期\n中共上街区委办公室\n2024年8月9日\n\n△ 近日，区总工会举办羽毛球比赛。（区总工会）\n';

describe('lsp: the editor\'s desk', function () {
  this.timeout(60_000);
  let folder: string;
  let editor: TestEditor;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'bulletin-lint-desk-lsp-'));
    writeFileSync(join(folder, '.bulletinrc.json'), JSON.stringify({ root: true, issue: SHANGJIE, ignorePatterns: ['old-*.txt'] }));
    writeFileSync(join(folder, 'a.txt'), ITEM);
    // Left out by ignorePatterns, as on the command line: were it read, it would count and repeat a.txt's item.
    writeFileSync(join(folder, 'old-a.txt'), ITEM);
    writeFileSync(join(folder, 'b.txt'), BRIEF);
    writeFileSync(join(folder, 'issue-45.txt'), PREVIOUS);
    writeFileSync(join(folder, 'notes.json'), '{}');
  });
  editorForSuite(() => ({ locale: 'zh-CN', workspaceFolder: folder }), started => { editor = started; });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('counts the items and briefs ready in a folder, and names the previous issue', async () => {
    const summary = await editor.connection.sendRequest<FolderSummary>(FOLDER_SUMMARY_REQUEST, { folderUri: pathToFileURL(folder).href });
    assert.deepEqual(summary, { items: 1, briefs: 1, previous: 45 });
  });

  it('assembles the folder as the command line does, with the drafts open in the editor as edited', async () => {
    await editor.open(uriOf('c.txt'), ITEM.replace('区教育局推进课后服务提质增效', '区教育局开展暑期托管服务'));
    writeFileSync(join(folder, 'c.txt'), '');
    try {
      const result = await editor.connection.sendRequest<AssembleIssueResult>(ASSEMBLE_ISSUE_REQUEST, { folderUri: pathToFileURL(folder).href, number: 46, date: { year: 2024, month: 8, day: 16 } });
      const expected = assembleIssue(
        [{ name: 'a.txt', text: ITEM }, { name: 'b.txt', text: BRIEF }, { name: 'c.txt', text: editor.text(uriOf('c.txt')) }, { name: 'issue-45.txt', text: PREVIOUS }],
        { number: 46, date: { year: 2024, month: 8, day: 16 }, settings: SHANGJIE },
      );
      assert.equal(result.text, expected.text);
      assert.deepEqual([result.items, result.briefs, result.previous], [2, 1, 45]);
    } finally {
      await editor.close(uriOf('c.txt'));
      rmSync(join(folder, 'c.txt'));
    }
  });

  it('reports the cross-draft problems as diagnostics of the drafts, with ranges in their text', async () => {
    writeFileSync(join(folder, 'again.txt'), ITEM);
    let result: AssembleIssueResult;
    try {
      result = await editor.connection.sendRequest<AssembleIssueResult>(ASSEMBLE_ISSUE_REQUEST, { folderUri: pathToFileURL(folder).href, number: 45 });
    } finally {
      rmSync(join(folder, 'again.txt'));
    }
    const reported = result.diagnostics.filter(entry => entry.diagnostics.length).map(entry => ({ uri: entry.uri, codes: entry.diagnostics.map(diagnostic => diagnostic.code) }));
    assert.deepEqual(reported, [
      { uri: uriOf('again.txt'), codes: ['issue-duplicate'] },
      { uri: uriOf('issue-45.txt'), codes: ['issue-number'] },
    ]);
    const duplicate = result.diagnostics.find(entry => entry.uri === uriOf('again.txt'))!.diagnostics[0];
    assert.deepEqual(duplicate.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
    assert.equal(duplicate.severity, 1);
    // Made as the documents' own diagnostics are: the linter as source, the rule's page linked for this editor.
    assert.equal(duplicate.source, 'bulletin-lint');
    assert.equal(duplicate.codeDescription?.href, docsUrl('issue-duplicate'));
    assert.match(String(duplicate.message), /^与a\.txt 中的“区教育局推进课后服务提质增效”重复（标题相同）/);
  });

  it('answers a folder that is not on disk with an error, and keeps serving', async () => {
    await assert.rejects(editor.connection.sendRequest(ASSEMBLE_ISSUE_REQUEST, { folderUri: 'untitled:nowhere', number: 46 }), /Not a folder on disk/);
    const summary = await editor.connection.sendRequest<FolderSummary>(FOLDER_SUMMARY_REQUEST, { folderUri: pathToFileURL(folder).href });
    assert.deepEqual(summary, { items: 1, briefs: 1, previous: 45 });
  });
});
