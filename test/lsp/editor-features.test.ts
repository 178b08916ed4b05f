// Outline, folding, completion and hover over the protocol, on the real drafts.

import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { editorForSuite, sample, type TestEditor } from './harness';

const UNITS = ['区城管局', { name: '区教育局', aliases: ['教育局'] }, '中心路街道', '区财政局'];

/** The position just after the `occurrence`-th `needle` (or at its start), counted in the raw text. */
function positionAfter(text: string, needle: string, { atStart = false, from = 0 } = {}): Position {
  const found = text.indexOf(needle, from);
  assert.ok(found >= 0, `${needle} not found`);
  const offset = atStart ? found : found + needle.length;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('lsp: outline, folding, completion and hover', function () {
  let editor: TestEditor;
  editorForSuite({ locale: 'zh-CN', settings: { units: UNITS } }, started => { editor = started; });

  const symbolsOf = async (uri: string) => (await editor.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  const completionAt = async (uri: string, position: Position) => {
    const result = await editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return (Array.isArray(result) ? result : result?.items ?? []) as CompletionItem[];
  };
  const hoverAt = async (uri: string, position: Position) => {
    const result = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return result ? (result.contents as MarkupContent).value : undefined;
  };

  describe('outline', () => {
    it('sample 004: the header, each item by its headline with its units and its measures, the briefs, the footer', async () => {
      const { uri, text } = sample('004');
      await editor.open(uri, text);
      const symbols = await symbolsOf(uri);
      const headlines = [...text.matchAll(/^(\S+) 一是/gm)].map(match => match[1]);
      assert.equal(headlines.length, 7);
      const names = symbols.map(symbol => symbol.name);
      assert.equal(names.length, 11);
      assert.equal(names[0], '上街信息');
      assert.deepEqual(names.slice(1, 8), headlines);
      assert.ok(names[8].startsWith('△ **8月9日**，中心路街道办事处') && names[8].endsWith('…'), names[8]);
      assert.ok(names[9].startsWith('△ **8月9日**，上街区人民政府'), names[9]);
      assert.equal(names[10], '报尾');
      assert.equal(symbols[0].detail, '第 45 期 2024 年 8 月 9 日');
      assert.equal(symbols[1].detail, '先进制造业开发区');
      assert.equal(symbols[2].detail, '峡窝镇、区自然资源局', 'several units joined by 、');
      assert.deepEqual(symbols[1].children?.map(child => child.name), ['一是 定期召开项目分析研判会', '二是 加快破解项目建设难题', '三是 加强项目招引储备']);
      const item = symbols[1];
      const line = text.split('\n')[item.range.start.line];
      assert.equal(line.slice(item.selectionRange.start.character, item.selectionRange.end.character), headlines[0], 'the headline is the selection');
      await editor.close(uri);
    });

    it('sample 001: a headline on its own line, measures running over hard-wrapped lines, folding per item', async () => {
      const { uri, text } = sample('001');
      await editor.open(uri, text);
      const symbols = await symbolsOf(uri);
      const first = symbols[0];
      assert.equal(first.name, '区委组织部组建公办物业提升无主管楼院治理水平');
      assert.equal(first.detail, '区委组织部');
      assert.deepEqual(first.children?.map(child => child.name), ['一是 加强组织引导', '二是 重视群众意见', '三是 坚持公平公正']);
      const attributionLine = positionAfter(text, '（区委组织部）').line;
      assert.deepEqual([first.range.start.line, first.range.end.line], [0, attributionLine]);
      assert.ok(first.children!.every(child => child.range.start.line >= 2 && child.range.end.line <= attributionLine));
      const folds = await editor.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      assert.ok(folds);
      assert.deepEqual(folds[0], { startLine: 0, endLine: attributionLine });
      assert.equal(folds.length, symbols.filter(symbol => symbol.range.end.line > symbol.range.start.line).length);
      await editor.close(uri);
    });

    it('sample 003 (articles): articles by their ## titles with bylines, the collective article with its ### sections', async () => {
      const { uri, text } = sample('003');
      await editor.open(uri, text);
      const symbols = await symbolsOf(uri);
      const titles = [...text.matchAll(/^## (.+)$/gm)].map(match => match[1].trim()).filter(title => title !== '简讯');
      const articles = symbols.filter(symbol => !symbol.name.startsWith('●'));
      assert.deepEqual(articles.map(symbol => symbol.name), titles);
      assert.equal(articles[0].detail, '记者 张怡馨 李郑阳');
      const collective = articles.find(symbol => symbol.name === '全区各单位学习贯彻区委十一届六次全会精神')!;
      const sections = [...text.matchAll(/^### (.+)$/gm)].map(match => match[1].trim());
      assert.deepEqual(collective.children?.map(child => child.name), sections);
      assert.deepEqual(collective.children?.[0].children?.map(child => child.name.slice(0, 2)), ['一是', '二是', '三是']);
      const folds = await editor.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      const collectiveLine = positionAfter(text, '## 全区各单位', { atStart: true }).line;
      assert.ok(folds?.some(fold => fold.startLine === collectiveLine));
      await editor.close(uri);
    });
  });

  describe('completion', () => {
    it('offers the directory inside an attribution, replacing the part of the name typed', async () => {
      const { uri, text } = sample('004');
      await editor.open(uri, text);
      const position = positionAfter(text, '（区教');
      const items = await completionAt(uri, position);
      assert.deepEqual(items.map(item => item.label), ['区城管局', '区教育局', '教育局', '中心路街道', '区财政局']);
      const education = items.find(item => item.label === '区教育局')!;
      assert.deepEqual((education.textEdit as TextEdit).range, { start: { line: position.line, character: position.character - 2 }, end: position });
      const alias = items.find(item => item.label === '教育局')!;
      assert.equal((alias.textEdit as TextEdit).newText, '区教育局', 'an alias writes the canonical name');
      await editor.close(uri);
    });

    it('offers units in an attribution being typed after the last sentence, and after 、', async () => {
      const uri = 'untitled:Completion-1';
      const text = '区财政局扎实做好资金发放工作 一是足额保障。二是精准资助。（区财政局、中心';
      await editor.open(uri, text);
      const items = await completionAt(uri, positionAfter(text, '、中心'));
      const street = items.find(item => item.label === '中心路街道');
      assert.ok(street);
      assert.equal((street.textEdit as TextEdit).range.start.character, text.length - 2);
      await editor.close(uri);
    });

    it('offers nothing inside parentheses of running text (各镇（街道）)', async () => {
      const { uri, text } = sample('004');
      await editor.open(uri, text);
      assert.deepEqual(await completionAt(uri, positionAfter(text, '以部分镇（街')), []);
      await editor.close(uri);
    });

    it('offers 二是 after 一是…。, replacing a 二 already typed', async () => {
      const uri = 'untitled:Completion-2';
      const text = '区教育局三举措推进资助工作 一是规范统一。召开专题会议部署。二';
      await editor.open(uri, text);
      const items = await completionAt(uri, positionAfter(text, '部署。二'));
      assert.deepEqual(items.map(item => item.label), ['二是']);
      const edit = items[0].textEdit as TextEdit;
      assert.equal(edit.newText, '二是');
      assert.deepEqual(edit.range, { start: { line: 0, character: text.length - 1 }, end: { line: 0, character: text.length } });
      assert.deepEqual((await completionAt(uri, positionAfter(text, '资助工作'))).map(item => item.label), [], 'nothing in the headline');
      await editor.close(uri);
    });

    it('offers the marker after the last measure before the cursor (四是 after 三是…。) and nothing where 二是 already follows', async () => {
      const { uri, text } = sample('001');
      await editor.open(uri, text);
      const afterThird = positionAfter(text, '主动接受监督。');
      assert.deepEqual((await completionAt(uri, afterThird)).map(item => item.label), ['四是']);
      const beforeSecond = positionAfter(text, '进入物业公司和业主\n\n自治组织。');
      assert.deepEqual((await completionAt(uri, beforeSecond)).map(item => item.label), []);
      await editor.close(uri);
    });
  });

  describe('hover', () => {
    it('on an attribution: the canonical name and aliases, or the nearest name for an unknown unit', async () => {
      const { uri, text } = sample('004');
      await editor.open(uri, text);
      assert.equal(await hoverAt(uri, positionAfter(text, '（区教')), '**区教育局**：单位名录中的规范名称\n\n别称：教育局');
      assert.equal(await hoverAt(uri, positionAfter(text, '、区域')), '**区域管局** 不在单位名录中\n\n可能是：区城管局');
      await editor.close(uri);
    });

    it('on a headline: the item\'s character count, the headline\'s and the number of measures', async () => {
      const { uri, text } = sample('004');
      await editor.open(uri, text);
      const itemLine = text.split('\n').find(line => line.startsWith('区先进制造业开发区加速'))!;
      const characters = Array.from(itemLine.replace(/\s/g, '')).length;
      const headline = '区先进制造业开发区加速推进重点项目建设';
      assert.equal(await hoverAt(uri, positionAfter(text, '区先进制造业开发区加速', { atStart: true })), `全文 ${characters} 字，标题 ${Array.from(headline).length} 字，措施 3 项`);
      assert.equal(await hoverAt(uri, positionAfter(text, '一是定期召开')), undefined, 'nothing in running text');
      await editor.close(uri);
    });
  });
});
