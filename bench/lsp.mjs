// The language server's speed, measured as an editor meets it: the bundled server (dist/server.js) started as a
// process and driven over stdio. Prints figures, asserts nothing.
//
//   node bench/lsp.mjs            (builds dist/ first with `node esbuild.mjs` if it is missing)
//   node bench/lsp.mjs --server path/to/server.js     (another build, to compare before and after a change)
//
// The client declares what VS Code declares for diagnostics (the server sends rule links only to clients that
// support them), so that the payload is the one VS Code receives.
//
// - didChange → publishDiagnostics: 200 one-character edits (typed, then deleted) spread over drafts of 30 KB,
//   300 KB and 3 MB made of the real drafts; each edit waits for its diagnostics before the next, as a writer
//   typing slower than the server lints, after 50 edits that warm the server up. Median and p95 in milliseconds:
//   the server's lint, the protocol's JSON both ways and the 2 ms change debounce. The size of one
//   publishDiagnostics is printed with them (in all and per diagnostic), since encoding and decoding it grows
//   with the number of problems. Each size is measured twice: with the default settings, under which the server
//   publishes at most 1000 problems per document (`maxProblems`), and with `maxProblems: 0`, every problem.
// - Memory: the server's resident set with 100 drafts open and checked.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import protocol from 'vscode-languageserver-protocol/node';
import { buildCorpusText, itemSamples, REPO_ROOT } from './corpora.mjs';

const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} = protocol;

const serverFlag = process.argv.indexOf('--server');
const SERVER = serverFlag > 0 ? process.argv[serverFlag + 1] : join(REPO_ROOT, 'dist', 'server.js');
/** The diagnostics capabilities VS Code declares. */
const CLIENT_CAPABILITIES = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
  },
};
const EDITS = 200;
/** Edits made before the timed ones, so that the figures show the server running, not the JIT compiling it. */
const WARM_UP_EDITS = 50;
const OPEN_DRAFTS = 100;
const SIZES = [
  { name: '30 KB', targetBytes: 30_000, targetP95Ms: 10 },
  { name: '300 KB', targetBytes: 300_000 },
  { name: '3 MB', targetBytes: 3_000_000, targetP95Ms: 50 },
];
const TARGET_RSS_MB = 150;
/** The settings each size is measured under: the defaults (as a client that sends none), and no limit on problems. */
const SETTINGS = [
  { name: 'default settings (maxProblems 1000)', settings: undefined },
  { name: 'maxProblems 0 (no limit)', settings: { maxProblems: 0 } },
];

/** Starts the server; `settings` are pushed as a client without workspace/configuration (Neovim's way) pushes them. */
async function startServer(settings) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, params => {
    const waiter = waiting.get(params.uri);
    if (waiter && params.version >= waiter.version) {
      waiting.delete(params.uri);
      waiter.resolve(params);
    }
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: CLIENT_CAPABILITIES, locale: 'zh-cn' });
  await connection.sendNotification(InitializedNotification.type, {});
  if (settings) await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { bulletinLint: settings } });
  const diagnosticsOf = (uri, version) => new Promise(resolve => waiting.set(uri, { version, resolve }));
  const stop = async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise(resolve => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    connection.dispose();
  };
  return { child, connection, diagnosticsOf, stop };
}

async function open(server, uri, text) {
  const published = server.diagnosticsOf(uri, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
  return published;
}

/** Position of a UTF-16 offset, for edits placed in the text (the benchmark's own bookkeeping, outside the timing). */
function positionAt(lineStarts, offset) {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lineStarts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return { line: low - 1, character: offset - lineStarts[low - 1] };
}

async function measureEdits(server, size, samples) {
  const text = buildCorpusText(samples, { targetBytes: size.targetBytes, singleLine: false });
  const uri = `untitled:bench-${size.targetBytes}`;
  const opened = await open(server, uri, text);
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const timings = [];
  let version = 1;
  let seed = 1;
  for (let edit = -WARM_UP_EDITS; edit < EDITS; edit++) {
    // Even edits type a character somewhere in the text, odd edits delete it again: the size stays put.
    const typing = edit % 2 === 0;
    if (typing) seed = (seed * 1103515245 + 12345) % 2 ** 31;
    let offset = seed % text.length;
    if (/[\uDC00-\uDFFF]/.test(text[offset])) offset--;
    const start = positionAt(lineStarts, offset);
    const change = typing
      ? { range: { start, end: start }, text: '的' }
      : { range: { start, end: { line: start.line, character: start.character + 1 } }, text: '' };
    version++;
    const published = server.diagnosticsOf(uri, version);
    const sent = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    if (edit >= 0) timings.push(performance.now() - sent);
  }
  return { bytes: Buffer.byteLength(text), published: opened.diagnostics.length, payloadBytes: Buffer.byteLength(JSON.stringify(opened)), timings };
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

const verdict = (value, target) => (target === undefined ? '' : value <= target ? `  (target < ${target}: met)` : `  (target < ${target}: MISSED)`);

async function main() {
  if (serverFlag < 0 && !existsSync(SERVER)) execFileSync(process.execPath, [join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  const samples = itemSamples();
  console.log(`bulletin-lint language server over stdio (${SERVER}), node ${process.version}`);
  console.log(`\ndidChange → publishDiagnostics, ${EDITS} edits each (after ${WARM_UP_EDITS} untimed)`);
  for (const size of SIZES) {
    const runs = [];
    for (const { name, settings } of SETTINGS) {
      const server = await startServer(settings);
      runs.push({ name, ...(await measureEdits(server, size, samples)) });
      await server.stop();
    }
    // The run without a limit publishes every problem (and no notice), so its count is the document's.
    const { bytes, published: problems } = runs.at(-1);
    console.log(`  ${size.name}: ${(bytes / 1000).toFixed(0)} kB, ${problems} problems`);
    for (const { name, published, payloadBytes, timings } of runs) {
      const median = percentile(timings, 0.5);
      const p95 = percentile(timings, 0.95);
      const perDiagnostic = published ? ` = ${(payloadBytes / published).toFixed(0)} B each` : '';
      console.log(`    ${name.padEnd(36)} ${String(published).padStart(5)} diagnostics (${(payloadBytes / 1000).toFixed(0)} kB of JSON each time${perDiagnostic}):` +
        `  median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${Math.max(...timings).toFixed(1)} ms${verdict(p95, size.targetP95Ms)}`);
    }
  }

  const server = await startServer();
  const idle = residentMegabytes(server.child.pid);
  let openBytes = 0;
  for (let index = 0; index < OPEN_DRAFTS; index++) {
    const text = samples[index % samples.length];
    openBytes += Buffer.byteLength(text);
    await open(server, `untitled:draft-${index}`, text);
  }
  const loaded = residentMegabytes(server.child.pid);
  console.log(`\nmemory (resident set of the server)`);
  console.log(`  idle after initialize: ${idle.toFixed(0)} MB`);
  console.log(`  ${OPEN_DRAFTS} drafts open and checked (${(openBytes / 1e6).toFixed(1)} MB of text): ${loaded.toFixed(0)} MB${verdict(loaded, TARGET_RSS_MB)}`);
  await server.stop();
}

await main();
