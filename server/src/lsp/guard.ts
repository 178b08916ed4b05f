// Bad input never takes the server down: a failing handler is logged and answered with an empty result.

import { ResponseError, type Connection } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The handler, answering `fallback` (and logging) when it throws; a ResponseError is the answer itself. */
export function guarded<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async params => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) {
        connection.console.warn(`${name}: ${error.message}`);
        throw error;
      }
      connection.console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
