// Diagnostics over the protocol: the real drafts opened as an editor opens them, ranges in UTF-16 positions,
// the rule id and its documentation link on each, the latest version winning, and clearing on close.

import * as assert from 'node:assert/strict';
import { docsUrl, ruleById } from '../../server/src/core';
import { editorForSuite, essentials, expectedDiagnostics, sample, SEVERITY, type TestEditor } from './harness';

/** Where `needle` is, as line and UTF-16 character, counted from the raw text (not through TextDocument). */
function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} not found`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('lsp: diagnostics', function () {
  let editor: TestEditor;
  editorForSuite({ locale: 'zh-CN' }, started => { editor = started; });

  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`sample ${prefix}: publishes every problem the core finds, with code, link, severity and range`, async () => {
      const { uri, text } = sample(prefix);
      const published = await editor.open(uri, text);
      assert.equal(published.version, 1);
      assert.deepEqual(essentials(published.diagnostics), expectedDiagnostics(uri, text));
      for (const diagnostic of published.diagnostics) {
        assert.equal(diagnostic.source, 'bulletin-lint');
        assert.equal(diagnostic.codeDescription?.href, docsUrl(String(diagnostic.code)));
        assert.ok(ruleById.has(String(diagnostic.code)), `${diagnostic.code} is a rule id`);
      }
      await editor.close(uri);
    });
  }

  it('sample 000: number-unit-space on the space of 建成 3个, at the position counted in the raw text', async () => {
    const { uri, text } = sample('000');
    const published = await editor.open(uri, text);
    const spaceAt = positionOf(text, '建成 3个');
    spaceAt.character += 2;
    const diagnostic = published.diagnostics.find(candidate => candidate.code === 'number-unit-space' && candidate.range.start.line === spaceAt.line);
    assert.ok(diagnostic, 'flagged');
    assert.deepEqual(diagnostic.range, { start: spaceAt, end: { line: spaceAt.line, character: spaceAt.character + 1 } });
    assert.equal(diagnostic.severity, SEVERITY.warning);
    assert.match(String(diagnostic.message), /建成 3个/, 'the message is Chinese and quotes the text');
    await editor.close(uri);
  });

  it('sample 001: unit-nonstandard on 平米 in 0.5元/平米', async () => {
    const { uri, text } = sample('001');
    const published = await editor.open(uri, text);
    const unit = published.diagnostics.filter(diagnostic => diagnostic.code === 'unit-nonstandard');
    const start = positionOf(text, '平米');
    assert.deepEqual(unit.map(diagnostic => diagnostic.range), [{ start, end: { line: start.line, character: start.character + 2 } }]);
    await editor.close(uri);
  });

  it('sample 003 (articles): punct-halfwidth on every half-width comma, exactly its one character', async () => {
    const { uri, text } = sample('003');
    const published = await editor.open(uri, text);
    const flagged = new Set(published.diagnostics
      .filter(diagnostic => diagnostic.code === 'punct-halfwidth')
      .map(({ range: { start, end } }) => `${start.line}:${start.character}-${end.line}:${end.character}`));
    const commas = text.split('\n').flatMap((line, index) => [...line.matchAll(/,/g)].map(match => `${index}:${match.index}-${index}:${match.index! + 1}`));
    assert.ok(commas.length > 50);
    for (const comma of commas) assert.ok(flagged.has(comma), `comma at ${comma} flagged`);
    await editor.close(uri);
  });

  it('counts positions in UTF-16 code units: 𠮷 before a problem, a BOM and CRLF line breaks', async () => {
    const uri = 'untitled:Surrogates-1';
    const text = '\ufeff𠮷𠮷项目建成 3个标准化考点。\r\n𠮷区里共建成 10家机构。\r\n';
    const published = await editor.open(uri, text);
    const spaces = published.diagnostics.filter(diagnostic => diagnostic.code === 'number-unit-space').map(diagnostic => diagnostic.range);
    assert.deepEqual(spaces, [
      { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } },
      { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } },
    ]);
    await editor.close(uri);
  });

  it('publishes only results of the latest version while edits arrive faster than it lints', async () => {
    const { text } = sample('002');
    const uri = 'untitled:Burst-1';
    await editor.open(uri, text);
    const textAt = new Map<number, string>([[1, text]]);
    const firstPublished = editor.published.length;
    let version = 1;
    for (let round = 0; round < 30; round++) {
      // Typing "建成 3个" at the start of the text, one edit after another, without waiting.
      const insertion = round % 2 === 0 ? '建成 3个项目。' : '';
      const document = editor.documents.get(uri)!;
      const edit = insertion
        ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: insertion }
        : { range: { start: { line: 0, character: 0 }, end: document.positionAt('建成 3个项目。'.length) }, newText: '' };
      version = await editor.change(uri, [edit]);
      textAt.set(version, editor.text(uri));
    }
    const last = await editor.nextDiagnostics(uri, params => params.version === version);
    const runs = editor.published.slice(firstPublished).filter(params => params.uri === uri);
    assert.ok(runs.length < 30, `the burst was linted ${runs.length} times, not once per edit`);
    let previous = 0;
    for (const params of runs) {
      assert.ok(params.version! > previous, 'versions only go up');
      previous = params.version!;
      assert.deepEqual(essentials(params.diagnostics), expectedDiagnostics(uri, textAt.get(params.version!)!), `version ${params.version} matches its own text`);
    }
    assert.equal(last.version, version);
    await editor.close(uri);
  });

  it('clears the diagnostics of a closed document', async () => {
    const { uri, text } = sample('000');
    const opened = await editor.open(uri, text);
    assert.ok(opened.diagnostics.length > 0);
    const cleared = editor.nextDiagnostics(uri);
    await editor.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('never writes anything but the protocol: stderr stays empty', () => {
    assert.equal(editor.errorOutput, '');
  });
});
