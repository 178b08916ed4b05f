// The cross-draft checks: what no single draft shows. Precision first, as everywhere: two different items of
// one template (三举措…) or of one unit share words, so "near-identical" means a high similarity (the five real
// drafts' most alike items score 0.38 on headlines and 0.13 on bodies; test/desk has the near misses).

import type { Block } from '../document';
import type { Span } from '../types';
import type { UnitDirectory } from '../units';
import { DESK_CHECKS, type ProblemSink } from './problems';
import { similarity } from './similarity';
import type { DraftInput, EntryKind } from './types';

/** Headlines this alike are one headline retouched, when the units are the same. */
export const HEADLINE_SIMILARITY = 0.85;
/** Bodies this alike are one text, whoever sent it. */
export const BODY_SIMILARITY = 0.9;
/** Shorter bodies (in content characters) are not compared: a short brief's words are too few to tell. */
const MIN_BODY = 20;
/** Shorter headlines are not compared either: 工作动态 is a rubric, not an item's headline. */
const MIN_HEADLINE = 6;

/** An item or brief of an input, with what the checks compare. */
export interface Candidate {
  input: number;
  block: Block;
  kind: EntryKind;
  paragraph: string;
  /** The headline's content characters (see similarity.ts), '' for a brief. */
  headline: string;
  /** How messages name it: the headline as written, or the start of a brief. */
  label: string;
  /** The content characters between headline and attribution. */
  body: string;
  units: Array<Span & { name: string; canonical: string }>;
  /** Where a problem about the whole item is shown: its headline, or its first line. */
  anchor: Span;
}

type Reason = 'same-headline' | 'near-headline' | 'near-body';

const REASONS: Record<Reason, { zh: string; en: string }> = {
  'same-headline': { zh: '标题相同', en: 'same headline' },
  'near-headline': { zh: '同一单位，标题几乎相同', en: 'same unit, nearly the same headline' },
  'near-body': { zh: '正文几乎相同', en: 'nearly the same text' },
};

function sameUnits(a: Candidate, b: Candidate): boolean {
  if (!a.units.length || a.units.length !== b.units.length) return false;
  const names = new Set(a.units.map(unit => unit.canonical));
  return b.units.every(unit => names.has(unit.canonical));
}

function duplicateReason(a: Candidate, b: Candidate): Reason | undefined {
  if (a.headline.length >= MIN_HEADLINE && a.headline === b.headline) return 'same-headline';
  if (a.headline.length >= MIN_HEADLINE && b.headline.length >= MIN_HEADLINE && sameUnits(a, b) && similarity(a.headline, b.headline) >= HEADLINE_SIMILARITY) return 'near-headline';
  if (a.body.length >= MIN_BODY && b.body.length >= MIN_BODY && similarity(a.body, b.body) >= BODY_SIMILARITY) return 'near-body';
  return undefined;
}

/**
 * The same item twice: each draft item is compared with the published issue's items and the drafts' items
 * before it, and reported once, at its headline, naming the first it repeats.
 */
export function checkDuplicates(candidates: readonly Candidate[], published: readonly Candidate[], drafts: readonly DraftInput[], previousNumber: number | undefined, sink: ProblemSink): void {
  candidates.forEach((candidate, index) => {
    for (const other of [...published, ...candidates.slice(0, index)]) {
      const reason = duplicateReason(candidate, other);
      if (!reason) continue;
      const isPublished = published.includes(other);
      const where = isPublished
        ? { zh: `第${previousNumber ?? '?'}期（${drafts[other.input].name}）已刊发的`, en: `the item already published in number ${previousNumber ?? '?'} (${drafts[other.input].name}),` }
        : { zh: `${drafts[other.input].name} 中的`, en: `the item in ${drafts[other.input].name},` };
      sink.add(candidate.input, candidate.anchor, DESK_CHECKS.duplicate, 'error', {
        zh: `与${where.zh}“${other.label}”重复（${REASONS[reason].zh}）：同一条信息只编一次`,
        en: `Repeats ${where.en} "${other.label}" (${REASONS[reason].en}): an item goes into an issue once.`,
      });
      return;
    }
  });
}

/** Prefixes and suffixes that name the same unit shorter or longer: 区先进制造业开发区 / 先进制造业开发区, 中心路街道办事处 / 中心路街道. */
const UNIT_PREFIXES = ['上街区', '我区', '区'];
const UNIT_SUFFIXES = ['管理委员会', '管委会', '办事处'];
const MIN_UNIT_CORE = 3;

/** The name with the optional prefix and suffix taken off: two names with one core are one unit. */
function unitCore(name: string): string {
  let core = name;
  const prefix = UNIT_PREFIXES.find(candidate => core.startsWith(candidate) && [...core].length - [...candidate].length >= MIN_UNIT_CORE + 1);
  if (prefix) core = core.slice(prefix.length);
  const suffix = UNIT_SUFFIXES.find(candidate => core.endsWith(candidate) && [...core].length - [...candidate].length >= MIN_UNIT_CORE);
  if (suffix) core = core.slice(0, -suffix.length);
  return core;
}

/**
 * One unit under two names in the issue (by the directory's aliases, or by a prefix or suffix such as 区 and
 * 管委会), reported where the less used name stands; and, with a directory, units that are not in it.
 */
export function checkUnitNames(candidates: readonly Candidate[], units: UnitDirectory, sink: ProblemSink): void {
  const occurrences = candidates.flatMap(candidate => candidate.units.map(unit => ({ ...unit, input: candidate.input })));
  const groups = new Map<string, typeof occurrences>();
  for (const occurrence of occurrences) {
    const key = unitCore(occurrence.canonical);
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const reported = new Set<(typeof occurrences)[number]>();
  for (const group of groups.values()) {
    const counts = new Map<string, number>();
    for (const occurrence of group) counts.set(occurrence.name, (counts.get(occurrence.name) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The directory's canonical name if one is written; otherwise the name written most often (first seen on a tie).
    const canonical = group.find(occurrence => units.lookup(occurrence.name)?.alias === false)?.name;
    const preferred = canonical ?? [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    for (const occurrence of group) {
      if (occurrence.name === preferred) continue;
      reported.add(occurrence);
      sink.add(occurrence.input, occurrence, DESK_CHECKS.unitNames, 'warning', {
        zh: `“${occurrence.name}”与本期其他稿件中的“${preferred}”是同一单位，应统一写作“${preferred}”`,
        en: `"${occurrence.name}" and "${preferred}", used elsewhere in this issue, are one unit: write "${preferred}" throughout.`,
      });
    }
  }
  if (!units.size) return;
  for (const occurrence of occurrences) {
    if (reported.has(occurrence) || units.lookup(occurrence.name)) continue;
    const suggestion = units.nearest(occurrence.name);
    sink.add(occurrence.input, occurrence, DESK_CHECKS.unitUnknown, 'warning', suggestion
      ? { zh: `署名单位“${occurrence.name}”不在单位目录中，是否为“${suggestion}”？`, en: `"${occurrence.name}" is not in the unit directory; did you mean "${suggestion}"?` }
      : { zh: `署名单位“${occurrence.name}”不在单位目录中：请核对名称，或将其加入配置的 units`, en: `"${occurrence.name}" is not in the unit directory: check the name, or add it to units in the configuration.` });
  }
}
