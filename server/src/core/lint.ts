// The runner: parse once, run every enabled rule, then settle overlaps between rules and apply suppressions.

import { parseDocument, type BulletinDocument } from './document';
import { applyFixes } from './fix';
import type { Rule } from './rule';
import { rules as allRules } from './rules';
import type { LintOptions, Problem, Report, Span } from './types';
import { UnitDirectory } from './units';

export interface LintResult {
  document: BulletinDocument;
  problems: Problem[];
}

export function lintDocument(text: string, options: LintOptions = {}, rules: readonly Rule[] = allRules): LintResult {
  const document = parseDocument(text, options.dialect);
  const units = new UnitDirectory(options.units ?? []);
  const locale = options.locale ?? 'zh';
  const byRule = new Map<string, Problem[]>();
  for (const rule of rules) {
    const config = options.rules?.[rule.id];
    const severity = config?.severity ?? rule.severity;
    if (severity === 'off') continue;
    const found: Problem[] = [];
    const report = (report: Report) => {
      found.push({ ruleId: rule.id, severity, start: report.start, end: report.end, message: flattened(report.message[locale]), fix: report.fix });
    };
    rule.check({ text, document, options: config?.options ?? {}, units, report });
    byRule.set(rule.id, found);
  }
  for (const rule of rules) {
    const specific = byRule.get(rule.id);
    if (!specific?.length || !rule.supersedes) continue;
    const spans = [...specific].sort((a, b) => a.start - b.start);
    for (const general of rule.supersedes) {
      const reports = byRule.get(general);
      if (reports) byRule.set(general, reports.filter(problem => !overlapsAny(problem, spans)));
    }
  }
  let problems = mergeInOrder([...byRule.values()]);
  if (options.ignore?.length) problems = problems.filter(problem => !isAccepted(text, problem, options.ignore!));
  return { document, problems };
}

export function lint(text: string, options: LintOptions = {}): Problem[] {
  return lintDocument(text, options).problems;
}

/**
 * Applies every fix, re-linting until nothing fixable is left (fixes of different rules may touch the same
 * text and wait for the next pass). Stops after `maxPasses` so a misbehaving rule cannot loop forever.
 */
export function fixAll(text: string, options: LintOptions = {}, maxPasses = 10): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = applyFixes(current, lint(current, options));
    if (result.applied === 0) break;
    applied += result.applied;
    current = result.text;
  }
  return { text: current, applied };
}

/**
 * The message as one flat string. V8 keeps a string built by concatenation (every template literal with
 * values) as a tree of its pieces until something reads it; problems outlive the lint, and on a large draft
 * these trees were half the problems' memory and most of the garbage collector's work. Reading a character
 * makes V8 flatten the string in place (a read and nothing more to other engines).
 */
function flattened(message: string): string {
  message.charCodeAt(0);
  return message;
}

/** Text order: by start, then end. */
function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end;
}

/** Rule ids by plain code-unit comparison (localeCompare would cost a tenth of the runner's time). */
function byRuleId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * All rules' problems in one list ordered by start, end and rule id; one rule's problems on the same range keep
 * the order it reported them in. Each rule reports in text order, so its list is already a sorted run (a rule
 * that does not gets its list sorted, stably), and the runs are merged: each step takes the first of the runs'
 * heads, the run of the lowest rule id on a tie. Sorting the concatenation instead cost a comparator call per
 * pair of problems; there are at most as many runs as rules, most of them empty.
 */
function mergeInOrder(lists: readonly Problem[][]): Problem[] {
  const runs = lists
    .filter(list => list.length > 0)
    .map(list => (isInOrder(list) ? list : list.slice().sort(byPosition)))
    .sort((a, b) => byRuleId(a[0].ruleId, b[0].ruleId));
  if (runs.length === 1) return runs[0];
  let total = 0;
  for (const run of runs) total += run.length;
  const merged = new Array<Problem>(total);
  // Each run's next problem, and its start and end: the scan over the heads reads typed arrays, not the problems.
  const heads = new Int32Array(runs.length);
  const headStarts = new Float64Array(runs.length);
  const headEnds = new Float64Array(runs.length);
  const advance = (run: number, index: number) => {
    heads[run] = index;
    // An exhausted run's head sorts after every problem.
    headStarts[run] = index < runs[run].length ? runs[run][index].start : Infinity;
    headEnds[run] = index < runs[run].length ? runs[run][index].end : Infinity;
  };
  for (let run = 0; run < runs.length; run++) advance(run, 0);
  for (let index = 0; index < total; index++) {
    let first = 0;
    for (let run = 1; run < runs.length; run++) {
      if (headStarts[run] < headStarts[first] || (headStarts[run] === headStarts[first] && headEnds[run] < headEnds[first])) first = run;
    }
    merged[index] = runs[first][heads[first]];
    advance(first, heads[first] + 1);
  }
  return merged;
}

function isInOrder(problems: readonly Problem[]): boolean {
  for (let index = 1; index < problems.length; index++) if (byPosition(problems[index - 1], problems[index]) > 0) return false;
  return true;
}

/** Whether a span overlaps one of `sorted` (ascending by start). */
function overlapsAny(span: Span, sorted: readonly Span[]): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].start < span.end) low = mid + 1;
    else high = mid;
  }
  // One rule's reports do not overlap each other, so the last one starting before span.end also ends last.
  return low > 0 && sorted[low - 1].end > span.start;
}

function isAccepted(text: string, problem: Problem, ignore: NonNullable<LintOptions['ignore']>): boolean {
  for (const entry of ignore) {
    if ((entry.rule !== problem.ruleId && entry.rule !== '*') || !entry.text) continue;
    // Accepted when the problem lies inside an occurrence of the accepted text.
    const from = Math.max(0, problem.end - entry.text.length);
    for (let at = text.indexOf(entry.text, from); at >= 0 && at <= problem.start; at = text.indexOf(entry.text, at + 1)) {
      if (at + entry.text.length >= problem.end) return true;
    }
  }
  return false;
}
