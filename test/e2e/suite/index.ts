// Loaded by the VS Code extension host as `extensionTestsPath`: runs the mocha suite inside it and prints the
// plain closing line `N passed, N failed` that CI reads. The returned promise rejects when a test failed, which
// VS Code turns into the extension host's exit code.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const name of readdirSync(__dirname).filter(file => file.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, name));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
