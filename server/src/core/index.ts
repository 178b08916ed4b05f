// The core's public surface, for the CLI and the language server.
export * from './types';
export { parseDocument } from './document';
export type { BulletinDocument, Block, Measure, Attribution, Line, LineKind, Header } from './document';
export { lint, lintDocument, fixAll } from './lint';
export type { LintResult } from './lint';
export { applyFixes } from './fix';
export { rules, ruleById } from './rules';
export { docsUrl } from './rule';
export type { Rule, RuleContext } from './rule';
export { UnitDirectory } from './units';
export * from './assemble';
export { lintSnapshot, relint, LintSnapshot } from './incremental';
export type { IncrementalTuning, FullLintReason, ProblemSplice } from './incremental';
