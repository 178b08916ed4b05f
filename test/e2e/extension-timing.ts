// Loaded by a fresh VS Code extension host as its extensionTestsPath by bench/extension.mjs (not part of the e2e
// suite, asserts nothing about the extension): times the extension's activation and the first diagnostics of a
// draft while the extension is not active yet, and writes the figures to result.json beside the built module, where
// bench/extension.mjs writes the plan (plan.json) before each host and reads the result after it.
//
// Two ways in, one per host, since an extension activates once per host:
// - `open`: the writer's way. The draft is opened and shown; VS Code activates the extension on its language
//   (onLanguage:bulletin), the language client starts the server and sends the draft, and its diagnostics arrive.
// - `activate`: vscode.extensions.getExtension(id).activate() from call to resolve, timed here, then the draft is
//   opened on the active extension.
// In both, VS Code's own record of the activation (the performance marks its extension host keeps in
// globalThis.MonacoPerformanceMarks, at the millisecond) splits the time into loading the code and activate().
// Every wait is on a VS Code event, never on a sleep.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { until } from './suite/helpers';

type Scenario = 'open' | 'activate';

interface TimingPlan {
  scenario: Scenario;
  extensionId: string;
  /** The draft's path inside the workspace folder. */
  draft: string;
}

/** VS Code's marks of one activation, as Date.now() values; absent when this VS Code keeps none under these names. */
interface ActivationMarks {
  willLoadCode?: number;
  didLoadCode?: number;
  willActivate?: number;
  didActivate?: number;
}

interface TimingResult {
  scenario: Scenario;
  vscodeVersion: string;
  extensionHostNode: string;
  /** True when the extension was active before anything was timed (the figures then measure nothing). */
  activeAtStart: boolean;
  /** `activate`: Date.now() when extension.activate() was called, and the time to its resolving by performance.now(). */
  apiActivateCalledAt?: number;
  apiActivateMs?: number;
  /** Date.now() when the draft was opened. */
  openedAt: number;
  /** From openTextDocument to its resolving (the document read by the workbench and known here), by performance.now(). */
  openToDocumentMs: number;
  /** From openTextDocument to the first diagnostics of this extension on the draft, by performance.now(). */
  openToDiagnosticsMs: number;
  diagnostics: number;
  marks: ActivationMarks;
}

const DEADLINE_MS = 60_000;
const SOURCE = 'bulletin-lint';

interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

function activationMarks(extensionId: string): ActivationMarks {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (event: string) => marks.find(mark => mark.name === `code/extHost/${event}/${extensionId}`)?.startTime;
  return {
    willLoadCode: at('willLoadExtensionCode'),
    didLoadCode: at('didLoadExtensionCode'),
    willActivate: at('willActivateExtension'),
    didActivate: at('didActivateExtension'),
  };
}

export async function run(): Promise<void> {
  const plan: TimingPlan = JSON.parse(readFileSync(join(__dirname, 'plan.json'), 'utf8'));
  const extension = vscode.extensions.getExtension(plan.extensionId);
  if (!extension) throw new Error(`${plan.extensionId} is not loaded in this extension host`);
  const activeAtStart = extension.isActive;
  let apiActivateCalledAt: number | undefined;
  let apiActivateMs: number | undefined;
  if (plan.scenario === 'activate') {
    apiActivateCalledAt = Date.now();
    const start = performance.now();
    await extension.activate();
    apiActivateMs = performance.now() - start;
  }
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, plan.draft);
  // Listening before opening: the diagnostics cannot arrive unseen. Their time is taken as they arrive, which may be
  // before showTextDocument resolves.
  const ours = () => vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === SOURCE).length;
  const diagnosed = until(vscode.languages.onDidChangeDiagnostics, () => {
    const count = ours();
    return count > 0 ? { count, at: performance.now() } : undefined;
  }, `diagnostics on ${uri.fsPath}`, undefined, DEADLINE_MS);
  const openedAt = Date.now();
  const start = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  const openToDocumentMs = performance.now() - start;
  await vscode.window.showTextDocument(document);
  const { count: diagnostics, at: diagnosedAt } = await diagnosed;
  const openToDiagnosticsMs = diagnosedAt - start;
  const result: TimingResult = {
    scenario: plan.scenario,
    vscodeVersion: vscode.version,
    extensionHostNode: process.version,
    activeAtStart,
    apiActivateCalledAt,
    apiActivateMs,
    openedAt,
    openToDocumentMs,
    openToDiagnosticsMs,
    diagnostics,
    marks: activationMarks(plan.extensionId),
  };
  writeFileSync(join(__dirname, 'result.json'), JSON.stringify(result));
}
