// The TextMate grammar (syntaxes/bulletin.tmLanguage.json) highlights what the parser finds, and nothing it
// rejects: tokenized with VS Code's own engine (vscode-textmate on the Oniguruma WebAssembly build) over the
// real drafts and the trap texts.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { parseDocument, type Span } from '../../server/src/core';

const root = join(__dirname, '../..');
const grammarPath = join(root, 'syntaxes/bulletin.tmLanguage.json');
const realFolder = join(root, 'test/fixtures/real');
const samples = readdirSync(realFolder).map(name => ({ name, text: readFileSync(join(realFolder, name), 'utf8') }));

async function loadGrammar(): Promise<IGrammar> {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
      createOnigString: text => new oniguruma.OnigString(text),
    }),
    loadGrammar: async scopeName => (scopeName === 'text.bulletin' ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  const grammar = await registry.loadGrammar('text.bulletin');
  assert.ok(grammar);
  return grammar;
}

interface ScopedText extends Span {
  text: string;
}

/** The maximal runs of text whose innermost-to-outermost scopes include one starting with `scope`. */
function scoped(grammar: IGrammar, text: string, scope: string): ScopedText[] {
  const runs: ScopedText[] = [];
  let state = INITIAL;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    for (const token of tokens) {
      if (!token.scopes.some(name => name.startsWith(scope))) continue;
      const start = lineStart + token.startIndex;
      const end = lineStart + Math.min(token.endIndex, line.length);
      const last = runs[runs.length - 1];
      if (last && last.end === start) last.end = end;
      else runs.push({ start, end, text: '' });
    }
    lineStart += line.length + 1;
  }
  for (const run of runs) run.text = text.slice(run.start, run.end);
  return runs;
}

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

describe('TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('highlights as headlines exactly the item headlines the parser finds, line by line where one is wrapped', () => {
    for (const { name, text } of samples) {
      const headlines = parseDocument(text).blocks.flatMap(block => (block.kind === 'item' && block.headline ? [slice(text, block.headline)] : []));
      const expected = headlines.flatMap(headline => headline.split('\n').map(piece => piece.trim()).filter(Boolean));
      assert.deepEqual(scoped(grammar, text, 'markup.heading.headline').map(run => run.text), expected, name);
    }
  });

  it('highlights only measure markers the parser finds, and all of them that are on one line', () => {
    for (const { name, text } of samples) {
      const measures = parseDocument(text).blocks.flatMap(block => [block, ...block.sections]).flatMap(block => block.measures);
      const expected = measures.filter(measure => measure.suffix === '是' && onOneLine(text, measure)).map(measure => `${measure.start}:${slice(text, measure)}`);
      const highlighted = scoped(grammar, text, 'keyword.control.measure').map(run => `${run.start}:${run.text}`);
      assert.deepEqual(highlighted, expected, name);
    }
  });

  it('highlights as attributions only closing attributions and bylines the parser finds', () => {
    for (const { name, text } of samples) {
      const attributions = parseDocument(text).blocks.flatMap(block => [block, ...block.sections]).flatMap(block => block.attribution ?? []);
      const starts = new Set(attributions.map(attribution => attribution.start));
      const highlighted = scoped(grammar, text, 'meta.attribution');
      assert.ok(highlighted.length >= attributions.filter(attribution => onOneLine(text, attribution)).length, name);
      for (const run of highlighted) assert.ok(starts.has(run.start), `${name}: ${run.text} is not an attribution`);
    }
  });

  it('leaves the traps alone: 统一是 之一是 唯一是 are no markers, S100 EC-225 M300 no numbers, inner parentheses no attribution', () => {
    for (const trapFile of ['traps.txt', 'traps.md']) {
      const text = readFileSync(join(root, 'test/fixtures/traps', trapFile), 'utf8');
      const markers = scoped(grammar, text, 'keyword.control.measure');
      for (const run of markers) assert.match(text.slice(run.start - 1, run.start), /[\s。；：，]|^$/u, `${trapFile}: ${text.slice(run.start - 2, run.end)}`);
      const numbers = scoped(grammar, text, 'constant.numeric').map(run => text.slice(run.start - 3, run.end));
      for (const model of ['S100', 'EC-225', 'M300', 'SG500']) assert.ok(!numbers.some(context => context.endsWith(model)), `${trapFile}: ${model}`);
      for (const run of scoped(grammar, text, 'meta.attribution')) assert.notEqual(run.text, '（街道）', trapFile);
    }
  });

  it('highlights numbers with their units and approximations, including astral Han around them', () => {
    const text = '开展活动100余次，收费0.5元/平方米，满意率98%，𠮷2万余人。';
    assert.deepEqual(scoped(grammar, text, 'constant.numeric').map(run => run.text), ['100', '0.5', '98', '2万']);
    assert.deepEqual(scoped(grammar, text, 'keyword.other.unit').map(run => run.text), ['次', '元', '%', '人']);
    assert.deepEqual(scoped(grammar, text, 'keyword.other.approximation').map(run => run.text), ['余', '余']);
  });

  it('highlights the header and footer fields, page furniture, brief marks and markdown headings', () => {
    const text = readFileSync(join(realFolder, samples.find(sample => sample.name.startsWith('004'))!.name), 'utf8');
    assert.deepEqual(scoped(grammar, text, 'markup.heading.title').map(run => run.text), ['上街信息']);
    assert.deepEqual(scoped(grammar, text, 'constant.other.issue-number').map(run => run.text), ['第 45 期']);
    assert.deepEqual(scoped(grammar, text, 'entity.name.type.office').map(run => run.text), ['中共上街区委办公室']);
    assert.deepEqual(scoped(grammar, text, 'constant.other.date').map(run => run.text), ['2024 年 8 月 9 日']);
    assert.deepEqual(scoped(grammar, text, 'support.type.property-name.footer').map(run => run.text), ['本期送', '发', '责任编辑']);
    assert.equal(scoped(grammar, text, 'storage.type.brief').length, 2);
    const sample001 = samples.find(sample => sample.name.startsWith('001'))!.text;
    assert.deepEqual(scoped(grammar, sample001, 'comment.line.page-furniture').map(run => run.text.trim()), ['— 4 —']);
    const articles = samples.find(sample => sample.name.startsWith('003'))!.text;
    const headings = scoped(grammar, articles, 'entity.name.section').map(run => run.text);
    assert.deepEqual(headings, [...articles.matchAll(/^#{2,3} (.*)$/gm)].map(match => match[1]));
    assert.equal(scoped(grammar, articles, 'storage.type.brief').length, [...articles.matchAll(/^●/gm)].length);
  });
});

function onOneLine(text: string, span: Span): boolean {
  return !text.slice(span.start, span.end).includes('\n');
}
