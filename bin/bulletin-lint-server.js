#!/usr/bin/env node
// The language server for editors other than VS Code (Neovim, Helix, Emacs): `bulletin-lint-server --stdio`.
// The server is bundled into dist/server.js by `npm run build`; without a transport flag it speaks over stdio.
'use strict';
require('../dist/server.js');
