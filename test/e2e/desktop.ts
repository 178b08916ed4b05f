// The extension-host suite in desktop VS Code through @vscode/test-electron, for a writer's or developer's machine:
//   npm run test:desktop
// It downloads VS Code once into .e2e/vscode-test. This machine and CI cannot download it (no route to the VS Code
// update service); they run the same suite in code-server's VS Code with harness.ts (npm run test:exthost).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtensionAndSuite, copyWorkspace, ROOT } from './common';

async function main(): Promise<number> {
  const sandbox = mkdtempSync(join(tmpdir(), 'bulletin-lint-desktop-'));
  try {
    const extensionTestsPath = await buildExtensionAndSuite();
    return await runTests({
      cachePath: join(process.env.E2E_DIR ?? join(ROOT, '.e2e'), 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [
        copyWorkspace(join(sandbox, 'workspace')),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir', join(sandbox, 'user-data'),
      ],
    });
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

main().then(code => process.exit(code), (error: Error) => {
  console.error(`desktop VS Code: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
