// What a submission (a unit's .docx or .pdf) becomes: the text the core lints, and for each of its lines the
// place a person finds it at in the original file.

export type SubmissionFormat = 'docx' | 'pdf';

/** The paragraph of a Word document, or the page and printed line of a PDF (all 1-based). */
export type Place = { paragraph: number } | { page: number; line: number };

export interface Submission {
  format: SubmissionFormat;
  /** One line per non-empty paragraph (.docx) or printed line (.pdf), joined by "\n". */
  text: string;
  /** The place of each line of `text`, by line index. */
  places: Place[];
}

/** Why a file could not be read as a submission: each has its own message and advice. */
export type SubmissionProblem =
  | 'corrupt'
  /** A legacy binary Word file (.doc) under a .docx name. */
  | 'legacy-doc'
  | 'encrypted'
  /** A PDF without a text layer: scanned pages, or nothing but pictures. */
  | 'no-text'
  /** A Word document without any text. */
  | 'empty';

export class SubmissionError extends Error {
  constructor(
    readonly problem: SubmissionProblem,
    /** The library's own words, for `corrupt`. */
    readonly detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'SubmissionError';
  }

  /**
   * Whether `error` is a SubmissionError. Not `instanceof`: the readers are bundled apart from the CLI (see
   * esbuild.mjs), each bundle with its own copy of this class.
   */
  static is(error: unknown): error is SubmissionError {
    return error instanceof Error && error.name === 'SubmissionError' && typeof (error as SubmissionError).problem === 'string';
  }
}
