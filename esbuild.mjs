// Bundles the three programs: the CLI, the language server and the VS Code extension (client).
// Everything they import is bundled, so the .vsix and the npm package need no node_modules.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: { cli: 'server/src/cli-main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/server-main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
