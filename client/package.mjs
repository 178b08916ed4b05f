// `npm run package`: builds the bundles for production and packs bulletin-lint.vsix (or the path given).
// vsce refuses a .vscodeignore next to a "files" list in package.json, and "files" belongs to the npm package (the
// CLI and the server). So the .vsix is packed from a staging folder that holds exactly the files .vscodeignore lets
// through (as `npx vsce ls` lists them), with the manifest minus "files".

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vsce from '@vscode/vsce';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(root, process.argv[2] ?? 'bulletin-lint.vsix');

// Built before the files are listed: on a fresh clone dist/ does not exist yet, and vsce checks the entry points.
execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
const files = await vsce.listFiles({ cwd: root, packageManager: vsce.PackageManager.None });
const staging = mkdtempSync(join(tmpdir(), 'bulletin-lint-vsix-'));
try {
  for (const file of [...files, '.vscodeignore']) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    copyFileSync(join(root, file), join(staging, file));
    // A development build (with a source map) may land in dist/ meanwhile, from a build or test run in parallel.
    if (file.endsWith('.js') && readFileSync(join(staging, file), 'utf8').includes('//# sourceMappingURL=')) {
      throw new Error(`${file} is a development build: run npm run package again`);
    }
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
  await vsce.createVSIX({ cwd: staging, packagePath: output, dependencies: false });
} finally {
  rmSync(staging, { recursive: true, force: true });
}
