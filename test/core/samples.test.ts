// What the core must find in the five real drafts (issue 2), and what it must leave alone there.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, type LintOptions, type Problem } from '../../server/src/core';

const folder = join(__dirname, '../fixtures/real');
const sample = (prefix: string) => readFileSync(join(folder, readdirSync(folder).find(name => name.startsWith(prefix))!), 'utf8');
const of = (problems: Problem[], ruleId: string) => problems.filter(problem => problem.ruleId === ruleId);
const texts = (text: string, problems: Problem[]) => problems.map(problem => text.slice(problem.start, problem.end));

describe('real samples', () => {
  it('000: attribution-missing on the 区审计局 item only; number-unit-space on 建成 3个', () => {
    const text = sample('000');
    const problems = lint(text);
    const missing = of(problems, 'attribution-missing');
    assert.equal(missing.length, 1, JSON.stringify(texts(text, missing)));
    const itemStart = text.indexOf('区审计局科学规范');
    assert.ok(missing[0].start >= itemStart && missing[0].end <= text.indexOf('△'), 'reported inside the 区审计局 item');
    assert.ok(of(problems, 'number-unit-space').some(problem => text.slice(problem.start - 2, problem.end + 2) === '建成 3个'));
  });

  it('001: unit-nonstandard on 0.5元/平米; structure-page-furniture on — 4 —', () => {
    const text = sample('001');
    const problems = lint(text);
    const unit = of(problems, 'unit-nonstandard');
    assert.deepEqual(texts(text, unit), ['平米']);
    assert.equal(text.slice(unit[0].start - 5, unit[0].start), '0.5元/');
    assert.deepEqual(texts(text, of(problems, 'structure-page-furniture')), ['— 4 —']);
  });

  it('002: no numbering problem (三举措, 四字经 and 三步走 items are right)', () => {
    const text = sample('002');
    assert.deepEqual(lint(text).filter(problem => problem.ruleId.startsWith('numbering-')), []);
  });

  it('003: punct-halfwidth on the half-width commas; attribution-parens on the bylines; no attribution-missing where a byline closes', () => {
    const text = sample('003');
    const problems = lint(text);
    const halfwidth = of(problems, 'punct-halfwidth');
    const commas = [...text.matchAll(/,/g)].map(match => match.index);
    assert.ok(commas.length > 50);
    for (const at of commas) assert.ok(halfwidth.some(problem => problem.start === at && problem.end === at + 1), `comma at ${at} not flagged`);
    const bylines = [...text.matchAll(/^\(记者[^\n]*\)$/gm)];
    const parens = of(problems, 'attribution-parens');
    assert.equal(parens.length, bylines.length);
    for (const byline of bylines) assert.ok(parens.some(problem => problem.start === byline.index));
    // Every article but the collective one (no byline, ### sections) and the cut-off last heading has a byline.
    for (const problem of of(problems, 'attribution-missing')) {
      const article = text.lastIndexOf('## ', problem.start);
      const next = text.indexOf('\n## ', problem.start);
      assert.ok(!/\(记者/.test(text.slice(article, next < 0 ? text.length : next)), 'flagged an article that has a byline');
    }
  });

  it('004: markup-residue on **38.34**; text-stray-latin on with; attribution-unknown suggests 区城管局 for 区域管局', () => {
    const text = sample('004');
    const options: LintOptions = { units: ['区城管局', '中心路街道', '区财政局', '区教育局'].map(name => ({ name })) };
    const problems = lint(text, options);
    assert.ok(texts(text, of(problems, 'markup-residue')).includes('**38.34**'));
    assert.deepEqual(texts(text, of(problems, 'text-stray-latin')), ['with']);
    const unknown = of(problems, 'attribution-unknown').find(problem => text.slice(problem.start, problem.end) === '区域管局');
    assert.ok(unknown, '区域管局 flagged');
    assert.deepEqual(unknown.fix, [{ start: unknown.start, end: unknown.end, text: '区城管局' }]);
    assert.match(unknown.message, /区城管局/);
  });

  it('without a unit directory, attribution-unknown stays silent', () => {
    assert.deepEqual(of(lint(sample('004')), 'attribution-unknown'), []);
  });
});
