// Assembly of an issue: ordering, header and footer, the cross-draft checks with their near misses (precision
// first), the five real drafts assembled against a golden issue (test/fixtures/desk/issue-46.*; UPDATE_GOLDEN=1
// rewrites them), and the assemble command.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleIssue, countIssueEntries, HEADLINE_SIMILARITY, lint, parseDocument, similarity, type AssembleOptions, type DraftInput } from '../../server/src/core';
import { ROOT, samples, SHANGJIE } from './helpers';

const GOLDEN = join(ROOT, 'test/fixtures/desk');
const EXAMPLE_UNITS = JSON.parse(readFileSync(join(ROOT, 'examples/.bulletinrc.json'), 'utf8')).units;

const OPTIONS: AssembleOptions = { number: 46, date: { year: 2024, month: 8, day: 16 }, settings: SHANGJIE };

const item = (headline: string, body: string, unit: string) => `${headline} 一是${body}。二是加强宣传引导，提升群众知晓率。（${unit}）`;
const ids = (drafts: DraftInput[], options: Partial<AssembleOptions> = {}) =>
  assembleIssue(drafts, { ...OPTIONS, ...options }).problems.map(problem => `${problem.input} ${problem.ruleId} ${drafts[problem.input].text.slice(problem.start, problem.end)}`);

describe('desk: assemble', () => {
  describe('the five real drafts (sample 004 is issue 45: the previous issue)', () => {
    const drafts = samples();
    const issue = assembleIssue(drafts, { ...OPTIONS, units: EXAMPLE_UNITS });
    const problems = issue.problems.map(problem => `${drafts[problem.input].name} ${problem.start}-${problem.end} ${problem.severity} ${problem.ruleId} ${problem.message}`).join('\n');

    it('match the golden issue and its cross-draft problems', () => {
      for (const [file, actual] of [['issue-46.txt', issue.text], ['issue-46.problems.txt', `${problems}\n`]]) {
        const path = join(GOLDEN, file);
        if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, actual);
        assert.equal(actual, readFileSync(path, 'utf8'), file);
      }
    });

    it('take 004 as the previous issue and leave out it and the articles of 003', () => {
      assert.deepEqual(issue.previous, { input: 4, number: 45, date: { year: 2024, month: 8, day: 9 } });
      assert.deepEqual(issue.skipped, [3, 4]);
      const blocks = [0, 1, 2].reduce((count, index) => count + parseDocument(drafts[index].text).blocks.length, 0);
      assert.equal(issue.entries.length, blocks);
      assert.ok(!problems.includes('issue-duplicate'), 'no two real items are alike');
    });

    it('are counted without assembling as the issue has them: items, briefs and the previous issue', () => {
      const items = issue.entries.filter(entry => entry.kind === 'item').length;
      const briefs = issue.entries.length - items;
      assert.ok(items > 0 && briefs > 0, 'the samples give items and briefs');
      assert.deepEqual(countIssueEntries(drafts), { items, briefs, previous: 45 });
      assert.deepEqual(countIssueEntries(drafts.slice(0, 4)), { items, briefs }, 'no previous issue');
      assert.deepEqual(countIssueEntries([drafts[3]]), { items: 0, briefs: 0 }, 'articles are not entries');
    });

    it('print an issue the parser reads back: header, every entry one block, footer; no extraction damage left', () => {
      const document = parseDocument(issue.text);
      const { title, issue: issueLine, office, date } = document.header!;
      assert.deepEqual(
        [title, issueLine, office, date].map(span => issue.text.slice(span!.start, span!.end)),
        ['上街信息', '第46期', '中共上街区委办公室', '2024年8月16日'],
      );
      assert.equal(issue.text.slice(document.footer!.start, document.footer!.end), '本期送：区县处级领导\n发：峡窝镇、各街道办事处、区直各单位负责同志\n责任编辑：柴亚文');
      assert.equal(document.blocks.length, issue.entries.length);
      assert.deepEqual(document.blocks.map(block => block.kind), issue.entries.map(entry => entry.kind));
      const damage = lint(issue.text).filter(problem => ['structure-hard-wrap', 'structure-page-furniture', 'markup-residue', 'headline-format'].includes(problem.ruleId));
      assert.deepEqual(damage, []);
    });

    it('order items by the unit groups (区委…, then 区…, then towns and streets, then the rest) and put the briefs last', () => {
      const groupOf = (units: string[]) => (!units[0] ? 3 : units[0].startsWith('区委') ? 0 : units[0].startsWith('区') ? 1 : /[镇道]$/.test(units[0]) ? 2 : 3);
      const items = issue.entries.filter(entry => entry.kind === 'item').map(entry => groupOf(entry.units));
      assert.deepEqual(items, [...items].sort());
      assert.ok(issue.entries.findIndex(entry => entry.kind === 'brief') > issue.entries.findLastIndex(entry => entry.kind === 'item'));
    });
  });

  describe('order and layout', () => {
    it('keeps the given order within a group and for units no group names', () => {
      const drafts = [
        { name: 'a', text: `${item('峡窝镇推进垃圾分类', '细化分工', '峡窝镇')}\n${item('市某公司开展活动', '组织培训', '某公司')}` },
        { name: 'b', text: `△ 近日，区侨联组织开展义诊活动。（区侨联）\n${item('中心路街道开展宣传', '张贴海报', '中心路街道')}\n${item('区教育局推进课后服务', '建成基地', '区教育局')}` },
      ];
      const issue = assembleIssue(drafts, OPTIONS);
      assert.deepEqual(issue.entries.map(entry => entry.units[0]), ['区教育局', '峡窝镇', '中心路街道', '某公司', '区侨联']);
    });

    it('leaves out the header and footer lines the settings do not give', () => {
      const issue = assembleIssue([{ name: 'a', text: item('区教育局推进课后服务', '建成基地', '区教育局') }], { ...OPTIONS, settings: { name: '上街信息' } });
      assert.match(issue.text, /^上街信息\n第46期\n2024年8月16日\n\n区教育局推进课后服务 一是建成基地。[^\n]+（区教育局）\n$/);
    });
  });

  describe('the same item twice', () => {
    const body = '组织党员干部深入社区楼院，开展政策宣讲和志愿服务，推动形成共建共治共享的基层治理格局';

    it('flags the same headline, wherever it comes from, at the second', () => {
      const drafts = [{ name: 'a', text: item('区教育局推进课后服务提质增效', '建成基地', '区教育局') }, { name: 'b', text: item('区教育局推进课后服务提质增效', '开设课程', '区教育局') }];
      assert.deepEqual(ids(drafts), ['1 issue-duplicate 区教育局推进课后服务提质增效']);
      assert.match(assembleIssue(drafts, OPTIONS).problems[0].message, /^与a 中的“区教育局推进课后服务提质增效”重复（标题相同）/);
    });

    it('flags a headline retouched by the same unit, and a text sent again under a new headline', () => {
      const retouched = [{ name: 'a', text: item('济源路街道创新探索党建工作模式', body, '济源路街道') }, { name: 'b', text: item('济源路街道创新探索党建工作新模式', '召开会议', '济源路街道') }];
      assert.deepEqual(ids(retouched), ['1 issue-duplicate 济源路街道创新探索党建工作新模式']);
      const retitled = [{ name: 'a', text: item('济源路街道创新基层治理', body, '济源路街道') }, { name: 'b', text: item('济源路街道党建引领社区治理见成效', `${body}。`, '区委组织部') }];
      assert.deepEqual(ids(retitled), ['1 issue-duplicate 济源路街道党建引领社区治理见成效']);
    });

    it('flags an item already published in the previous issue', () => {
      const previous = `上街信息\n第45期\n中共上街区委办公室\n2024年8月9日\n${item('区教育局推进课后服务提质增效', body, '区教育局')}\n`;
      const drafts = [{ name: 'issue-45.txt', text: previous }, { name: 'b', text: item('区教育局推进课后服务提质增效', body, '区教育局') }];
      assert.deepEqual(ids(drafts), ['1 issue-duplicate 区教育局推进课后服务提质增效']);
      assert.match(assembleIssue(drafts, OPTIONS).problems[0].message, /^与第45期（issue-45\.txt）已刊发的“区教育局推进课后服务提质增效”重复/);
    });

    it('leaves alone near misses: one template for two units, two projects of one unit, two briefs of one unit', () => {
      const template = '中心路街道三举措推进垃圾分类工作走深走实';
      const otherUnit = '工业路街道三举措推进垃圾分类工作走深走实';
      assert.ok(similarity(template, otherUnit) > 0.8, 'alike enough to be tempting');
      assert.deepEqual(ids([{ name: 'a', text: item(template, '细化分工', '中心路街道') }, { name: 'b', text: item(otherUnit, '丰富载体', '工业路街道') }]), []);

      const projects = ['区教育局扎实推进校园社团项目建设', '区教育局扎实推进校园足球项目建设'];
      assert.ok(similarity(projects[0], projects[1]) < HEADLINE_SIMILARITY);
      assert.deepEqual(ids(projects.map((headline, index) => ({ name: String(index), text: item(headline, index ? '组建球队' : '开发课程', '区教育局') }))), []);

      const briefs = [
        '△ 9月27日，区总工会举办2023年“羽你同行”区羽毛球比赛，全区19支代表队、130名职工参赛。（区总工会）',
        '△ 10月12日，区总工会举办2023年“篮球争霸”职工篮球比赛，全区12支代表队、160名职工参赛。（区总工会）',
      ];
      assert.deepEqual(ids(briefs.map((text, index) => ({ name: String(index), text }))), []);
    });
  });

  describe('units', () => {
    it('flags one unit under two names by the directory, at the name that is not the canonical one', () => {
      const drafts = [
        { name: 'a', text: item('区先进制造业开发区加速推进重点项目', '召开研判会', '区先进制造业开发区') },
        { name: 'b', text: `△ 近日，某公司年产8000吨铝基新材料项目顺利开工。（先进制造业开发区）` },
      ];
      assert.deepEqual(ids(drafts, { units: EXAMPLE_UNITS }), ['1 issue-unit-names 先进制造业开发区']);
    });

    it('without a directory, by a prefix or suffix (区…, …办事处, …管委会); different units stay apart', () => {
      const drafts = [
        { name: 'a', text: item('中心路街道开展宣传', '张贴海报', '中心路街道') },
        { name: 'b', text: item('中心路街道推进垃圾分类', '细化分工', '中心路街道办事处') },
        { name: 'c', text: item('中心路街道开展义诊', '组织医生', '中心路街道') },
        { name: 'd', text: item('区教育局推进课后服务', '建成基地', '区教育局') },
        { name: 'e', text: item('区体育局举办运动会', '组织比赛', '区体育局') },
        { name: 'f', text: item('区委办加强信息工作', '开展培训', '区委办') },
        { name: 'g', text: item('区委召开全会', '听取报告', '区委') },
      ];
      assert.deepEqual(ids(drafts), ['1 issue-unit-names 中心路街道办事处']);
    });

    it('flags units not in the directory, with the nearest name when it is a slip', () => {
      const drafts = [{ name: 'a', text: `${item('我区开展占道经营治理', '划定区域', '中心路街道、区域管局')}\n${item('某协会开展活动', '组织培训', '某协会')}` }];
      const issue = assembleIssue(drafts, { ...OPTIONS, units: EXAMPLE_UNITS });
      assert.deepEqual(issue.problems.map(problem => problem.message), [
        '署名单位“区域管局”不在单位目录中，是否为“区城管局”？',
        '署名单位“某协会”不在单位目录中：请核对名称，或将其加入配置的 units',
      ]);
    });
  });

  describe('number and date against the previous issue', () => {
    const previous = { name: 'issue-45.txt', text: '上街信息\n\n第 45 期\n\n中共上街区委办公室\n\n2024 年 8 月 9 日\n\n△ 近日，区侨联组织开展义诊活动。（区侨联）\n' };
    const draft = { name: 'a', text: item('区教育局推进课后服务', '建成基地', '区教育局') };
    const check = (number: number, day: number) => ids([previous, draft], { number, date: { year: 2024, month: 8, day } });

    it('accepts the next number on a later day', () => {
      assert.deepEqual(check(46, 16), []);
    });

    it('flags a number that repeats or goes back, and a date that repeats or goes back', () => {
      assert.deepEqual(check(45, 16), ['0 issue-number 第 45 期']);
      assert.deepEqual(check(44, 16), ['0 issue-number 第 45 期']);
      assert.deepEqual(check(46, 9), ['0 issue-date 2024 年 8 月 9 日']);
      assert.deepEqual(check(46, 2), ['0 issue-date 2024 年 8 月 9 日']);
      const messages = assembleIssue([previous, draft], { ...OPTIONS, number: 44, date: { year: 2024, month: 8, day: 2 } }).problems.map(problem => problem.message);
      assert.deepEqual(messages, ['本期期号第44期小于上一期（issue-45.txt）的第45期', '本期日期2024年8月2日早于上一期（第45期，2024年8月9日）']);
    });

    it('follows the latest of several previous issues', () => {
      const older = { name: 'issue-44.txt', text: previous.text.replace('45', '44').replace('9 日', '2 日') };
      assert.deepEqual(ids([older, previous, draft], { number: 45, date: { year: 2024, month: 8, day: 16 } }), ['1 issue-number 第 45 期']);
    });

    it('reads a previous issue written with full-width digits or in Chinese numerals, as the header allows', () => {
      const cases = [
        { issue: '第４５期', date: '２０２４年８月９日', number: 45 },
        { issue: '第四十五期', date: '2024年8月9日', number: 45 },
        { issue: '第一百零五期', date: '2024年8月9日', number: 105 },
        { issue: '第一〇五期', date: '2024年8月9日', number: 105 },
        { issue: '第一百二十期', date: '2024年8月9日', number: 120 },
      ];
      for (const { issue, date, number } of cases) {
        const written = { name: 'issue.txt', text: previous.text.replace('第 45 期', issue).replace('2024 年 8 月 9 日', date) };
        const assembled = assembleIssue([written, draft], { ...OPTIONS, number: number + 1 });
        assert.deepEqual(assembled.previous, { input: 0, number, date: { year: 2024, month: 8, day: 9 } }, issue);
        assert.equal(assembled.entries.length, 1, `${issue}: the previous issue is not assembled again`);
        assert.deepEqual(ids([written, draft], { number, date: { year: 2024, month: 8, day: 9 } }), [`0 issue-number ${issue}`, `0 issue-date ${date}`], issue);
      }
    });
  });
});
