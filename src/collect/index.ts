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
export { exportSubmissions, exportColumns, codedRows, type ExportSummary, type ReviewExportOptions } from './export-submissions.js';
export { listForReview, findForReview, reviewSubmission, resubmitSubmission, setSupervisor, type ReviewDecision } from './storage/review-store.js';
export { SCHEMA_VERSION, ROLE_NAMES, REVIEW_STATUSES, AUDIT_ACTIONS } from './storage/schema.js';
export { enumeratorQuality, type QualityReport, type EnumeratorQuality, type QualityOptions } from './quality/enumerator-quality.js';
export { interviewerEffects, type DistributionTest, type VariableCounts } from './quality/interviewer-effects.js';
export { chisquareVsRest, holmAdjust, type ChisquareTest } from './quality/chisquare-vs-rest.js';
export { QUALITY_THRESHOLDS, type QualityFlag, type QualityRule } from './quality/quality-flags.js';
export { validSubmissions } from './valid-submissions.js';
