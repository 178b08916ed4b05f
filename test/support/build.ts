// Building dist/ for the tests that run the bundles (the server over LSP, the CLI as a child process) only when it
// is stale: `npm test` has built it already, and a full build (code cache, character maps, validator) takes seconds.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SERVER_BUNDLE = join(REPO_ROOT, 'dist', 'server.js');
export const CLI_BUNDLE = join(REPO_ROOT, 'dist', 'cli.js');

/** Runs `node esbuild.mjs` when `bundle` is missing or older than a source file (server/src, client/src). */
export function ensureBuilt(bundle: string): void {
  const newest = (folder: string): number =>
    Math.max(0, ...readdirSync(folder, { withFileTypes: true }).map(entry => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }));
  const sources = Math.max(newest(join(REPO_ROOT, 'server', 'src')), newest(join(REPO_ROOT, 'client', 'src')));
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
