// Entry shim of the language server bundle (dist/server.js): VS Code's client starts it with --node-ipc, other
// editors with --stdio (bin/bulletin-lint-server.js). Nothing may be written to stdout: it is the protocol channel.

import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const TRANSPORT_FLAGS = /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/;
const args = process.argv.slice(2);

// An editor that starts the server without naming a transport (Helix, a bare Neovim setup) speaks over stdio.
if (args.includes('--stdio') || !args.some(arg => TRANSPORT_FLAGS.test(arg))) {
  // After a broken frame header the stream cannot be resynchronised: the reader would take later headers for
  // bodies and the server would go deaf. Saying so and exiting lets the editor restart a clean server. A body that
  // is not JSON (a SyntaxError) came in a sound frame: the connection logs it and reading goes on.
  const reader = new StreamMessageReader(process.stdin);
  reader.onError(error => {
    if (error instanceof SyntaxError) return;
    process.stderr.write(`bulletin-lint-server: unreadable message from the editor, exiting: ${error.message}\n`);
    process.exit(1);
  });
  startServer(createConnection(reader, new StreamMessageWriter(process.stdout)));
} else {
  startServer(createConnection());
}
