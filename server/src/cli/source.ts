// Reading and writing drafts as bytes at the edge: UTF-8 only (a BOM allowed and kept), never a binary file;
// fixes are written atomically (a temporary file in the same folder, then a rename) with the file's BOM and
// line endings as they were.

// fs.promises rather than node:fs/promises: the getter loads it when --fix first writes, not at every start.
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const BOM = '\uFEFF';

export type DecodedSource = { ok: true; text: string; bom: boolean } | { ok: false; reason: 'binary' | 'not-utf8' };

export function decodeSource(bytes: Uint8Array): DecodedSource {
  // UTF-16 files start with their BOM and are full of NUL bytes: say "not UTF-8" rather than "binary".
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return { ok: false, reason: 'not-utf8' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  return text.startsWith(BOM) ? { ok: true, text: text.slice(1), bom: true } : { ok: true, text, bom: false };
}

/**
 * The fixed text with the file's line endings: a fix that inserts "\n" into a CRLF file would mix them. A file
 * with CRLF only has no lone "\n", so every lone one in the result comes from a fix.
 */
export function keepLineEndings(original: string, fixed: string): string {
  const crlfOnly = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  return crlfOnly ? fixed.replace(/\r?\n/g, '\r\n') : fixed;
}

/** The bytes of a draft: UTF-8, with the BOM if the file had one. */
export function encodeSource(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(bom ? BOM + text : text);
}

/**
 * Replaces the file's content at once: readers see the old or the new file, never half of one, and a failure
 * leaves the old file and no temporary file. A symbolic link is followed (the link stays a link); the file's
 * permissions are kept. A file its user may not write is refused (EACCES, or EPERM when immutable): the rename
 * needs only the folder's permission and would replace a read-only file.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const target = await fs.realpath(path);
  await fs.access(target, constants.W_OK);
  const { mode } = await fs.stat(target);
  // Required here, not imported: node:crypto is loaded only when --fix writes a file.
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, data, { flag: 'wx' });
    await fs.chmod(temporary, mode & 0o7777);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
