// Reports of any size: placing problems on lines and columns agrees with the editor's TextDocument (every kind
// of line break, astral characters, offsets in any order), and the stylish format copes with 200,000 problems.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { locateProblems, positionsIn } from '../../server/src/cli/formatters/locate';
import { displayWidth, formatStylish } from '../../server/src/cli/formatters/stylish';
import type { FormatContext, LintedFile, LocatedProblem } from '../../server/src/cli/formatters/types';
import { rules, type Problem } from '../../server/src/core';

const SEED = 20_261_123;
const CONTEXT: FormatContext = { cwd: '/', locale: 'zh', color: false, quiet: false, unchecked: 0, rules, version: '0.0.0' };

/** Where the language server puts an offset (0-based), as the CLI's 1-based position. */
function editorPosition(text: string, offset: number): { line: number; column: number } {
  const position = TextDocument.create('file:///t', 'plaintext', 0, text).positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

describe('cli: large reports', () => {
  describe('positions', () => {
    const pieces = fc.constantFrom('一', 'a', ' ', '𠮷', '\n', '\r\n', '\r', '\n\n', '\r\r\n', '\uFEFF');
    const text = fc.array(pieces, { maxLength: 60 }).map(parts => parts.join(''));

    it('agree with TextDocument for every offset, visited in order and back again', () => {
      fc.assert(
        fc.property(text, text => {
          const positionOf = positionsIn(text);
          const offsets = [...Array(text.length + 1).keys()];
          for (const offset of [...offsets, ...offsets.reverse()]) assert.deepEqual(positionOf(offset), editorPosition(text, offset), `offset ${offset}`);
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('agree with TextDocument for offsets in any order, also outside the text', () => {
      fc.assert(
        fc.property(text, fc.array(fc.integer({ min: -3, max: 70 }), { maxLength: 40 }), (text, offsets) => {
          const positionOf = positionsIn(text);
          for (const offset of offsets) assert.deepEqual(positionOf(offset), editorPosition(text, offset), `offset ${offset}`);
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('place a problem by its start and end and keep its fields; a submission\'s problem has a place and no fix', () => {
      const text = '第一行\r\n𠮷第二行\n第三行';
      const fix = [{ start: 6, end: 7, text: '' }];
      const problem: Problem = { ruleId: 'x', severity: 'warning', message: '消息', start: 5, end: 12, fix };
      assert.deepEqual(locateProblems(text, [problem]), [{ ...problem, line: 2, column: 1, endLine: 3, endColumn: 2 }]);
      const { fix: _fix, ...withoutFix } = problem;
      const places = [{ paragraph: 1 }, { paragraph: 3 }, { paragraph: 4 }];
      assert.deepEqual(locateProblems(text, [problem], places), [
        { ...withoutFix, line: 2, column: 1, endLine: 3, endColumn: 2, place: { paragraph: 3 } },
      ]);
      // Past the last line with a place, the last place.
      assert.deepEqual(locateProblems(text, [problem], places.slice(0, 1))[0].place, { paragraph: 1 });
    });
  });

  describe('stylish', () => {
    it('measures terminal columns by code point: wide CJK, full-width forms and astral Han take two', () => {
      assert.equal(displayWidth(''), 0);
      assert.equal(displayWidth('a1 '), 3);
      assert.equal(displayWidth('中文，。'), 8);
      assert.equal(displayWidth('가ｱ'), 3, 'Hangul is wide, half-width katakana is not');
      assert.equal(displayWidth('𠮷a'), 3, 'an astral Han character is one wide character');
      assert.equal(displayWidth('😀'), 1, 'an astral character outside the wide blocks is one column');
      assert.equal(displayWidth('\ud842a\udfb7'), 3, 'lone surrogates are one column each');
    });

    it('formats 200,000 problems of one file, aligned in columns, written out in pieces', function () {
      this.timeout(60_000);
      const count = 200_000;
      const problems: LocatedProblem[] = [];
      for (let index = 0; index < count; index++) {
        const line = index + 1;
        problems.push({
          ruleId: index % 2 ? 'cjk-latin-space' : 'number-unit-space',
          severity: index % 3 ? 'warning' : 'error',
          message: index % 2 ? '中文与英文之间不加空格' : `数字与单位之间不加空格（第${line}处）`,
          start: index,
          end: index + 1,
          line,
          column: 1 + (index % 120),
          endLine: line,
          endColumn: 2 + (index % 120),
        });
      }
      const file: LintedFile = { filePath: '/big.txt', displayPath: 'big.txt', text: '', problems };
      const pieces: string[] = [];
      formatStylish([file], CONTEXT, piece => pieces.push(piece));
      // Handed on in pieces as it goes, never as one string of the whole report.
      assert.ok(pieces.length > 100 && pieces.every(piece => piece.length < 2 ** 17), `${pieces.length} pieces`);
      const output = pieces.join('');
      const rows = output.split('\n').filter(row => row.startsWith('  ') && /(number-unit-space|cjk-latin-space)$/.test(row));
      assert.equal(rows.length, count);
      // Aligned: the rule id starts in the same terminal column on every row.
      const ruleColumns = new Set(rows.map(row => displayWidth(row.slice(0, row.lastIndexOf('  ') + 2))));
      assert.equal(ruleColumns.size, 1);
      assert.match(rows[count - 1], /^ {2}200000:80 {2}/);
      assert.match(output, /共 200000 个问题/);
    });
  });
});
