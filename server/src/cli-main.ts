// Entry shim of the CLI bundle (dist/cli.js): hands the process to main() and sets the exit code. exitCode
// rather than process.exit(), so that output still buffered for a pipe is written before Node exits.

import { main } from './cli/main';

// A reader that stops early (`bulletin-lint drafts | head`) closes the pipe: that is no crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  // process.stdin is a getter that opens a stream (and loads the modules behind it) on first read: only `-` needs it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bulletin-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
