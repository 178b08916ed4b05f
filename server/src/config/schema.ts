// The JSON Schema of .bulletinrc.json, built from the rule registry so that the rule names are listed once (in
// the rules themselves). `schemas/bulletinrc.schema.json` is this object written out for editors; a test keeps
// the two equal (UPDATE_GOLDEN=1 rewrites the file).

import type { Rule } from '../core';

export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;

/** Descriptions carry both languages: editors show one description string. */
function bilingual(zh: string, en: string): string {
  return `${zh}\n${en}`;
}

export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    ruleProperties[rule.id] = {
      description: bilingual(`${rule.description.zh}（默认：${rule.severity}）`, `${rule.description.en} (default: ${rule.severity})`),
      $ref: '#/definitions/ruleSetting',
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/bulletin-lint/bulletin-lint/blob/main/schemas/bulletinrc.schema.json',
    title: '.bulletinrc.json',
    description: bilingual('bulletin-lint（政务信息简报校对）的配置文件。', 'Configuration of bulletin-lint, the linter for government information bulletins.'),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: bilingual('本文件所用的 JSON Schema。', 'The JSON Schema of this file.') },
      root: {
        type: 'boolean',
        description: bilingual('为 true 时不再向上级文件夹查找配置文件。', 'When true, configuration files in parent folders are not read.'),
      },
      rules: { $ref: '#/definitions/rules' },
      units: { $ref: '#/definitions/units' },
      ignore: { $ref: '#/definitions/ignore' },
      issue: { $ref: '#/definitions/issue' },
      ignorePatterns: {
        type: 'array',
        description: bilingual(
          '不检查的文件（相对于本配置文件所在文件夹的 glob；不含“/”的模式匹配任意层级的文件名）。',
          'Files not to lint: globs relative to the folder of this file; a pattern without "/" matches the file name at any depth.',
        ),
        items: { $ref: '#/definitions/glob' },
      },
      overrides: {
        type: 'array',
        description: bilingual('只对部分文件生效的设置，按顺序叠加在上面的设置之上。', 'Settings for some files only, applied in order over the settings above.'),
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: {
              description: bilingual('这些设置适用的文件（相对于本配置文件所在文件夹的 glob）。', 'The files these settings apply to: globs relative to the folder of this file.'),
              $ref: '#/definitions/globs',
            },
            rules: { $ref: '#/definitions/rules' },
            units: { $ref: '#/definitions/units' },
            ignore: { $ref: '#/definitions/ignore' },
          },
        },
      },
    },
    definitions: {
      glob: { type: 'string', minLength: 1 },
      issue: {
        type: 'object',
        description: bilingual(
          '编排期刊（bulletin-lint assemble）用的设置：报头、报尾和条目顺序。',
          'Settings for assembling an issue (bulletin-lint assemble): header, footer and the order of items.',
        ),
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, description: bilingual('简报名称（报头标题），如“上街信息”。', 'The bulletin\'s name, the title of every issue, e.g. 上街信息.') },
          office: { type: 'string', minLength: 1, description: bilingual('编印单位，如“中共上街区委办公室”。', 'The issuing office, e.g. 中共上街区委办公室.') },
          recipients: { type: 'string', minLength: 1, description: bilingual('报尾“本期送：”之后的文字。', 'The footer\'s 本期送 (sent to) line.') },
          distribution: { type: 'string', minLength: 1, description: bilingual('报尾“发：”之后的文字。', 'The footer\'s 发 (distributed to) line.') },
          editor: { type: 'string', minLength: 1, description: bilingual('报尾“责任编辑：”之后的姓名。', 'The footer\'s 责任编辑 (editor in charge).') },
          unitOrder: {
            type: 'array',
            description: bilingual(
              '条目按署名单位排序的分组，依次排列，如 [["区委*"], ["区*局"], ["*镇", "*街道"]]；“*”代表任意文字。未列出的单位排在最后，同组内按给出的顺序。',
              'Groups of units the items are ordered by, in turn, e.g. [["区委*"], ["区*局"], ["*镇", "*街道"]]; "*" stands for any text. Units not listed come last; within a group, the order given.',
            ),
            items: { type: 'array', items: { type: 'string', minLength: 1 } },
          },
        },
      },
      globs: { anyOf: [{ $ref: '#/definitions/glob' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/glob' } }] },
      severity: {
        enum: [...SEVERITY_SETTINGS],
        description: bilingual('off 关闭；info 提示；warning 警告；error 错误（导致检查失败）。', 'off, info, warning, or error (fails the check).'),
      },
      ruleSetting: {
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'object',
            description: bilingual('严重级别和规则自己的选项。', 'The severity and the rule\'s own options.'),
            properties: { severity: { $ref: '#/definitions/severity' } },
          },
        ],
      },
      rules: {
        type: 'object',
        description: bilingual(
          '按规则 id 设置严重级别（"off" | "info" | "warning" | "error"）或 { "severity": …, 规则选项 }。',
          'Per rule id: a severity ("off" | "info" | "warning" | "error") or { "severity": …, rule options }.',
        ),
        additionalProperties: false,
        properties: ruleProperties,
      },
      units: {
        type: 'array',
        description: bilingual(
          '单位名录：规范名称，或 { "name": 规范名称, "aliases": [别称…] }。署名与名录不符时提示规范名称。',
          'The unit directory: canonical names, or { "name": canonical name, "aliases": [other names…] }. Attributions are checked against it.',
        ),
        items: { $ref: '#/definitions/unit' },
      },
      unit: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: { type: 'string', minLength: 1, description: bilingual('规范名称，如“区城管局”。', 'The canonical name, e.g. 区城管局.') },
              aliases: {
                type: 'array',
                items: { type: 'string', minLength: 1 },
                description: bilingual('也可接受、但应改为规范名称的写法。', 'Other names, to be replaced by the canonical one.'),
              },
            },
          },
        ],
      },
      ignore: {
        type: 'array',
        description: bilingual(
          '接受的写法：某条规则在包含 text 的文字上不再报告（可用 files 限定文件）。无需在稿件里加任何标记。',
          'Accepted text: the rule no longer reports problems inside `text` (optionally only in `files`). Nothing is written into the drafts.',
        ),
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'text'],
          properties: {
            rule: { enum: [...rules.map(rule => rule.id), '*'], description: bilingual('规则 id，"*" 表示所有规则。', 'A rule id, or "*" for every rule.') },
            text: { type: 'string', minLength: 1, description: bilingual('接受的原文。', 'The accepted text.') },
            files: {
              description: bilingual('只在这些文件中接受（相对于本配置文件所在文件夹的 glob）。', 'Only in these files: globs relative to the folder of this file.'),
              $ref: '#/definitions/globs',
            },
          },
        },
      },
    },
  };
}
