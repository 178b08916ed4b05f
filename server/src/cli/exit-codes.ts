// The exit codes every command of the CLI shares.
export const EXIT_OK = 0;
/** Errors found, or more warnings than --max-warnings allows. */
export const EXIT_PROBLEMS = 1;
/** Something could not be checked: a usage error, an unreadable file, invalid configuration. */
export const EXIT_TROUBLE = 2;
