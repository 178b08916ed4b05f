// What goes wrong on the way through one run of the linter or of assemble: each message is written to standard
// error as it happens, and the run remembers that something went wrong (exit code 2) and how many inputs it could
// not check, so that its summary never calls a run clean that left something unchecked.

import { ConfigError } from '../config';
import type { Locale } from '../core';
import type { OutputStream } from './main';

export class Troubles {
  /** Something went wrong (exit code 2), though everything else was done. */
  any = false;
  /** Arguments and files that were not checked: not found, unreadable, not UTF-8, under a broken configuration. */
  unchecked = 0;
  /** A broken configuration file is named once, not once for every file below it. */
  private readonly reportedConfigErrors = new Set<string>();

  constructor(
    private readonly stderr: OutputStream,
    private readonly locale: Locale,
  ) {}

  /** An argument or file that could not be checked, with the message that says why. */
  notChecked(message: string): void {
    this.unchecked++;
    this.failed(message);
  }

  /** Something that failed after the file was checked (its fixes could not be written). */
  failed(message: string): void {
    this.stderr.write(`${message}\n`);
    this.any = true;
  }

  /** The configuration of a file is broken, so the file is not checked; anything but a ConfigError is rethrown. */
  configError(error: unknown): void {
    if (!(error instanceof ConfigError)) throw error;
    this.unchecked++;
    this.any = true;
    const message = error.describe(this.locale);
    if (this.reportedConfigErrors.has(message)) return;
    this.reportedConfigErrors.add(message);
    this.stderr.write(`${message}\n`);
  }
}
