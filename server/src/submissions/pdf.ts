// PDF files through pdfjs-dist (its "legacy" build, the one meant for Node): the text layer page by page, one
// line per printed line, with the page and line where each stands. Loaded only when a .pdf is read (index.ts).
//
// pdfjs runs its parser in a worker; in Node it uses a "fake worker" on the main thread when the worker module
// is handed over as `globalThis.pdfjsWorker`, which also lets esbuild bundle it (no worker file to find).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codePointAt, codePointBefore, isAsciiDigit, isHan, isLatinLetter } from '../core/characters';
import { SubmissionError, type Place, type Submission } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** `%PDF-` may follow some junk bytes, within the first kilobyte (as readers accept). */
const PDF_SIGNATURE = '%PDF-';
const SIGNATURE_REACH = 1024;
/** A text item whose baseline moves by more than this share of its height starts a new line. */
const NEW_LINE_SHIFT = 0.6;
/** A gap narrower than this share of the font size, between Chinese and Latin text, is the layout's (see linesOf). */
const LAYOUT_GAP = 0.5;

let loading: Promise<PdfJs> | undefined;

/**
 * Loads pdfjs once. While its module initialises it looks for a canvas package to draw pages with (text
 * extraction needs none) and says so with console.log: on standard output, where the report goes. Those lines
 * are held back for the moment of loading only.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return loading;
}

/**
 * pdfjs's character maps (for PDFs that use a predefined CJK encoding such as UniGB-UCS2-H without embedding the
 * font, as older office programs write them): copied beside the bundle by esbuild.mjs, or in the package.
 */
function cMapFolder(): string | undefined {
  const bundled = join(__dirname, 'pdfjs-cmaps');
  if (existsSync(bundled)) return `${bundled}/`;
  try {
    return `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
  } catch {
    return undefined;
  }
}

export async function readPdf(bytes: Uint8Array): Promise<Submission> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SIGNATURE_REACH));
  if (!head.includes(PDF_SIGNATURE)) throw new SubmissionError('corrupt', 'no %PDF- signature');
  const pdfjs = await loadPdfJs();
  const cMapUrl = cMapFolder();
  // pdfjs takes over (detaches) the buffer it is given, and refuses a Buffer: hand it a plain copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false, ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}) });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as Error).name === 'PasswordException') throw new SubmissionError('encrypted');
    throw new SubmissionError('corrupt', (error as Error).message);
  }
  try {
    const lines: string[] = [];
    const places: Place[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const pageLines = linesOf((await page.getTextContent()).items);
      pageLines.forEach((line, index) => {
        lines.push(line);
        places.push({ page: pageNumber, line: index + 1 });
      });
    }
    if (!lines.length) throw new SubmissionError('no-text');
    return { format: 'pdf', text: lines.join('\n'), places };
  } catch (error) {
    if (SubmissionError.is(error)) throw error;
    throw new SubmissionError('corrupt', (error as Error).message);
  } finally {
    await document.destroy();
  }
}

interface TextRun {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/**
 * The printed lines of a page. pdfjs gives text runs in drawing order with an end-of-line flag; a run whose
 * baseline moves (a line the flag missed) starts a line too. Within a line the runs are put in reading order
 * (left to right): office programs draw a line font by font, so a digit may come before the △ left of it.
 *
 * Between runs pdfjs writes a space where the gap is wide enough for one. Between a Chinese character and a digit
 * or Latin letter a narrow gap is usually the layout's own (Word's and Writer's "space between Asian and Latin
 * text", on by default, about a quarter of the font size) and a PDF cannot tell it from a typed space: it is
 * dropped, or every number of every PDF would be flagged by number-unit-space. A typed space there goes
 * unreported: the lesser harm. A wide gap (a tab, a column) stays a space.
 */
function linesOf(items: ReadonlyArray<object>): string[] {
  const runLines: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline: number | undefined;
  const finish = () => {
    if (current.some(run => run.str.trim())) runLines.push(current);
    current = [];
    baseline = undefined;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const run = item as TextRun;
    if (run.str.trim()) {
      const y = run.transform[5];
      if (baseline !== undefined && Math.abs(y - baseline) > Math.max(run.height, 1) * NEW_LINE_SHIFT) finish();
      baseline = y;
    }
    current.push(run);
    if (run.hasEOL) finish();
  }
  finish();
  return runLines.map(runs => joinRuns([...runs].sort((a, b) => a.transform[4] - b.transform[4])));
}

/** A line's runs, left to right, as text; gaps as described at linesOf. */
function joinRuns(runs: readonly TextRun[]): string {
  let line = '';
  let gap = '';
  let gapWidth = 0;
  let fontSize = 0;
  for (const run of runs) {
    if (!run.str.trim()) {
      gap += run.str;
      gapWidth += run.width;
      continue;
    }
    fontSize = Math.max(fontSize, run.height);
    const layoutGap = gapWidth < fontSize * LAYOUT_GAP && isScriptBoundary(codePointBefore(line, line.length), codePointAt(run.str, 0));
    if (gap && !layoutGap) line += gap;
    line += run.str;
    gap = '';
    gapWidth = 0;
    fontSize = run.height;
  }
  return line.trim();
}

/** A Chinese character on one side and a digit or Latin letter on the other. */
function isScriptBoundary(before: number, after: number): boolean {
  const isLatinOrDigit = (codePoint: number) => isLatinLetter(codePoint) || isAsciiDigit(codePoint);
  return (isHan(before) && isLatinOrDigit(after)) || (isLatinOrDigit(before) && isHan(after));
}
