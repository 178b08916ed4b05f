// What the server itself says to the writer (code action titles, hover, completion details, notices), in both
// languages. Rule messages come localized from the core; these are the server's own words.

import type { Locale, Localized } from '../core';

export function localize(locale: Locale, message: Localized): string {
  return message[locale];
}

export const messages = {
  fixOne: (problemMessage: string): Localized => ({ zh: `修复：${problemMessage}`, en: `Fix: ${problemMessage}` }),
  fixRule: (ruleId: string, count: number): Localized => ({
    zh: `修复本文件中所有 ${ruleId} 问题（${count} 处）`,
    en: `Fix all ${ruleId} problems in this file (${count})`,
  }),
  fixAll: { zh: '修复所有可自动修复的问题', en: 'Fix all auto-fixable problems' },
  nothingToFix: { zh: '没有可自动修复的问题', en: 'There is nothing to fix automatically' },

  header: { zh: '报头', en: 'Header' },
  footer: { zh: '报尾', en: 'Footer' },
  untitledItem: { zh: '（无标题）', en: '(no headline)' },

  unitCompletion: { zh: '单位名录', en: 'Unit directory' },
  aliasCompletion: (canonical: string): Localized => ({ zh: `别称，写作“${canonical}”`, en: `alias, written ${canonical}` }),
  measureCompletion: { zh: '下一项措施', en: 'The next measure' },

  unitCanonical: (name: string): Localized => ({ zh: `**${name}**：单位名录中的规范名称`, en: `**${name}**: the canonical name in the unit directory` }),
  unitAlias: (name: string, canonical: string): Localized => ({
    zh: `**${name}** 是 **${canonical}** 的别称，规范写法为“${canonical}”`,
    en: `**${name}** is an alias of **${canonical}**; write ${canonical}`,
  }),
  unitAliases: (aliases: readonly string[]): Localized => ({ zh: `别称：${aliases.join('、')}`, en: `Aliases: ${aliases.join(', ')}` }),
  unitUnknown: (name: string): Localized => ({ zh: `**${name}** 不在单位名录中`, en: `**${name}** is not in the unit directory` }),
  unitNearest: (nearest: string): Localized => ({ zh: `可能是：${nearest}`, en: `Perhaps: ${nearest}` }),
  noDirectory: {
    zh: '未配置单位名录（设置 `bulletinLint.units` 或 .bulletinrc.json 的 `units`）',
    en: 'No unit directory is configured (the `bulletinLint.units` setting or `units` in .bulletinrc.json)',
  },
  blockSummary: (characters: number, headlineCharacters: number, measures: number): Localized => ({
    zh: `全文 ${characters} 字，标题 ${headlineCharacters} 字，措施 ${measures} 项`,
    en: `${characters} characters, headline ${headlineCharacters}, ${measures} measure${measures === 1 ? '' : 's'}`,
  }),

  configError: (description: string): Localized => ({
    zh: `${description}。修正之前本文件暂不检查。`,
    en: `${description}. This file is not checked until the configuration is fixed.`,
  }),
  tooLarge: (length: number, limit: number): Localized => ({
    zh: `文档过大（${length} 字符，上限 ${limit}），未检查。`,
    en: `The document is too large to check (${length} characters; the limit is ${limit}).`,
  }),
  tooManyProblems: (total: number, shown: number): Localized => ({
    zh: `共发现 ${total} 处问题，仅显示其中 ${shown} 处（先错误，后警告、提示）。显示数量可在设置 bulletinLint.maxProblems 中更改，设为 0 则全部显示；“修复所有可自动修复的问题”不受此限。`,
    en: `${total} problems found; ${shown} are shown (errors first, then warnings, then information). The setting bulletinLint.maxProblems changes how many (0 shows all); fixing all auto-fixable problems is not limited by it.`,
  }),
  unknownDocument: (uri: string): Localized => ({ zh: `未打开的文档：${uri}`, en: `The document is not open: ${uri}` }),
};
