// Applying fixes: one function serves quick fixes, fix-all, formatting and `--fix`.

import type { Problem, TextEdit } from './types';

/**
 * Applies the fixes of the given problems that do not overlap one taken before (in text order); a fix is taken
 * whole or not at all. Returns the new text and how many fixes were taken.
 */
export function applyFixes(text: string, problems: readonly Pick<Problem, 'fix'>[]): { text: string; applied: number } {
  const fixes = problems
    .map(problem => problem.fix)
    .filter((fix): fix is TextEdit[] => !!fix && fix.length > 0)
    .map(fix => [...fix].sort((a, b) => a.start - b.start || a.end - b.end))
    .sort((a, b) => a[0].start - b[0].start || a[a.length - 1].end - b[b.length - 1].end);
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const previous = taken[taken.length - 1];
    const first = fix[0];
    // Two insertions at one point have no defined order, so they count as overlapping too.
    const overlaps = previous !== undefined &&
      (first.start < previous.end || (first.start === previous.end && first.start === first.end && previous.start === previous.end));
    if (overlaps) continue;
    taken.push(...fix);
    applied++;
  }
  let result = '';
  let cursor = 0;
  for (const edit of taken) {
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return { text: result + text.slice(cursor), applied };
}
