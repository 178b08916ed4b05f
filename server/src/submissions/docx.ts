// Word documents (.docx) through mammoth: the raw text of every paragraph, tables and text boxes included, in
// document order. Loaded only when a .docx is read (see index.ts).

import mammoth from 'mammoth';
import { SubmissionError, type Place, type Submission } from './types';

/** Start of every zip archive, and of the OLE compound file a legacy .doc is. */
const ZIP_SIGNATURE = [0x50, 0x4b];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readDocx(bytes: Uint8Array): Promise<Submission> {
  if (startsWith(bytes, OLE_SIGNATURE)) throw new SubmissionError('legacy-doc');
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new SubmissionError('corrupt', 'not a zip archive');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new SubmissionError('corrupt', error instanceof Error ? error.message : String(error));
  }
  // mammoth ends every paragraph with a blank line; a line break inside a paragraph (Shift+Enter) is a single "\n".
  const lines: string[] = [];
  const places: Place[] = [];
  // Paragraphs are counted as a reader counts them: empty ones (blank lines in Word) do not count.
  let paragraphNumber = 0;
  for (const paragraph of raw.split('\n\n')) {
    if (!paragraph.trim()) continue;
    paragraphNumber++;
    for (const line of paragraph.split('\n')) {
      if (!line.trim()) continue;
      lines.push(line.trimEnd());
      places.push({ paragraph: paragraphNumber });
    }
  }
  if (!lines.length) throw new SubmissionError('empty');
  return { format: 'docx', text: lines.join('\n'), places };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
