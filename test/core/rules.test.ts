// Golden fixtures per rule: test/fixtures/rules/<rule-id>/ holds drafts (.txt, .md); next to each, `.report`
// is the expected report of that rule (with every other rule running, so that precedence between rules is
// tested too) and `.fixed` the draft after that rule's fixes. Drafts named valid* must have no report at all.
// `UPDATE_GOLDEN=1 npm run test:unit` rewrites the golden files; review the diff before committing.
// A `<draft>.json` next to a draft holds LintOptions for it (units, rule options).

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint, ruleById, type LintOptions } from '../../server/src/core';
import { renderReport } from '../support/report';

const root = join(__dirname, '../fixtures/rules');
const update = process.env.UPDATE_GOLDEN === '1';

function checkGolden(path: string, actual: string): void {
  if (update) {
    if (actual) writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path) || actual === '', `missing golden file ${path} (run with UPDATE_GOLDEN=1)`);
  assert.equal(actual, existsSync(path) ? readFileSync(path, 'utf8') : '');
}

describe('rule fixtures', () => {
  for (const ruleId of readdirSync(root).sort()) {
    describe(ruleId, () => {
      it('is a rule of the registry', () => assert.ok(ruleById.has(ruleId), `no rule ${ruleId}`));
      const rule = ruleById.get(ruleId);
      const drafts = readdirSync(join(root, ruleId)).filter(name => /\.(txt|md)$/.test(name)).sort();
      it('has drafts that must be flagged and drafts that must not', () => {
        assert.ok(drafts.some(name => name.startsWith('valid')), 'no valid* draft');
        assert.ok(drafts.some(name => !name.startsWith('valid')), 'no draft to flag');
      });
      for (const name of drafts) {
        it(name, () => {
          const path = join(root, ruleId, name);
          const text = readFileSync(path, 'utf8');
          const optionsPath = `${path}.json`;
          const options: LintOptions = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
          const problems = lint(text, options).filter(problem => problem.ruleId === ruleId);
          if (name.startsWith('valid')) assert.deepEqual(problems.map(p => text.slice(p.start, p.end)), []);
          else assert.ok(problems.length > 0, 'expected at least one problem');
          checkGolden(`${path}.report`, renderReport(text, problems));
          if (rule?.fixable && problems.some(problem => problem.fix)) {
            const only: LintOptions = { ...options, rules: Object.fromEntries([...ruleById.keys()].map(id => [id, { severity: id === ruleId ? rule.severity : 'off', options: options.rules?.[id]?.options ?? {} }])) };
            const fixed = fixAll(text, only).text;
            checkGolden(`${path}.fixed`, fixed);
            assert.equal(fixAll(fixed, only).text, fixed, 'fixing a fixed draft changes nothing');
          } else if (!update) {
            assert.ok(!existsSync(`${path}.fixed`), 'a .fixed file for a draft without fixes');
          }
        });
      }
    });
  }
});
