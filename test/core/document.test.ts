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

describe('document parser', () => {
  describe('reads the real drafts', () => {
    for (const [prefix, blocks] of Object.entries(expected)) {
      it(`sample ${prefix}`, () => assert.deepEqual(summary(parseDocument(sample(prefix))), blocks));
    }
  });
});
