// The editor's desk in a real VS Code extension host, on the drafts of test/workspace/next-issue (four items and a
// brief from five units, one of them an item the previous issue in the folder, issue-45.txt, already carried):
// "Assemble Issue from This Folder" proposes the number after the previous issue in the real input box, opens the
// issue in a new editor (the text the core assembles from the folder's drafts, open ones as edited) and puts the
// problems only the drafts together show in the Problems panel; the status bar item counts the items and briefs
// ready in the active draft's folder. Every wait is on a VS Code event (with a deadline), never on a sleep.
//
// The input box is the workbench's own: the test sees it open through the extension's call of showInputBox (the
// test files load from the extension's folder, so they share its vscode API object) and accepts it with the
// workbench's command. The status bar item is read through the StatusBarItem API the extension uses (what the
// workbench paints is not visible from the extension host).

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from '../../../client/src/names';
import { DRAFT_EXTENSIONS } from '../../../server/src/cli/targets';
import { resolveFileSettings } from '../../../server/src/config';
import { assembleIssue, DESK_CHECKS, docsUrl, type AssembledIssue, type DraftInput } from '../../../server/src/core';
import { locale, open, until, workspaceFolder } from './helpers';

const SOURCE = 'bulletin-lint';
const STATUS_ITEM_ID = 'bulletinLint.issue';
const DESK_RULES: readonly string[] = Object.values(DESK_CHECKS);

const nextIssue = () => vscode.Uri.joinPath(workspaceFolder(), 'next-issue');
const draftUri = (name: string) => vscode.Uri.joinPath(nextIssue(), name);

/** The folder's drafts as the server reads them: its .txt, .md and .bulletin files in name order, open ones as edited. */
async function draftsIn(folder: vscode.Uri): Promise<Array<DraftInput & { uri: vscode.Uri }>> {
  const names = (await vscode.workspace.fs.readDirectory(folder))
    .filter(([name, type]) => type === vscode.FileType.File && DRAFT_EXTENSIONS.some(extension => name.toLowerCase().endsWith(extension)))
    .map(([name]) => name)
    .sort();
  return Promise.all(names.map(async name => {
    const uri = vscode.Uri.joinPath(folder, name);
    const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { name, text, uri };
  }));
}

/** What the core assembles from the folder's drafts under the folder's .bulletinrc.json, dated today. */
async function coreIssue(folder: vscode.Uri, number: number): Promise<{ issue: AssembledIssue; drafts: Array<DraftInput & { uri: vscode.Uri }> }> {
  const drafts = await draftsIn(folder);
  const settings = resolveFileSettings(join(folder.fsPath, '<issue>'));
  const now = new Date();
  const date = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  return { drafts, issue: assembleIssue(drafts, { number, date, settings: settings.issue, units: settings.options.units, locale }) };
}

/** Replaces `method` of `target` until disposed; the replacement gets the original to call. */
function intercept<T extends object, K extends keyof T>(target: T, method: K, replacement: (original: T[K]) => T[K]): vscode.Disposable {
  const original = target[method];
  target[method] = replacement(original);
  return new vscode.Disposable(() => { target[method] = original; });
}

/** The next input box the extension opens: resolves with its options once the workbench has been asked to show it. */
function nextInputBox(): Promise<vscode.InputBoxOptions> {
  return new Promise(resolve => {
    const interception = intercept(vscode.window, 'showInputBox', original => (options, token) => {
      interception.dispose();
      const shown = original(options, token);
      resolve(options ?? {});
      return shown;
    });
  });
}

/** Runs "Assemble Issue from This Folder" and accepts the number its input box proposes, or dismisses the box. */
async function assembleFromActiveFolder({ dismiss = false } = {}): Promise<{ options: vscode.InputBoxOptions; warnings: string[] }> {
  const warnings: string[] = [];
  const warningsSeen = intercept(vscode.window, 'showWarningMessage', original => ((message: string, ...rest: never[]) => {
    warnings.push(message);
    return original(message, ...rest);
  }) as typeof original);
  try {
    const inputBox = nextInputBox();
    const command = vscode.commands.executeCommand(COMMANDS.assembleIssue);
    const options = await inputBox;
    await vscode.commands.executeCommand(dismiss ? 'workbench.action.closeQuickOpen' : 'workbench.action.acceptSelectedQuickOpenItem');
    await command;
    return { options, warnings };
  } finally {
    warningsSeen.dispose();
  }
}

/** A desk diagnostic's rule, which links its page as the server's own diagnostics do; undefined for any other. */
function deskRuleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (diagnostic.source !== SOURCE || typeof code !== 'object' || !DESK_RULES.includes(String(code.value))) return undefined;
  assert.equal(code.target.toString(true), docsUrl(String(code.value)));
  return String(code.value);
}

/** The diagnostics of the last assembly on a draft (the server's own diagnostics of its text left out). */
const deskDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri)
  .filter(diagnostic => deskRuleOf(diagnostic) !== undefined)
  .map(diagnostic => `${deskRuleOf(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.message}`);

/** Closes the issues a test opened without asking to save them (a dialog would stop the run). */
async function closeUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter(candidate => candidate.isUntitled && candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('the editor’s desk in VS Code', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('“Assemble Issue from This Folder”', () => {
    afterEach(closeUntitled);

    it('proposes the number after the previous issue and opens the issue the core assembles, in the configured unit order', async () => {
      await open(draftUri('b-education.txt'));
      const { options, warnings } = await assembleFromActiveFolder();
      assert.equal(options.value, '46', 'issue-45.txt is the previous issue');
      assert.ok(await options.validateInput?.('第46期'), 'a number is asked for');
      assert.equal(await options.validateInput?.('46'), undefined);

      const issue = vscode.window.activeTextEditor!.document;
      assert.ok(issue.isUntitled, 'a new editor, not a file');
      assert.equal(issue.languageId, LANGUAGE_ID);
      const expected = await coreIssue(nextIssue(), 46);
      assert.equal(issue.getText(), expected.issue.text);
      const text = issue.getText();
      assert.match(text, /^上街信息\n第46期\n中共上街区委办公室\n\d{4}年\d{1,2}月\d{1,2}日\n\n/);
      const order = ['（区委党校）', '（区教育局）', '（区城管局）', '（峡窝镇）', '△'].map(mark => text.indexOf(mark));
      assert.ok(order.every((position, index) => position > (order[index - 1] ?? 0)), `party units, departments, towns, then briefs: ${order}`);
      assert.match(text, /\n\n本期送：区县处级领导\n发：峡窝镇、各街道办事处、区直各单位负责同志\n责任编辑：柴亚文\n$/);
      assert.doesNotMatch(text, /区总工会举办羽毛球比赛/, 'the previous issue is not assembled again');

      // The item issue-45.txt already carried is in the Problems panel, on the draft that repeats it, and nowhere else.
      const resubmitted = draftUri('d-resubmitted.txt');
      const duplicates = deskDiagnostics(resubmitted);
      assert.equal(duplicates.length, 1, JSON.stringify(duplicates));
      assert.match(duplicates[0], /^issue-duplicate 0:0-0:\d+ /);
      for (const draft of expected.drafts) {
        const problems = expected.issue.problems.filter(problem => expected.drafts[problem.input] === draft);
        assert.equal(deskDiagnostics(draft.uri).length, problems.length, draft.name);
        for (const [index, problem] of problems.entries()) assert.ok(deskDiagnostics(draft.uri)[index].endsWith(` ${problem.message}`), problem.message);
      }
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0], /\b1\b/, 'the notice counts the problems');
    });

    it('takes an open draft as it stands in the editor, unsaved', async () => {
      const draft = await open(draftUri('a-town.txt'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(draft.uri, new vscode.Range(draft.positionAt(0), draft.positionAt('峡窝镇开展防汛应急演练'.length)), '峡窝镇开展汛前安全检查');
      assert.ok(await vscode.workspace.applyEdit(edit));
      try {
        await assembleFromActiveFolder();
        const text = vscode.window.activeTextEditor!.document.getText();
        assert.equal(text, (await coreIssue(nextIssue(), 46)).issue.text);
        assert.match(text, /峡窝镇开展汛前安全检查 一是完善预案/);
        assert.doesNotMatch(text, /防汛应急演练/);
      } finally {
        await vscode.window.showTextDocument(draft);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      assert.equal(draft.isDirty, false);
    });

    it('does nothing when the input box is dismissed', async () => {
      const draft = await open(draftUri('b-education.txt'));
      const opened: vscode.TextDocument[] = [];
      const watch = vscode.workspace.onDidOpenTextDocument(document => { if (document.isUntitled) opened.push(document); });
      try {
        await assembleFromActiveFolder({ dismiss: true });
      } finally {
        watch.dispose();
      }
      assert.deepEqual(opened.map(document => document.uri.toString()), []);
      assert.equal(vscode.window.activeTextEditor?.document, draft);
    });
  });

  describe('the status bar item', () => {
    const changed = new vscode.EventEmitter<void>();
    let item: vscode.StatusBarItem | undefined;
    let visible = false;
    let restore: vscode.Disposable;

    before(() => {
      // Items share one prototype: a probe of this test's own finds it, and show/hide there report the extension's item.
      const probe = vscode.window.createStatusBarItem('bulletinLint.test.probe');
      const prototype = Object.getPrototypeOf(probe) as vscode.StatusBarItem;
      probe.dispose();
      const watch = (method: 'show' | 'hide') => intercept(prototype, method, original => function (this: vscode.StatusBarItem) {
        original.call(this);
        if (this.id !== STATUS_ITEM_ID) return;
        item = this;
        visible = method === 'show';
        changed.fire();
      });
      restore = vscode.Disposable.from(watch('show'), watch('hide'));
    });

    after(() => {
      restore.dispose();
      changed.dispose();
    });

    /** Waits until the item is shown with `counts` (items, then briefs), or hidden when `counts` is undefined. */
    const untilItem = (counts: { items: number; briefs: number } | undefined, where: string) => until(changed.event, () => {
      if (!item) return undefined;
      if (!counts) return visible ? undefined : true;
      return visible && new RegExp(`^\\$\\(notebook\\) \\D*${counts.items}\\D+${counts.briefs}\\D*$`).test(item.text) ? true : undefined;
    }, `status bar item ${counts ? `${counts.items} items, ${counts.briefs} briefs` : 'hidden'} for ${where}`,
    () => assert.fail(`the item is ${visible ? `shown: “${item?.text}”` : 'hidden'}`));

    const countsOf = (issue: AssembledIssue) => {
      const items = issue.entries.filter(entry => entry.kind === 'item').length;
      return { items, briefs: issue.entries.length - items };
    };

    it('is hidden where nothing is ready (an untitled draft: the workspace folder itself holds no drafts)', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
      await vscode.window.showTextDocument(untitled);
      await untilItem(undefined, 'an untitled draft');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('counts the items and briefs ready in the active draft’s folder (another folder, another count); a click runs the assemble command', async () => {
      await open(draftUri('c-party-school.txt'));
      const counts = countsOf((await coreIssue(nextIssue(), 46)).issue);
      assert.deepEqual(counts, { items: 4, briefs: 1 });
      await untilItem(counts, 'next-issue');
      assert.equal(item!.command, COMMANDS.assembleIssue);
      assert.ok(item!.tooltip, 'a tooltip says what clicking does');

      const drafts = vscode.Uri.joinPath(workspaceFolder(), 'drafts');
      await open(vscode.Uri.joinPath(drafts, '000.bulletin.txt'));
      const draftsCounts = countsOf((await coreIssue(drafts, 1)).issue);
      assert.notDeepEqual(draftsCounts, counts, 'the two folders hold different counts');
      await untilItem(draftsCounts, 'drafts');
    });

    it('counts again when a draft of the folder is saved', async () => {
      const draft = await open(draftUri('b-education.txt'));
      const before = countsOf((await coreIssue(nextIssue(), 46)).issue);
      await untilItem(before, 'next-issue');
      const brief = '\n△ 近日，区教育局组织开展暑期安全教育。（区教育局）\n';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(draft.uri, draft.positionAt(draft.getText().length), brief);
      assert.ok(await vscode.workspace.applyEdit(edit));
      try {
        assert.ok(await draft.save());
        await untilItem({ ...before, briefs: before.briefs + 1 }, 'next-issue with a brief added');
      } finally {
        const removal = new vscode.WorkspaceEdit();
        const end = draft.getText().length;
        removal.delete(draft.uri, new vscode.Range(draft.positionAt(end - brief.length), draft.positionAt(end)));
        assert.ok(await vscode.workspace.applyEdit(removal));
        assert.ok(await draft.save());
      }
      await untilItem(before, 'next-issue as it was');
    });
  });
});
