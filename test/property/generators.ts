// Generators of drafts for the property tests and the fuzzer: bulletin-like text composed the way real issues
// are (header, items with headline, 一是/二是 measures, results and attribution, △ briefs, footer; newspaper
// articles with bylines and ● briefs), with the number, date, quote and punctuation habits the rules judge, then
// damaged the way PDF and Word extraction damages it; and arbitrary Unicode (lone surrogates, astral characters,
// CR, CRLF, BOM, NUL, very long lines).
//
// Everything is built from fast-check combinators so that a counterexample shrinks to fewer items, fewer
// sentences and fewer damages, not to a random string.

import fc from 'fast-check';
import type { UnitEntry } from '../../server/src/core';

/** Units as attributions name them (the real drafts' units, some misspelt as drafts misspell them). */
export const UNITS = [
  '区教育局', '区审计局', '济源路街道', '中心路街道', '峡窝镇', '区委政法委', '通航试验区管委会',
  '先进制造业开发区', '区城管局', '区自然资源局', '工业路街道', '区卫健委',
] as const;
const MISSPELT_UNITS = ['区域管局', '区先进制造业开发区', '通航试验区', '区教育'] as const;

/** The unit directory the generated drafts are linted with, so attribution-unknown has names to judge. */
export const UNIT_DIRECTORY: readonly UnitEntry[] = [
  ...UNITS.filter(unit => unit !== '通航试验区管委会').map(name => ({ name })),
  { name: '通用航空试验区', aliases: ['通航试验区管委会'] },
];

const HEADLINE_OPENERS = [...UNITS, '我区'] as const;
const HEADLINE_ACTIONS = [
  '三举措推进垃圾分类工作走深走实', '积极打造全省无人机人才培育高地', '创新基层治理推动矛盾源头化解',
  '探索构建“产业+基金”招商体系', '加速推进重点项目建设', '发展“采摘经济”激发乡村振兴新活力',
  '“三个管理”提升服务水平', '四字经做实网格治理', '扎实开展“双减”工作',
] as const;
const LEADS = [
  '细化分工', '丰富载体', '加强引导', '科学设置课程', '强化服务意识', '健全工作机制', '压实主体责任',
  '统一是非标准', '注重成果转化',
] as const;
const CLAUSES = [
  '召开专题会议', '依托上街机场特有空域资源', '联合第三方基金平台', '组织网格员、楼栋长、物业人员开展走访',
  '针对老旧小区物业纠纷集中特点', '实行“一对一”精准对接', '形成“现场简易调解-专班专业调解”模式',
  '围绕智能家电、高端装备制造三大集群', '推行“考训一体”培养模式', '将服务窗口前置到企业',
  '设置“流动普法点”', '各镇（街道）社保专员全程参与', '开展“学雷锋 文明实践我行动”活动',
  '落实《郑州市城市管理条例》、《上街区网格化管理办法》', '推动柔性 with 刚性执法相结合',
  '导入 SQL数据库', '发放宣传页', '实施动态监测', '首批创新试点县（区）',
] as const;
/** Numbers the way drafts write them: correct forms the rules must leave alone and faulty ones they judge. */
const QUANTITIES = [
  '3个', '100余次', '40 余件', '建成 3个', '约300人', '100多件', '3000多起', '近万名', '2万余人', '98%',
  '29.22%', '0.5元', '41048万元', '0.5元/平米', '3公分', '2,198人', '４０００余份', '９８％', '4千余人',
  '3万5千元', '约300余人', '近100余次', '5000字左右', '.5元', '15-20%', '2-5万人', '2016-2020年', '5千米',
  '**38.34**万元', '12345热线', '3·15', '“1469”发展思路', 'EC-225', 'WZ-10', 'S100', 'SG500', '40左右',
  '十一届六次全会', '二零二四年', '二〇二四年', '1百零8人', '1,000,000元', '3.5万平方米', '15:40', '9：30',
] as const;
const DATES = [
  '2024年8月9日', '2024 年 8 月 9 日', '9月 25日', '2024.8.9', '2024/8/9', '24年8月', '2024年08月09日',
  '2011-02-15', '今年以来', '上半年', '3月5日',
] as const;
const RESULT_OPENERS = ['截至目前，', '累计', '今年以来，', '去年以来，', '近两年来，', '上半年，', ''] as const;
const DOC_NUMBERS = ['区委办〔2024〕5号', '区委办[2024]05号', '区政办【2023】第12号', '豫政〔2024〕3号'] as const;
const PUNCTUATION_SLIPS = ['。。', '，，', '，。', ',', '……等', '……等等', '(', ')', '“一校一品”、“一校多品”', '?', ':'] as const;
const ORDINALS = ['（一）、', '（1），', '1、', '一.', '（一）', '1.'] as const;
const NAMES = ['张怡馨', '赵凌舟', '李明', '王芳'] as const;

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** One clause of running text: plain, or with a number, a date, a document number or a slip of punctuation. */
const clause: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: pick(CLAUSES) },
  { weight: 3, arbitrary: fc.tuple(pick(CLAUSES), pick(QUANTITIES)).map(([text, quantity]) => `${text}${quantity}`) },
  { weight: 2, arbitrary: fc.tuple(pick(DATES), pick(CLAUSES)).map(([date, text]) => `${date}，${text}`) },
  { weight: 1, arbitrary: fc.tuple(pick(CLAUSES), pick(DOC_NUMBERS)).map(([text, number]) => `${text}，印发${number}文件`) },
  { weight: 1, arbitrary: fc.tuple(pick(CLAUSES), pick(PUNCTUATION_SLIPS)).map(([text, slip]) => `${text}${slip}`) },
);

/**
 * A sentence: clauses joined by commas, closed by a full stop (sometimes by a half-width one, as drafts do), now
 * and then opened by an ordinal (（一）, 1.) written right or wrong.
 */
const sentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(pick(ORDINALS), { freq: 8 }),
    fc.array(clause, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('。', '。', '。', '；', '.'),
  )
  .map(([ordinal, clauses, stop]) => (ordinal ?? '') + clauses.join('，') + stop);

/** The numeral of the n-th measure marker (1 … 12). */
function chineseNumeral(value: number): string {
  const digits = '零一二三四五六七八九';
  if (value < 10) return digits[value];
  return `十${value % 10 ? digits[value % 10] : ''}`;
}

/** Measure markers, mostly in order; sometimes skipping, repeating or mixing 是 and 要, as numbering rules judge. */
const markers: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }).map(count => Array.from({ length: count }, (_, index) => `${chineseNumeral(index + 1)}是`)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('是', '是', '要')), { minLength: 1, maxLength: 5 })
      .map(parts => parts.map(([value, suffix]) => `${chineseNumeral(value)}${suffix}`)),
  },
);

const measure: fc.Arbitrary<(marker: string) => string> = fc
  .tuple(pick(LEADS), fc.array(sentence, { minLength: 1, maxLength: 2 }))
  .map(([lead, sentences]) => (marker: string) => `${marker}${lead}。${sentences.join('')}`);

const unitList = fc.oneof(
  { weight: 4, arbitrary: pick(UNITS).map(unit => [unit]) },
  { weight: 1, arbitrary: fc.uniqueArray(pick(UNITS), { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: pick(MISSPELT_UNITS).map(unit => [unit]) },
);

/** An attribution: full-width (mostly), half-width or unbalanced parentheses, or none at all. */
const attribution: fc.Arbitrary<string> = fc
  .tuple(unitList, fc.constantFrom('（）', '（）', '（）', '（）', '()', '（)', '(）', ''))
  .map(([units, parens]) => (parens ? `${parens[0]}${units.join('、')}${parens[1]}` : ''));

/** An item built from the given markers and attribution: headline, measures, an optional results sentence. */
function itemOf(itemMarkers: fc.Arbitrary<string[]>, itemAttribution: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      opener: pick(HEADLINE_OPENERS),
      action: pick(HEADLINE_ACTIONS),
      headlineOnOwnLine: fc.boolean(),
      markers: itemMarkers,
      measures: fc.array(measure, { minLength: 12, maxLength: 12 }),
      results: fc.option(fc.tuple(pick(RESULT_OPENERS), sentence).map(([opener, text]) => opener + text)),
      attribution: itemAttribution,
    })
    .map(({ opener, action, headlineOnOwnLine, markers, measures, results, attribution }) => {
      const body = markers.map((marker, index) => measures[index](marker)).join('');
      return `${opener}${action}${headlineOnOwnLine ? '\n' : ' '}${body}${results ?? ''}${attribution}\n`;
    });
}

/** An information item as drafts write them, numbering and attribution right or wrong. */
export const item: fc.Arbitrary<string> = itemOf(markers, attribution);

/**
 * A whole item as the format defines one (spec 1.1): a headline, measures from 一是 on, and its attribution in
 * full-width parentheses. What follows it cannot be read as part of the item before.
 */
export const wholeItem: fc.Arbitrary<string> = itemOf(
  fc.integer({ min: 1, max: 12 }).map(count => Array.from({ length: count }, (_, index) => `${chineseNumeral(index + 1)}是`)),
  unitList.map(units => `（${units.join('、')}）`),
);

/** A △ brief: one or two sentences closed by an attribution. */
export const brief: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('△ ', '△'), pick(DATES), fc.array(sentence, { minLength: 1, maxLength: 2 }), attribution)
  .map(([mark, date, sentences, attribution]) => `${mark}${date}，${sentences.join('')}${attribution}\n`);

const header: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('第 45 期', '第45期', '第 ４５ 期', '第十二期'), pick(DATES))
  .map(([issue, date]) => `上街信息\n${issue}\n中共上街区委办公室\n${date}\n`);

const footer: fc.Arbitrary<string> = fc.constantFrom(
  '本期送：区县处级领导\n发：峡窝镇、各街道办事处、区直各单位负责同志\n责任编辑：柴亚文\n',
  '送：区委常委\n责任编辑:柴亚文\n',
);

/** A draft of information items: optional header, items and briefs, optional footer. */
export const itemsDraft: fc.Arbitrary<string> = fc
  .tuple(fc.option(header), fc.array(fc.oneof({ weight: 3, arbitrary: item }, { weight: 1, arbitrary: brief }), { minLength: 1, maxLength: 5 }), fc.option(footer))
  .map(([head, blocks, foot]) => `${head ?? ''}${blocks.join('\n')}${foot ?? ''}`);

const byline: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('（记者 ', '(记者 ', '（本报记者 ', '（通讯员 '), pick(NAMES), fc.option(pick(NAMES)), fc.constantFrom('）', ')'))
  .map(([open, name, second, close]) => `${open}${name}${second ? ` 通讯员 ${second}` : ''}${close}`);

const article: fc.Arbitrary<string> = fc
  .record({
    title: pick(HEADLINE_ACTIONS),
    paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }).map(parts => parts.join('')), { minLength: 1, maxLength: 3 }),
    section: fc.option(pick(UNITS)),
    markers: fc.option(markers),
    measure,
    byline,
  })
  .map(({ title, paragraphs, section, markers, measure, byline }) => {
    const measures = (markers ?? []).map(marker => measure(marker));
    const body = [...paragraphs, ...measures].join('\n\n');
    return `## ${title}\n\n${section ? `### ${section}\n\n` : ''}${body}${byline}\n`;
  });

const briefsArticle: fc.Arbitrary<string> = fc
  .array(fc.tuple(sentence, byline).map(([text, line]) => `● ${text}${line}`), { minLength: 1, maxLength: 3 })
  .map(parts => `## 简讯\n\n${parts.join('\n\n')}\n`);

/** A newspaper page in the markdown "articles" dialect (sample 003). */
export const articlesDraft: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: article }, { weight: 1, arbitrary: briefsArticle }), { minLength: 1, maxLength: 3 })
  .map(parts => `\n${parts.join('\n')}`);

/** Damage done by extraction, applied at a relative position of the text. */
type Damage =
  | { kind: 'wrap'; at: number; breakText: string }
  | { kind: 'furniture'; at: number; page: number }
  | { kind: 'bold'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: position, breakText: fc.constantFrom('\n', '\n\n', '\n ', '\r\n', ' \n\n') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('furniture' as const), at: position, page: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bold' as const), at: position, length: fc.integer({ min: 1, max: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: position,
      text: fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '𠮷', '😀', '\ufeff', '(', '）', '“', '”', '《', '。', '0', '１', 'a', '零', '一是', '#', '## ', '△'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 4 }) }) },
);

/** The code-point boundary at or before a relative position: extraction damage never splits a character. */
function boundaryAt(text: string, relative: number): number {
  let at = Math.floor(relative * text.length);
  const code = text.charCodeAt(at);
  if (at > 0 && code >= 0xdc00 && code <= 0xdfff) at--;
  return at;
}

function applyDamage(text: string, change: Damage): string {
  const at = boundaryAt(text, change.at);
  switch (change.kind) {
    case 'wrap':
      return text.slice(0, at) + change.breakText + text.slice(at);
    case 'furniture': {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return `${text.slice(0, lineStart)}— ${change.page} —\n${text.slice(lineStart)}`;
    }
    case 'bold': {
      const end = boundaryAt(text, Math.min(1, change.at + change.length / Math.max(1, text.length)));
      return `${text.slice(0, at)}**${text.slice(at, end)}**${text.slice(end)}`;
    }
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete': {
      const end = boundaryAt(text, Math.min(1, change.at + change.length / Math.max(1, text.length)));
      return text.slice(0, at) + text.slice(Math.max(at, end));
    }
  }
}

/** How the whole file is stored: line endings and a byte order mark. */
const encoding = fc.record({ crlf: fc.boolean(), bom: fc.boolean() });

function encode(text: string, { crlf, bom }: { crlf: boolean; bom: boolean }): string {
  const ended = crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  return bom ? `\ufeff${ended}` : ended;
}

/** A bulletin-like draft of either dialect, damaged by extraction, as a file stores it. */
export const bulletinText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: itemsDraft }, { weight: 1, arbitrary: articlesDraft }), fc.array(damage, { maxLength: 8 }), encoding)
  .map(([draft, damages, stored]) => encode(damages.reduce(applyDamage, draft), stored));

/** Characters that break assumptions: lone surrogates, astral Han and emoji, line breaks of every kind, NUL, BOM. */
const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(code => String.fromCharCode(code)) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '𠮷', '😀', '👨‍👩‍👧', '\r', '\n', '\r\n', '\ufeff', '\0', '\u2028', '\u3000', '\u00a0', '\t', ' ', '一是', '二是', '（', '）',
      '(', ')', '“', '”', '《', '》', '。', '，', ',', '、', '：', ':', '△', '●', '#', '## ', '—', '-', '～', '~', '%', '％', '…',
      '.', '/', '[', ']', '【', '】', '〔', '〕', '*', '零', '〇', 'O', '０', '１', 'Ａ', '千', '百', '十', '万', '亿', '年', '月',
      '日', '号', '第', '期', '余', '多', '约', '近', '左右', '平米', '公分', '等', '是', '要', '区教育局',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 4, arbitrary: fc.constantFrom(...'区局镇街道推进开展工作活动万人次个件元') },
);

/** Arbitrary Unicode text, weighted towards the characters the parser and the rules look at. */
export const unicodeText: fc.Arbitrary<string> = fc.string({ unit: hostileUnit, maxLength: 200 });

/** A bulletin-like draft with arbitrary Unicode spliced in: realistic structure, hostile characters. */
export const splicedText: fc.Arbitrary<string> = fc
  .tuple(bulletinText, fc.array(fc.tuple(position, fc.string({ unit: hostileUnit, minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 6 }))
  .map(([text, splices]) => splices.reduce((current, [at, inserted]) => {
    const offset = Math.floor(at * current.length);
    return current.slice(0, offset) + inserted + current.slice(offset);
  }, text));

/** A very long line: one unit or a short pattern repeated thousands of times, or a long run of hostile text. */
export const longLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.string({ unit: hostileUnit, minLength: 1, maxLength: 6 }), fc.integer({ min: 1_000, max: 20_000 })).map(([pattern, times]) => pattern.repeat(times)),
  fc.tuple(item, fc.integer({ min: 20, max: 200 })).map(([text, times]) => text.replace(/\n/g, '').repeat(times)),
);

/**
 * For locality: a draft `a` ended by a line break, and a whole new item `b` to append to it. In the items
 * dialect `a` holds items and briefs as drafts write them and `b` is an item as the format defines one; in the
 * articles dialect `a` holds articles and `b` is a new article opened by its ## heading.
 */
export const draftAndNewItem: fc.Arbitrary<{ draft: string; next: string }> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.option(header), fc.array(fc.oneof({ weight: 3, arbitrary: item }, { weight: 1, arbitrary: brief }), { minLength: 1, maxLength: 4 }), wholeItem).map(([head, blocks, next]) => ({ draft: `${head ?? ''}${blocks.join('\n')}`, next })) },
      { weight: 1, arbitrary: fc.tuple(articlesDraft, article).map(([draft, next]) => ({ draft, next })) },
    ),
    fc.boolean(),
  )
  .map(([{ draft, next }, crlf]) => {
    const stored = (text: string) => (crlf ? text.replace(/\n/g, '\r\n') : text);
    return { draft: stored(draft), next: stored(`\n${next}`) };
  });
