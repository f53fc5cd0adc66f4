/** Collection (DESIGN §1, `survey serve` / `users` / `export`): the form from the codebook, its database, accounts, export. */
export { formSpec, PARADATA_COLUMNS, type FormSpec, type FormQuestion, type FormChoice } from './form/form-spec.js';
export { checkAnswers, compileForm, type Answer, type Answers, type AnswerCheck, type AnswerProblem, type CompiledForm } from './form/check-answers.js';
export { openStore, databaseFor, isPostgresUrl, isSqlitePath, DEFAULT_DATABASE } from './storage/open-store.js';
export { SubmissionStore, ConflictError, ROLES, type Role, type UserRecord, type SubmissionRecord, type AuditEntry, type NewSubmission } from './storage/submission-store.js';
export { hashPassword, verifyPassword, oneTimePassword } from './accounts/passwords.js';
export { createCollectApp, type CollectAppOptions } from './server/collect-app.js';
export { startServer, type RunningServer } from './server/start-server.js';
export { collectAssets } from './server/collect-assets.js';
export { LoginLimiter, hashToken } from './server/security.js';
export { readCollectionPlan, type CollectionPlan } from './read-collection-plan.js';
export { exportSubmissions, exportColumns, codedRows, type ExportSummary } from './export-submissions.js';
export { EntryStore, type EntryPass, type EntryResolution } from './entry/entry-store.js';
export { entryReport, keyPass, adjudicate, promoteVerified, type EntryReport } from './entry/double-entry.js';
export { type EntryState, type Disagreement, type OperatorRate } from './entry/entry-states.js';
export { writePaperForm, type PaperFormSummary } from './paper/write-paper-form.js';
