// The character helpers the character-level rules share: Han detection by numeric ranges must agree with the
// Unicode property, look-around must never split a surrogate pair, and the stray-word test must hold its traps.

import * as assert from 'node:assert/strict';
import {
  codePointBefore, codePointBeforeBlanks, excerpt, isChinese, isHan, isStrayFunctionWord,
} from '../../server/src/core/characters';

describe('characters', () => {
  it('isHan agrees with \\p{Script=Han} on every assigned code point of planes 0 to 3', () => {
    const han = /\p{Script=Han}/u;
    const assigned = /\p{Assigned}/u;
    const disagreements: string[] = [];
    for (let codePoint = 0; codePoint <= 0x3ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      if (assigned.test(char) && han.test(char) !== isHan(codePoint)) disagreements.push(codePoint.toString(16));
    }
    assert.deepEqual(disagreements.slice(0, 10), []);
  });

  it('reads the code point before an offset whole, across a surrogate pair', () => {
    const text = '建成𠮷3个';
    const afterAstral = text.indexOf('3');
    assert.equal(codePointBefore(text, afterAstral), 0x20bb7);
    assert.equal(codePointBefore(text, 0), -1);
    assert.equal(codePointBeforeBlanks('𠮷 \u3000with', 4), 0x20bb7);
  });

  it('counts Chinese punctuation as Chinese context, ASCII punctuation not', () => {
    for (const char of '，。、；：？！“”（）《》……——') assert.ok(isChinese(char.codePointAt(0)!), char);
    for (const char of ',.;:?!()"a1 ') assert.ok(!isChinese(char.codePointAt(0)!), char);
  });

  it('excerpts whole numbers and two Han characters on each side', () => {
    const text = '累计办理业务 200余件。';
    const space = text.indexOf(' ');
    assert.deepEqual(excerpt(text, space, space + 1, ''), { written: '业务 200余件', corrected: '业务200余件' });
    const astral = '走访𠮷 3户';
    const at = astral.indexOf(' ');
    assert.deepEqual(excerpt(astral, at, at + 1, ''), { written: '访𠮷 3户', corrected: '访𠮷3户' });
  });

  it('finds stray function words between Han text only', () => {
    const stray = (text: string, word: string) => isStrayFunctionWord(text, text.indexOf(word), text.indexOf(word) + word.length);
    assert.ok(stray('柔性 with 刚性执法', 'with'));
    assert.ok(stray('统筹城市 and乡村治理', 'and'));
    assert.ok(!stray('青春in郑州', 'in'), 'glued to Han text on both sides: a slogan');
    assert.ok(!stray('发现郑州IN 你而红', 'IN'), 'capitals are names and puns');
    assert.ok(!stray('Together with you', 'with'), 'English around it');
    assert.ok(!stray('管径5 in', 'in'), 'a unit after a number');
    assert.ok(!stray('方案withdraw', 'with'), 'part of a longer word');
  });
});
