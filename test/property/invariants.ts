// What the core promises for every text, written as checks that throw on the first broken promise. The property
// tests, the fuzzer and the regression replays all call these, so a counterexample found by one is judged the
// same way by the others.
//
// "Keeps every Han character, digit and Latin letter that no rule says to change" is made precise here: the
// skeleton of a text is its sequence of Han characters, digits and Latin letters (half- or full-width); a fix's
// edit may change the skeleton of the text it replaces only as its rule's entry in CHARACTER_CHANGES allows,
// and a rule without an entry must keep the skeleton exactly.

import * as assert from 'node:assert/strict';
import { applyFixes, fixAll, lint, ruleById, type LintOptions, type Problem, type TextEdit, type UnitEntry } from '../../server/src/core';

const SKELETON_CHAR = /[\p{Script=Han}0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;

/** The Han characters, digits and Latin letters of a text, in order, one code point each. */
export function skeleton(text: string): string {
  let result = '';
  for (const char of text) if (SKELETON_CHAR.test(char)) result += char;
  return result;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether an offset lies between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function checkSpan(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}..${end} are integers`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: ${start}..${end} lies inside the text (length ${text.length})`);
  assert.ok(!splitsSurrogatePair(text, start), `${what}: start ${start} splits a surrogate pair`);
  assert.ok(!splitsSurrogatePair(text, end), `${what}: end ${end} splits a surrogate pair`);
}

/**
 * Every problem names a registered rule with a valid severity and a message, and its range and its fix's edits
 * lie inside the text on UTF-16 boundaries; a fix's edits do not overlap, and only fixable rules carry fixes.
 */
export function checkProblems(text: string, problems: readonly Problem[]): void {
  for (const problem of problems) {
    const rule = ruleById.get(problem.ruleId);
    assert.ok(rule, `${problem.ruleId} is a registered rule`);
    const what = `${problem.ruleId} at ${problem.start}..${problem.end}`;
    assert.ok(['error', 'warning', 'info'].includes(problem.severity), `${what}: severity ${problem.severity}`);
    assert.ok(typeof problem.message === 'string' && problem.message.trim() !== '', `${what}: has a message`);
    checkSpan(text, problem.start, problem.end, what);
    if (!problem.fix) continue;
    assert.ok(rule.fixable, `${what}: a rule declared not fixable carries a fix`);
    const edits = [...problem.fix].sort((a, b) => a.start - b.start || a.end - b.end);
    edits.forEach((edit, index) => {
      checkSpan(text, edit.start, edit.end, `${what}, edit ${index}`);
      assert.equal(typeof edit.text, 'string', `${what}, edit ${index}: replacement is a string`);
      if (index > 0) assert.ok(edits[index - 1].end <= edit.start, `${what}: edits ${index - 1} and ${index} overlap`);
    });
  }
}

/** What a rule may do to the skeleton: `removed` is the text an edit replaces, `inserted` its replacement. */
type CharacterChange = (removed: string, inserted: string, units: readonly UnitEntry[]) => boolean;

const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
const toHalfwidth = (text: string) => text.replace(FULLWIDTH_ALNUM, char => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
const ZERO_LIKES = /[零OoＯｏ0０○〇]/g;
/** A measure marker's numeral, its suffix, or both: what renumbering replaces. */
const MARKER_PART = /^(?:[一二三四五六七八九十]+[是要]?|[是要])$/;
const unitNames = (units: readonly UnitEntry[]) => new Set(units.map(unit => unit.name));
const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');
const hanOf = (text: string) => Array.from(text).filter(char => /\p{Script=Han}/u.test(char));

/** The value of a number written with Arabic digits and the units 十百千万亿 (3万5千 → 35000), or NaN. */
export function numberValue(written: string): number {
  const tokens = written.match(/\d+(?:\.\d+)?|[十百千万亿零]/g);
  if (!tokens || tokens.join('') !== written) return NaN;
  let total = 0;
  let section = 0;
  let current = 0;
  for (const token of tokens) {
    if (token === '零') continue;
    if (token === '亿') {
      total = (total + section + current) * 1e8;
      section = current = 0;
    } else if (token === '万') {
      section = (section + current) * 1e4;
      current = 0;
    } else if (token in SMALL_UNITS) {
      section += (current || 1) * SMALL_UNITS[token];
      current = 0;
    } else {
      current = Number(token);
    }
  }
  return total + section + current;
}
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Legal unit names for the non-legal ones the spec lists (GB 3100-1993), as an oracle independent of the rule. */
const LEGAL_UNIT_NAMES: Readonly<Record<string, string>> = {
  平米: '平方米', 立米: '立方米', 公方: '立方米', 公分: '厘米', 公厘: '毫米', 公尺: '米', 公升: '升', 公吨: '吨',
};

/** The rules whose fixes may change the skeleton, and exactly how. Every other rule keeps it as it is. */
export const CHARACTER_CHANGES: Readonly<Record<string, CharacterChange>> = {
  // ２０２４ → 2024, ＳＱＬ → SQL.
  'fullwidth-digit': (removed, inserted) => skeleton(inserted) === toHalfwidth(skeleton(removed)),
  // 二零二四 → 二〇二四; a Latin O or the digit 0 typed for 〇.
  'chinese-zero': (removed, inserted) => skeleton(removed.replace(ZERO_LIKES, '〇')) === skeleton(inserted.replace(ZERO_LIKES, '〇')),
  // 4千 → 4000, 3万5千 → 3.5万: the same value, written with digits and at most 万 or 亿.
  'number-mixed-digits': (removed, inserted) => {
    if (!/^\d+(?:\.\d+)?[万亿]?$/.test(inserted)) return false;
    const before = numberValue(removed);
    const after = numberValue(inserted);
    return Number.isFinite(before) && Math.abs(before - after) <= 1e-9 * Math.max(1, Math.abs(before));
  },
  // 平米 → 平方米.
  'unit-nonstandard': (removed, inserted) => LEGAL_UNIT_NAMES[skeleton(removed)] === skeleton(inserted),
  // 2024.8.9, 2024 年 08 月 09 日, 24年8月 → 2024年8月9日: the same year, month and day.
  'date-format': (removed, inserted) => {
    const corrected = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(inserted);
    const parts = removed.match(/\d+/g);
    if (!corrected || !parts || parts.length !== corrected.filter(Boolean).length - 1) return false;
    const year = Number(corrected[1]);
    const yearMatches = parts[0].length === 2 ? year % 100 === Number(parts[0]) && year >= 1950 && year < 2050 : year === Number(parts[0]);
    return yearMatches && parts.slice(1).every((part, index) => Number(part) === Number(corrected[index + 2]));
  },
  // 区委办[2024]第05号 → 区委办〔2024〕5号: drops 第 and leading zeros, changes brackets.
  'doc-number': (removed, inserted) => skeleton(removed) === skeleton(inserted) || (skeleton(inserted) === '' && /^(?:第|0+)$/.test(skeleton(removed))),
  // .5元 → 0.5元.
  'decimal-leading-zero': (removed, inserted) => removed === '' && inserted === '0',
  // Inserts （）, prefilled with a unit of the directory.
  'attribution-missing': (removed, inserted, units) => {
    const inner = /^[（(]([^（）()]*)[）)]$/.exec(inserted.trim())?.[1];
    return skeleton(removed) === '' && inner !== undefined && (skeleton(inner) === '' || unitNames(units).has(inner.trim()));
  },
  // 区域管局 → 区城管局: the replacement is a canonical name of the directory.
  'attribution-unknown': (removed, inserted, units) => /^\p{Script=Han}+$/u.test(skeleton(removed)) && unitNames(units).has(inserted),
  // 一是…三是 → 一是…二是, 一是…二要 → 一是…二是: a marker's numeral or suffix replaced by another.
  'numbering-sequence': (removed, inserted) => MARKER_PART.test(skeleton(removed)) && MARKER_PART.test(skeleton(inserted)),
  // Deletes a page number line: — 4 —, 第 4 页.
  'structure-page-furniture': (removed, inserted) => skeleton(inserted) === '' && /^[\s\u3000—–\-－第页共\d]*$/.test(removed),
  // 15-20% → 15%～20%, 2-5万人 → 2万～5万人: the same digits, 万 or 亿 repeated.
  'number-range': (removed, inserted) => {
    if (digitsOf(removed) !== digitsOf(inserted) || skeleton(removed).replace(/[^A-Za-z]/g, '') !== skeleton(inserted).replace(/[^A-Za-z]/g, '')) return false;
    const added = hanOf(inserted);
    for (const char of hanOf(removed)) {
      const index = added.indexOf(char);
      if (index < 0) return false;
      added.splice(index, 1);
    }
    return added.every(char => char === '万' || char === '亿');
  },
};

/** An edit of a fix reported by `ruleId` changes the skeleton only as the rule may. */
export function checkEdit(text: string, ruleId: string, edit: TextEdit, units: readonly UnitEntry[]): void {
  const removed = text.slice(edit.start, edit.end);
  const allowed = CHARACTER_CHANGES[ruleId] ?? ((before: string, after: string) => skeleton(before) === skeleton(after));
  assert.ok(
    allowed(removed, edit.text, units),
    `${ruleId} replaces ${JSON.stringify(removed)} by ${JSON.stringify(edit.text)} at ${edit.start}: ` +
      (ruleId in CHARACTER_CHANGES ? 'outside the changes its entry in CHARACTER_CHANGES allows' : 'it changes Han characters, digits or letters'),
  );
}

/**
 * Fix-all, pass by pass as `fixAll` runs it: every pass's problems are well formed and every edit of every fix
 * changes only what its rule may; the passes reach a text with nothing fixable left, which `fixAll` returns and
 * a second fix-all leaves as it is. Returns the fixed text.
 */
export function checkFixAll(text: string, options: LintOptions): string {
  const units = options.units ?? [];
  let current = text;
  const maxPasses = 10;
  let pass = 0;
  for (; pass < maxPasses; pass++) {
    const problems = lint(current, options);
    checkProblems(current, problems);
    for (const problem of problems) for (const edit of problem.fix ?? []) checkEdit(current, problem.ruleId, edit, units);
    const result = applyFixes(current, problems);
    if (result.applied === 0) break;
    current = result.text;
  }
  const leftover = lint(current, options).filter(problem => problem.fix?.length);
  assert.deepEqual(
    leftover.map(problem => `${problem.ruleId} ${JSON.stringify(current.slice(problem.start, problem.end))}`),
    [],
    `fix-all converges within ${maxPasses} passes: nothing fixable is left`,
  );
  const fixed = fixAll(text, options).text;
  assert.equal(fixed, current, 'fixAll returns what its passes produce');
  const again = fixAll(fixed, options);
  assert.equal(again.applied, 0, 'a second fix-all changes nothing');
  assert.equal(again.text, fixed);
  return fixed;
}

/** With every rule that may change the skeleton turned off, fix-all keeps the skeleton exactly. */
export function checkFixKeepsSkeleton(text: string, options: LintOptions): void {
  const rules = { ...options.rules };
  for (const ruleId of Object.keys(CHARACTER_CHANGES)) rules[ruleId] = { severity: 'off', options: {} };
  const fixed = fixAll(text, { ...options, rules }).text;
  assert.equal(skeleton(fixed), skeleton(text), 'fix-all by the rules that keep characters keeps every Han character, digit and letter in order');
}

/** Linting never throws, its problems are well formed, and linting again (after other texts) gives the same. */
export function checkLint(text: string, options: LintOptions): Problem[] {
  const problems = lint(text, options);
  checkProblems(text, problems);
  return problems;
}

export function checkDeterministic(text: string, other: string, options: LintOptions): void {
  const first = lint(text, options);
  lint(other, options);
  assert.deepEqual(lint(text, options), first, 'linting is deterministic: no state carries over from the text linted before');
}

/**
 * Locality: what linting `draft + next` reports on the draft is what linting the draft alone reports, for `next`
 * a whole new item; and no problem straddles the two.
 */
export function checkLocality(draft: string, next: string, options: LintOptions): void {
  const alone = lint(draft, options);
  const combined = lint(draft + next, options);
  const straddling = combined.filter(problem => problem.start < draft.length && problem.end > draft.length);
  assert.deepEqual(straddling.map(problem => problem.ruleId), [], 'no problem straddles the draft and the new item');
  const describe = (problems: readonly Problem[]) =>
    problems.map(problem => `${problem.ruleId} ${problem.start}..${problem.end} ${JSON.stringify(draft.slice(problem.start, problem.end))}: ${problem.message}`);
  assert.deepEqual(describe(combined.filter(problem => problem.end <= draft.length)), describe(alone), 'appending an item changes nothing reported on the draft');
}

/** The options the generated drafts are linted with: the generators' unit directory, and either locale. */
export function lintOptionsFor(units: readonly UnitEntry[], english: boolean): LintOptions {
  return { units, locale: english ? 'en' : 'zh' };
}
