// Incremental linting on the real drafts pasted into one large file (as the language server meets a long file):
// which edits go through a window and which fall back to a full lint, and that either way the problems are a
// full lint's. The property test in test/property/incremental.property.test.ts is the general guarantee.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, lintSnapshot, parseDocument, relint, type LintOptions, type LintSnapshot } from '../../server/src/core';

const folder = join(__dirname, '../fixtures/real');
const drafts = readdirSync(folder).filter(name => name.endsWith('.txt')).sort().map(name => readFileSync(join(folder, name), 'utf8'));
/** Drafts of information items (sample 003 is a newspaper page in markdown, which would make the whole file articles). */
const itemDrafts = drafts.filter(text => !/^#{1,6} /m.test(text));
/** Some 100 KB of items: past the size under which a full lint is always run. */
const large = Array.from({ length: 12 }, () => itemDrafts.join('\n')).join('\n');
const articles = Array.from({ length: 40 }, () => drafts.find(text => /^## /m.test(text))!).join('\n');

/** The text with text[start, start + length) replaced by `insert`. */
function edited(text: string, start: number, length: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(start + length);
}

/** Re-lints after an edit and checks the result against a full lint; returns the snapshot. */
function relinted(previous: LintSnapshot, text: string): LintSnapshot {
  const snapshot = relint(previous, text);
  assert.deepEqual(snapshot.problems, lint(text, previous.options));
  return snapshot;
}

const reason = (snapshot: LintSnapshot) => (snapshot.made.kind === 'full' ? snapshot.made.reason : 'window');

describe('incremental linting', () => {
  const options: LintOptions = { units: [{ name: '区教育局' }, { name: '区审计局' }] };
  let base: LintSnapshot;

  before(() => {
    assert.ok(large.length > 64 * 1024, `the test text has ${large.length} code units`);
    base = lintSnapshot(large, options);
  });

  it('an edit in the middle of a large file is linted through a window of a few blocks, and the rest is spliced in', () => {
    const at = large.indexOf('建成 3个', large.length / 2);
    const snapshot = relinted(base, edited(large, at + 2, 1, ''));
    assert.equal(reason(snapshot), 'window');
    assert.ok(snapshot.made.kind === 'window');
    const { splice } = snapshot.made;
    assert.equal(snapshot.made.previous, base.serial);
    assert.equal(splice.shift, -1);
    // The problems before the window are the previous objects; those after it moved by the shift.
    assert.ok(splice.before > 0 && splice.before + splice.removed < base.problems.length);
    assert.equal(snapshot.problems[splice.before - 1], base.problems[splice.before - 1]);
    const after = base.problems[splice.before + splice.removed];
    assert.equal(snapshot.problems[splice.before + splice.inserted].start, after.start - 1);
    // The space of 建成 3个 is gone, and with it its number-unit-space problem.
    assert.equal(splice.removed - splice.inserted, 1);
  });

  it('edits in a row, each from the snapshot the one before left: typing, a new line, 𠮷, a whole item, deleting them', () => {
    let text = large;
    let snapshot = base;
    const middle = large.indexOf('\n', large.length / 3) + 1;
    const steps: Array<[number, number, string]> = [
      [middle + 3, 0, '的'],
      [middle + 5, 0, '\n'],
      [middle + 8, 0, '𠮷'],
      [middle, 0, '区审计局推进审计整改 一是建立台账。二是跟踪销号。（区审计局）\n'],
      [middle + 3, 2, ''],
      [middle, 40, ''],
    ];
    const reasons: string[] = [];
    for (const [start, length, insert] of steps) {
      text = edited(text, start, length, insert);
      snapshot = relinted(snapshot, text);
      reasons.push(reason(snapshot));
    }
    assert.deepEqual(reasons, steps.map(() => 'window'));
    const parsed = parseDocument(text);
    const { blocks, lines, quoted, header, footer } = snapshot.document;
    assert.deepEqual({ blocks, lines, quoted, header, footer }, { blocks: parsed.blocks, lines: parsed.lines, quoted: parsed.quoted, header: parsed.header, footer: parsed.footer },
      'the document model of a spliced snapshot is parsed on demand');
  });

  it('CRLF line breaks: an edit through a window equals a full lint', () => {
    const crlf = large.replace(/\r?\n/g, '\r\n');
    const snapshot = lintSnapshot(crlf, options);
    const at = crlf.indexOf('\r\n', crlf.length / 2);
    assert.equal(reason(relinted(snapshot, edited(crlf, at, 2, ''))), 'window');
    assert.equal(reason(relinted(snapshot, edited(crlf, at, 0, '\r\n\r\n'))), 'window');
  });

  it('the articles dialect: windows cut at ## articles', () => {
    const snapshot = lintSnapshot(articles, options);
    assert.equal(snapshot.dialect, 'articles');
    const at = articles.indexOf('。', articles.length / 2);
    assert.equal(reason(relinted(snapshot, edited(articles, at, 1, '，，'))), 'window');
  });

  describe('falls back to a full lint', () => {
    it('for a small text', () => {
      const text = itemDrafts[0];
      const snapshot = lintSnapshot(text, options);
      assert.equal(reason(relinted(snapshot, edited(text, text.length / 2, 0, '的'))), 'small');
    });

    it('for other options (another object), and with cjk-latin-space comparing the whole document', () => {
      assert.equal(reason(relint(base, edited(large, large.length / 2, 0, '的'), { ...options })), 'options');
      const consistent: LintOptions = { rules: { 'cjk-latin-space': { severity: 'info', options: { mode: 'consistent' } } } };
      const snapshot = lintSnapshot(large, consistent);
      assert.equal(reason(relinted(snapshot, edited(large, large.length / 2, 0, '的'))), 'document-wide-option');
      const accepted: LintOptions = { ignore: [{ rule: '*', text: '。\n' }] };
      assert.equal(reason(relinted(lintSnapshot(large, accepted), edited(large, large.length / 2, 0, '的'))), 'document-wide-option');
    });

    it('when a line holding # is touched: the dialect may change', () => {
      const at = large.indexOf('\n', large.length / 2) + 1;
      const snapshot = relinted(base, edited(large, at, 0, '## '));
      assert.equal(reason(snapshot), 'dialect');
      assert.equal(snapshot.dialect, 'articles');
    });

    it('in the opening lines, which decide the issue header at the top', () => {
      assert.equal(reason(relinted(base, edited(large, large.indexOf('\n') + 1, 0, '的'))), 'top');
    });

    it('while an unclosed 《 could reach across a cut: the quotation scan stops there for the rest of the text', () => {
      const untitled = large.replace(/[《》]/g, '');
      const at = untitled.indexOf('。', untitled.length / 2);
      const open = relinted(lintSnapshot(untitled, options), edited(untitled, at, 0, '《'));
      assert.equal(reason(open), 'quotation', 'the 《 typed in the window has no 》 after it');
      const later = open.text.indexOf('。', (open.text.length * 3) / 4) + 1;
      assert.equal(reason(relinted(open, edited(open.text, later, 0, '》'))), 'quotation', 'a 》 typed far after it would close the span');
      const earlier = open.text.indexOf('。', open.text.length / 4);
      assert.equal(reason(relinted(open, edited(open.text, earlier, 0, '的'))), 'window', 'before the 《 the scan is settled');
    });

    it('when the change reaches into the margin: the block before reads differently', () => {
      // An item whose attribution lacks its ）is closed only because the next line opens an item; the edit makes
      // that line ordinary text, so the item before, the window's margin, runs on.
      const at = large.indexOf('\n', large.length / 2) + 1;
      const pair = '区教育局推进课后服务 一是建成3个基地。二是开设课程180余个。（区教育局\n区审计局推进审计整改 一是建立台账。二是跟踪销号。（区审计局）\n';
      const text = edited(large, at, 0, pair);
      const marker = text.indexOf('一是建立台账', at);
      const tight = { minLength: 0, marginBlocks: 1, marginChars: 0, maxShare: 1 };
      const snapshot = relint(lintSnapshot(text, options), edited(text, marker, 2, ''), options, tight);
      assert.equal(reason(snapshot), 'margin');
      assert.deepEqual(snapshot.problems, lint(snapshot.text, options));
    });
  });
});
