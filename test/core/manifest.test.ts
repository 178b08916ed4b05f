// The extension manifest (package.json with package.nls*.json) agrees with the code: every rule of the registry
// has a settings entry with the severity enum, its default and a description in both languages; the commands
// declared are the ones the client registers; language, activation and settings are those the client and the
// server use. The rule entries are derived from the registry: after changing a rule, rewrite them with
//   UPDATE_MANIFEST=1 npx mocha --grep manifest
// and review the diff.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, DEFAULT_MAX_PROBLEMS, LANGUAGE_ID, SETTINGS_SECTION } from '../../client/src/names';
import { docsUrl, lint, parseDocument, rules, type Rule } from '../../server/src/core';

const root = join(__dirname, '../..');
const files = { manifest: 'package.json', en: 'package.nls.json', zh: 'package.nls.zh-cn.json' } as const;
type Json = Record<string, any>;
const readJson = (file: string): Json => JSON.parse(readFileSync(join(root, file), 'utf8'));
const writeJson = (file: string, value: unknown) => writeFileSync(join(root, file), JSON.stringify(value, null, 2) + '\n');

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const severitySchema = {
  type: 'string',
  enum: SEVERITIES,
  markdownEnumDescriptions: SEVERITIES.map(severity => `%configuration.severity.${severity}%`),
};
const ruleKey = (rule: Rule) => `configuration.rules.${rule.id}`;

/** The settings entry of one rule: a severity, or an object with a severity and the rule's own options. */
function ruleSetting(rule: Rule): Json {
  return {
    markdownDescription: `%${ruleKey(rule)}%`,
    default: rule.severity,
    anyOf: [severitySchema, { type: 'object', properties: { severity: severitySchema } }],
  };
}

function ruleDescription(rule: Rule, locale: 'zh' | 'en'): string {
  const link = `[${locale === 'zh' ? '规则说明' : 'Rule documentation'}](${docsUrl(rule.id)})`;
  return rule.description[locale] ? `${rule.description[locale]} ${link}` : link;
}

const expectedRuleSettings = () => Object.fromEntries(rules.map(rule => [rule.id, ruleSetting(rule)]));
const expectedDescriptions = (locale: 'zh' | 'en') => Object.fromEntries(rules.map(rule => [ruleKey(rule), ruleDescription(rule, locale)]));

/** Replaces the `configuration.rules.*` entries of a nls file, keeping the others where they are. */
function withRuleDescriptions(nls: Json, locale: 'zh' | 'en'): Json {
  const others = Object.entries(nls).filter(([key]) => !key.startsWith('configuration.rules.'));
  return { ...Object.fromEntries(others), ...expectedDescriptions(locale) };
}

if (process.env.UPDATE_MANIFEST === '1') {
  const manifest = readJson(files.manifest);
  manifest.contributes.configuration.properties[`${SETTINGS_SECTION}.rules`].properties = expectedRuleSettings();
  writeJson(files.manifest, manifest);
  writeJson(files.en, withRuleDescriptions(readJson(files.en), 'en'));
  writeJson(files.zh, withRuleDescriptions(readJson(files.zh), 'zh'));
}

describe('extension manifest', () => {
  const manifest = readJson(files.manifest);
  const nls = { en: readJson(files.en), zh: readJson(files.zh) };
  const settings: Json = manifest.contributes.configuration.properties;
  const stale = 'out of date with the rule registry: run UPDATE_MANIFEST=1 npx mocha --grep manifest';

  it('lists every rule of the registry under bulletinLint.rules, with the severity enum and its default', () => {
    const ruleSettings = settings[`${SETTINGS_SECTION}.rules`];
    assert.equal(ruleSettings.additionalProperties, false, 'an unknown rule id is flagged in settings.json');
    assert.deepEqual(Object.keys(ruleSettings.properties), rules.map(rule => rule.id), stale);
    assert.deepEqual(ruleSettings.properties, expectedRuleSettings(), stale);
  });

  it('describes every rule in Chinese and English, as the registry does, with its documentation link', () => {
    for (const locale of ['zh', 'en'] as const) {
      for (const [key, text] of Object.entries(expectedDescriptions(locale))) assert.equal(nls[locale][key], text, `${locale} ${key}: ${stale}`);
    }
  });

  it('has every %placeholder% in both package.nls.json and package.nls.zh-cn.json, and no unused entry', () => {
    const placeholders = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(match => match[1]));
    assert.deepEqual(Object.keys(nls.en).sort(), [...placeholders].sort());
    assert.deepEqual(Object.keys(nls.zh).sort(), [...placeholders].sort());
    for (const [key, text] of Object.entries(nls.zh)) assert.match(text, /\p{Script=Han}/u, `${key} is not in Chinese`);
  });

  it('declares the settings the client and the server share, each with a description', () => {
    const names = ['enable', 'rules', 'units', 'include', 'run', 'maxProblems', 'trace.server'].map(name => `${SETTINGS_SECTION}.${name}`);
    assert.deepEqual(Object.keys(settings), names);
    for (const name of names) assert.match(settings[name].markdownDescription, /^%.+%$/, name);
    for (const name of names.filter(name => !name.endsWith('.trace.server'))) assert.equal(settings[name].scope, 'resource', name);
    assert.equal(settings[`${SETTINGS_SECTION}.enable`].default, true);
    assert.deepEqual(settings[`${SETTINGS_SECTION}.run`].enum, ['onType', 'onSave']);
    assert.deepEqual(settings[`${SETTINGS_SECTION}.maxProblems`], {
      type: 'integer', default: DEFAULT_MAX_PROBLEMS, minimum: 0, scope: 'resource', markdownDescription: '%configuration.maxProblems%',
    });
    // vscode-languageclient reads the trace setting as `<client id>.trace.server`.
    assert.deepEqual(settings[`${SETTINGS_SECTION}.trace.server`].enum, ['off', 'messages', 'verbose']);
  });

  it('declares exactly the commands the client registers, with localized titles', () => {
    const declared = manifest.contributes.commands.map((command: Json) => command.command);
    assert.deepEqual(declared, Object.values(COMMANDS));
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%command\.\w+%$/);
  });

  it('contributes the bulletin language for .bulletin, *.bulletin.txt and *.bulletin.md, and activates for it', () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, LANGUAGE_ID);
    assert.deepEqual(language.extensions, ['.bulletin', '.bulletin.txt', '.bulletin.md']);
    assert.deepEqual(manifest.activationEvents, [`onLanguage:${LANGUAGE_ID}`, 'workspaceContains:**/.bulletinrc.json']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('points at files that exist: language configuration, grammar, snippets, localization bundle', () => {
    const contributed = [
      ...manifest.contributes.languages.map((language: Json) => language.configuration),
      ...manifest.contributes.grammars.map((grammar: Json) => grammar.path),
      ...manifest.contributes.snippets.map((snippet: Json) => snippet.path),
    ];
    for (const path of contributed) JSON.parse(readFileSync(join(root, path), 'utf8'));
    assert.ok(existsSync(join(root, manifest.l10n, 'bundle.l10n.zh-cn.json')));
  });

  describe('snippets', () => {
    const snippets: Record<string, { prefix: string[]; description: string; body: string | string[] }> = readJson('snippets/bulletin.json');
    const drafts = Object.fromEntries(Object.entries(snippets).map(([name, snippet]) => [name, expandSnippet(snippet.body)]));
    const units = [{ name: '区教育局' }, { name: '区委政法委' }];

    it('offers item, brief, header, footer, measures and article, each with an English and a pinyin prefix and a Chinese description', () => {
      assert.deepEqual(Object.keys(snippets), ['item', 'brief', 'header', 'footer', 'measures', 'article']);
      for (const [name, snippet] of Object.entries(snippets)) {
        assert.equal(snippet.prefix[0], name);
        assert.match(snippet.prefix[1], /^[a-z]+$/);
        assert.match(snippet.description, /\p{Script=Han}/u);
      }
    });

    it('expand to text the parser reads as intended', () => {
      const item = parseDocument(drafts.item).blocks;
      assert.equal(item.length, 1);
      assert.equal(item[0].kind, 'item');
      assert.equal(drafts.item.slice(item[0].headline!.start, item[0].headline!.end), '区教育局扎实推进某项工作');
      assert.deepEqual(item[0].measures.map(measure => measure.value), [1, 2, 3]);
      assert.deepEqual(item[0].attribution?.units.map(unit => unit.name), ['区教育局']);
      assert.equal(parseDocument(drafts.brief).blocks[0].kind, 'brief');
      assert.ok(parseDocument(drafts.header).header?.date, 'header with a date');
      assert.ok(parseDocument(drafts.header + drafts.item + drafts.footer).footer, 'footer');
      const article = parseDocument(drafts.article).blocks[0];
      assert.equal(article.kind, 'article');
      assert.equal(article.attribution?.byline, true);
    });

    it('expand to text the linter has nothing to say about', () => {
      const issue = drafts.header + drafts.item + `\n${drafts.brief}\n` + drafts.footer;
      assert.deepEqual(lint(issue, { units }).map(problem => `${problem.ruleId}: ${issue.slice(problem.start, problem.end)}`), []);
      assert.deepEqual(lint(drafts.article, { units }).map(problem => problem.ruleId), []);
    });
  });
});

/** The text a snippet inserts when every placeholder keeps its default, on 2024-08-09. */
function expandSnippet(body: string | string[]): string {
  const variables: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '08', CURRENT_DATE: '09' };
  const defaults = new Map<string, string>();
  let text = Array.isArray(body) ? body.join('\n') : body;
  // Innermost first: variables (with a transform that drops a leading zero), then placeholders with a default.
  text = text.replace(/\$\{([A-Z_]+)(?:\/\^0\/\/)?\}/g, (_, name: string) => variables[name].replace(/^0/, ''));
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_, index: string, value: string) => (defaults.set(index, value), value));
  }
  return text.replace(/\$\{(\d+)\}/g, (_, index: string) => defaults.get(index) ?? '').replace(/\$0/g, '');
}
