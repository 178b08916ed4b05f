// The unit directory: canonical unit names with their aliases, for attribution-unknown and completion.

import type { UnitEntry } from './types';

export interface UnitMatch {
  canonical: string;
  /** True when the name is an alias rather than the canonical name itself. */
  alias: boolean;
}

export class UnitDirectory {
  private readonly byName = new Map<string, UnitMatch>();
  readonly entries: readonly Required<UnitEntry>[];

  constructor(entries: readonly (UnitEntry | string)[] = []) {
    this.entries = entries.map(entry => (typeof entry === 'string' ? { name: entry, aliases: [] } : { name: entry.name, aliases: entry.aliases ?? [] }));
    for (const entry of this.entries) {
      for (const alias of entry.aliases) if (!this.byName.has(alias)) this.byName.set(alias, { canonical: entry.name, alias: true });
    }
    for (const entry of this.entries) this.byName.set(entry.name, { canonical: entry.name, alias: false });
  }

  get size(): number {
    return this.entries.length;
  }

  lookup(name: string): UnitMatch | undefined {
    return this.byName.get(name);
  }

  /**
   * The canonical name nearest to a misspelt one, when it is close enough to be a slip (an edit distance of
   * at most a third of the name) and unambiguous; otherwise undefined.
   */
  nearest(name: string): string | undefined {
    const limit = Math.max(1, Math.floor([...name].length / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    let tie = false;
    for (const [known, match] of this.byName) {
      const distance = editDistance(name, known, limit);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = match.canonical;
        tie = false;
      } else if (distance === bestDistance && match.canonical !== best) {
        tie = true;
      }
    }
    return bestDistance <= limit && !tie ? best : undefined;
  }
}

/** Levenshtein distance over code points, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const left = [...a];
  const right = [...b];
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length];
}
