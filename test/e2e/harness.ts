// Runs the extension in a real VS Code (the server and web workbench that the npm package code-server carries,
// under Node 24 from the npm package node, both installed into .e2e/ by test/e2e/setup.sh), driven by Debian's
// Chromium through playwright-core. Desktop VS Code and Electron cannot be downloaded here; see
// /work/shared/e2e/RECIPE.md for how this was found and timed.
//
//   node --import tsx test/e2e/harness.ts exthost   the mocha suite test/e2e/suite inside the extension host, with
//                                                   the extension loaded from this folder (extensionDevelopmentPath)
//   node --import tsx test/e2e/harness.ts ui        the packaged bulletin-lint.vsix installed, a real draft opened from
//                                                   the Explorer, squiggles, Problems, outline and a quick fix read
//                                                   and clicked on the page; screenshot in test-output/
//
// Both print the plain closing line `N passed, N failed` and exit 0 only when everything passed.
// Environment: E2E_DIR (default .e2e), E2E_TIMEOUT_MS (default 300000), E2E_VERBOSE=1 (every workbench log line),
// KEEP=1 (keep the temporary folder with code-server's logs), CHROMIUM (default /usr/bin/chromium).
// The workbench speaks English (a display language needs its language pack, which cannot be downloaded here), so
// the server's messages are English in these runs; the protocol tests cover the Chinese ones.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { resolveFileSettings } from '../../server/src/config';
import { lint, parseDocument } from '../../server/src/core';
import { buildExtensionAndSuite, copyWorkspace, ROOT } from './common';

type Mode = 'exthost' | 'ui';

const E2E = resolve(process.env.E2E_DIR ?? join(ROOT, '.e2e'));
const NODE = join(E2E, 'node/node_modules/node/bin/node');
const CODE_SERVER = join(E2E, 'code-server/node_modules/code-server/out/node/entry.js');
const VSIX = join(ROOT, 'bulletin-lint.vsix');
const OUTPUT = join(ROOT, 'test-output');
/** The draft the UI check opens: short, with errors, warnings and a unit-name quick fix. */
const UI_DRAFT = '004.bulletin.txt';

/** A workspace copy, a user-data folder and an extensions folder per run, so that runs never see each other. */
class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'bulletin-lint-e2e-'));
  readonly workspace = copyWorkspace(join(this.root, 'workspace'));
  readonly userData = join(this.root, 'user-data');
  readonly extensions = join(this.root, 'extensions');
  readonly env = { ...process.env, XDG_CONFIG_HOME: join(this.root, 'config'), XDG_DATA_HOME: join(this.root, 'data') };

  constructor() {
    mkdirSync(join(this.userData, 'User'), { recursive: true });
    // A fresh profile opens a Welcome page, asks about trust and looks for updates: none of that is under test.
    writeFileSync(join(this.userData, 'User/settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
    }, null, 2));
  }

  codeServerArgs(): string[] {
    return ['--extensions-dir', this.extensions, '--user-data-dir', this.userData];
  }

  dispose(): void {
    if (!process.env.KEEP) rmSync(this.root, { recursive: true, force: true });
    else console.log(`kept ${this.root}`);
  }
}

function requireSetup(): void {
  for (const path of [NODE, CODE_SERVER]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run test:e2e:setup\` first`);
  }
}

/** code-server's own command line (e.g. --install-extension), run to its end. */
function codeServerCommand(sandbox: Sandbox, args: string[]): void {
  const result = spawnSync(NODE, [CODE_SERVER, ...sandbox.codeServerArgs(), ...args], { env: sandbox.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`code-server ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
}

/** Starts code-server on a free local port, in its own process group so that all of it can be stopped. */
function startCodeServer(sandbox: Sandbox): Promise<{ process: ChildProcess; url: URL }> {
  const child = spawn(NODE, [CODE_SERVER, ...sandbox.codeServerArgs(),
    '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    // Without the smoke-test driver the built workbench ignores extensionDevelopmentPath/extensionTestsPath.
    '--vscode-option', 'enable-smoke-test-driver',
  ], { env: sandbox.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(sandbox.root, 'code-server.log'));
  child.stderr!.pipe(log);
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const listening = /HTTP server listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (listening) resolvePromise({ process: child, url: new URL(listening[1]) });
    });
    child.on('exit', code => reject(new Error(`code-server exited with ${code} before listening (see ${sandbox.root}/code-server.log)`)));
  });
}

function stop(child: ChildProcess | undefined): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Workbench log lines that say nothing about the extension: offline gallery, telemetry, service worker. */
const NOISE = /ENOTFOUND|Creating a socket|connection token|AgentHost|AccountPolicyGate|grace time|Service Worker|builtin extensions cache|vsda|open-vsx|authentication provider|tryActivateProvider|getSessions/;

/** What an extension host runs: a built module that exports run(), the extension under development, the folder open. */
export interface ExtensionHostRun {
  extensionTestsPath: string;
  extensionPath: string;
  folder: string;
}

async function runExtensionHostSuite(page: Page, url: URL, { extensionTestsPath, extensionPath, folder }: ExtensionHostRun): Promise<number> {
  const exitCode = new Promise<number>(resolvePromise => void page.exposeFunction('codeAutomationExit', (code: number) => resolvePromise(code)));
  // With the smoke-test driver the workbench forwards the extension host's console (mocha's reporter) here.
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
    const line = format(...([] as unknown[]).concat(args));
    if (process.env.E2E_VERBOSE || !NOISE.test(line)) console.log(line);
  });
  const remote = (path: string) => `vscode-remote://${url.host}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`${url.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  const code = await exitCode;
  console.log(`extension host exited with ${code}`);
  return code;
}

/** What the core says about the UI draft: the counts the Problems panel and status bar must show, and the quick fix. */
function expectedUiProblems(workspace: string) {
  const path = join(workspace, 'drafts', UI_DRAFT);
  const text = readFileSync(path, 'utf8');
  const problems = lint(text, { ...resolveFileSettings(path).options, locale: 'en' });
  const count = (severity: string) => problems.filter(problem => problem.severity === severity).length;
  const unknown = problems.find(problem => problem.ruleId === 'attribution-unknown' && text.slice(problem.start, problem.end) === '区域管局');
  const headlines = parseDocument(text).blocks.flatMap(block => (block.headline ? [text.slice(block.headline.start, block.headline.end)] : []));
  return { total: problems.length, errors: count('error'), warnings: count('warning'), unknown, text, headlines };
}

/** The checks of the UI mode, each reported as it passes; the first failure ends the run. */
async function runUiChecks(page: Page, url: URL, workspace: string): Promise<{ passed: number; failed: number }> {
  const expected = expectedUiProblems(workspace);
  let passed = 0;
  const check = async (what: string, body: () => Promise<string | void>) => {
    const detail = await body();
    passed++;
    console.log(`  ✔ ${what}${detail ? `: ${detail}` : ''}`);
  };
  try {
    await page.goto(`${url.origin}/?folder=${encodeURIComponent(workspace)}`);
    await check('the Explorer lists the drafts', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'drafts' }).first().click({ timeout: 60_000 });
    });
    await check(`opening ${UI_DRAFT} from the Explorer shows squiggles`, async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: UI_DRAFT }).click();
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      return `language ${await page.locator('#status\\.editor\\.mode').innerText()}`;
    });
    await check('the status bar counts the core’s errors and warnings', async () => {
      // The label reads like "Errors: 2, Warnings: 5"; it settles once the server has published. (A string: the
      // predicate runs in the page, and this file is compiled without the DOM types.)
      await page.waitForFunction(`(() => {
        const label = document.querySelector('#status\\\\.problems')?.getAttribute('aria-label') ?? '';
        const count = name => Number(new RegExp(name + ': (\\\\d+)').exec(label)?.[1] ?? 0);
        return count('Errors') === ${expected.errors} && count('Warnings') === ${expected.warnings};
      })()`, undefined, { timeout: 30_000 });
      return (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
    });
    await check('the Problems panel counts them and lists them with rule codes', async () => {
      await page.keyboard.press('Control+Shift+M');
      const badge = page.locator('.part.panel .action-item', { hasText: 'Problems' }).locator('.badge-content');
      await page.locator('.part.panel .action-item', { hasText: 'Problems' }).locator('.badge-content', { hasText: new RegExp(`^${expected.total}$`) })
        .waitFor({ timeout: 15_000 });
      // The list is virtual (only the rows in view exist): the panel's filter brings the row into view.
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('attribution-unknown');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: '区域管局' }).first();
      await row.waitFor({ timeout: 15_000 });
      return `badge ${await badge.innerText()}, row “${(await row.innerText()).replace(/\s+/g, ' ')}”`;
    });
    await check('the outline shows the items by their headlines', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+E');
      const outlineHeader = page.locator('.pane-header', { hasText: /outline/i }).first();
      if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
      const firstHeadline = expected.headlines[0].replace(/[\s\u3000]/g, '').slice(0, 12);
      const row = page.locator('.outline-pane .monaco-list-row, .pane-body .monaco-list-row', { hasText: firstHeadline }).first();
      await row.waitFor({ timeout: 30_000 });
      return `${await page.locator('.outline-pane .monaco-list-row, .pane-body .monaco-list-row:has(.outline-element)').count()} rows, first item “${firstHeadline}…”`;
    });
    await check('a quick fix clicked on 区域管局 writes 区城管局 into the text', async () => {
      if (!expected.unknown) throw new Error('the core reports no attribution-unknown on 区域管局');
      const before = expected.text.slice(0, expected.unknown.start);
      const line = before.split('\n').length;
      const column = expected.unknown.start - before.lastIndexOf('\n');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${line}:${column + 1}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const action = page.locator('.action-widget .monaco-list-row', { hasText: '区城管局' }).first();
      await action.waitFor({ timeout: 15_000 });
      const title = (await action.innerText()).trim();
      await action.click();
      await page.locator('.monaco-editor .view-lines', { hasText: '区城管局' }).first().waitFor({ timeout: 15_000 });
      const lineText = await page.locator('.monaco-editor .view-lines').first().innerText();
      if (!lineText.replace(/\s/g, '').includes('（中心路街道、区城管局）')) throw new Error(`the text shows no （中心路街道、区城管局）`);
      return `clicked “${title}”`;
    });
    return { passed, failed: 0 };
  } catch (error) {
    console.log(`  ✘ ${(error as Error).message.split('\n')[0]}`);
    return { passed, failed: 1 };
  } finally {
    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, 'e2e-ui.png');
    await page.screenshot({ path: shot }).then(() => console.log(`screenshot: ${shot}`), () => undefined);
  }
}

/** `mode` in a fresh sandbox, code-server and browser; in the exthost mode, `run` instead of the e2e suite. */
async function main(mode: Mode, run?: ExtensionHostRun): Promise<number> {
  requireSetup();
  const sandbox = new Sandbox();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const watchdog = setTimeout(() => {
    console.error(`E2E: no result within ${process.env.E2E_TIMEOUT_MS ?? 300_000} ms`);
    stop(server);
    process.exit(124);
  }, Number(process.env.E2E_TIMEOUT_MS ?? 300_000));
  try {
    if (mode === 'ui') {
      if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
      codeServerCommand(sandbox, ['--install-extension', VSIX]);
    }
    const started = await startCodeServer(sandbox);
    server = started.process;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', error => console.log(`[page error] ${error.message}`));
    if (process.env.E2E_VERBOSE) page.on('console', message => console.log(`[browser] ${message.text()}`));
    if (mode === 'exthost') {
      run ??= { extensionTestsPath: await buildExtensionAndSuite(), extensionPath: ROOT, folder: sandbox.workspace };
      return (await runExtensionHostSuite(page, started.url, run)) === 0 ? 0 : 1;
    }
    console.log(`UI check of ${VSIX} in code-server`);
    const { passed, failed } = await runUiChecks(page, started.url, sandbox.workspace);
    console.log(`${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => undefined);
    stop(server);
    sandbox.dispose();
  }
}

/**
 * Runs `run` in the extension host of a fresh code-server (a sandbox, server and browser of its own); resolves with 0
 * when the host exited with 0. bench/extension.mjs times the packaged extension this way.
 */
export function runInExtensionHost(run: ExtensionHostRun): Promise<number> {
  return main('exthost', run);
}

if (require.main === module) {
  const mode = process.argv[2];
  if (mode !== 'exthost' && mode !== 'ui') {
    console.error('usage: node --import tsx test/e2e/harness.ts exthost|ui');
    process.exit(2);
  }
  main(mode).then(code => process.exit(code), (error: Error) => {
    console.error(`E2E FAIL: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}
