// One file's bytes to the text the core reads: a draft (UTF-8 text) or a submission (.docx, .pdf, by its name),
// or the message that says why it cannot be read. Shared by linting, extract and assemble.

import { promises as fs, readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { readSubmission, submissionFormatOf, SubmissionError, type Place, type Submission, type SubmissionFormat } from '../submissions';
import type { Messages } from './messages';
import { decodeSource } from './source';
import type { TargetError } from './targets';

/** What a submission adds to its text: its format, and the places of the original file. */
export interface SubmissionSource {
  format: SubmissionFormat;
  /** The place in the original file of each line of the text. */
  places: readonly Place[];
}

export type LoadedInput = { ok: true; text: string; bom: boolean; submission?: SubmissionSource } | { ok: false; message: string };

export async function loadInput(bytes: Uint8Array, filePath: string | undefined, displayPath: string, say: Messages): Promise<LoadedInput> {
  const format = filePath === undefined ? undefined : submissionFormatOf(filePath);
  if (format) {
    let submission: Submission;
    try {
      submission = await readSubmission(format, bytes);
    } catch (error) {
      if (!SubmissionError.is(error)) throw error;
      return { ok: false, message: say.badSubmission(displayPath, format, error.problem, error.detail) };
    }
    return { ok: true, text: submission.text, bom: false, submission: { format, places: submission.places } };
  }
  const source = decodeSource(bytes);
  if (!source.ok) return { ok: false, message: source.reason === 'binary' ? say.binary(displayPath) : say.notUtf8(displayPath) };
  return { ok: true, text: source.text, bom: source.bom };
}

/**
 * Reads a file named on the command line. Synchronously: the CLI reads one file at a time anyway, and node:fs/promises
 * (loaded on first use of `fs.promises`) would add its modules to every start for a draft of a few kilobytes.
 */
export async function readFromDisk(path: string): Promise<Uint8Array> {
  return readFileSync(path);
}

/** Writes a file that extract or assemble produces (its folder made if need be). */
export async function writeOutputFile(path: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  await fs.writeFile(path, data);
}

/** Paths as people read them: relative to the working folder, with "/" on every system. */
export function toDisplayPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || path;
}

/** The system's code for a failed file operation (ENOENT), else its message. */
export function errorDetail(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
}

/** What to say about a command-line argument that names no file to read. */
export function describeTargetError(error: TargetError, say: Messages): string {
  switch (error.kind) {
    case 'not-found':
      return say.notFound(error.argument);
    case 'no-match':
      return say.noMatch(error.argument);
    case 'unreadable':
      return say.unreadable(error.argument, error.detail);
  }
}
