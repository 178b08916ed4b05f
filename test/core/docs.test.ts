// Every rule of the registry has its documentation page, and the README lists it; so has every check of an
// assembled issue: the docs link of each diagnostic must lead somewhere.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESK_CHECKS, rules } from '../../server/src/core';

const root = join(__dirname, '../..');

describe('rule documentation', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const rule of rules) {
    it(`${rule.id} has docs/rules/${rule.id}.md, a description and a standard, and a README entry`, () => {
      const page = join(root, 'docs/rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `missing ${page}`);
      assert.ok(readFileSync(page, "utf8").includes(rule.id), "the page names its rule");
      assert.ok(rule.description.zh && rule.description.en, 'description in both languages');
      assert.ok(rule.standard.zh && rule.standard.en, 'standard in both languages');
      assert.ok(readme.includes(`docs/rules/${rule.id}.md`), 'README links the page');
    });
  }

  // The checks of an assembled issue are diagnostics too, in the editor with the same kind of link.
  for (const id of Object.values(DESK_CHECKS)) {
    it(`${id} (a check of the assembled issue) has docs/rules/${id}.md in Chinese and English`, () => {
      const page = join(root, 'docs/rules', `${id}.md`);
      assert.ok(existsSync(page), `missing ${page}`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${id}\n`) && text.includes('## English'), 'the page names its check and has an English section');
    });
  }
});
