// Entry shim of the language server bundle (dist/server.js): VS Code's client starts it with --node-ipc, other
// editors with --stdio (bin/bulletin-lint-server.js). Nothing may be written to stdout: it is the protocol channel.

import { format } from 'node:util';
import { createConnection, Message, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type Connection, type DataCallback, type Disposable } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const TRANSPORT_FLAGS = /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/;
const args = process.argv.slice(2);

/** Reads the editor's messages from stdin and notes whether one asked the server to shut down. */
class StdinReader extends StreamMessageReader {
  shutdownRequested = false;

  constructor() {
    super(process.stdin);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen(message => {
      if (Message.isRequest(message) && message.method === ShutdownRequest.method) this.shutdownRequested = true;
      callback(message);
    });
  }
}

/**
 * Sends what a stray console call writes to the editor's log: on stdout it would corrupt the protocol channel.
 * The connection does this for a raw stdout only, and is given a message writer here.
 */
function consoleToLog(connection: Connection): void {
  const log = connection.console;
  console.log = console.info = console.debug = (...parts: unknown[]) => log.log(format(...parts));
  console.warn = (...parts: unknown[]) => log.warn(format(...parts));
  console.error = (...parts: unknown[]) => log.error(format(...parts));
}

// An editor that starts the server without naming a transport (Helix, a bare Neovim setup) speaks over stdio.
if (args.includes('--stdio') || !args.some(arg => TRANSPORT_FLAGS.test(arg))) {
  // After a broken frame header the stream cannot be resynchronised: the reader would take later headers for
  // bodies and the server would go deaf. Saying so and exiting lets the editor restart a clean server. A body that
  // is not JSON (a SyntaxError) came in a sound frame: the connection logs it and reading goes on.
  const reader = new StdinReader();
  reader.onError(error => {
    if (error instanceof SyntaxError) return;
    process.stderr.write(`bulletin-lint-server: unreadable message from the editor, exiting: ${error.message}\n`);
    process.exit(1);
  });
  // The editor closed stdin (it quit or crashed) without an exit notification: nobody is left to serve. The code
  // is the one the protocol gives `exit`: 0 after a shutdown request, 1 otherwise. The connection watches stdin
  // itself only when given the raw stream, not a reader.
  reader.onClose(() => process.exit(reader.shutdownRequested ? 0 : 1));
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  consoleToLog(connection);
  startServer(connection);
} else {
  startServer(createConnection());
}
