// SARIF 2.1.0, for code scanning (GitHub) and other SARIF viewers: every rule's metadata, results with their
// regions (lines, UTF-16 columns and character offsets, the text's BOM not counted) and the fixes.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { docsUrl, type Severity, type TextEdit } from '../../core';
import { positionsIn } from './locate';
import type { FormatContext, Formatter, LintedFile } from './types';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const SOURCE_ROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/bulletin-lint/bulletin-lint';

/** Paths inside the working folder are relative to %SRCROOT% (code scanning maps them onto the repository). */
function artifactLocation(file: LintedFile): Sarif.ArtifactLocation {
  const inside = file.filePath !== '<stdin>' && file.displayPath !== '..' && !file.displayPath.startsWith('../') && !isAbsolute(file.displayPath);
  if (inside) return { uri: file.displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  return { uri: file.filePath === '<stdin>' ? 'stdin' : pathToFileURL(file.filePath).href };
}

export function toSarifLog(files: readonly LintedFile[], context: FormatContext): Sarif.Log {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const descriptors: Sarif.ReportingDescriptor[] = context.rules.map(rule => ({
    id: rule.id,
    shortDescription: { text: rule.description[context.locale] || rule.id },
    ...(rule.standard[context.locale] ? { fullDescription: { text: rule.standard[context.locale] } } : {}),
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { fixable: rule.fixable },
  }));
  const artifacts: Sarif.Artifact[] = files.map(file => ({ location: artifactLocation(file) }));
  const results: Sarif.Result[] = [];
  files.forEach((file, artifactIndex) => {
    const location = { ...artifactLocation(file), index: artifactIndex };
    const positionOf = positionsIn(file.text);
    const region = (start: number, end: number): Sarif.Region => {
      const from = positionOf(start);
      const to = positionOf(end);
      return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, charOffset: start, charLength: end - start };
    };
    const replacement = (edit: TextEdit): Sarif.Replacement => ({ deletedRegion: region(edit.start, edit.end), insertedContent: { text: edit.text } });
    for (const problem of file.problems) {
      const result: Sarif.Result = {
        ruleId: problem.ruleId,
        level: LEVELS[problem.severity],
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(problem.start, problem.end) } }],
      };
      // For a .docx or .pdf the region is in the extracted text; the place in the original file goes alongside.
      if (problem.place) result.properties = { ...problem.place };
      const index = ruleIndex.get(problem.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (problem.fix?.length) {
        result.fixes = [{ artifactChanges: [{ artifactLocation: location, replacements: problem.fix.map(replacement) }] }];
      }
      results.push(result);
    }
  });
  const run: Sarif.Run = {
    tool: { driver: { name: 'bulletin-lint', version: context.version, informationUri: INFORMATION_URI, rules: descriptors } },
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

export const formatSarif: Formatter = (files, context, write) => write(`${JSON.stringify(toSarifLog(files, context), null, 2)}\n`);
