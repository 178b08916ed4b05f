// The extension in a real VS Code extension host (see test/e2e/harness.ts): the real drafts of test/workspace are
// opened as a writer opens them and their diagnostics compared with what the core and the configuration module
// say for the same text and settings; quick fixes and fix-all are applied; outline, completion and hover are read
// through VS Code's own commands; settings and .bulletinrc.json change and their effect is seen; the server is
// killed and seen back. Every wait is on a VS Code event (with a deadline), never on a sleep.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID, SERVER_FIX_ALL_COMMAND, SETTINGS_SECTION } from '../../../client/src/names';
import { resolveFileSettings, type RawConfig } from '../../../server/src/config';
import { docsUrl, fixAll, lint, parseDocument, type LintOptions, type Problem } from '../../../server/src/core';
import { locale, open, until, workspaceFolder } from './helpers';

const EXTENSION_ID = 'bulletin-lint.bulletin-lint';
const SOURCE = 'bulletin-lint';
const draftUri = (name: string) => vscode.Uri.joinPath(workspaceFolder(), 'drafts', name);

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === SOURCE);

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** One diagnostic as a comparable line: rule, range, severity and message. */
function summarize(document: vscode.TextDocument, diagnostic: { rule: string; range: vscode.Range; severity: vscode.DiagnosticSeverity; message: string }): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.rule} ${start.line}:${start.character}-${end.line}:${end.character} ${vscode.DiagnosticSeverity[diagnostic.severity]} “${document.getText(diagnostic.range)}” ${diagnostic.message}`;
}

const SEVERITIES = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

/** The options the server must lint a file with: the editor's settings below the .bulletinrc.json files that apply. */
function optionsFor(document: vscode.TextDocument): LintOptions {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri);
  const base: RawConfig = {};
  const rules = settings.get<RawConfig['rules']>('rules');
  const units = settings.get<RawConfig['units']>('units');
  if (rules && Object.keys(rules).length) base.rules = rules;
  if (units?.length) base.units = units;
  return { ...resolveFileSettings(document.uri.fsPath, { base }).options, locale };
}

function expectedDiagnostics(document: vscode.TextDocument, problems: Problem[]): string[] {
  return problems
    .map(problem => summarize(document, {
      rule: problem.ruleId,
      range: new vscode.Range(document.positionAt(problem.start), document.positionAt(problem.end)),
      severity: SEVERITIES[problem.severity],
      message: problem.message,
    }))
    .sort();
}

const actualDiagnostics = (document: vscode.TextDocument) =>
  ours(document.uri).map(diagnostic => summarize(document, { ...diagnostic, rule: ruleOf(diagnostic) })).sort();

/** Waits until the editor shows exactly the core's diagnostics for the document's current text and settings. */
async function untilCoreDiagnostics(document: vscode.TextDocument, options = optionsFor(document)): Promise<Problem[]> {
  const problems = lint(document.getText(), options);
  const expected = expectedDiagnostics(document, problems);
  const same = () => JSON.stringify(actualDiagnostics(document)) === JSON.stringify(expected);
  await until(vscode.languages.onDidChangeDiagnostics, () => (same() ? true : undefined), `diagnostics for ${document.uri.path}`,
    () => assert.deepEqual(actualDiagnostics(document), expected, document.uri.path));
  return problems;
}

/** The quick fix of one diagnostic: its title quotes the diagnostic's message (the actions VS Code returns carry no diagnostics). */
function quickFixFor(actions: vscode.CodeAction[], diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  return actions.find(action => action.kind?.value === vscode.CodeActionKind.QuickFix.value && action.title.includes(diagnostic.message));
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind)) ?? [];
}

/** Applies a workspace edit and waits for nothing: applyEdit resolves once the document holds the new text. */
async function apply(edit: vscode.WorkspaceEdit | undefined): Promise<void> {
  assert.ok(edit, 'the action carries an edit');
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit applies');
}

async function setSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(name, value, vscode.ConfigurationTarget.Workspace);
}

function findDiagnostic(document: vscode.TextDocument, rule: string, text: string): vscode.Diagnostic {
  const found = ours(document.uri).find(diagnostic => ruleOf(diagnostic) === rule && document.getText(diagnostic.range) === text);
  assert.ok(found, `${rule} on “${text}” among ${JSON.stringify(actualDiagnostics(document), null, 1)}`);
  return found;
}

/** The language server processes the extension host started (the client forks dist/server.js). */
function serverProcesses(): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return table.split('\n').flatMap(line => {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return match && Number(match[2]) === process.pid && match[3].includes('dist/server.js') ? [Number(match[1])] : [];
  });
}

/**
 * Adds a problem to the first measure of the draft and waits for the diagnostics of the new text (so the server
 * must be up and hold the document), then takes it out again.
 */
async function provesServerChecks(document: vscode.TextDocument): Promise<void> {
  const model = parseDocument(document.getText());
  const measure = model.blocks.flatMap(block => block.measures)[0];
  assert.ok(measure, 'a measure to write in');
  const inserted = '建成 3个课堂，';
  const at = document.positionAt(measure.end);
  const insertion = new vscode.WorkspaceEdit();
  insertion.insert(document.uri, at, inserted);
  await apply(insertion);
  const problems = await untilCoreDiagnostics(document);
  const insertedStart = measure.end;
  assert.ok(problems.some(problem => problem.start >= insertedStart && problem.end <= insertedStart + inserted.length), 'the new problem is shown');
  const removal = new vscode.WorkspaceEdit();
  removal.delete(document.uri, new vscode.Range(at, at.translate(0, inserted.length)));
  await apply(removal);
  await untilCoreDiagnostics(document);
}

describe('bulletin-lint in VS Code', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const name of ['rules', 'enable', 'include', 'maxProblems']) await setSetting(name, undefined);
  });

  describe('activation and contributions', () => {
    it('gives *.bulletin.txt and *.bulletin.md the bulletin language, activates, and registers its commands', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      assert.equal(document.languageId, LANGUAGE_ID);
      assert.equal((await vscode.workspace.openTextDocument(draftUri('003.bulletin.md'))).languageId, LANGUAGE_ID);
      assert.equal((await vscode.workspace.openTextDocument(draftUri('plain.txt'))).languageId, 'plaintext');
      await untilCoreDiagnostics(document);
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true, `${EXTENSION_ID} is active`);
      const commands = await vscode.commands.getCommands(true);
      for (const command of Object.values(COMMANDS)) assert.ok(commands.includes(command), command);
      // vscode-languageclient registers the server's executeCommand commands too.
      assert.ok(commands.includes(SERVER_FIX_ALL_COMMAND), SERVER_FIX_ALL_COMMAND);
    });
  });

  describe('diagnostics on the real drafts', () => {
    for (const name of ['000.bulletin.txt', '001.bulletin.txt', '002.bulletin.txt', '003.bulletin.md', '004.bulletin.txt', 'crlf.bulletin.txt']) {
      it(`${name}: exactly the core's problems, with rule codes, documentation links and ${locale} messages`, async () => {
        const document = await open(draftUri(name));
        const problems = await untilCoreDiagnostics(document);
        assert.ok(problems.length > 0, 'the draft has problems to show');
        for (const diagnostic of ours(document.uri)) {
          const code = diagnostic.code as { value: string; target: vscode.Uri };
          assert.equal(code.target.toString(true), docsUrl(code.value));
          if (locale === 'zh') assert.match(diagnostic.message, /\p{Script=Han}/u);
        }
      });
    }

    it('crlf.bulletin.txt: ranges stay right after a BOM, CRLF line ends and an astral character (𠮷)', async () => {
      const document = await open(draftUri('crlf.bulletin.txt'));
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      await untilCoreDiagnostics(document);
      const { range } = findDiagnostic(document, 'number-unit-space', ' ');
      assert.equal(range.start.line, 0);
      assert.equal(document.getText(new vscode.Range(range.start.translate(0, -1), range.end.translate(0, 1))), '成 3');
      assert.equal(document.lineAt(0).text.codePointAt(0), 0x20bb7, 'the line starts with 𠮷 (the BOM is not text)');
    });

    it('checks a plain .txt under a .bulletinrc.json; another plain .txt only once the include setting names it', async () => {
      const memo = await open(vscode.Uri.joinPath(workspaceFolder(), 'notes', 'memo.txt'));
      const plain = await open(draftUri('plain.txt'));
      assert.ok((await untilCoreDiagnostics(plain)).length > 0);
      assert.deepEqual(ours(memo.uri), [], 'a plain .txt without configuration is left alone');
      await setSetting('include', ['notes/**/*.txt']);
      const problems = await untilCoreDiagnostics(memo);
      assert.ok(problems.length > 0, 'memo.txt is checked');
      await setSetting('include', undefined);
      await until(vscode.languages.onDidChangeDiagnostics, () => (ours(memo.uri).length === 0 ? true : undefined), 'memo.txt cleared');
    });
  });

  describe('outline, completion and hover', () => {
    it('004: the outline has the header, each item by its headline with its units and measures, briefs and the footer', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const model = parseDocument(document.getText());
      const text = model.text;
      assert.equal(symbols[0].name, '上街信息');
      assert.match(symbols[0].detail, /第 ?45 ?期/);
      const blocks = symbols.slice(1, -1);
      assert.equal(blocks.length, model.blocks.length);
      model.blocks.forEach((block, index) => {
        const symbol = blocks[index];
        if (block.headline) {
          // The label is the headline without blanks (hard wraps undone), cut with … when long.
          const label = symbol.name.replace(/…$/, '');
          assert.ok(label && text.slice(block.headline.start, block.headline.end).replace(/[\s\u3000]/g, '').startsWith(label), symbol.name);
        }
        assert.equal(symbol.detail, block.attribution?.units.map(unit => unit.name).join('、') ?? '');
        assert.deepEqual(symbol.children.map(child => child.name.split(' ')[0]), block.measures.map(measure => text.slice(measure.start, measure.end)));
      });
      assert.equal(symbols.at(-1)!.range.start.line, document.positionAt(model.footer!.start).line);
    });

    it('003: articles are outlined with their ### sections', async () => {
      const document = await open(draftUri('003.bulletin.md'));
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const collective = symbols.find(symbol => symbol.name.startsWith('全区各单位学习贯彻'));
      assert.ok(collective, symbols.map(symbol => symbol.name).join(' | '));
      assert.deepEqual(collective.children.filter(child => child.kind === vscode.SymbolKind.Namespace).map(child => child.name),
        ['工业路街道', '矿山街道', '区先进制造业开发区管委会', '郑州通航试验区管委会']);
    });

    it('004: inside an attribution’s parentheses, completion offers the unit directory (an alias writes the canonical name)', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      const offset = document.getText().indexOf('（区财政局）') + 1;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
      const labels = list.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label));
      for (const unit of ['区城管局', '区财政局', '先进制造业开发区', '区先进制造业开发区']) assert.ok(labels.includes(unit), `${unit} in ${labels.join(' ')}`);
      const alias = list.items.find(item => item.label === '区先进制造业开发区')!;
      assert.equal(alias.insertText, '先进制造业开发区');
    });

    it('completion offers 二是 after 一是…。 in a new, unsaved draft', async () => {
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '区教育局推进校园阅读 一是建设阅读角。' });
      await vscode.window.showTextDocument(document);
      const end = document.positionAt(document.getText().length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
      // VS Code adds the snippets of the language to every list; the server's items are the others.
      assert.deepEqual(list.items.filter(item => item.kind !== vscode.CompletionItemKind.Snippet).map(item => item.label), ['二是']);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('hover: a unit’s canonical name, an alias’s canonical name, and a headline’s characters and measures', async () => {
      const hoverText = async (document: vscode.TextDocument, offset: number) => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
        return hovers.flatMap(hover => hover.contents.map(content => (typeof content === 'string' ? content : content.value))).join('\n');
      };
      const items = await open(draftUri('002.bulletin.txt'));
      const itemsText = items.getText();
      assert.match(await hoverText(items, itemsText.indexOf('（区委党校）') + 2), /\*\*区委党校\*\*/);
      const headline = parseDocument(itemsText).blocks.find(block => block.kind === 'item' && block.headline)!;
      const measures = String(headline.measures.length);
      assert.match(await hoverText(items, headline.headline!.start + 1), locale === 'zh' ? new RegExp(`措施 ${measures} 项`) : new RegExp(`${measures} measures?`));
      const aliases = await open(draftUri('001.bulletin.txt'));
      const aliasOffset = aliases.getText().lastIndexOf('（通航试验区管委会）') + 1;
      assert.ok(aliasOffset > 0, 'the alias is still there');
      assert.match(await hoverText(aliases, aliasOffset), /通用航空试验区/);
    });
  });

  describe('quick fixes and fix-all', () => {
    it('000: the quick fix for 建成 3个 is preferred and removes the space', async () => {
      const document = await open(draftUri('000.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const line = document.getText().split('\n').findIndex(text => text.includes('建成 3个'));
      const diagnostic = ours(document.uri).find(candidate => ruleOf(candidate) === 'number-unit-space' && candidate.range.start.line === line);
      assert.ok(diagnostic, 'number-unit-space on 建成 3个');
      const actions = await codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = quickFixFor(actions, diagnostic);
      assert.ok(fix, JSON.stringify(actions.map(action => action.title)));
      assert.equal(fix.isPreferred, true);
      await apply(fix.edit);
      assert.ok(document.lineAt(line).text.includes('建成3个'), document.lineAt(line).text);
      await untilCoreDiagnostics(document);
    });

    it('004: the quick fix of attribution-unknown writes 区城管局 for 区域管局', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const diagnostic = findDiagnostic(document, 'attribution-unknown', '区域管局');
      assert.match(diagnostic.message, /区城管局/);
      const actions = await codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = quickFixFor(actions, diagnostic);
      assert.ok(fix, JSON.stringify(actions.map(action => action.title)));
      await apply(fix.edit);
      assert.equal(document.getText(diagnostic.range), '区城管局');
      const problems = await untilCoreDiagnostics(document);
      assert.ok(!problems.some(problem => problem.ruleId === 'attribution-unknown'));
    });

    it('003: “fix all punct-halfwidth problems in this file” replaces every half-width comma', async () => {
      const document = await open(draftUri('003.bulletin.md'));
      await untilCoreDiagnostics(document);
      const first = ours(document.uri).find(diagnostic => ruleOf(diagnostic) === 'punct-halfwidth');
      assert.ok(first, 'punct-halfwidth reported');
      const actions = await codeActions(document, first.range, vscode.CodeActionKind.QuickFix.value);
      const fixRule = actions.find(action => action.kind?.value === 'quickfix' && action.title.includes('punct-halfwidth'));
      assert.ok(fixRule, JSON.stringify(actions.map(action => action.title)));
      await apply(fixRule.edit);
      const problems = await untilCoreDiagnostics(document);
      assert.ok(!problems.some(problem => problem.ruleId === 'punct-halfwidth'), 'no punct-halfwidth left');
      assert.ok(!/[\p{Script=Han}],[\p{Script=Han}]/u.test(document.getText()));
    });

    it('001: source.fixAll.bulletin gives the text the core’s fixAll gives', async () => {
      const document = await open(draftUri('001.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const expected = fixAll(document.getText(), optionsFor(document));
      assert.ok(expected.applied > 0, 'something to fix');
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      const actions = await codeActions(document, whole, 'source.fixAll.bulletin');
      assert.deepEqual(actions.map(action => action.kind?.value), ['source.fixAll.bulletin']);
      await apply(actions[0].edit);
      assert.equal(document.getText(), expected.text);
      await untilCoreDiagnostics(document);
    });

    it('002: the “fix all” command fixes the active draft through the server', async () => {
      const document = await open(draftUri('002.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const expected = fixAll(document.getText(), optionsFor(document)).text;
      assert.notEqual(expected, document.getText(), 'something to fix');
      const fixed = until(vscode.workspace.onDidChangeTextDocument, () => (document.getText() === expected ? true : undefined), 'the fixed text',
        () => assert.equal(document.getText(), expected));
      await vscode.commands.executeCommand(COMMANDS.fixAll);
      await fixed;
      await untilCoreDiagnostics(document);
    });

    it('crlf.bulletin.txt: editor.codeActionsOnSave with source.fixAll.bulletin fixes on save', async () => {
      const document = await open(draftUri('crlf.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const expected = fixAll(document.getText(), optionsFor(document)).text;
      assert.notEqual(expected, document.getText(), 'something to fix');
      await vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID })
        .update('codeActionsOnSave', { 'source.fixAll.bulletin': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      try {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.save');
        assert.equal(document.getText(), expected);
        assert.equal(document.isDirty, false);
      } finally {
        await vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID })
          .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      }
    });
  });

  describe('settings and configuration files', () => {
    it('bulletinLint.rules: a rule turned off disappears, turned to error shows as an error', async () => {
      const document = await open(draftUri('000.bulletin.txt'));
      assert.ok((await untilCoreDiagnostics(document)).some(problem => problem.ruleId === 'number-unit-space'));
      await setSetting('rules', { 'number-unit-space': 'off' });
      assert.ok(!(await untilCoreDiagnostics(document)).some(problem => problem.ruleId === 'number-unit-space'));
      await setSetting('rules', { 'number-unit-space': 'error' });
      const problems = await untilCoreDiagnostics(document);
      assert.ok(problems.some(problem => problem.ruleId === 'number-unit-space' && problem.severity === 'error'));
      await setSetting('rules', undefined);
      await untilCoreDiagnostics(document);
    });

    it('bulletinLint.enable: off clears the diagnostics, on brings them back', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      await untilCoreDiagnostics(document);
      await setSetting('enable', false);
      await until(vscode.languages.onDidChangeDiagnostics, () => (ours(document.uri).length === 0 ? true : undefined), 'cleared diagnostics');
      await setSetting('enable', undefined);
      assert.ok((await untilCoreDiagnostics(document)).length > 0);
    });

    it('bulletinLint.maxProblems: a limit shows the most severe problems and one notice with the count; unset, all', async () => {
      const document = await open(draftUri('000.bulletin.txt'));
      const problems = await untilCoreDiagnostics(document);
      const limit = 5;
      const rank = { error: 0, warning: 1, info: 2 };
      // The most severe `limit` problems, of one severity the first in the text (a stable sort keeps text order).
      const shown = [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, limit);
      assert.ok(new Set(shown.map(problem => problem.severity)).size > 1 && problems.length > limit, 'the draft has more problems than the limit, of several severities');
      const expected = expectedDiagnostics(document, shown);
      await setSetting('maxProblems', limit);
      const limited = () => ours(document.uri).filter(diagnostic => diagnostic.code !== undefined);
      const same = () => JSON.stringify(limited().map(diagnostic => summarize(document, { ...diagnostic, rule: ruleOf(diagnostic) })).sort()) === JSON.stringify(expected);
      await until(vscode.languages.onDidChangeDiagnostics, () => (same() ? true : undefined), `${limit} diagnostics`);
      const notices = ours(document.uri).filter(diagnostic => diagnostic.code === undefined);
      assert.equal(notices.length, 1, 'one notice');
      assert.equal(notices[0].range.start.line, 0);
      assert.ok(notices[0].message.includes(String(problems.length)) && notices[0].message.includes('bulletinLint.maxProblems'), notices[0].message);
      await setSetting('maxProblems', undefined);
      await untilCoreDiagnostics(document);
      assert.ok(ours(document.uri).every(diagnostic => diagnostic.code !== undefined), 'no notice without a limit reached');
    });

    it('.bulletinrc.json: an edit is picked up (a rule turned off there), and undone', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const rcUri = draftUri('.bulletinrc.json');
      const original = await vscode.workspace.fs.readFile(rcUri);
      const config = JSON.parse(new TextDecoder().decode(original));
      try {
        await vscode.workspace.fs.writeFile(rcUri, new TextEncoder().encode(JSON.stringify({ ...config, rules: { 'markup-residue': 'off' } })));
        assert.ok(!(await untilCoreDiagnostics(document)).some(problem => problem.ruleId === 'markup-residue'));
      } finally {
        await vscode.workspace.fs.writeFile(rcUri, original);
      }
      await untilCoreDiagnostics(document);
    });
  });

  describe('the server process', () => {
    before(function () {
      // serverProcesses() reads the process table with ps.
      if (process.platform === 'win32') this.skip();
    });

    it('comes back by itself when it dies', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      await untilCoreDiagnostics(document);
      const [pid] = serverProcesses();
      assert.ok(pid, 'a server process of this extension host');
      process.kill(pid, 'SIGKILL');
      await provesServerChecks(document);
      const [restarted] = serverProcesses();
      assert.ok(restarted && restarted !== pid, `a new server process (was ${pid}, now ${restarted})`);
    });

    it('restarts on “restart server”, and “show output” opens its log', async () => {
      const document = await open(draftUri('004.bulletin.txt'));
      const [before] = serverProcesses();
      await vscode.commands.executeCommand(COMMANDS.restartServer);
      await provesServerChecks(document);
      const [after] = serverProcesses();
      assert.ok(after && after !== before, `a new server process (was ${before}, now ${after})`);
      await vscode.commands.executeCommand(COMMANDS.showOutput);
    });
  });
});
