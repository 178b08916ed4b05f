// Running the CLI in-process (through main) or built (bin/bulletin-lint.js in a child process), and building
// throw-away workspaces for it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main, type CliParams } from '../../server/src/cli/main';
import { rules, type SeveritySetting } from '../../server/src/core';
import { REPO_ROOT } from '../support/build';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdin?: string | Uint8Array;
  /** Pretend standard output is a terminal. */
  tty?: boolean;
  readFile?: CliParams['readFile'];
  writeFile?: CliParams['writeFile'];
}

export async function runCli(argv: string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin;
  const code = await main({
    argv,
    cwd: options.cwd,
    env: options.env ?? {},
    stdin: (async function* () {
      if (input !== undefined) yield typeof input === 'string' ? new TextEncoder().encode(input) : input;
    })(),
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty },
    stderr: { write: (text: string) => (stderr += text) },
    readFile: options.readFile,
    writeFile: options.writeFile,
  });
  return { code, stdout, stderr };
}

export const BIN = join(REPO_ROOT, 'bin', 'bulletin-lint.js');

export interface SpawnOptions {
  cwd: string;
  input?: string;
  /** Added to an environment that has only PATH. */
  env?: Record<string, string>;
  /** Run as this user (and group) rather than this process's. */
  uid?: number;
  gid?: number;
}

/** The built program (build it first, see ensureBuilt) run in a child process with real streams and exit code. */
export function spawnCli(args: string[], options: SpawnOptions): { code: number | null; stdout: string; stderr: string } {
  const { env, ...rest } = options;
  const result = spawnSync(process.execPath, [BIN, ...args], { ...rest, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A configuration that turns every rule off except the given ones (with their severities), so that a test
 * depends only on the rules it is about. */
export function onlyRules(enabled: Record<string, SeveritySetting | Record<string, unknown>>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const rule of rules) settings[rule.id] = enabled[rule.id] ?? 'off';
  return settings;
}

const created: string[] = [];

/**
 * A temporary folder holding `files` (path → text or bytes). A root `.bulletinrc.json` is written from
 * `config` unless `files` has one, so nothing above the temporary folder applies.
 */
export function makeWorkspace(files: Record<string, string | Uint8Array>, config: Record<string, unknown> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'bulletin-lint-cli-'));
  created.push(root);
  const all = { '.bulletinrc.json': JSON.stringify({ root: true, ...config }), ...files };
  for (const [path, content] of Object.entries(all)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function removeWorkspaces(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A well-formed item whose only problems are two spaces between a number and a Chinese character. */
export const SPACED_ITEM = '区教育局推进课后服务提质增效 一是建成 3个课后服务基地。二是开设课程 180余个。（区教育局）\n';
export const SPACED_ITEM_FIXED = '区教育局推进课后服务提质增效 一是建成3个课后服务基地。二是开设课程180余个。（区教育局）\n';
/** A clean item. */
export const CLEAN_ITEM = SPACED_ITEM_FIXED;
