// schemas/bulletinrc.schema.json is the schema the configuration is validated with, written out for editors.
// It must list every rule of the registry; UPDATE_GOLDEN=1 rewrites it after rules change.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { buildConfigSchema } from '../../server/src/config';
import { rules } from '../../server/src/core';

const root = join(__dirname, '../..');
const schemaPath = join(root, 'schemas/bulletinrc.schema.json');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));

describe('cli: configuration schema', () => {
  const built = buildConfigSchema(rules);
  if (process.env.UPDATE_GOLDEN) writeFileSync(schemaPath, `${JSON.stringify(built, null, 2)}\n`);
  const shipped = readJson(schemaPath);

  it('lists exactly the rule ids of the registry', () => {
    assert.deepEqual(Object.keys(shipped.definitions.rules.properties), rules.map(rule => rule.id));
    assert.deepEqual(shipped.definitions.ignore.items.properties.rule.enum, [...rules.map(rule => rule.id), '*']);
  });

  it('is the schema the configuration is validated with (UPDATE_GOLDEN=1 npx mocha --grep schema rewrites it)', () => {
    assert.deepEqual(shipped, JSON.parse(JSON.stringify(built)));
  });

  it('is a draft-07 schema with descriptions in Chinese and English', () => {
    assert.equal(shipped.$schema, 'http://json-schema.org/draft-07/schema#');
    for (const key of ['root', 'ignorePatterns', 'overrides']) assert.match(shipped.properties[key].description, /[\u4e00-\u9fff][^]*\n[A-Z]/);
  });

  it('accepts the example configuration and the valid fixtures, and rejects the broken one (as an editor would)', () => {
    const validate = new Ajv().compile(shipped);
    for (const path of ['examples/.bulletinrc.json', 'test/fixtures/workspace/.bulletinrc.json', 'test/fixtures/workspace/drafts/.bulletinrc.json']) {
      assert.ok(validate(readJson(join(root, path))), `${path}: ${JSON.stringify(validate.errors)}`);
    }
    assert.equal(validate(readJson(join(root, 'test/fixtures/workspace/broken/.bulletinrc.json'))), false);
  });
});
