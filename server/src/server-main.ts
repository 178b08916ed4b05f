// Entry shim of the language server bundle (dist/server.js): VS Code's client starts it with --node-ipc, other
// editors with --stdio (bin/bulletin-lint-server.js). Nothing may be written to stdout: it is the protocol channel.

import { createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const TRANSPORT_FLAGS = /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/;

// An editor that starts the server without naming a transport (Helix, a bare Neovim setup) speaks over stdio.
if (!process.argv.slice(2).some(arg => TRANSPORT_FLAGS.test(arg))) process.argv.push('--stdio');

startServer(createConnection());
