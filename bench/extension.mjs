// The extension as a writer receives it (issue 3): the size of the .vsix, and how long the extension takes to
// activate and to show a real draft's first diagnostics in the real VS Code extension host of code-server (the one
// `npm run test:exthost` runs the e2e suite in). Prints figures, asserts nothing, exits 0.
//
//   npm run bench:extension                  (= node --import tsx bench/extension.mjs)
//   node bench/extension.mjs --runs=3        (fresh extension hosts per way of activating; default 5)
//   node bench/extension.mjs --no-package    (time the bulletin-lint.vsix already there)
//
// Needs the e2e setup (`npm run test:e2e:setup`, or E2E_DIR pointing at one) and Debian's Chromium.
//
// - .vsix: `npm run package` (client/package.mjs: production bundles, minified), then its size, its entries and what
//   they weigh unpacked and packed, read from the archive's central directory.
// - Timing: the .vsix is unpacked and loaded as the extension under development (so the code timed is the code
//   shipped) into a fresh code-server, browser and extension host per run (test/e2e/harness.ts), which runs
//   test/e2e/extension-timing.ts. The folder open holds one real draft (test/workspace/drafts/004.bulletin.txt) and
//   no configuration file, so nothing activates the extension before the draft is opened; the draft's
//   .bulletinrc.json lies in the folder above, where the server finds it as it finds any parent's. Two ways, one
//   per host, interleaved: the draft opened on the inactive extension (the writer's way), and
//   extensions.getExtension(id).activate() timed from call to resolve, then the draft opened. The split of the
//   activation into loading the code and activate() is VS Code's own record (its extension host's performance
//   marks, at the millisecond).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './corpora.mjs';

// test/e2e/harness.ts is TypeScript: without tsx loaded, run again with it (as the npm script does).
if (!process.execArgv.some(arg => arg.includes('tsx'))) {
  const rerun = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(rerun.status ?? 1);
}
// Required, not imported: tsx gives a CommonJS TypeScript module its real __dirname only through require().
const { runInExtensionHost } = createRequire(import.meta.url)('../test/e2e/harness.ts');

const args = process.argv.slice(2);
const runs = Number(args.find(arg => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 5);
const packaging = !args.includes('--no-package');

const VSIX = join(REPO_ROOT, 'bulletin-lint.vsix');
const TARGET_VSIX_BYTES = 1_000_000;
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const DRAFT = join(REPO_ROOT, 'test/workspace/drafts/004.bulletin.txt');
const DRAFT_CONFIG = join(REPO_ROOT, 'test/workspace/drafts/.bulletinrc.json');

const formatLoad = () => loadavg().map(load => load.toFixed(2)).join(' ');
const kilobytes = bytes => `${(bytes / 1000).toFixed(1)} KB`;

/** The entries of a zip archive from its central directory: name, sizes, and the unpacked content on demand. */
function readZip(archive) {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let header = archive.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    const method = archive.readUInt16LE(header + 10);
    const packedBytes = archive.readUInt32LE(header + 20);
    const bytes = archive.readUInt32LE(header + 24);
    const nameLength = archive.readUInt16LE(header + 28);
    const localHeader = archive.readUInt32LE(header + 42);
    const name = archive.toString('utf8', header + 46, header + 46 + nameLength);
    const content = () => {
      const start = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
      const packed = archive.subarray(start, start + packedBytes);
      return method === 8 ? inflateRawSync(packed) : packed;
    };
    entries.push({ name, bytes, packedBytes, content });
    header += 46 + nameLength + archive.readUInt16LE(header + 30) + archive.readUInt16LE(header + 32);
  }
  return entries;
}

function packageExtension() {
  run(['client/package.mjs', VSIX]);
}

function run(scriptArgs) {
  const result = spawnSync(process.execPath, scriptArgs, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`node ${scriptArgs.join(' ')} exited with ${result.status}`);
  }
}

function reportVsix(entries) {
  const archiveBytes = statSync(VSIX).size;
  const files = entries.filter(entry => entry.name.startsWith('extension/'));
  const unpackedBytes = files.reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(`.vsix (${packaging ? 'npm run package' : 'as found'}): ${basename(VSIX)}, ${kilobytes(archiveBytes)} (${archiveBytes} bytes)`);
  console.log(`  ${entries.length} entries: ${files.length} files of the extension (${kilobytes(unpackedBytes)} unpacked) and the format's ${entries.length - files.length} manifests`);
  for (const entry of [...files].sort((a, b) => b.packedBytes - a.packedBytes).slice(0, 4)) {
    console.log(`    ${entry.name.slice('extension/'.length).padEnd(32)} ${kilobytes(entry.bytes).padStart(9)} → ${kilobytes(entry.packedBytes).padStart(8)} packed`);
  }
  const verdict = archiveBytes < TARGET_VSIX_BYTES ? 'met' : 'MISSED';
  console.log(`  target < 1 MB (1,000,000 bytes): ${verdict}`);
}

/** Unpacks the extension's files of the .vsix into `folder`. */
function unpackExtension(entries, folder) {
  for (const entry of entries) {
    if (!entry.name.startsWith('extension/') || entry.name.endsWith('/')) continue;
    const path = join(folder, entry.name.slice('extension/'.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.content());
  }
}

/** The number of problems the CLI reports on `file` (its configuration found as the server finds it). */
function cliProblemCount(file) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), '--format', 'json', file], { encoding: 'utf8' });
  return JSON.parse(result.stdout).reduce((sum, report) => sum + report.messages.length, 0);
}

/** One figure of the runs: median and max in ms; n/a when a run lacks it. */
function summary(values) {
  if (values.length === 0 || values.some(value => value === undefined || Number.isNaN(value))) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return `${median.toFixed(0).padStart(5)} / ${sorted[sorted.length - 1].toFixed(0).padStart(5)}`;
}

const between = (from, to) => (from === undefined || to === undefined ? undefined : to - from);

async function timeActivation(entries) {
  const root = mkdtempSync(join(tmpdir(), 'bulletin-lint-bench-extension-'));
  // The harness prints the extension host's console and exit code: progress, not figures, so to stderr.
  const printFigure = console.log;
  console.log = console.error;
  try {
    const extensionPath = join(root, 'extension');
    unpackExtension(entries, extensionPath);
    const suite = join(root, 'suite');
    await esbuild.build({
      entryPoints: [join(REPO_ROOT, 'test/e2e/extension-timing.ts')],
      outfile: join(suite, 'extension-timing.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'warning',
    });
    const folder = join(root, 'workspace');
    mkdirSync(folder);
    copyFileSync(DRAFT, join(folder, basename(DRAFT)));
    copyFileSync(DRAFT_CONFIG, join(root, '.bulletinrc.json'));
    const resultFile = join(suite, 'result.json');
    const results = { open: [], activate: [] };
    const failures = [];
    for (let round = 1; round <= runs; round++) {
      for (const scenario of ['open', 'activate']) {
        process.stderr.write(`extension host ${round}/${runs}, ${scenario}…\n`);
        writeFileSync(join(suite, 'plan.json'), JSON.stringify({ scenario, extensionId: EXTENSION_ID, draft: basename(DRAFT) }));
        rmSync(resultFile, { force: true });
        const exitCode = await runInExtensionHost({ extensionTestsPath: join(suite, 'extension-timing.js'), extensionPath, folder });
        if (exitCode === 0 && existsSync(resultFile)) results[scenario].push(JSON.parse(readFileSync(resultFile, 'utf8')));
        else failures.push(`${scenario} in host ${round}: exit ${exitCode}`);
      }
    }
    return { results, failures, cliProblems: cliProblemCount(join(folder, basename(DRAFT))) };
  } finally {
    console.log = printFigure;
    rmSync(root, { recursive: true, force: true });
  }
}

function reportActivation({ results, failures, cliProblems }) {
  const all = [...results.open, ...results.activate];
  if (all.length === 0) {
    console.log(`activation: no run finished (${failures.join('; ')})`);
    return;
  }
  const { vscodeVersion, extensionHostNode } = all[0];
  const draftBytes = statSync(DRAFT).size;
  console.log(`activation in VS Code ${vscodeVersion} (code-server's extension host, Node ${extensionHostNode}); ${runs} fresh extension hosts per way`);
  console.log(`  draft: ${basename(DRAFT)} (${kilobytes(draftBytes)}, the .bulletinrc.json of test/workspace/drafts in the folder above)`);
  console.log('  figures in ms, median / max of the runs (the parts of one run add up to its whole; their medians need not)');
  const line = (label, values, what) => console.log(`    ${label.padEnd(34)} ${summary(values)}   ${what}`);
  const marks = result => result.marks;
  const diagnosedAt = result => result.openedAt + result.openToDiagnosticsMs;
  const activationParts = (results, from) => {
    line(from.label, results.map(result => between(from.at(result), marks(result).willLoadCode)), from.what);
    line('  loading the code', results.map(result => between(marks(result).willLoadCode, marks(result).didLoadCode)), 'require() of dist/extension.js');
    line('  the extension context', results.map(result => between(marks(result).didLoadCode, marks(result).willActivate)), 'VS Code: the ExtensionContext (storage from the workbench), made beside the code');
    line('  activate()', results.map(result => between(marks(result).willActivate, marks(result).didActivate)),
      'the client starts dist/server.js (a Node process), initialize, didOpen of drafts already open');
  };
  const open = results.open;
  console.log(`  opening the draft, extension not active (the writer's first draft in a window): ${open.length} runs`);
  line('open → first diagnostics', open.map(result => result.openToDiagnosticsMs), 'all of the five below');
  activationParts(open, { label: '  open → activation begins', at: result => result.openedAt, what: 'VS Code: the file read, its language, onLanguage:bulletin' });
  line('  activated → first diagnostics', open.map(result => between(marks(result).didActivate, diagnosedAt(result))),
    'the rest of the first lint (.bulletinrc.json read and checked, lint, publishDiagnostics)');
  const api = results.activate;
  console.log(`  extensions.getExtension(id).activate(), then opening the draft: ${api.length} runs`);
  line('activate() call → resolve', api.map(result => result.apiActivateMs), 'the four below');
  activationParts(api, { label: '  call → activation begins', at: result => result.apiActivateCalledAt, what: 'VS Code: the extension looked up' });
  line('open → first diagnostics', api.map(result => result.openToDiagnosticsMs), 'the server running:');
  line('  open → document ready', api.map(result => result.openToDocumentMs), 'VS Code: the file read, the document in the extension host');
  line('  document → first diagnostics', api.map(result => result.openToDiagnosticsMs - result.openToDocumentMs),
    'didOpen, .bulletinrc.json read and checked, the first lint, publishDiagnostics');
  const counts = [...new Set(all.map(result => result.diagnostics))].join(', ');
  console.log(`  diagnostics on the draft: ${counts} (the CLI reports ${cliProblems} on the same file)`);
  if (all.some(result => result.activeAtStart)) console.log('  WARNING: the extension was active before some runs began: their activation figures measure nothing');
  if (failures.length) console.log(`  runs that failed: ${failures.join('; ')}`);
}

console.log('bulletin-lint extension benchmark (issue 3): the .vsix and the activation in a real VS Code');
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Linux ${release()}, load average ${formatLoad()}`);
console.log();
try {
  if (packaging) {
    process.stderr.write('packaging…\n');
    packageExtension();
  }
  const entries = readZip(readFileSync(VSIX));
  reportVsix(entries);
  console.log();
  reportActivation(await timeActivation(entries));
} catch (error) {
  console.error(`bench/extension.mjs: ${error.message}`);
  process.exit(1);
}
console.log();
console.log(`load average at the end ${formatLoad()}`);
