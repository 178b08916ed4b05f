#!/usr/bin/env node
// The installed command: the CLI is bundled into dist/cli.js by `npm run build`.
'use strict';
require('../dist/cli.js');
