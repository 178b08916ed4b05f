// The `maxProblems` setting over the protocol: a document with more problems than the limit publishes the most
// severe ones (errors, then warnings, then information, each in text order) and one notice at the top saying how
// many there are; 0 publishes them all; the default is 1000; a change of the setting re-publishes; a bad value
// falls back to the default and is logged. Fixing all problems (source.fixAll, the command, formatting, fix all
// of one rule) still fixes the problems that are not shown, and the limit holds through incremental re-lints.

import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_PROBLEMS, SERVER_FIX_ALL_COMMAND } from '../../client/src/names';
import { applyFixes, fixAll, lint, type Problem } from '../../server/src/core';
import { editorForSuite, ensureServerBundle, essentials, expectedDiagnostics, longFile, sample, SEVERITY, TestEditor } from './harness';

const INFORMATION = 3;
const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * What the server should publish of a text's problems under a limit, worked out differently from the server: the
 * problems of a full lint sorted (stably) by severity, the first `limit` of them kept, and those put back in text
 * order. Also the problems themselves, for the tests that fix them.
 */
function expectedShown(uri: string, text: string, limit: number) {
  const problems = lint(text);
  const kept = limit === 0 || problems.length <= limit
    ? new Set(problems)
    : new Set([...problems].sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]).slice(0, limit));
  const all = expectedDiagnostics(uri, text);
  return {
    total: problems.length,
    shownProblems: problems.filter(problem => kept.has(problem)),
    diagnostics: all.filter((_, index) => kept.has(problems[index])),
  };
}

/** The published notice (the one diagnostic without a rule code) and the rules' diagnostics. */
function split(published: PublishDiagnosticsParams): { notices: Diagnostic[]; problems: Diagnostic[] } {
  return {
    notices: published.diagnostics.filter(diagnostic => diagnostic.code === undefined),
    problems: published.diagnostics.filter(diagnostic => diagnostic.code !== undefined),
  };
}

function countBySeverity(diagnostics: Diagnostic[]): Record<'error' | 'warning' | 'info', number> {
  const count = (severity: number) => diagnostics.filter(diagnostic => diagnostic.severity === severity).length;
  return { error: count(SEVERITY.error), warning: count(SEVERITY.warning), info: count(SEVERITY.info) };
}

/** Sample 000 pasted 13 times: over a thousand problems in some 28 KB. */
function overAThousand(): string {
  const text = Array.from({ length: 13 }, () => sample('000').text).join('');
  assert.ok(lint(text).length > DEFAULT_MAX_PROBLEMS, 'the text has more problems than the default limit');
  return text;
}

describe('lsp: maxProblems', function () {
  let editor: TestEditor;
  let documents = 0;
  const nextUri = () => `untitled:MaxProblems-${++documents}`;

  editorForSuite({ locale: 'zh-CN' }, started => { editor = started; });

  afterEach(async () => {
    for (const uri of [...editor.documents.keys()]) await editor.close(uri);
    editor.settings = {};
  });

  /** Sets the settings as the editor holds them and waits for the document to be published again. */
  async function republishedWith(uri: string, settings: Record<string, unknown>): Promise<PublishDiagnosticsParams> {
    const republished = editor.nextDiagnostics(uri);
    await editor.changeSettings(settings);
    return republished;
  }

  it('a limit of 10 on sample 000 (1 error, 14 warnings, 65 information): the error and the first 9 warnings, in text order, after one notice', async () => {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { maxProblems: 10 };
    const published = await editor.open(uri, text);
    const expected = expectedShown(uri, text, 10);
    assert.equal(expected.total, 80);
    assert.equal(published.diagnostics.length, 11, 'the limit and one notice');
    const [notice, ...problems] = published.diagnostics;
    assert.deepEqual(notice, {
      range: TOP,
      severity: INFORMATION,
      source: 'bulletin-lint',
      message: '共发现 80 处问题，仅显示其中 10 处（先错误，后警告、提示）。显示数量可在设置 bulletinLint.maxProblems 中更改，设为 0 则全部显示；“修复所有可自动修复的问题”不受此限。',
    });
    assert.deepEqual(essentials(problems), expected.diagnostics);
    assert.deepEqual(countBySeverity(problems), { error: 1, warning: 9, info: 0 });
    const allWarnings = expectedDiagnostics(uri, text).filter(diagnostic => diagnostic.severity === SEVERITY.warning);
    assert.deepEqual(essentials(problems).filter(diagnostic => diagnostic.severity === SEVERITY.warning), allWarnings.slice(0, 9), 'the first warnings of the text');
    assert.ok(problems.every(diagnostic => diagnostic.source === 'bulletin-lint' && diagnostic.codeDescription), 'the rules\' diagnostics are as without a limit');
  });

  it('a limit of 20: every error and warning, then the first 5 information problems of the text', async () => {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { maxProblems: 20 };
    const { notices, problems } = split(await editor.open(uri, text));
    assert.equal(notices.length, 1);
    assert.match(String(notices[0].message), /^共发现 80 处问题，仅显示其中 20 处/);
    assert.deepEqual(countBySeverity(problems), { error: 1, warning: 14, info: 5 });
    assert.deepEqual(essentials(problems), expectedShown(uri, text, 20).diagnostics);
    const allInformation = expectedDiagnostics(uri, text).filter(diagnostic => diagnostic.severity === SEVERITY.info);
    assert.deepEqual(essentials(problems).filter(diagnostic => diagnostic.severity === SEVERITY.info), allInformation.slice(0, 5));
  });

  it('errors alone can fill the limit: sample 003 (11 errors) with a limit of 4 shows its first 4 errors', async () => {
    const { text } = sample('003');
    const uri = nextUri();
    editor.settings = { maxProblems: 4 };
    const { notices, problems } = split(await editor.open(uri, text));
    assert.equal(notices.length, 1);
    const allErrors = expectedDiagnostics(uri, text).filter(diagnostic => diagnostic.severity === SEVERITY.error);
    assert.ok(allErrors.length > 4);
    assert.deepEqual(essentials(problems), allErrors.slice(0, 4));
  });

  it('a limit the document stays within publishes everything, without a notice', async () => {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { maxProblems: 80 };
    const published = await editor.open(uri, text);
    assert.equal(split(published).notices.length, 0);
    assert.deepEqual(essentials(published.diagnostics), expectedDiagnostics(uri, text));
  });

  it('0 publishes every problem of a document with over a thousand, without a notice', async () => {
    const text = overAThousand();
    const uri = nextUri();
    editor.settings = { maxProblems: 0 };
    const published = await editor.open(uri, text);
    assert.equal(split(published).notices.length, 0);
    assert.deepEqual(essentials(published.diagnostics), expectedDiagnostics(uri, text));
  });

  it('the default is 1000: a document with more gets 1000 and the notice, a shorter one all of its problems', async () => {
    assert.equal(DEFAULT_MAX_PROBLEMS, 1000);
    const text = overAThousand();
    const uri = nextUri();
    const { notices, problems } = split(await editor.open(uri, text));
    const expected = expectedShown(uri, text, 1000);
    assert.equal(notices.length, 1);
    assert.match(String(notices[0].message), new RegExp(`^共发现 ${expected.total} 处问题，仅显示其中 1000 处`));
    assert.deepEqual(essentials(problems), expected.diagnostics);
    const small = sample('003');
    const smallUri = nextUri();
    const all = await editor.open(smallUri, small.text);
    assert.deepEqual(essentials(all.diagnostics), expectedDiagnostics(smallUri, small.text), 'sample 003 has 292 problems: all shown');
  });

  it('changing the setting publishes the open documents again under the new limit', async () => {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { maxProblems: 10 };
    assert.equal((await editor.open(uri, text)).diagnostics.length, 11);
    const raised = await republishedWith(uri, { maxProblems: 20 });
    assert.deepEqual(essentials(split(raised).problems), expectedShown(uri, text, 20).diagnostics);
    assert.match(String(split(raised).notices[0]?.message), /仅显示其中 20 处/);
    const unlimited = await republishedWith(uri, { maxProblems: 0 });
    assert.deepEqual(essentials(unlimited.diagnostics), expectedDiagnostics(uri, text));
    const lowered = await republishedWith(uri, { maxProblems: 3 });
    assert.deepEqual(essentials(split(lowered).problems), expectedShown(uri, text, 3).diagnostics);
    assert.equal(lowered.diagnostics.length, 4);
  });

  it('a bad value (negative, fractional, not a number) falls back to 1000 and is logged', async () => {
    const text = overAThousand();
    const uri = nextUri();
    editor.settings = { maxProblems: 10 };
    await editor.open(uri, text);
    const expected = expectedShown(uri, text, 1000);
    for (const value of [-1, 2.5, '100', true, { max: 5 }]) {
      const logged = editor.logs.length;
      const published = await republishedWith(uri, { maxProblems: value });
      const { notices, problems } = split(published);
      assert.equal(notices.length, 1, JSON.stringify(value));
      assert.match(String(notices[0].message), /仅显示其中 1000 处/, JSON.stringify(value));
      assert.deepEqual(essentials(problems), expected.diagnostics, JSON.stringify(value));
      const warnings = editor.logs.slice(logged).filter(line => line.includes(`bulletinLint.maxProblems: ${JSON.stringify(value)} is not a whole number of 0 or more; 1000 is used instead.`));
      assert.ok(warnings.length > 0, `${JSON.stringify(value)} is logged: ${editor.logs.slice(logged).join('\n')}`);
      // Back to a valid limit, so that the next bad value has something to change.
      await republishedWith(uri, { maxProblems: 10 });
    }
  });

  it('as with enable and run: a value of the wrong type is logged, and the default (check, on type) used', async () => {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { enable: 'yes', run: 'always', maxProblems: 'all' };
    const logged = editor.logs.length;
    const published = await editor.open(uri, text);
    assert.deepEqual(essentials(published.diagnostics), expectedDiagnostics(uri, text), 'checked, every problem (80 < 1000)');
    const version = await editor.change(uri, [{ range: TOP, newText: '共 5个。' }]);
    assert.ok((await editor.nextDiagnostics(uri, params => params.version === version)).diagnostics.length > 0, 'checked on type');
    const lines = editor.logs.slice(logged);
    for (const expected of [
      'bulletinLint.enable: "yes" is not true or false; true is used instead.',
      'bulletinLint.run: "always" is not "onType" or "onSave"; "onType" is used instead.',
      'bulletinLint.maxProblems: "all" is not a whole number of 0 or more; 1000 is used instead.',
    ]) {
      assert.ok(lines.some(line => line === `${uri}: ${expected}`), `${expected}\n${lines.join('\n')}`);
    }
  });

  /** Opens sample 000 under a limit of 10 and checks that fixing the shown problems alone would not be enough. */
  async function openLimited(): Promise<{ uri: string; text: string; fixedText: string }> {
    const { text } = sample('000');
    const uri = nextUri();
    editor.settings = { maxProblems: 10 };
    await editor.open(uri, text);
    const fixedText = fixAll(text).text;
    const shownOnlyFixed = applyFixes(text, expectedShown(uri, text, 10).shownProblems).text;
    assert.notEqual(shownOnlyFixed, fixedText, 'the hidden problems have fixes of their own');
    return { uri, text, fixedText };
  }

  /** After the edits of a fix-all: the text is fixed in full, and only the one unfixable problem is left. */
  async function assertFixedInFull(uri: string, fixedText: string, edits: TextEdit[]): Promise<void> {
    const version = await editor.applyEdits(uri, edits);
    const published = await editor.nextDiagnostics(uri, params => params.version === version);
    assert.equal(editor.text(uri), fixedText);
    const left = lint(fixedText);
    assert.ok(left.every((problem: Problem) => !problem.fix) && left.length === 1);
    assert.deepEqual(essentials(published.diagnostics), expectedShown(uri, fixedText, 10).diagnostics, 'no notice: within the limit now');
  }

  it('source.fixAll.bulletin fixes the problems that are not shown too', async () => {
    const { uri, fixedText } = await openLimited();
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: TOP,
      context: { diagnostics: [], only: ['source.fixAll.bulletin'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const change = actions[0].edit!.documentChanges![0];
    assert.ok('edits' in change);
    await assertFixedInFull(uri, fixedText, change.edits as TextEdit[]);
  });

  it('formatting fixes the problems that are not shown too', async () => {
    const { uri, fixedText } = await openLimited();
    const edits = await editor.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    await assertFixedInFull(uri, fixedText, edits ?? []);
  });

  it('the fix-all command fixes the problems that are not shown too', async () => {
    const { uri, fixedText } = await openLimited();
    const fixed = editor.nextDiagnostics(uri, params => params.version === 2);
    await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL_COMMAND, arguments: [{ uri }] });
    const published = await fixed;
    assert.equal(editor.text(uri), fixedText);
    assert.deepEqual(essentials(published.diagnostics), expectedShown(uri, fixedText, 10).diagnostics);
  });

  it('a shown diagnostic has its quick fix, and "fix all of this rule" counts and fixes the hidden ones; the notice has no action', async () => {
    const { uri, text } = await openLimited();
    const published = editor.published.filter(params => params.uri === uri).at(-1)!;
    const { notices, problems } = split(published);
    const all = lint(text);
    const shownCount = (ruleId: string) => problems.filter(diagnostic => diagnostic.code === ruleId).length;
    const partlyShown = problems.find(diagnostic => {
      const ruleId = String(diagnostic.code);
      return all.filter(problem => problem.ruleId === ruleId && problem.fix).length > Math.max(1, shownCount(ruleId));
    });
    assert.ok(partlyShown, 'a rule with shown and hidden fixable problems');
    const ruleId = String(partlyShown.code);
    const fixable = all.filter(problem => problem.ruleId === ruleId && problem.fix);
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: partlyShown.range,
      context: { diagnostics: [partlyShown] },
    })) as CodeAction[];
    assert.equal(actions[0].title, `修复：${partlyShown.message}`);
    const ruleFix = actions.find(action => action.title === `修复本文件中所有 ${ruleId} 问题（${fixable.length} 处）`);
    assert.ok(ruleFix, actions.map(action => action.title).join('\n'));
    const change = ruleFix.edit!.documentChanges![0];
    assert.ok('edits' in change);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'bulletin', 1, text), change.edits as TextEdit[]);
    assert.deepEqual(lint(after).filter(problem => problem.ruleId === ruleId), [], 'every problem of the rule fixed, shown or not');

    const forNotice = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: TOP,
      context: { diagnostics: notices },
    })) as CodeAction[];
    assert.deepEqual(forNotice, []);
  });

  /**
   * Edits of a long file (re-linted through a window around each change, the diagnostics outside it reused), each
   * version compared with the problems of a full lint of its text under the limit.
   */
  async function editLongFile(limitOf: (problems: Problem[]) => number): Promise<number[]> {
    const uri = nextUri();
    const text = longFile();
    assert.ok(text.length > 64 * 1024);
    const limit = limitOf(lint(text));
    editor.settings = { maxProblems: limit };
    const opened = await editor.open(uri, text);
    assert.deepEqual(essentials(split(opened).problems), expectedShown(uri, text, limit).diagnostics);
    const document = () => editor.documents.get(uri)!;
    const middle = document().positionAt(text.indexOf('\n', text.length / 2) + 1).line;
    const at = (line: number, character: number) => ({ line, character });
    const errorsIn = (source: string) => lint(source).filter(problem => problem.severity === 'error').length;
    const edits = [
      // An item without its attribution (an error) in the middle, then lines that move everything after it.
      { range: { start: at(middle, 0), end: at(middle, 0) }, newText: '区审计局推进审计整改 一是建立台账。二是跟踪销号。\n' },
      { range: { start: at(middle + 3, 0), end: at(middle + 3, 0) }, newText: '\n\n' },
      // A warning near the top, ahead of every warning shown so far.
      { range: { start: at(2, 0), end: at(2, 0) }, newText: '建成 3个。' },
      // The attribution typed: the error goes, a warning that was hidden comes back.
      { range: { start: at(middle, 25), end: at(middle, 25) }, newText: '（区审计局）' },
      // Six lines deleted in the middle, cutting an item in two (an error), with the problems they had.
      { range: { start: at(middle + 6, 0), end: at(middle + 12, 0) }, newText: '' },
      // An item with a gap in its numbering at the very end: an error after every shown one.
      { range: { start: at(document().lineCount - 1, 0), end: at(document().lineCount - 1, 0) }, newText: '\n区审计局推进审计整改 一是建立台账。三是跟踪销号。（区审计局）\n' },
    ];
    const errorChanges: number[] = [];
    for (const edit of edits) {
      const before = errorsIn(editor.text(uri));
      const version = await editor.change(uri, [edit]);
      const published = await editor.nextDiagnostics(uri, params => params.version === version);
      const current = editor.text(uri);
      const expected = expectedShown(uri, current, limit);
      assert.equal(split(published).notices.length, 1);
      assert.match(String(split(published).notices[0].message), new RegExp(`^共发现 ${expected.total} 处问题，仅显示其中 ${limit} 处`));
      assert.deepEqual(essentials(split(published).problems), expected.diagnostics, `version ${version} after ${JSON.stringify(edit)}`);
      errorChanges.push(errorsIn(current) - before);
    }
    await editor.close(uri);
    return errorChanges;
  }

  it('through incremental re-lints of a long file, a limit of 50 (its errors and first warnings) follows the errors added and removed', async () => {
    assert.deepEqual(await editLongFile(() => 50), [1, 0, 0, -1, 1, 1], 'the edits add and remove errors as intended');
  });

  it('through incremental re-lints of a long file, a limit that ends in the middle of its information problems', async () => {
    const halfTheInformation = (problems: Problem[]) => problems.filter(problem => problem.severity !== 'info').length + Math.floor(problems.filter(problem => problem.severity === 'info').length / 2);
    await editLongFile(halfTheInformation);
  });
});

describe('lsp: maxProblems in English', function () {
  it('the notice says in English how many problems there are and how many are shown', async function () {
    this.timeout(120_000);
    ensureServerBundle();
    const editor = await TestEditor.start({ locale: 'en-US', settings: { maxProblems: 10 } });
    try {
      const { text, uri } = sample('000');
      const { notices } = split(await editor.open(uri, text));
      assert.deepEqual(notices.map(notice => notice.message), [
        '80 problems found; 10 are shown (errors first, then warnings, then information). The setting bulletinLint.maxProblems changes how many (0 shows all); fixing all auto-fixable problems is not limited by it.',
      ]);
    } finally {
      assert.equal(await editor.stop(), 0);
    }
  });
});

describe('lsp: maxProblems pushed by a client that does not answer workspace/configuration', function () {
  it('takes the pushed limit, and falls back to the default (logged) on a bad one', async function () {
    this.timeout(120_000);
    ensureServerBundle();
    // Neovim's or Helix's way: the settings come with didChangeConfiguration, nothing is pulled.
    const editor = await TestEditor.start({ locale: 'zh-CN', capabilities: {} });
    const push = async (uri: string, maxProblems: unknown) => {
      const republished = editor.nextDiagnostics(uri);
      await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { bulletinLint: { maxProblems } } });
      return split(await republished);
    };
    try {
      const text = overAThousand();
      const uri = 'untitled:Pushed-1';
      const opened = split(await editor.open(uri, text));
      assert.match(String(opened.notices[0]?.message), /仅显示其中 1000 处/, 'nothing pushed yet: the default');
      const five = await push(uri, 5);
      assert.equal(five.problems.length, 5);
      assert.deepEqual(essentials(five.problems), expectedShown(uri, text, 5).diagnostics);
      const bad = await push(uri, -5);
      assert.equal(bad.problems.length, 1000);
      assert.ok(editor.logs.some(line => line.startsWith('bulletinLint.maxProblems: -5 is not a whole number of 0 or more')), editor.logs.join('\n'));
    } finally {
      assert.equal(await editor.stop(), 0);
    }
  });
});
