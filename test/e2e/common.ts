// What the two ways of running the extension-host suite share (code-server here, desktop VS Code elsewhere):
// building the extension and the suite, and a throwaway copy of the test workspace (the tests edit its files).

import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = resolve(__dirname, '../..');
const SUITE_SOURCE = join(ROOT, 'test/e2e/suite');
const SUITE_OUT = join(ROOT, 'out/e2e');

/** Builds dist/ as `npm run build` does (the extension runs from this folder) and the suite; returns its entry. */
export async function buildExtensionAndSuite(): Promise<string> {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('node esbuild.mjs failed');
  // The suite's entry finds the test files in its own folder: a bundle left from a test file since removed must not run.
  rmSync(SUITE_OUT, { recursive: true, force: true });
  const testFiles = readdirSync(SUITE_SOURCE).filter(name => name.endsWith('.test.ts')).map(name => join(SUITE_SOURCE, name));
  await esbuild.build({
    entryPoints: [join(SUITE_SOURCE, 'index.ts'), ...testFiles],
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // mocha is required from node_modules at run time; vscode is the extension host's own module.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(SUITE_OUT, 'index.js');
}

/** Copies test/workspace to `folder` and returns it. */
export function copyWorkspace(folder: string): string {
  cpSync(join(ROOT, 'test/workspace'), folder, { recursive: true });
  return folder;
}
