// The properties of issue 4 over generated drafts, a few hundred cases with a fixed seed so that the normal suite
// is quick and repeatable; `npm run fuzz` runs the same properties on 100k cases with fresh seeds. The checks
// themselves are unit-tested below, so that a property cannot pass by checking nothing.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, rules } from '../../server/src/core';
import { bulletinText, UNIT_DIRECTORY } from './generators';
import { CHARACTER_CHANGES, checkEdit, checkLocality, checkProblems, numberValue, skeleton, splitsSurrogatePair } from './invariants';
import { casesFor, PROPERTIES } from './properties';

/** The seed of the normal suite; a failure message names it with the path of the shrunk counterexample. */
export const SUITE_SEED = 20_241_104;
/** Cases per run of the normal suite, split over the properties by weight. */
const SUITE_CASES = 600;

describe('property: core', function () {
  this.timeout(60_000);

  for (const property of PROPERTIES) {
    const numRuns = casesFor(property, SUITE_CASES);
    it(`${property.name}: ${property.description} (${numRuns} cases)`, () => {
      fc.assert(fc.property(property.arbitrary, input => property.check(input)), { seed: SUITE_SEED, numRuns });
    });
  }

  it('the generated drafts make every rule report, and every fixable rule offer a fix: no property is vacuous', () => {
    const texts = fc.sample(bulletinText, { seed: SUITE_SEED, numRuns: 300 });
    const reporting = new Set<string>();
    const fixing = new Set<string>();
    for (const text of texts) {
      for (const problem of lint(text, { units: UNIT_DIRECTORY })) {
        reporting.add(problem.ruleId);
        if (problem.fix?.length) fixing.add(problem.ruleId);
      }
    }
    assert.deepEqual(rules.filter(rule => !reporting.has(rule.id)).map(rule => rule.id), [], 'rules that never report on the generated drafts');
    assert.deepEqual(rules.filter(rule => rule.fixable && !fixing.has(rule.id)).map(rule => rule.id), [], 'fixable rules that never fix');
    const everything = texts.join('\n');
    for (const expected of ['\r\n', '\ufeff', '## ', '— ', '**']) assert.ok(everything.includes(expected), `some draft contains ${JSON.stringify(expected)}`);
  });
});

describe('property: the checks catch what they are for', () => {
  it('a range splitting a surrogate pair, or outside the text, is refused', () => {
    const text = '𠮷野家';
    assert.ok(splitsSurrogatePair(text, 1));
    assert.ok(!splitsSurrogatePair(text, 2));
    const problem = { ruleId: rules[0].id, severity: 'warning' as const, message: 'x' };
    assert.throws(() => checkProblems(text, [{ ...problem, start: 1, end: 2 }]), /splits a surrogate pair/);
    assert.throws(() => checkProblems(text, [{ ...problem, start: 2, end: 9 }]), /inside the text/);
    assert.throws(() => checkProblems(text, [{ ...problem, ruleId: 'no-such-rule', start: 0, end: 2 }]), /registered rule/);
    checkProblems(text, [{ ...problem, start: 0, end: 2 }]);
  });

  it('the skeleton is the Han characters, digits and letters, astral ones whole', () => {
    assert.equal(skeleton('𠮷 建成 3个，“SQL”！２０'), '𠮷建成3个SQL２０');
  });

  it('the values of mixed numbers', () => {
    assert.equal(numberValue('4千'), 4000);
    assert.equal(numberValue('3万5千'), 35_000);
    assert.equal(numberValue('3.5万'), 35_000);
    assert.equal(numberValue('2亿3千万'), 230_000_000);
    assert.equal(numberValue('1百零8'), 108);
    assert.ok(Number.isNaN(numberValue('4千人')));
  });

  it('the allowances of CHARACTER_CHANGES name rules of the registry and refuse other changes', () => {
    const ids = new Set(rules.map(rule => rule.id));
    for (const ruleId of Object.keys(CHARACTER_CHANGES)) assert.ok(ids.has(ruleId), `${ruleId} is a rule`);
    const allows = (ruleId: string, removed: string, inserted: string) => CHARACTER_CHANGES[ruleId](removed, inserted, [{ name: '区城管局' }]);
    assert.ok(allows('number-mixed-digits', '3万5千', '3.5万'));
    assert.ok(!allows('number-mixed-digits', '3万5千', '3.6万'));
    assert.ok(allows('date-format', '24年08月', '2024年8月'));
    assert.ok(!allows('date-format', '2024.8.9', '2024年9月8日'));
    assert.ok(allows('unit-nonstandard', '平米', '平方米'));
    assert.ok(!allows('unit-nonstandard', '平米', '米'));
    assert.ok(allows('attribution-unknown', '区域管局', '区城管局'));
    assert.ok(!allows('attribution-unknown', '区域管局', '区教育局'));
    assert.ok(allows('number-range', '2-5万', '2万～5万'));
    assert.ok(!allows('number-range', '2-5万', '2万～6万'));
    assert.ok(allows('chinese-zero', '零', '〇') && !allows('chinese-zero', '一', '〇'));
  });

  it('an edit that drops or changes a character is caught, unless its rule may make it', () => {
    const text = '区教育局推进课后服务 一是建成 3个基地。二是开设课程4千余个。（区教育局）';
    const at = (needle: string) => text.indexOf(needle);
    checkEdit(text, 'number-unit-space', { start: at(' 3'), end: at(' 3') + 1, text: '' }, []);
    assert.throws(() => checkEdit(text, 'number-unit-space', { start: at(' 3'), end: at(' 3') + 2, text: '' }, []), /changes Han characters, digits or letters/);
    checkEdit(text, 'number-mixed-digits', { start: at('4千'), end: at('4千') + 2, text: '4000' }, []);
    assert.throws(() => checkEdit(text, 'number-mixed-digits', { start: at('4千'), end: at('4千') + 2, text: '400' }, []), /CHARACTER_CHANGES/);
  });

  it('locality is broken when the appended text continues the draft instead of starting an item', () => {
    const item = '区教育局推进课后服务 一是建成3个基地。二是开设课程180余个。（区教育局）\n';
    checkLocality(item, '\n区审计局推进审计整改 一是建立台账。二是跟踪销号。（区审计局）\n', {});
    assert.throws(() => checkLocality('区教育局推进课后服务 一是建成3个基地。', '二是开设课程180余个。（区教育局）\n', {}));
  });
});
