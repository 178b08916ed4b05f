// The assemble command: drafts checked first (errors stop it unless --force, which names them), the issue on
// standard output or in a file, the report beside it, the issue settings of the folder the issue goes to.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleIssue } from '../../server/src/core';
import { makeWorkspace, onlyRules, removeWorkspaces, runCli } from '../cli/helpers';
import { samples, SHANGJIE, SUBMISSION_ITEMS, submissionDocx } from './helpers';

const CLEAN = '区教育局推进课后服务提质增效 一是建成3个课后服务基地。二是开设课程180余个。（区教育局）\n';
const CLEAN_BRIEF = '△ 近日，区侨联组织开展义诊活动，服务侨胞100余名。（区侨联）\n';
const MISSING_ATTRIBUTION = '区审计局科学规范开展预算执行审计 一是明确重点。二是整体推进。\n';
const ARGS = ['--issue', '46', '--date', '2024-08-16'];

describe('desk: the assemble command', function () {
  this.timeout(60_000);
  after(removeWorkspaces);
  const workspace = (files: Record<string, string | Uint8Array>, extra: Record<string, unknown> = {}) =>
    makeWorkspace(files, { issue: SHANGJIE, units: ['区教育局', '区侨联', '区审计局'], ...extra });

  it('writes the issue on standard output and the report (and a summary) on standard error', async () => {
    const cwd = workspace({ 'drafts/a.txt': CLEAN, 'drafts/b.txt': CLEAN_BRIEF });
    const run = await runCli(['assemble', 'drafts', ...ARGS], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, assembleIssue([{ name: 'a', text: CLEAN }, { name: 'b', text: CLEAN_BRIEF }], { number: 46, date: { year: 2024, month: 8, day: 16 }, settings: SHANGJIE }).text);
    assert.equal(run.stderr, '✔ 已检查 2 个文件，未发现问题。\n第46期已编排：1 条信息、1 条简讯，写入 <stdout>\n');
  });

  it('with -o writes the file and the report on standard output; the settings come from the folder of the issue', async () => {
    const cwd = workspace({ 'drafts/a.txt': CLEAN, 'issues/.bulletinrc.json': JSON.stringify({ issue: { editor: '张三' } }) });
    const run = await runCli(['assemble', 'drafts/a.txt', ...ARGS, '-o', 'issues/第46期.txt', '--locale', 'en'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '✔ 1 file checked, no problems found.\n');
    assert.equal(run.stderr, 'Issue 46 assembled: 1 items and 0 briefs, written to issues/第46期.txt\n');
    const written = readFileSync(join(cwd, 'issues/第46期.txt'), 'utf8');
    assert.match(written, /^上街信息\n第46期\n中共上街区委办公室\n2024年8月16日\n\n区教育局/);
    assert.match(written, /责任编辑：张三\n$/);
  });

  it('refuses while a draft has an error (exit 1, nothing written), and says how to go on', async () => {
    const cwd = workspace({ 'a.txt': CLEAN, 'b.txt': MISSING_ATTRIBUTION });
    const run = await runCli(['assemble', 'a.txt', 'b.txt', ...ARGS, '-o', 'issue.txt'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /b\.txt\n {2}1:1 +错误 {2}信息缺少署名[^\n]*attribution-missing/);
    assert.equal(run.stderr, '稿件中有 1 个错误，本期未编排：请改正后重试，或用 --force 强制编排。\n');
    assert.ok(!existsSync(join(cwd, 'issue.txt')));
  });

  it('--force assembles all the same and lists every error it overrode (exit 1)', async () => {
    const cwd = workspace({ 'a.txt': CLEAN, 'b.txt': MISSING_ATTRIBUTION });
    const run = await runCli(['assemble', 'a.txt', 'b.txt', ...ARGS, '-o', 'issue.txt', '--force'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      '第46期已编排：2 条信息、0 条简讯，写入 issue.txt\n已用 --force 强制编排，忽略了以下 1 个错误：\n  b.txt 1:1  信息缺少署名：应在末尾注明报送单位“（区审计局）”  attribution-missing\n',
    );
    assert.match(readFileSync(join(cwd, 'issue.txt'), 'utf8'), /区审计局科学规范开展预算执行审计 一是明确重点。二是整体推进。/);
  });

  it('a duplicate across drafts is an error too; the issue number against the previous issue in the folder', async () => {
    const previous = '上街信息\n第46期\n中共上街区委办公室\n2024年8月9日\n\n△ 近日，区侨联组织开展义诊活动。（区侨联）\n';
    const cwd = workspace({ 'a.txt': CLEAN, 'again.txt': CLEAN, 'issue-46.txt': previous });
    const run = await runCli(['assemble', '.', ...ARGS, '--format', 'json'], { cwd });
    assert.equal(run.code, 1);
    const results = JSON.parse(run.stderr.slice(0, run.stderr.lastIndexOf(']') + 1));
    const messages = results.flatMap((result: { filePath: string; messages: Array<{ ruleId: string }> }) => result.messages.map(message => `${result.filePath.slice(cwd.length + 1)} ${message.ruleId}`));
    assert.deepEqual(messages, ['again.txt issue-duplicate', 'issue-46.txt issue-number']);
  });

  it('one diagnostic for one name: the issue names the other spelling, attribution-unknown steps back', async () => {
    const cwd = workspace(
      { 'a.txt': CLEAN.replace('（区教育局）', '（区城市管理局）'), 'b.txt': '区城管局推进垃圾分类 一是细化分工。二是丰富载体。（区城管局）\n' },
      { units: [{ name: '区城管局', aliases: ['区城市管理局'] }], rules: onlyRules({ 'attribution-unknown': 'warning' }) },
    );
    const run = await runCli(['assemble', '.', ...ARGS, '-o', 'issue.txt'], { cwd });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /a\.txt\n {2}\S+ +警告 {2}“区城市管理局”与本期其他稿件中的“区城管局”是同一单位[^\n]*issue-unit-names\n\n/);
    assert.doesNotMatch(run.stdout, /attribution-unknown/);
  });

  it('assembles the real drafts into the golden issue; a broken input stops it with exit 2', async () => {
    const cwd = workspace(Object.fromEntries(samples().map(sample => [sample.name, sample.text])));
    const forced = await runCli(['assemble', '.', ...ARGS, '--force', '--rule', 'structure-hard-wrap=off'], { cwd });
    assert.equal(forced.code, 1);
    assert.equal(forced.stdout, readFileSync(join(__dirname, '../fixtures/desk/issue-46.txt'), 'utf8'));
    const broken = workspace({ 'a.txt': CLEAN, 'b.docx': 'PK broken' });
    const run = await runCli(['assemble', '.', ...ARGS, '-o', 'issue.txt'], { cwd: broken });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^b\.docx 不是有效的 Word 文档/);
    assert.ok(!existsSync(join(broken, 'issue.txt')));
  });

  it('takes the items of a Word submission, and finds the same submission sent twice', async () => {
    const docx = await submissionDocx();
    const cwd = workspace({ 'unit.docx': docx, 'a.txt': CLEAN });
    const run = await runCli(['assemble', '.', ...ARGS], { cwd, env: { LANG: 'en_US.UTF-8' } });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.split('\n\n').length, 1 + 4 + 1, 'header, four entries, footer');
    assert.ok(run.stdout.includes(`${SUBMISSION_ITEMS[0].headline} ${SUBMISSION_ITEMS[0].body}`));
    const twice = workspace({ 'unit.docx': docx, 'resent.docx': docx });
    const again = await runCli(['assemble', '.', ...ARGS, '-o', 'issue.txt', '--locale', 'en'], { cwd: twice });
    assert.equal(again.code, 1);
    assert.match(again.stdout, /unit\.docx\n {2}para\. 1 +error +Repeats the item in resent\.docx, "区教育局扎实推进校园社团项目建设" \(same headline\)/);
  });

  it('usage errors: no drafts, no issue number, a date that is none (exit 2)', async () => {
    const cwd = workspace({ 'a.txt': CLEAN });
    assert.match((await runCli(['assemble', '--issue', '46'], { cwd })).stderr, /^assemble 需要稿件或稿件所在的文件夹\n/);
    assert.match((await runCli(['assemble', 'a.txt'], { cwd })).stderr, /^请用 --issue 给出本期期号/);
    assert.match((await runCli(['assemble', 'a.txt', '--issue', '046x'], { cwd })).stderr, /^--issue 的值“046x”应为正整数/);
    const badDate = await runCli(['assemble', 'a.txt', '--issue', '46', '--date', '2024-02-30', '--locale', 'en'], { cwd });
    assert.deepEqual(badDate, { code: 2, stdout: '', stderr: '--date "2024-02-30" must be a date, e.g. --date 2024-08-16\nRun bulletin-lint --help for usage.\n' });
    const empty = workspace({});
    assert.deepEqual(await runCli(['assemble', '.', '--issue', '46'], { cwd: empty }), { code: 2, stdout: '', stderr: '没有找到稿件（.txt、.md、.bulletin、.docx、.pdf），未编排\n' });
    assert.match((await runCli(['assemble', '--help'], { cwd })).stdout, /^用法：bulletin-lint assemble/);
  });
});
