// Configuration errors name the file and the key, in both languages: the CLI prints them in its locale and the
// language server shows them in the editor's.

import { rules, type Locale, type Localized } from '../core';
import { editDistance } from '../core/units';
import { SEVERITY_SETTINGS } from './schema';

export class ConfigError extends Error {
  /** The configuration file, or a label such as `<settings>` for settings that do not come from a file. */
  readonly file: string;
  /** The key path inside the configuration, `rules.number-grouping` or `overrides[0].files`. */
  readonly key?: string;
  readonly reason: Localized;

  constructor(file: string, reason: Localized, key?: string) {
    super(describeConfigError(file, reason, key, 'en'));
    this.name = 'ConfigError';
    this.file = file;
    this.key = key;
    this.reason = reason;
  }

  describe(locale: Locale): string {
    return describeConfigError(this.file, this.reason, this.key, locale);
  }
}

function describeConfigError(file: string, reason: Localized, key: string | undefined, locale: Locale): string {
  if (locale === 'en') return key ? `Invalid configuration ${file}, key "${key}": ${reason.en}` : `Invalid configuration ${file}: ${reason.en}`;
  return key ? `配置有误：${file}，键“${key}”：${reason.zh}` : `配置有误：${file}：${reason.zh}`;
}

const quoted = (values: readonly string[]) => values.map(value => `"${value}"`);

export const reasons = {
  notFound: { zh: '找不到配置文件', en: 'the configuration file does not exist' },
  unreadable: (detail: string): Localized => ({ zh: `无法读取（${detail}）`, en: `cannot be read (${detail})` }),
  invalidJson: (line: number | undefined, column: number | undefined, detail: string): Localized =>
    line === undefined
      ? { zh: `不是有效的 JSON（${detail}）`, en: `not valid JSON (${detail})` }
      : { zh: `不是有效的 JSON：第 ${line} 行第 ${column} 列（${detail}）`, en: `not valid JSON at line ${line}, column ${column} (${detail})` },
  unknownKey: { zh: '未知的键', en: 'unknown key' },
  unknownRule: (ruleId: string): Localized => {
    const suggestion = nearestRuleId(ruleId);
    return suggestion
      ? { zh: `没有名为“${ruleId}”的规则，是否指“${suggestion}”？`, en: `there is no rule "${ruleId}"; did you mean "${suggestion}"?` }
      : { zh: `没有名为“${ruleId}”的规则`, en: `there is no rule "${ruleId}"` };
  },
  severity: {
    zh: `应为 ${quoted(SEVERITY_SETTINGS).join('、')} 之一`,
    en: `must be one of ${quoted(SEVERITY_SETTINGS).join(', ')}`,
  },
  ruleSetting: {
    zh: `应为 ${quoted(SEVERITY_SETTINGS).join('、')} 之一，或 { "severity": …, 规则选项 } 形式的对象`,
    en: `must be one of ${quoted(SEVERITY_SETTINGS).join(', ')}, or an object { "severity": …, rule options }`,
  },
  unit: { zh: '应为单位名称，或 { "name": …, "aliases": […] } 形式的对象', en: 'must be a unit name or an object { "name": …, "aliases": […] }' },
  globs: { zh: '应为 glob 字符串，或 glob 字符串的数组', en: 'must be a glob string or an array of glob strings' },
  required: { zh: '缺少此键', en: 'this key is required' },
  empty: { zh: '不能为空', en: 'must not be empty' },
  type: (type: string): Localized => ({ zh: `应为${TYPE_NAMES[type]?.zh ?? type}`, en: `must be ${TYPE_NAMES[type]?.en ?? type}` }),
  /** For what the schema rejects in ways not worded above: ajv's own (English) words. */
  invalid: (detail?: string): Localized => ({ zh: detail ? `格式有误（${detail}）` : '格式有误', en: detail ?? 'invalid' }),
  oneOf: (values: readonly unknown[]): Localized => ({
    zh: `应为 ${values.map(value => JSON.stringify(value)).join('、')} 之一`,
    en: `must be one of ${values.map(value => JSON.stringify(value)).join(', ')}`,
  }),
};

const TYPE_NAMES: Record<string, Localized> = {
  object: { zh: '对象 { … }', en: 'an object { … }' },
  array: { zh: '数组 [ … ]', en: 'an array [ … ]' },
  string: { zh: '字符串', en: 'a string' },
  boolean: { zh: ' true 或 false', en: 'true or false' },
};

/** The registry id closest to a mistyped one, when the slip is small. */
function nearestRuleId(ruleId: string): string | undefined {
  const limit = Math.max(2, Math.floor(ruleId.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const rule of rules) {
    const distance = editDistance(ruleId, rule.id, limit);
    if (distance < bestDistance) {
      best = rule.id;
      bestDistance = distance;
    }
  }
  return best;
}
