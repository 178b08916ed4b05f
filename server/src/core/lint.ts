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
      found.push({ ruleId: rule.id, severity, start: report.start, end: report.end, message: report.message[locale], fix: report.fix });
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
  let problems = [...byRule.values()].flat();
  if (options.ignore?.length) problems = problems.filter(problem => !isAccepted(text, problem, options.ignore!));
  problems.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
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
