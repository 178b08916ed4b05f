// From the command line's files, folders and globs to the list of files to lint, in a stable order.

// Synchronous file system calls: the CLI walks one argument at a time anyway, and node:fs/promises would add its
// modules to every start.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { SUBMISSION_EXTENSIONS } from '../submissions';

/**
 * tinyglobby, loaded only when an argument is not a path (it costs every start a few milliseconds otherwise). Its
 * ES module build reads import.meta.url, which is empty in the CommonJS bundle (dist/cli.js): require() makes
 * esbuild take its CommonJS build instead.
 */
function globbing(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/** Extensions of the drafts looked for in folders. Files named explicitly are linted whatever their name. */
export const DRAFT_EXTENSIONS = ['.txt', '.md', '.bulletin'];
/** What folders are searched for: drafts, and submissions as units send them (.docx, .pdf). */
const FOLDER_EXTENSIONS = [...DRAFT_EXTENSIONS, ...Object.keys(SUBMISSION_EXTENSIONS)];
/** Word's lock file beside an open document (`~$稿件.docx`): not a document. */
const WORD_LOCK_PREFIX = '~$';

export type Target = { kind: 'stdin' } | { kind: 'file'; path: string; explicit: boolean };

export type TargetError = { kind: 'not-found' | 'no-match'; argument: string } | { kind: 'unreadable'; argument: string; detail: string };

export interface ExpandedTargets {
  targets: Target[];
  errors: TargetError[];
}

export async function expandTargets(argumentsGiven: readonly string[], cwd: string): Promise<ExpandedTargets> {
  const targets: Target[] = [];
  const errors: TargetError[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ kind: 'file', path, explicit });
  };
  for (const argument of argumentsGiven) {
    if (argument === '-') {
      targets.push({ kind: 'stdin' });
      continue;
    }
    const path = resolve(cwd, argument);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        errors.push({ kind: 'unreadable', argument, detail: code ?? String(error) });
      } else if (globbing().isDynamicPattern(argument)) {
        const matches = await globbing().glob(argument, { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] });
        if (!matches.length) errors.push({ kind: 'no-match', argument });
        for (const match of matches.map(match => resolve(match)).sort()) add(match, false);
      } else {
        errors.push({ kind: 'not-found', argument });
      }
      continue;
    }
    if (!isDirectory) {
      add(path, true);
      continue;
    }
    for (const file of walk(path, argument, errors, [])) add(file, false);
  }
  return { targets, errors };
}

/**
 * The drafts and submissions in a folder and its subfolders, sorted by path. Skips node_modules and folders whose name starts
 * with "." (.git, .vscode), and does not follow symbolic links (no cycles, nothing outside the tree). A folder
 * that cannot be read is added to `errors`, named as on the command line (`shownAs`) plus its path below, and
 * the rest of the tree is still walked. The files are appended to `files` (a spread of a subfolder's list into
 * push() would overflow the call stack on a folder of some 100,000 drafts).
 */
function walk(folder: string, shownAs: string, errors: TargetError[], files: string[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    errors.push({ kind: 'unreadable', argument: shownAs, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    return files;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(path, join(shownAs, entry.name), errors, files);
    } else if (entry.isFile() && FOLDER_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.startsWith(WORD_LOCK_PREFIX)) {
      files.push(path);
    }
  }
  return files;
}
