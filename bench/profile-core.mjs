// Profiles the core on one corpus with V8's sampling profiler (`node --cpu-prof` on the core-only worker) and
// prints where the self time goes: per source module of the core (a rule file, the parser…) and per function.
// The bundle is not minified and esbuild marks where each source module starts with a `// server/src/…` comment,
// which is how a sample's line in bench/corpus/core.cjs is traced back to its module.
//
//   node bench/profile-core.mjs [FILE]     (default: the 1 MB corpus; run `npm run bench` once to create it)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_DIR, bundleCore } from './corpora.mjs';

const file = resolve(process.argv[2] ?? join(CORPUS_DIR, 'items-1m.txt'));
if (!existsSync(file)) {
  console.error(`${file} does not exist: run npm run bench (or give a file).`);
  process.exit(2);
}
const coreBundle = await bundleCore();
const profileDir = join(CORPUS_DIR, 'profiles');
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });
const worker = join(import.meta.dirname, 'core-throughput.mjs');
const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, worker, coreBundle, file], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const measured = JSON.parse(run.stdout);
const profileName = readdirSync(profileDir).find(name => name.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(profileDir, profileName), 'utf8'));

/** Start lines (0-based) of the source modules in the bundle, ascending. */
const moduleStarts = readFileSync(coreBundle, 'utf8').split('\n').flatMap((line, index) => {
  const marker = /^\/\/ (server\/src\/\S+)$/.exec(line);
  return marker ? [{ line: index, module: marker[1] }] : [];
});

function moduleAt(line) {
  let found = '(bundle prologue)';
  for (const start of moduleStarts) {
    if (start.line > line) break;
    found = start.module;
  }
  return found;
}

// Self time per profile node, from the samples and the time deltas between them.
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const selfMicroseconds = new Map();
profile.samples.forEach((id, index) => selfMicroseconds.set(id, (selfMicroseconds.get(id) ?? 0) + profile.timeDeltas[index]));

const byModule = new Map();
const byFunction = new Map();
let coreMicroseconds = 0;
let garbageCollectorMicroseconds = 0;
let totalMicroseconds = 0;
for (const [id, microseconds] of selfMicroseconds) {
  const { callFrame } = nodes.get(id);
  totalMicroseconds += microseconds;
  // The collector's time is the core's garbage, but V8 cannot say which function made it: counted apart.
  if (callFrame.functionName === '(garbage collector)') garbageCollectorMicroseconds += microseconds;
  // Other time outside the bundle (module loading, reading the file, idle) is not the core's.
  if (!callFrame.url.endsWith('core.cjs')) continue;
  coreMicroseconds += microseconds;
  const module = moduleAt(callFrame.lineNumber);
  const name = `${callFrame.functionName || '(anonymous)'} (${module}, bundle line ${callFrame.lineNumber + 1})`;
  byModule.set(module, (byModule.get(module) ?? 0) + microseconds);
  byFunction.set(name, (byFunction.get(name) ?? 0) + microseconds);
}

function printShares(title, entries, count) {
  console.log(title);
  for (const [name, microseconds] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`  ${((microseconds / coreMicroseconds) * 100).toFixed(1).padStart(5)}%  ${(microseconds / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
  console.log();
}

console.log(`${file}: ${measured.bytes} bytes, ${measured.mbPerSecond.toFixed(1)} MB/s (median of ${measured.runs} after warm-up)`);
console.log(`Profile: ${profileName} in ${profileDir} (open it in Chrome DevTools or VS Code for the call tree)`);
const milliseconds = microseconds => `${(microseconds / 1000).toFixed(0)} ms`;
console.log(`Sampled ${milliseconds(totalMicroseconds)}: the core's own code ${milliseconds(coreMicroseconds)}, the garbage collector ${milliseconds(garbageCollectorMicroseconds)}, the rest (loading, reading, idle) ${milliseconds(totalMicroseconds - coreMicroseconds - garbageCollectorMicroseconds)}`);
console.log("Shares below are of the core's own code");
console.log();
printShares('Per source module', byModule, 15);
printShares('Per function', byFunction, 20);
