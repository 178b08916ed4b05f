// Builds what the benchmarks measure: corpora made of the real drafts, and a bundle of the core made by esbuild
// with the options of the shipped bundles (esbuild.mjs), so that the timed code is the code users run.
// Everything lands in bench/corpus/, which is gitignored: generated corpora are never committed.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(REPO_ROOT, 'bench', 'corpus');
const SAMPLES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'real');

/** Sizes are decimal: 1 MB = 1,000,000 bytes of UTF-8, the unit of every MB and MB/s the benchmarks print. */
export const MB = 1_000_000;

/** The corpora of issue 2: name, file name, target size in bytes, and whether the line breaks are removed. */
export const CORPUS_SPECS = [
  { name: '100 KB', fileName: 'items-100k.txt', targetBytes: 100_000, singleLine: false },
  { name: '1 MB', fileName: 'items-1m.txt', targetBytes: MB, singleLine: false },
  { name: '10 MB', fileName: 'items-10m.txt', targetBytes: 10 * MB, singleLine: false },
  { name: '1 MB, one line', fileName: 'items-1m-one-line.txt', targetBytes: MB, singleLine: true },
];

/**
 * The real drafts of the information-item dialect. The markdown "articles" sample is left out: a corpus mixing
 * both dialects would be read as articles as a whole (markdown headings decide the dialect), which no real file is.
 */
export function itemSamples() {
  return readdirSync(SAMPLES_DIR)
    .filter(name => name.endsWith('.txt'))
    .sort()
    .map(name => readFileSync(join(SAMPLES_DIR, name), 'utf8'))
    .filter(text => !/^#{1,6} /m.test(text));
}

/**
 * Whole drafts, repeated in order until the target size is reached, so every item keeps its headline, measures
 * and attribution. The one-line corpus is the same drafts with every line break removed (Chinese joins without a
 * space), as when a draft loses its line breaks on the way through a web form.
 */
export function buildCorpusText(samples, { targetBytes, singleLine }) {
  const documents = singleLine ? samples.map(text => text.replace(/\r?\n/g, '')) : samples;
  const parts = [];
  let bytes = 0;
  for (let index = 0; bytes < targetBytes; index++) {
    const document = documents[index % documents.length];
    parts.push(document);
    bytes += Buffer.byteLength(document);
  }
  return parts.join('');
}

/** Writes the corpora and returns them with their measured size and line count. */
export function writeCorpora(specs = CORPUS_SPECS) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const samples = itemSamples();
  if (samples.length === 0) throw new Error(`no item-dialect drafts found in ${SAMPLES_DIR}`);
  return specs.map(spec => {
    const text = buildCorpusText(samples, spec);
    const file = join(CORPUS_DIR, spec.fileName);
    writeFileSync(file, text);
    return { ...spec, file, bytes: Buffer.byteLength(text), lines: text.split('\n').length };
  });
}

/** Bundles the core's public surface (server/src/core/index.ts) into bench/corpus/core.cjs and returns its path. */
export async function bundleCore() {
  const outfile = join(CORPUS_DIR, 'core.cjs');
  await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'server', 'src', 'core', 'index.ts')],
    outfile,
    // The options every bundle of esbuild.mjs shares, less the source map the timing does not need.
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
