// bulletin-lint extract SUBMISSION [-o draft.txt]: a submission (.docx, .pdf or extracted text) written out as a
// clean draft (see core/assemble/layout.ts).

import { resolve } from 'node:path';
import { ConfigCache, ConfigError, resolveFileSettings } from '../config';
import { cleanDraft } from '../core';
import { parseExtractArgs } from './desk-args';
import { deskHelpText, deskMessages } from './desk-messages';
import { commandOptions } from './args';
import { EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { errorDetail, loadInput, readFromDisk, toDisplayPath, writeOutputFile } from './inputs';
import type { CliParams } from './main';
import { messages } from './messages';

export async function runExtract(params: CliParams, argv: readonly string[]): Promise<number> {
  const options = commandOptions(params, locale => parseExtractArgs(argv, locale), locale => deskHelpText('extract', locale));
  if (typeof options === 'number') return options;
  const say = messages[options.locale];
  const sayDesk = deskMessages[options.locale];
  const inputPath = resolve(params.cwd, options.input!);
  const displayPath = toDisplayPath(params.cwd, inputPath);
  const outputPath = options.outputPath === undefined ? undefined : resolve(params.cwd, options.outputPath);
  if (outputPath === inputPath) {
    params.stderr.write(`${sayDesk.sameAsInput}\n${say.usageHint}\n`);
    return EXIT_TROUBLE;
  }

  let lintOptions;
  try {
    const configPath = options.configPath === undefined ? undefined : resolve(params.cwd, options.configPath);
    lintOptions = resolveFileSettings(inputPath, { configPath, cache: new ConfigCache(), cwd: params.cwd }).options;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    params.stderr.write(`${error.describe(options.locale)}\n`);
    return EXIT_TROUBLE;
  }
  let bytes: Uint8Array;
  try {
    bytes = await (params.readFile ?? readFromDisk)(inputPath);
  } catch (error) {
    params.stderr.write(`${(errorDetail(error) === 'ENOENT' ? say.notFound(displayPath) : say.unreadable(displayPath, errorDetail(error)))}\n`);
    return EXIT_TROUBLE;
  }
  const input = await loadInput(bytes, inputPath, displayPath, say);
  if (!input.ok) {
    params.stderr.write(`${input.message}\n`);
    return EXIT_TROUBLE;
  }

  const draft = cleanDraft(input.text, lintOptions);
  if (outputPath === undefined) {
    params.stdout.write(draft.text);
    return EXIT_OK;
  }
  try {
    await writeOutputFile(outputPath, draft.text);
  } catch (error) {
    params.stderr.write(`${sayDesk.notWritten(toDisplayPath(params.cwd, outputPath), errorDetail(error))}\n`);
    return EXIT_TROUBLE;
  }
  const paragraphs = draft.text.split(/\n{2,}/).filter(paragraph => paragraph.trim()).length;
  params.stderr.write(`${sayDesk.extracted(displayPath, toDisplayPath(params.cwd, outputPath), paragraphs, draft.fixes)}\n`);
  return EXIT_OK;
}
