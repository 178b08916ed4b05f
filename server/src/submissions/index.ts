// Submissions as units send them (.docx, .pdf), read into text the core lints. The readers and their libraries
// (mammoth, pdfjs-dist) are loaded only when such a file is read: linting plain drafts never pays for them.

import type { Submission, SubmissionFormat } from './types';

export { SubmissionError, type Place, type Submission, type SubmissionFormat, type SubmissionProblem } from './types';

export const SUBMISSION_EXTENSIONS: Readonly<Record<string, SubmissionFormat>> = { '.docx': 'docx', '.pdf': 'pdf' };

/** The submission format a file name says, if any. */
export function submissionFormatOf(path: string): SubmissionFormat | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : SUBMISSION_EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Reads a submission; throws a SubmissionError when the file cannot give its text. */
export async function readSubmission(format: SubmissionFormat, bytes: Uint8Array): Promise<Submission> {
  if (format === 'docx') return (await import('./docx')).readDocx(bytes);
  return (await import('./pdf')).readPdf(bytes);
}
