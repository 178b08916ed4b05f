// Assembly of an issue from drafts (issue 5): layout of clean drafts, the issue text, the cross-draft checks.
export { DESK_CHECKS } from './problems';
export { assembleIssue, countIssueEntries, formatIssueDate, issueDateOf, parseIssueDate, parseIssueNumber, renderIssue } from './issue';
export { cleanDraft, EXTRACTION_RULES } from './layout';
export { BODY_SIMILARITY, HEADLINE_SIMILARITY } from './checks';
export { similarity, contentOf } from './similarity';
export type * from './types';
