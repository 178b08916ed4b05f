// Every regular expression of the core, and adversarial input for each: what the regex test and the scaling
// benchmark run to show that no regex backtracks catastrophically (issue 4).
//
// The inventory has two halves. Regex literals are read from the source with the TypeScript parser. Regexes
// built with `new RegExp(…)` are captured at run time: the global RegExp is wrapped before the core is loaded,
// so this must run in a fresh module context (a worker or a child process); every `new RegExp` call site the
// parser finds must have been captured, so none escapes the check.
//
// Adversarial input is derived from each regex's own atoms (character classes, escapes, literal characters):
// long runs of a character an atom accepts, cycles through an atom's characters, the regex "walked" one atom at a
// time and repeated (whole and cut short, so matches keep almost succeeding), and random mixtures of everything
// the regex mentions, as one single line and as many short ones.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import type { BoundedUse, RegexWorkerData, RegexWorkerMessage } from './regex-worker';

export const REPO_ROOT = join(__dirname, '..', '..');
export const CORE_DIR = join(REPO_ROOT, 'server', 'src', 'core');

export interface RegexEntry {
  /** `path:line` of the literal or of the `new RegExp` call, relative to the repository. */
  site: string;
  source: string;
  flags: string;
}

/**
 * Regexes the core applies only to short slices, where their time in the length of a whole line cannot arise;
 * they run on inputs as long as those slices. Each entry says where its bound comes from.
 */
export const BOUNDED_USES: readonly BoundedUse[] = [
  { file: 'server/src/core/rules/number-range.ts', source: String.raw`(?:\d{1,4}[年月])+$`, length: 12, reason: 'DATE_BEFORE reads the 12 characters before a range (DATE_REACH)' },
  { file: 'server/src/core/rules/number-mixed-digits.ts', source: '0+$', length: 4, reason: 'trims the four places of a fraction (asLargeUnit)' },
];

export function coreSourceFiles(folder = CORE_DIR): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return coreSourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  }).sort();
}

function siteOf(file: string, sourceFile: ts.SourceFile, node: ts.Node): string {
  return `${relative(REPO_ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
}

/** The regex literals of the core and the sites of its `new RegExp` / `RegExp(…)` calls, read from the source. */
export function scanSources(): { literals: RegexEntry[]; constructorSites: string[] } {
  const literals: RegexEntry[] = [];
  const constructorSites: string[] = [];
  for (const file of coreSourceFiles()) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const lastSlash = text.lastIndexOf('/');
        literals.push({ site: siteOf(file, sourceFile, node), source: text.slice(1, lastSlash), flags: text.slice(lastSlash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        constructorSites.push(siteOf(file, sourceFile, node));
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, constructorSites };
}

/**
 * Records every regex built with `new RegExp` while `load` runs (which loads the core, and lints something so that
 * regexes built on first use are built too), with the core source line that built it. The global RegExp is
 * wrapped only meanwhile; run it in a fresh module context, where the core has not been loaded yet.
 */
export function captureConstructedRegexes(load: () => void): RegexEntry[] {
  const captured: RegexEntry[] = [];
  const seen = new Set<string>();
  const Original = RegExp;
  const coreFrame = new Original(`(${escapeRegex(CORE_DIR)}[^:)]*):(\\d+)`);
  const record = (regex: RegExp) => {
    const frame = coreFrame.exec(new Error().stack ?? '');
    if (!frame) return;
    const site = `${relative(REPO_ROOT, frame[1])}:${frame[2]}`;
    const key = `${site}\u0000${regex.source}\u0000${regex.flags}`;
    if (seen.has(key)) return;
    seen.add(key);
    captured.push({ site, source: regex.source, flags: regex.flags });
  };
  globalThis.RegExp = new Proxy(Original, {
    // Constructed by RegExp itself, not through the proxy as new.target: a regex whose prototype came through a
    // proxy leaves V8's fast paths.
    construct(target, args) {
      const regex = Reflect.construct(target, args) as RegExp;
      record(regex);
      return regex;
    },
    apply(target, thisArg, args) {
      const regex = Reflect.apply(target, thisArg, args) as RegExp;
      record(regex);
      return regex;
    },
  });
  try {
    load();
  } finally {
    globalThis.RegExp = Original;
  }
  return captured;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Characters every regex is probed with, besides the ones it names itself. */
const BASE_POOL = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)),
  '\t', '\n', '\r', '\u00a0', '\u3000', '\ufeff', '\u2028',
  ...'，。、；：？！“”‘’（）《》【】〔〕〖〗「」『』…⋯—–－～·●△▲○〇％．０９Ａｚ',
  ...'一二三四五六七八九十百千万亿零两几余多来约近左右中区局镇街道是要年月日号第期米公平方等',
  '𠮷', '😀',
];

/** The atoms of a regex source: character classes, escapes, `.` and literal characters (not groups or quantifiers). */
export function atomsOf(source: string): string[] {
  const atoms: string[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      const rest = source.slice(index);
      const escape = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|[\s\S])/.exec(rest)![0];
      // Back references and assertions are no characters.
      if (!/^\\(?:\d|k<|[bB])/.test(escape)) atoms.push(escape);
      index += escape.length;
    } else if (char === '[') {
      let end = index + 1;
      if (source[end] === '^') end++;
      if (source[end] === ']') end++;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      atoms.push(source.slice(index, end + 1));
      index = end + 1;
    } else if (char === '(') {
      const group = /^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(source.slice(index))![0];
      index += group.length;
    } else if (char === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(index))) {
      index += /^\{\d+(?:,\d*)?\}/.exec(source.slice(index))![0].length;
    } else if ('|)*+?^$'.includes(char)) {
      index++;
    } else {
      const codePoint = source.codePointAt(index)!;
      const literal = String.fromCodePoint(codePoint);
      atoms.push(literal === '.' ? '.' : escapeRegex(literal));
      index += literal.length;
    }
  }
  return atoms;
}

/** The characters of the pool (and of the regex's own text) that one atom accepts. */
function acceptedBy(atom: string, unicode: boolean, pool: readonly string[]): string[] {
  let matcher: RegExp;
  try {
    matcher = new RegExp(`^(?:${atom})$`, unicode ? 'u' : '');
  } catch {
    return [];
  }
  return pool.filter(char => matcher.test(char));
}

export interface AdversarialInput {
  label: string;
  /** Built when first read: a caller that wants one input of a regex does not pay for all of them. */
  readonly text: string;
}

function lazyInput(label: string, build: () => string): AdversarialInput {
  let text: string | undefined;
  return {
    label,
    get text() {
      text ??= build();
      return text;
    },
  };
}

/** A deterministic pseudo-random sequence (mulberry32), so that inputs are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** `unit` repeated to `size` code units, never ending inside a surrogate pair. */
function repeatTo(unit: string, size: number): string {
  if (!unit) return '';
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** Characters that end a run: the first one a regex's atoms do not accept stops it from matching there. */
const STOPPERS = ['\u0001', 'ÿ', '☃', 'x', '中', '。'];

/**
 * Adversarial inputs of about `size` UTF-16 code units for one regex: each repeated unit as it is, and followed by
 * a character the regex does not accept (so a match that needs something after the run fails at its very end).
 */
export function adversarialInputs(entry: RegexEntry, size: number): AdversarialInput[] {
  const unicode = entry.flags.includes('u') || entry.flags.includes('v');
  const own = Array.from(entry.source).filter(char => char.codePointAt(0)! > 0x7e);
  const pool = [...new Set([...BASE_POOL, ...own])];
  const atomSets = atomsOf(entry.source).map(atom => acceptedBy(atom, unicode, pool)).filter(set => set.length > 0);
  const alphabet = [...new Set(atomSets.flat())];
  const stopper = STOPPERS.find(char => !alphabet.includes(char));
  const inputs: AdversarialInput[] = [];
  const units = new Set<string>();
  const addRepeated = (label: string, unit: string) => {
    if (!unit || units.has(unit)) return;
    units.add(unit);
    inputs.push(lazyInput(label, () => repeatTo(unit, size)));
    if (stopper) inputs.push(lazyInput(`${label}, then ${JSON.stringify(stopper)}`, () => repeatTo(unit, size - 1) + stopper));
  };
  for (const set of atomSets) {
    addRepeated(`run of ${JSON.stringify(set[0])}`, set[0]);
    if (set.length > 1) addRepeated(`cycle ${JSON.stringify(set.slice(0, 8).join(''))}`, set.slice(0, 8).join(''));
  }
  const walk = atomSets.map(set => set[0]).join('');
  addRepeated(`walk ${JSON.stringify(walk.slice(0, 40))}`, walk);
  const cut = Array.from(walk).slice(0, -1).join('');
  addRepeated(`walk cut short ${JSON.stringify(cut.slice(0, 40))}`, cut);
  if (alphabet.length) {
    const mixture = () => {
      const next = random(entry.source.length * 31 + entry.flags.length);
      const chars: string[] = [];
      for (let length = 0; length < size; length += chars[chars.length - 1].length) chars.push(alphabet[Math.floor(next() * alphabet.length)]);
      return chars.join('');
    };
    inputs.push(lazyInput('mixture, one line', mixture));
    inputs.push(lazyInput('mixture, lines of 64', () => mixture().replace(/([\s\S]{64})/g, '$1\n')));
  }
  return inputs;
}

/** Runs a regex over the text as the core does: every match of a global regex, or one test. Returns the matches. */
export function scan(entry: RegexEntry, text: string): number {
  const regex = new RegExp(entry.source, entry.flags);
  if (!regex.global && !regex.sticky) return regex.test(text) ? 1 : 0;
  let matches = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    matches++;
    if (match[0] === '') regex.lastIndex++;
  }
  return matches;
}

export interface WorkerRun {
  messages: RegexWorkerMessage[];
  /** What was running when the watchdog stopped the worker, if it had to. */
  runaway?: string;
}

/**
 * Runs regex-worker.ts and collects its messages. A step (one input, one lint) that sends nothing for
 * `watchdogMilliseconds` is a runaway: the worker is terminated (which interrupts a regex mid-match) and the
 * step is named in the result.
 */
export function runRegexWorker(data: RegexWorkerData, watchdogMilliseconds: number): Promise<WorkerRun> {
  // A worker does not inherit tsx's loader for its entry file: it registers tsx itself, then loads the worker.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'regex-worker.ts'))});`, { eval: true, workerData: data });
  const messages: RegexWorkerMessage[] = [];
  return new Promise((resolve, reject) => {
    let current = 'loading the core';
    let entries: RegexEntry[] = [];
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate().then(() => resolve({ messages, runaway: current }));
      }, watchdogMilliseconds);
    };
    arm();
    worker.on('message', (message: RegexWorkerMessage) => {
      messages.push(message);
      if (message.kind === 'inventory') entries = message.entries;
      else if (message.kind === 'input-start') current = `${entries[message.index].site} on ${message.label}`;
      else if (message.kind === 'lint-start') current = message.label;
      if (message.kind === 'finished') {
        clearTimeout(timer);
        resolve({ messages });
      } else {
        arm();
      }
    });
    worker.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
