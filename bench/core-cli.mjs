// The speed benchmark of issue 2 (`npm run bench`): the core in-process and the CLI as a whole process, against
// AutoCorrect (autocorrect-node, native Rust) and zhlint on the same corpora in the same run. Prints tables and
// the target verdicts as figures; it asserts nothing and exits 0 (it is a measurement, not a test).
//
// Flags: --quick (one run per tool, shorter timeout), --skip-peers, --timeout=SECONDS (per process run),
// --runs=N (whole-process runs per tool and corpus), --no-build (keep dist/ as it is).

import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR, MB, REPO_ROOT, bundleCore, writeCorpora } from './corpora.mjs';

const TARGET_CORE_MB_PER_SECOND = 50;
const TARGET_SPEEDUP_OVER_AUTOCORRECT = 5;
const TARGET_STARTUP_RATIO = 1.5;
/** Timing noise allowed before the one-line corpus counts as slower per byte than the multi-line one. */
const PER_BYTE_NOISE = 0.05;
/** A process run longer than this is not repeated: one run of it is already a stable figure. */
const LONG_RUN_SECONDS = 10;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const skipPeers = args.includes('--skip-peers');
const timeoutSeconds = Number(optionValue('--timeout') ?? (quick ? 30 : 120));
const runsPerTool = Number(optionValue('--runs') ?? (quick ? 1 : 5));
const startupRuns = quick ? 5 : 20;

/**
 * The CLI as installed (package.json `bin`): bin/bulletin-lint.js, which runs dist/cli.js with the V8 code cache the
 * build leaves beside it. `node dist/cli.js` runs the same program but compiles the whole bundle at every start.
 */
const CLI_SCRIPT = join(REPO_ROOT, 'bin', 'bulletin-lint.js');
const CORE_WORKER = join(REPO_ROOT, 'bench', 'core-throughput.mjs');
const TIME_OUTPUT = join(CORPUS_DIR, 'time.out');
const HAVE_GNU_TIME = existsSync('/usr/bin/time');
const HAVE_TIMEOUT = spawnSync('timeout', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * The three linters, each run with the Node of this benchmark on a file named relative to bench/corpus/ (the
 * working directory). Relative names matter: AutoCorrect silently skips files its working tree ignores, and
 * bench/corpus/ is in .gitignore. `findings` reads the number of problems off a run's output, so a tool that did
 * not really lint shows up in the findings table.
 */
const OURS = {
  label: 'bulletin-lint',
  script: CLI_SCRIPT,
  args: file => [file],
  // The stylish formatter closes with a summary line, in Chinese or English after the locale of the environment.
  findings: ({ stdout }) => {
    const summary = stripAnsi(stdout).trimEnd().split('\n').slice(-3).join('\n');
    if (/未发现问题|no problems found/.test(summary)) return 0;
    const count = /共 (\d+) 个问题|(\d+) problems?\b/.exec(summary);
    return count ? Number(count[1] ?? count[2]) : undefined;
  },
};
const PEERS = [
  {
    label: 'AutoCorrect',
    package: 'autocorrect-node',
    script: join(REPO_ROOT, 'node_modules', 'autocorrect-node', 'cli.js'),
    args: file => ['--lint', file],
    findings: ({ stdout }) => {
      const plain = stripAnsi(stdout);
      if (plain.includes('No issues found')) return 0;
      const errors = /Error: (\d+)/.exec(plain);
      const warnings = /Warning: (\d+)/.exec(plain);
      return errors ? Number(errors[1]) + Number(warnings?.[1] ?? 0) : undefined;
    },
  },
  {
    label: 'zhlint',
    package: 'zhlint',
    script: join(REPO_ROOT, 'node_modules', 'zhlint', 'bin', 'index.js'),
    args: file => [file],
    findings: ({ stderr }) => {
      const found = /Found (\d+) errors?/.exec(stderr);
      return found ? Number(found[1]) : undefined;
    },
  },
];

function optionValue(name) {
  const arg = args.find(candidate => candidate.startsWith(`${name}=`));
  return arg?.slice(name.length + 1);
}

function stripAnsi(text) {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs one process to completion with its output in files (the parent buffers nothing), under GNU time for the
 * peak resident memory and under coreutils `timeout` so that a run over the limit is ended, children included.
 * The wall time is taken here, around the whole spawn.
 */
function runProcess(script, scriptArgs, label) {
  let argv = [process.execPath, script, ...scriptArgs];
  if (HAVE_TIMEOUT) argv = ['timeout', '--kill-after=5', String(timeoutSeconds), ...argv];
  if (HAVE_GNU_TIME) argv = ['/usr/bin/time', '-f', '%M', '-o', TIME_OUTPUT, ...argv];
  const stdoutFile = join(CORPUS_DIR, `${label}.stdout`);
  const stderrFile = join(CORPUS_DIR, `${label}.stderr`);
  const stdout = openSync(stdoutFile, 'w');
  const stderr = openSync(stderrFile, 'w');
  const started = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: CORPUS_DIR,
    stdio: ['ignore', stdout, stderr],
    timeout: (timeoutSeconds + 15) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  closeSync(stdout);
  closeSync(stderr);
  const timedOut = result.status === 124 || result.error?.code === 'ETIMEDOUT' || seconds >= timeoutSeconds;
  // GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
  const peakKibibytes = HAVE_GNU_TIME ? Number(readFileSync(TIME_OUTPUT, 'utf8').trim().split('\n').at(-1)) : NaN;
  return {
    seconds,
    timedOut,
    exitCode: result.status,
    peakMB: Number.isFinite(peakKibibytes) ? (peakKibibytes * 1024) / MB : undefined,
    stdout: readFileSync(stdoutFile, 'utf8'),
    stderr: readFileSync(stderrFile, 'utf8'),
  };
}

/** Median wall time and highest peak memory of up to `runsPerTool` runs of one linter on one corpus. */
function measureLinter(tool, corpus) {
  const fileName = basename(corpus.file);
  const runs = [];
  while (runs.length < runsPerTool) {
    const run = runProcess(tool.script, tool.args(fileName), tool.label.replace(/\W/g, ''));
    runs.push(run);
    if (run.timedOut || run.seconds > LONG_RUN_SECONDS) break;
  }
  const last = runs.at(-1);
  const ran = !last.timedOut && (last.exitCode === 0 || last.exitCode === 1);
  return {
    timedOut: last.timedOut,
    exitCode: last.exitCode,
    ran,
    error: ran || last.timedOut ? undefined : (last.stderr.trim().split('\n').at(-1) || `exit ${last.exitCode}`),
    runs: runs.length,
    seconds: last.timedOut ? undefined : median(runs.map(run => run.seconds)),
    peakMB: last.timedOut ? undefined : Math.max(...runs.map(run => run.peakMB ?? NaN)),
    findings: ran ? tool.findings(last) : undefined,
  };
}

/** The core in-process, in a child process of its own (fresh heap, and a timeout against a quadratic rule). */
function measureCore(coreBundle, corpus, mode = []) {
  const result = spawnSync(process.execPath, [CORE_WORKER, coreBundle, corpus.file, ...mode, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 16 * MB,
  });
  if (result.error?.code === 'ETIMEDOUT') return { timedOut: true };
  if (result.status !== 0) return { error: result.stderr.trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** Wall time of one short process in ms; its output is discarded. */
function timeStartup(argv) {
  const started = performance.now();
  const result = spawnSync(process.execPath, argv, { cwd: REPO_ROOT, stdio: 'ignore' });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${argv.join(' ')} exited with ${result.status}`);
  return ms;
}

/**
 * `node -e 0` against our CLI on one small draft, interleaved so that all see the same machine load: the draft in
 * examples/ (where a .bulletinrc.json applies, as for a user with a configuration) and the same draft copied to
 * bench/corpus/ (no configuration file on the way up), which tells the cost of reading the configuration apart.
 */
function measureStartup() {
  const draft = join(REPO_ROOT, 'examples', '000.txt');
  const unconfiguredDraft = join(CORPUS_DIR, 'draft-000.txt');
  copyFileSync(draft, unconfiguredDraft);
  const samples = { bare: [], configured: [], unconfigured: [] };
  for (let round = -2; round < startupRuns; round++) {
    const bareMs = timeStartup(['-e', '0']);
    const configuredMs = timeStartup([CLI_SCRIPT, draft]);
    const unconfiguredMs = timeStartup([CLI_SCRIPT, unconfiguredDraft]);
    // The first two rounds only warm the file cache.
    if (round < 0) continue;
    samples.bare.push(bareMs);
    samples.configured.push(configuredMs);
    samples.unconfigured.push(unconfiguredMs);
  }
  // The median is the figure; the fastest run shows how much of it the machine's other work added.
  const summary = runs => ({ median: median(runs), fastest: Math.min(...runs) });
  return {
    draftBytes: readFileSync(draft).length,
    bare: summary(samples.bare),
    configured: summary(samples.configured),
    unconfigured: summary(samples.unconfigured),
  };
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// Formatting: figures with a sensible precision, "timeout" or "error" in place of a figure that does not exist.

function formatNumber(value, digits = 2) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(Math.min(digits, 1));
  return value.toFixed(digits);
}

function formatSeconds(measurement) {
  if (measurement.timedOut) return `timeout (>${timeoutSeconds} s)`;
  if (!measurement.ran) return `error: ${measurement.error}`;
  return `${formatNumber(measurement.seconds, measurement.seconds < 1 ? 3 : 2)}`;
}

/** The same with its unit, for sentences. */
function formatSecondsInText(measurement) {
  return measurement.ran ? `${formatSeconds(measurement)} s` : formatSeconds(measurement);
}

function formatMemory(measurement) {
  return measurement.ran ? formatNumber(measurement.peakMB, 0) : '—';
}

/** How many times the peer's figure exceeds ours; a timed-out peer gives a lower bound. */
function formatRatio(peer, ours, key) {
  if (!ours.ran) return '—';
  if (peer.timedOut && key === 'seconds') return `>${formatNumber(timeoutSeconds / ours.seconds, 1)}×`;
  if (!peer.ran) return '—';
  return `${formatNumber(peer[key] / ours[key], 1)}×`;
}

function formatCore(core) {
  if (core.timedOut) return `timeout (>${timeoutSeconds} s)`;
  if (core.error) return `error: ${core.error}`;
  return formatNumber(core.mbPerSecond, 1);
}

function formatFirstLint(core) {
  return core.firstMs === undefined ? '—' : formatNumber(core.firstMs / 1000, 3);
}

function printTable(headings, rows) {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map(row => String(row[column]).length)));
  const line = cells => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  console.log(line(headings));
  console.log(`|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log();
}

function verdict(met) {
  return met ? 'met' : 'MISSED';
}

// The run.

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build (node esbuild.mjs) failed: nothing to measure.');
    process.exit(1);
  }
}

const corpora = writeCorpora();
const coreBundle = await bundleCore().catch(() => {
  // esbuild has printed the errors; half-done sources elsewhere in the tree are the usual cause.
  console.error('The core (server/src/core/index.ts) does not build: nothing to measure.');
  process.exit(1);
});
const peers = skipPeers ? [] : PEERS;

console.log('bulletin-lint speed benchmark (issue 2): core in-process, then CLI and peers as whole processes');
// Other processes on the machine skew every figure: the load averages at both ends say whether they did.
const formatLoad = () => loadavg().map(load => load.toFixed(2)).join(' ');
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Linux ${release()}, load average ${formatLoad()}`);
console.log(`Peers: ${peers.map(peer => `${peer.label} ${packageVersion(peer.package)}`).join(', ') || 'skipped'}`);
console.log(`Runs: core ≥${quick ? 3 : 5} after warm-up (median); processes ${runsPerTool} per tool and corpus (median time, highest peak memory), one when a run exceeds ${LONG_RUN_SECONDS} s; timeout ${timeoutSeconds} s per run`);
console.log(`Units: 1 MB = 1,000,000 bytes of UTF-8; memory is peak resident set size${HAVE_GNU_TIME ? ' (GNU time)' : ' (n/a: install GNU time, apt-get install -y time)'}`);
console.log();

const results = [];
for (const corpus of corpora) {
  process.stderr.write(`measuring ${corpus.name}…\n`);
  const core = measureCore(coreBundle, corpus);
  const ours = measureLinter(OURS, corpus);
  const peerResults = peers.map(peer => measureLinter(peer, corpus));
  results.push({ corpus, core, ours, peers: peerResults });
}
process.stderr.write('measuring start-up…\n');
const startup = measureStartup();

console.log('Time and memory (core: in-process MB/s after warm-up, and its first lint in a fresh process; CLI and peers: whole process, s and peak MB)');
printTable(
  ['corpus', 'bytes', 'lines', 'core MB/s', 'core first s', 'CLI s', 'CLI MB', ...peers.flatMap(peer => [`${peer.label} s`, `${peer.label} MB`])],
  results.map(({ corpus, core, ours, peers: peerResults }) => [
    corpus.name, corpus.bytes, corpus.lines, formatCore(core), formatFirstLint(core), formatSeconds(ours), formatMemory(ours),
    ...peerResults.flatMap(peer => [formatSeconds(peer), formatMemory(peer)]),
  ]),
);

if (peers.length) {
  console.log('Ratios, peer / ours (above 1: ours is faster or smaller)');
  printTable(
    ['corpus', ...peers.flatMap(peer => [`${peer.label} time`, `${peer.label} memory`])],
    results.map(({ corpus, ours, peers: peerResults }) => [
      corpus.name,
      ...peerResults.flatMap(peer => [formatRatio(peer, ours, 'seconds'), formatRatio(peer, ours, 'peakMB')]),
    ]),
  );
}

console.log('Findings (each tool really linted: problems reported, exit code)');
const formatFindings = measurement => measurement.ran ? `${measurement.findings ?? '?'} (exit ${measurement.exitCode})` : '—';
printTable(
  ['corpus', 'core', 'CLI', ...peers.map(peer => peer.label)],
  results.map(({ corpus, core, ours, peers: peerResults }) => [
    corpus.name, core.problems ?? '—', formatFindings(ours), ...peerResults.map(formatFindings),
  ]),
);

const formatStartup = ({ median: medianMs, fastest }) => `${medianMs.toFixed(1)} ms (fastest ${fastest.toFixed(1)})`;
console.log(`Start-up, median of ${startupRuns}: node -e 0 ${formatStartup(startup.bare)}; CLI on examples/000.txt (${startup.draftBytes} bytes, with examples/.bulletinrc.json) ${formatStartup(startup.configured)}; the same draft without a configuration file ${formatStartup(startup.unconfigured)}`);
console.log();

// The verdicts: figures against the targets of the issue.
const byName = name => results.find(result => result.corpus.name === name);
const multiLine = results.filter(result => !result.corpus.singleLine);
const coreRates = results.map(result => ({ name: result.corpus.name, rate: result.core.mbPerSecond ?? 0 }));
const slowestCore = coreRates.reduce((slowest, entry) => (entry.rate < slowest.rate ? entry : slowest));
console.log(`Load average at the end: ${formatLoad()}`);
console.log();
console.log('Targets');
console.log(`- core ≥ ${TARGET_CORE_MB_PER_SECOND} MB/s on every corpus: ${verdict(slowestCore.rate >= TARGET_CORE_MB_PER_SECOND)} — slowest ${slowestCore.name} at ${formatNumber(slowestCore.rate, 1)} MB/s`);

const tenMB = byName('10 MB');
const autocorrectIndex = peers.findIndex(peer => peer.label === 'AutoCorrect');
if (autocorrectIndex >= 0 && tenMB.ours.ran) {
  const autocorrect = tenMB.peers[autocorrectIndex];
  let outcome = 'n/a (AutoCorrect failed)';
  // A timed-out AutoCorrect only gives a lower bound on the ratio.
  if (autocorrect.timedOut) outcome = timeoutSeconds / tenMB.ours.seconds >= TARGET_SPEEDUP_OVER_AUTOCORRECT ? 'met' : 'undecided (AutoCorrect timed out)';
  else if (autocorrect.ran) outcome = verdict(autocorrect.seconds / tenMB.ours.seconds >= TARGET_SPEEDUP_OVER_AUTOCORRECT);
  console.log(`- CLI ≥ ${TARGET_SPEEDUP_OVER_AUTOCORRECT}× faster than AutoCorrect on 10 MB: ${outcome} — AutoCorrect ${formatSecondsInText(autocorrect)} / CLI ${formatSecondsInText(tenMB.ours)} = ${formatRatio(autocorrect, tenMB.ours, 'seconds')}`);
  // The budget the target leaves, beside the two largest parts of the CLI's time.
  if (autocorrect.ran && tenMB.core.firstMs !== undefined) {
    const budget = autocorrect.seconds / TARGET_SPEEDUP_OVER_AUTOCORRECT;
    console.log(`  ${TARGET_SPEEDUP_OVER_AUTOCORRECT}× leaves ${formatNumber(budget, 3)} s; of the CLI's time, Node's start-up takes ${formatNumber(startup.bare.median / 1000, 3)} s and the core's first lint of the file in a fresh process ${formatFirstLint(tenMB.core)} s (warmed up: ${formatNumber(tenMB.core.medianMs / 1000, 3)} s)`);
  }
} else {
  console.log(`- CLI ≥ ${TARGET_SPEEDUP_OVER_AUTOCORRECT}× faster than AutoCorrect on 10 MB: not measured (${skipPeers ? '--skip-peers' : 'the CLI did not run'})`);
}

const lines = byName('1 MB');
const oneLine = byName('1 MB, one line');
const corePerByte = lines.core.mbPerSecond / oneLine.core.mbPerSecond;
const cliPerByte = oneLine.ours.ran && lines.ours.ran
  ? (oneLine.ours.seconds / oneLine.corpus.bytes) / (lines.ours.seconds / lines.corpus.bytes)
  : undefined;
const perByteMet = corePerByte <= 1 + PER_BYTE_NOISE && cliPerByte !== undefined && cliPerByte <= 1 + PER_BYTE_NOISE;
console.log(`- one line no slower per byte than multi-line (1 MB, ${PER_BYTE_NOISE * 100}% noise allowed): ${verdict(perByteMet)} — core ${formatNumber(oneLine.core.mbPerSecond, 1)} vs ${formatNumber(lines.core.mbPerSecond, 1)} MB/s (per-byte time ×${formatNumber(corePerByte, 2)}), CLI ${formatSecondsInText(oneLine.ours)} vs ${formatSecondsInText(lines.ours)} (per-byte time ×${formatNumber(cliPerByte, 2)})`);

const startupRatio = startup.configured.median / startup.bare.median;
console.log(`- CLI on one small draft (examples/000.txt) within ${TARGET_STARTUP_RATIO}× the start-up of node -e 0: ${verdict(startupRatio <= TARGET_STARTUP_RATIO)} — ${startup.configured.median.toFixed(1)} / ${startup.bare.median.toFixed(1)} ms = ${startupRatio.toFixed(2)}× (without a configuration file ${(startup.unconfigured.median / startup.bare.median).toFixed(2)}×)`);
console.log();

// Where the core's time goes when it misses its target: every rule timed on the slowest multi-line corpus and on
// the one-line corpus (their shares differ when a rule is quadratic in the line length).
if (slowestCore.rate < TARGET_CORE_MB_PER_SECOND) {
  const profiled = [...new Set([multiLine.reduce((slowest, result) => ((result.core.mbPerSecond ?? 0) < (slowest.core.mbPerSecond ?? 0) ? result : slowest)), oneLine])];
  for (const { corpus } of profiled) {
    const breakdown = measureCore(coreBundle, corpus, ['--by-rule']);
    if (!breakdown.parts) {
      console.log(`Time per rule on ${corpus.name}: ${breakdown.timedOut ? 'timeout' : breakdown.error}`);
      continue;
    }
    console.log(`Time per rule on ${corpus.name} (mean of ${breakdown.runs} lints of ${breakdown.lintMs.toFixed(1)} ms; the top 8)`);
    printTable(
      ['part', 'ms per lint', 'share'],
      breakdown.parts.slice(0, 8).map(part => [part.id, part.ms.toFixed(1), `${(part.share * 100).toFixed(1)}%`]),
    );
  }
}
