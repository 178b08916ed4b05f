#!/usr/bin/env node
// The installed command: the CLI is bundled into dist/cli.js by `npm run build`. It is compiled here with the V8
// code cache that the build leaves beside it (dist/cli.js.cache, made by running the CLI once), which spares most
// of the compiling at every start. A cache made by another Node version or under other V8 flags is rejected by
// V8 itself, and the bundle is then compiled as without one.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '../dist/cli.js');
const cacheFile = `${bundle}.cache`;

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData: readCache(),
});
const cli = new Module(bundle, module);
cli.filename = bundle;
cli.paths = Module._nodeModulePaths(dirname(bundle));
cli.loaded = true;
// esbuild.mjs sets this to make the cache: at exit the script holds the code of every function the run compiled.
if (process.env.BULLETIN_LINT_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(cli.exports, id => cli.require(id), cli, bundle, dirname(bundle));
