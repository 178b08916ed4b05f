// The parser pinned: how it reads the five real drafts (blocks, kinds, headlines, measures, attributions), and
// that extraction damage (hard wraps, blank lines, furniture, markdown residue), CRLF, a BOM and astral
// characters change nothing in that reading.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Block, type BulletinDocument, type Span } from '../../server/src/core';

const folder = join(__dirname, '../fixtures/real');
const sample = (prefix: string) => readFileSync(join(folder, readdirSync(folder).find(name => name.startsWith(prefix))!), 'utf8');

/** A span's text with the line breaks (and the blanks around them) that extraction put inside it removed. */
function flat(text: string, span: Span | undefined): string {
  return span ? text.slice(span.start, span.end).replace(/[ \t\u3000]*(?:\r?\n|\r)+[ \t\u3000]*/g, '') : '';
}

/** One line per block: `kind|headline|measure values|attribution`, sections appended after ` / `. */
function summary(document: BulletinDocument): string[] {
  const text = document.text;
  const one = (block: Block) => `${block.kind}|${flat(text, block.headline)}|${block.measures.map(measure => measure.value).join('')}|${flat(text, block.attribution)}`;
  return document.blocks.map(block => [one(block), ...block.sections.map(one)].join(' / '));
}

const expected: Record<string, string[]> = {
  '000': [
    'item|我区积极打造全省无人机人才培育高地|123|（通航试验区管委会）',
    'item|济源路街道创新基层治理推动矛盾源头化解|123|（济源路街道）',
    'item|我区探索构建“产业+基金”招商体系|123|（工业路街道）',
    'item|区委党校扎实推动中央八项规定精神融入干部教育培训全过程|123|（区委党校）',
    'item|区教育局扎实推进校园社团项目建设|123|（区教育局）',
    'item|区人社局多措并举打造退休经办暖心窗口|123|（区人社局）',
    'item|区审计局科学规范开展本级财政预算执行审计|123|',
    'brief|||（区财政局）',
  ],
  '001': [
    'item|区委组织部组建公办物业提升无主管楼院治理水平|123|（区委组织部）',
    'item|通航试验区管委会加快打造航空科普研学旅游基地|123|（通航试验区管委会）',
    'item|峡窝镇擦亮五云山生态文旅品牌|123|（峡窝镇）',
    'item|济源路街道创新探索“党建+”工作模式|123|（济源路街道）',
    'item|新安路街道推进农贸市场标准化建设|123|（新安路街道）',
    'item|区教育局扎实开展学生资助宣传工作|123|（区教育局）',
    'item|区审计局扎实推动审计信息化建设|123|（区审计局）',
    'item|区侨联扎实开展侨法宣传活动|123|（区侨联）',
    'item|区城运中心做实做细“网格+”多元共治模式|123|（区城运中心）',
    'brief|||（区先进制造业开发区）',
  ],
  '002': [
    'item|区委党校念好“高、活、快、优”四字经全力抓好信息工作|1234|（区委党校）',
    'item|中心路街道三举措推进垃圾分类工作走深走实|123|（中心路街道）',
    'item|工业路街道三举措开展城市更新工作|123|（工业路街道）',
    'item|区公安局“三步走”打造群众满意车管服务|123|（区公安局）',
    'item|区农委做好水利工程标准化管理工作|123|（区农委）',
    'item|区检察院多举措倾情“护苗”|123|（区检察院）',
    'item|通用航空试验区打造应急救援“空中生命线”|123|（通用航空试验区）',
    'brief|||（区委政法委）',
    'brief|||（区总工会）',
    'brief|||（区侨联）',
  ],
  '003': [
    'article|走访企业“听心声” 服务发展“零距离”||(记者 张怡馨 李郑阳)',
    'article|区委宣传部喜获“2023 郑州网红新地标评选活动地标推介·优秀组织奖”||(记者 王明明)',
    'article|弘扬雷锋精神 争当时代新人||(记者 冯佳雯 通讯员 时培盖美琦 郭良艳)',
    'article|弘扬雷锋精神 遍开文明之花||(记者 刘世平 通讯员 邢林林)',
    'brief|||(记者 王明明 通讯员 李清媛)',
    'brief|||(记者 张怡馨 通讯员 欧阳建设)',
    'brief|||(记者 张妍妍 通讯员 王丽丹 吕红斌 徐吉雨)',
    'article|数智赋能 跑出基层治理新年加速度||(记者 张怡馨 通讯员 赵凌舟)',
    'article|强本领 练内功 这场公文处理工作培训干货满满||(记者 刘世平 通讯员 张宸琪)',
    'article|科技助听 共享美好生活||(记者 王明明 通讯员 张茜娜)',
    'article|我区这家公司获省政府奖励||(记者 曩晓盼 通讯员 牛晓芳)',
    'article|全区各单位学习贯彻区委十一届六次全会精神|| / section|工业路街道|123| / section|矿山街道|123| / section|区先进制造业开发区管委会|1234| / section|郑州通航试验区管委会|1234|',
    'article|贯彻落实区委十一届六次全会精神||',
  ],
  '004': [
    'item|区先进制造业开发区加速推进重点项目建设|123|（先进制造业开发区）',
    'item|我区发展“采摘经济”激发乡村振兴新活力|123|（峡窝镇、区自然资源局）',
    'item|我区开展“网格+”占道经营治理工作|123|（中心路街道、区域管局）',
    'item|我区深化政企合作推动产业转型升级|123|（工业路街道、区工信商务局）',
    'item|区委编办积极做好机构编制“三个管理”|123|（区委编办）',
    'item|区财政局扎实做好困难学生补助资金发放工作|123|（区财政局）',
    'item|区退役军人事务局积极开展“拥军企业（门店）”招募工作|123|（区退役军人事务局）',
    'brief|||（区委社工部）',
    'brief|||（区教育局）',
  ],
};

/**
 * Re-wraps every block of an items draft at `width` characters, with blank lines between the pieces, as a PDF
 * extraction would. A headline on a line of its own stays so: without that line break nothing separates it from
 * its 一是 (区委组织部…治理水平一是加强…).
 */
function rewrap(text: string, width: number): string {
  const wrap = (flowText: string) => {
    const pieces: string[] = [];
    for (let at = 0; at < flowText.length; at += width) pieces.push(flowText.slice(at, at + width));
    return pieces.join('\n\n');
  };
  return parseDocument(text).blocks
    .map(block => {
      const headlineAlone = block.headline && /^\s*\n/.test(text.slice(block.headline.end, block.end));
      if (!block.headline || !headlineAlone) return wrap(flat(text, block));
      return `${wrap(flat(text, block.headline))}\n${wrap(flat(text, { start: block.headline.end, end: block.end }))}`;
    })
    .join('\n');
}

/** Whether a span boundary falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return /[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '');
}

function spansOf(document: BulletinDocument): Span[] {
  const spans: Span[] = [];
  const visit = (block: Block) => {
    spans.push(block);
    if (block.headline) spans.push(block.headline);
    for (const measure of block.measures) spans.push(measure, measure.numeral);
    if (block.attribution) spans.push(block.attribution, block.attribution.inner, ...block.attribution.units);
    block.sections.forEach(visit);
  };
  document.blocks.forEach(visit);
  return spans;
}

const itemsSamples = ['000', '001', '002', '004'];

describe('document parser', () => {
  describe('reads the real drafts', () => {
    for (const [prefix, blocks] of Object.entries(expected)) {
      it(`sample ${prefix}`, () => assert.deepEqual(summary(parseDocument(sample(prefix))), blocks));
    }

    it('sample 004: header, footer and the units of each attribution', () => {
      const text = sample('004');
      const document = parseDocument(text);
      const slice = (span?: Span) => (span ? text.slice(span.start, span.end) : undefined);
      assert.equal(slice(document.header?.issue), '第 45 期');
      assert.equal(slice(document.header?.date), '2024 年 8 月 9 日');
      assert.equal(slice(document.header?.office), '中共上街区委办公室');
      assert.match(slice(document.footer)!, /^本期送：区县处级领导[\s\S]*责任编辑：柴亚文$/);
      assert.deepEqual(document.blocks.map(block => block.attribution!.units.map(unit => unit.name).join('+')), [
        '先进制造业开发区', '峡窝镇+区自然资源局', '中心路街道+区域管局', '工业路街道+区工信商务局', '区委编办', '区财政局', '区退役军人事务局', '区委社工部', '区教育局',
      ]);
      for (const block of document.blocks) for (const unit of block.attribution!.units) assert.equal(slice(unit), unit.name);
    });

    it('sample 000: the attribution wrapped across lines keeps one unit', () => {
      const text = sample('000');
      const unit = parseDocument(text).blocks[0].attribution!.units[0];
      assert.equal(unit.name, '通航试验区管委会');
      assert.equal(text.slice(unit.start, unit.end), '通航试验区\n\n管委会');
    });

    it('sample 003: the collective article has no byline, and only bylines close the others', () => {
      const document = parseDocument(sample('003'));
      assert.equal(document.dialect, 'articles');
      for (const block of document.blocks) if (block.attribution) assert.ok(block.attribution.byline && block.attribution.open === '(' && block.attribution.close === ')');
    });
  });

  describe('is not derailed by extraction damage', () => {
    for (const prefix of itemsSamples) {
      it(`sample ${prefix}: CRLF line breaks`, () => {
        const text = sample(prefix).replace(/\n/g, '\r\n');
        assert.deepEqual(summary(parseDocument(text)), expected[prefix]);
      });

      it(`sample ${prefix}: a BOM`, () => {
        const text = `\ufeff${sample(prefix)}`;
        const document = parseDocument(text);
        assert.deepEqual(summary(document), expected[prefix]);
        assert.notEqual(text[document.blocks[0].start], '\ufeff');
      });

      it(`sample ${prefix}: blank lines between all lines never split an item`, () => {
        assert.deepEqual(summary(parseDocument(sample(prefix).replace(/\n/g, '\n\n\n'))), expected[prefix]);
      });

      for (const width of [7, 13, 29]) {
        it(`sample ${prefix}: hard wraps every ${width} characters, inside words, markers and attributions`, () => {
          assert.deepEqual(summary(parseDocument(rewrap(sample(prefix), width))), expected[prefix]);
        });
      }

      it(`sample ${prefix}: page furniture between the lines`, () => {
        const text = sample(prefix).replace(/\n\n/g, (match, offset: number) => (offset % 7 === 0 ? '\n\n— 4 —\n\n' : match));
        assert.ok(text.includes('— 4 —'));
        assert.deepEqual(summary(parseDocument(text)), expected[prefix]);
      });
    }

    it('markdown bold residue in a plain-text draft', () => {
      const text = sample('004');
      assert.ok(text.includes('**38.34**'));
      assert.deepEqual(summary(parseDocument(text)), expected['004']);
      assert.equal(parseDocument(text).dialect, 'items');
    });

    it('astral characters: no span splits a surrogate pair', () => {
      const text = '𠮷区𠮷局推进𠮷工作 一是加强𠮷\n\n管理。二是𠮷。（𠮷区\n\n𠮷局）\n△ 𠮷𠮷。（区𠮷局）';
      const document = parseDocument(text);
      assert.deepEqual(summary(document), ['item|𠮷区𠮷局推进𠮷工作|12|（𠮷区𠮷局）', 'brief|||（区𠮷局）']);
      for (const span of spansOf(document)) assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), JSON.stringify(span));
      assert.equal(document.blocks[0].attribution!.units[0].name, '𠮷区𠮷局');
    });
  });

  describe('items', () => {
    const read = (text: string) => summary(parseDocument(text));

    it('ends an item at its attribution, a brief mark, or the next headline after a full stop, never at blank lines', () => {
      assert.deepEqual(read('区教育局推进工作 一是加强。\n\n\n\n二是落实。\n区财政局做好工作 一是保障。二是资助。\n△ 近日，区侨联开展活动。（区侨联）'), [
        'item|区教育局推进工作|12|',
        'item|区财政局做好工作|12|',
        'brief|||（区侨联）',
      ]);
    });

    it('an item missing both its final stop and its attribution does not swallow the next item', () => {
      assert.deepEqual(read('区教育局推进工作 一是加强。二是落实，累计40余批次\n区财政局做好工作 一是保障。二是资助。（区财政局）'), [
        'item|区教育局推进工作|12|',
        'item|区财政局做好工作|12|（区财政局）',
      ]);
      // A headline wrapped before its 一是 stays one headline.
      assert.deepEqual(read('区委党校扎实推动干部教育培\n训全过程 一是科学设置课程。二是加强警示教育。（区委党校）'), ['item|区委党校扎实推动干部教育培训全过程|12|（区委党校）']);
    });

    it('a brief ends where the next item starts, and its group before that item is its attribution', () => {
      assert.deepEqual(read('△ 8月9日，召开专题会议；（区教育局）\n\n区教育局推进工作 一是细化分工。二是丰富载体。（区教育局）'), [
        'brief|||（区教育局）',
        'item|区教育局推进工作|12|（区教育局）',
      ]);
      assert.deepEqual(read('△ 8月9日，召开专题会议3个.（区教育局）\n区财政局做好工作 一是保障。二是资助。（区财政局）'), [
        'brief|||（区教育局）',
        'item|区财政局做好工作|12|（区财政局）',
      ]);
    });

    it('an item whose first marker is not 一是 still ends where the next item starts', () => {
      assert.deepEqual(read('区教育局推进工作 二是细化分工。三是召开会议；\n区财政局做好工作 一是保障。二是资助。（区财政局）'), [
        'item|区教育局推进工作|23|',
        'item|区财政局做好工作|12|（区财政局）',
      ]);
      assert.deepEqual(read('区公安局提升服务 一要完善服务。二要延时服务；\n区财政局做好工作 一是保障。二是资助。（区财政局）'), [
        'item|区公安局提升服务|12|',
        'item|区财政局做好工作|12|（区财政局）',
      ]);
    });

    it('takes a headline on a line of its own', () => {
      assert.deepEqual(read('区委组织部组建公办物业\n一是加强组织引导。二是重视群众意见。（区委组织部）'), ['item|区委组织部组建公办物业|12|（区委组织部）']);
    });

    it('an item that starts with its first marker has no headline', () => {
      const document = parseDocument('一是加强组织引导。二是重视群众意见。（区委组织部）');
      assert.equal(document.blocks[0].headline, undefined);
      assert.equal(document.blocks[0].measures[0].start, document.blocks[0].start);
    });

    it('finds the headline of an item whose numbering does not start at 一是', () => {
      assert.deepEqual(read('区教育局推进工作 二是加强。三是落实。（区教育局）'), ['item|区教育局推进工作|23|（区教育局）']);
    });

    it('reads markers only at sentence boundaries, and a marker of the other style only where it continues the sequence', () => {
      assert.deepEqual(read('区委党校统一思想 一是统一是基础，问题之一是作风。二是唯一是标准，三要素齐全。三要落实。（区委党校）'), ['item|区委党校统一思想|123|（区委党校）']);
      assert.deepEqual(read('区教育局推进工作 一是加强培训……二是部门联动。三是引导学生“争做时代新人。”四是强化宣传。（区教育局）'), ['item|区教育局推进工作|1234|（区教育局）']);
      const measures = parseDocument('区委党校推进工作 一是学习。二要宣传。三是落实，一要紧抓。（区委党校）').blocks[0].measures;
      assert.deepEqual(measures.map(measure => `${measure.value}${measure.suffix}`), ['1是', '2要', '3是']);
    });

    it('a marker broken across lines keeps its numeral span', () => {
      const text = '区委党校推进工作 一是学习。二\n\n是宣传。（区委党校）';
      const second = parseDocument(text).blocks[0].measures[1];
      assert.equal(text.slice(second.start, second.end), '二\n\n是');
      assert.equal(text.slice(second.numeral.start, second.numeral.end), '二');
    });

    it('inner parentheses are not attributions; only the last group is', () => {
      const document = parseDocument('△ 9月25日，我区被明确为首批创新试点县（区）。（区委政法委）\n△ 动员各镇（街道）\n社保专员参加。（区人社局）');
      assert.deepEqual(summary(document), ['brief|||（区委政法委）', 'brief|||（区人社局）']);
    });

    it('recognises attributions in half-width, mixed or missing parentheses', () => {
      const document = parseDocument('区教育局推进工作 一是加强。二是落实。(区教育局)\n区财政局做好工作 一是保障。二是资助。（区财政局)\n区人社局打造窗口 一是公开。二是服务。（区人社局\n\n区审计局开展审计 一是明确重点。二是整体推进。（区审计局）');
      const attributions = document.blocks.map(block => block.attribution!);
      assert.deepEqual(attributions.map(attribution => [attribution.open, attribution.close, attribution.units.map(unit => unit.name).join()]), [
        ['(', ')', '区教育局'],
        ['（', ')', '区财政局'],
        ['（', '', '区人社局'],
        ['（', '）', '区审计局'],
      ]);
      assert.equal(document.text.slice(attributions[2].start, attributions[2].end), '（区人社局');
    });

    it('an unclosed parenthesis inside an item is no attribution', () => {
      assert.deepEqual(read('区人社局打造窗口 一是公开（含网站\n信息。二是服务。（区人社局）'), ['item|区人社局打造窗口|12|（区人社局）']);
    });

    it('a header with full-width digits, and a footer in mid-text (issues pasted one after another)', () => {
      const document = parseDocument('上街信息\n第４５期\n２０２４年８月９日\n区教育局推进工作 一是加强。二是落实。（区教育局）\n本期送：区县处级领导\n发：各街道办事处\n责任编辑：柴亚文\n区财政局做好工作 一是保障。二是资助。（区财政局）\n发：峡窝镇');
      const kinds = document.lines.map(line => line.kind[0]).join('');
      assert.equal(kinds, 'hhhcfffcf');
      assert.deepEqual(summary(document), ['item|区教育局推进工作|12|（区教育局）', 'item|区财政局做好工作|12|（区财政局）']);
      // A lone 发： line in mid-text may be body text; only a run with 本期送, 抄送, 责任编辑 … is a footer there.
      assert.equal(parseDocument('区教育局推进工作 一是加强。\n发：各街道办事处\n二是落实。（区教育局）').lines[1].kind, 'content');
    });

    it('a header in mid-text (issues pasted one after another) is not part of the item before or after it', () => {
      const text = sample('002') + '\n' + sample('004');
      const document = parseDocument(text);
      assert.deepEqual(summary(document), [...expected['002'], ...expected['004']]);
      assert.equal(text.slice(document.header!.issue!.start, document.header!.issue!.end), '第 45 期', 'the first header found');
      const headerLines = document.lines.filter(line => line.kind === 'header').map(line => text.slice(line.start, line.end).trim());
      assert.deepEqual(headerLines, ['上街信息', '第 45 期', '中共上街区委办公室', '2024 年 8 月 9 日']);
    });

    it('a single # line does not make a draft markdown', () => {
      assert.equal(parseDocument('# 上街信息\n区教育局推进工作 一是加强。二是落实。（区教育局）').dialect, 'items');
      assert.equal(parseDocument('## 标题\n正文。').dialect, 'articles');
    });
  });

  describe('articles', () => {
    const read = (text: string) => summary(parseDocument(text, 'articles'));

    it('bylines on their own line, wrapped, at the end of the last paragraph, unclosed, or leading', () => {
      assert.deepEqual(read([
        '## 甲', '正文。', '', '(记者 张怡馨', '通讯员 赵凌舟)',
        '## 乙', '正文收获满满。（记者 刘世平）',
        '## 丙', '正文。', '', '（记者 王明明',
        '## 丁', '本报讯（记者 张三 通讯员 李四）3月5日，开展活动。',
        '## 戊', '正文。', '', '（区委宣传部）',
        '## 己', '正文没有署名。',
      ].join('\n')), [
        'article|甲||(记者 张怡馨通讯员 赵凌舟)',
        'article|乙||（记者 刘世平）',
        'article|丙||（记者 王明明',
        'article|丁||（记者 张三 通讯员 李四）',
        'article|戊||（区委宣传部）',
        'article|己||',
      ]);
    });

    it('a unit named 文… is not a byline', () => {
      const attribution = parseDocument('## 甲\n正文。\n\n（文明办）', 'articles').blocks[0].attribution!;
      assert.equal(attribution.byline, false);
      assert.deepEqual(attribution.units.map(unit => unit.name), ['文明办']);
    });

    it('sections with their measures, and 简讯 briefs each closed by its byline', () => {
      assert.deepEqual(read('## 全区学习全会精神\n### 工业路街道\n一是学习。\n\n二是落实。\n### 矿山街道\n一是提高站位。\n## 简讯\n●近日，开展活动。\n(记者 王明明)\n●2月27日，开展活动。\n(记者 张怡馨)'), [
        'article|全区学习全会精神|| / section|工业路街道|12| / section|矿山街道|1|',
        'brief|||(记者 王明明)',
        'brief|||(记者 张怡馨)',
      ]);
    });
  });

  describe('stays linear', () => {
    // Growth, not absolute time, so that a loaded machine does not fail the test: eight times the input must
    // cost far less than the sixty-four times a quadratic scan would.
    const cases: Record<string, (copies: number) => string> = {
      'many briefs': copies => '△ 近日，区侨联开展活动。\n'.repeat(copies),
      'many lines without markers': copies => '区委党校推进工作。\n'.repeat(copies),
      'items missing their attribution': copies => '区教育局推进工作 一是加强，二是落实\n'.repeat(copies),
      'one long line': copies => '区委党校推进工作，'.repeat(copies),
      'markers only': copies => '一是'.repeat(copies * 4),
      'open parentheses only': copies => '（'.repeat(copies * 8),
      'quotes only': copies => '“'.repeat(copies * 8),
      'blank lines only': copies => '\n'.repeat(copies * 8),
    };
    const fastest = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        parseDocument(text);
        parseDocument(text, 'articles');
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    for (const [name, make] of Object.entries(cases)) {
      it(`${name}: eight times the text costs less than 24 times the time`, () => {
        // Other processes may steal the processor during one measurement; a quadratic parse fails every attempt.
        const timings: string[] = [];
        for (let attempt = 0; attempt < 4; attempt++) {
          const small = fastest(make(8000));
          const large = fastest(make(64000));
          if (large < 24 * small + 30) return;
          timings.push(`${small.toFixed(1)} ms, then ${large.toFixed(1)} ms`);
        }
        assert.fail(timings.join('; '));
      });
    }
  });
});
