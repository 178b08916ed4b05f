// Bundles the three programs: the CLI, the language server and the VS Code extension (client).
// Everything they import is bundled, so the .vsix and the npm package need no node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = dirname(fileURLToPath(import.meta.url));

/**
 * Modules the CLI loads with import() only when it needs them, each bundled on its own beside dist/cli.js: the
 * .docx and .pdf readers (mammoth, pdfjs-dist) and the issue writer (docx) are megabytes that linting a plain
 * draft must not parse on every start.
 */
const lazyBundles = {
  'server/src/submissions/docx.ts': 'submission-docx',
  'server/src/submissions/pdf.ts': 'submission-pdf',
  'server/src/desk/issue-docx.ts': 'issue-docx',
};

/** Turns `import('./pdf')` of a lazy module into an import of its bundle, left to Node at run time. */
const lazyBundlePlugin = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, args => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = relative(root, resolve(args.resolveDir, args.path)).split('\\').join('/');
      const bundle = lazyBundles[source] ?? lazyBundles[`${source}.ts`];
      return bundle ? { path: `./${bundle}.js`, external: true } : undefined;
    });
  },
};

/**
 * The validator of .bulletinrc.json compiled now rather than at every start of the CLI or the server (whose first
 * configured draft waited ~50 ms for ajv): server/src/config/compile-validator.ts
 * is replaced by ajv's standalone code for the schema the sources build from the rule registry, with the same
 * options. The sources are bundled on the side to build that schema.
 */
const precompiledValidatorPlugin = {
  name: 'precompiled-config-validator',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]config[\\/]compile-validator\.ts$/ }, () =>
      // The CLI and the server bundle both load it: compiled once per build. A watch build compiles it again on each
      // rebuild, as the rules it is built from may have changed.
      watch ? precompileValidator() : (precompiledValidator ??= precompileValidator()));
  },
};

/** @type {Promise<import('esbuild').OnLoadResult> | undefined} */
let precompiledValidator;

async function precompileValidator() {
  const { outputFiles } = await esbuild.build({
    stdin: {
      contents: "export { buildConfigSchema } from './server/src/config/schema'; export { rules } from './server/src/core'; export { VALIDATOR_OPTIONS } from './server/src/config/compile-validator';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const sources = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(sources, sources.exports, createRequire(import.meta.url));
  const { buildConfigSchema, rules, VALIDATOR_OPTIONS } = sources.exports;
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = new Ajv({ ...VALIDATOR_OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(buildConfigSchema(rules)));
  return {
    contents: `${code}\n/** Compiled at build time (esbuild.mjs) from the same schema. */\nexport function compileValidator(_schema) { return validate; }\nexport const VALIDATOR_OPTIONS = ${JSON.stringify(VALIDATOR_OPTIONS)};\n`,
    loader: 'js',
    resolveDir: root,
  };
}

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
  {
    ...common,
    entryPoints: { cli: 'server/src/cli-main.ts' },
    outdir: 'dist',
    plugins: [lazyBundlePlugin, precompiledValidatorPlugin],
    // The lazy bundles are CommonJS: require() them. bin/bulletin-lint.js compiles dist/cli.js with vm.Script, where
    // import() would need a loader callback that Node 20 does not keep for code read from the code cache.
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: { server: 'server/src/server-main.ts' }, outdir: 'dist', plugins: [lazyBundlePlugin, precompiledValidatorPlugin] },
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: Object.fromEntries(Object.entries(lazyBundles).map(([source, bundle]) => [bundle, source])),
    outdir: 'dist',
    // pdfjs reads import.meta.url only to look for an optional canvas package, which text extraction never needs.
    logOverride: { 'empty-import-meta': 'silent' },
  },
];

// pdfjs's character maps, for PDFs with predefined CJK encodings (read by server/src/submissions/pdf.ts).
cpSync(resolve(root, 'node_modules/pdfjs-dist/cmaps'), resolve(root, 'dist/pdfjs-cmaps'), { recursive: true });

// V8 checks a code cache against its source's length only: a cache of an earlier bundle must never sit beside a new one.
rmSync(resolve(root, 'dist/cli.js.cache'), { force: true });
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
  writeCliCodeCache();
}

/**
 * The V8 code cache of dist/cli.js that bin/bulletin-lint.js compiles it with (dist/cli.js.cache): made by linting
 * an example draft in the default format (stylish, what people run), so that it holds the functions such a run
 * compiles. It fits only the Node that made it; any other rejects it and compiles the bundle as without one.
 * Watch builds leave none.
 */
function writeCliCodeCache() {
  const run = spawnSync(process.execPath, [resolve(root, 'bin/bulletin-lint.js'), resolve(root, 'examples/000.txt')], {
    env: { ...process.env, BULLETIN_LINT_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Exit codes 0 and 1 are the linter's verdicts on the draft; anything else is a broken bundle.
  if (run.status !== 0 && run.status !== 1) throw new Error(`dist/cli.js failed on examples/000.txt (exit ${run.status ?? run.signal})`);
}
