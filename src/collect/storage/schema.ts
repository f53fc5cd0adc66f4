import { ENTRY_POSTGRES_SCHEMA, ENTRY_SQLITE_SCHEMA } from './entry-schema.js';

/**
 * The collection database, the same tables on SQLite and PostgreSQL (only the spelling of the
 * generated key and of the triggers differs). Times are ISO 8601 UTC text, answers JSON text,
 * booleans 0/1, so both give the store the same values.
 *
 * - `submissions`: one row per questionnaire, never deleted (a trigger refuses DELETE); who sent
 *   it, when and from where are fixed once written (a trigger refuses changing them); only the
 *   current answers and the status (active / withdrawn with its reason) change, each change
 *   written to `audit_log` in the same transaction.
 * - `audit_log`: append-only (triggers refuse UPDATE and DELETE): who, when, what, before, after.
 *
 * Version 2 added supervision (Survey Solutions-style review): the `supervisor` role, an
 * enumerator's `supervisor_id` (their team), a submission's `review_status` and `review_comment`,
 * and the audit actions approve / reject / resubmit. upgrade-schema.ts brings a version-1 database up.
 */
export const SCHEMA_VERSION = 2;

/** Account roles: admin everything; supervisor reviews; enumerator fills in; viewer reads. */
export const ROLE_NAMES = ['admin', 'supervisor', 'enumerator', 'viewer'] as const;
/** Where a submission stands in review: waiting (new or resubmitted), approved, or sent back. */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** What an audit entry records. */
export const AUDIT_ACTIONS = ['submit', 'amend', 'withdraw', 'restore', 'approve', 'reject', 'resubmit'] as const;

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** The CHECK constraints a version-2 database has (upgrade-schema.ts writes the same). */
export const ROLE_CHECK = `role IN (${sqlList(ROLE_NAMES)})`;
export const REVIEW_CHECK = `review_status IN (${sqlList(REVIEW_STATUSES)})`;
export const ACTION_CHECK = `action IN (${sqlList(AUDIT_ACTIONS)})`;

/** The columns version 2 added to `submissions` and `users` (ALTER TABLE … ADD COLUMN on a version-1 database). */
export const ADDED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'submissions', column: `review_status TEXT NOT NULL DEFAULT 'pending' CHECK (${REVIEW_CHECK})` },
  { table: 'submissions', column: 'review_comment TEXT' },
  { table: 'users', column: 'supervisor_id INTEGER REFERENCES users (user_id)' },
];

/** The accounts table under a name (SQLite rebuilds it under another to change its CHECK). */
export const usersTable = (key: string, name = 'users') => `CREATE TABLE IF NOT EXISTS ${name} (
  user_id ${key},
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (${ROLE_CHECK}),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  supervisor_id INTEGER REFERENCES users (user_id)
);`;

/** The audit log under a name (as usersTable). */
export const auditLogTable = (key: string, name = 'audit_log') => `CREATE TABLE IF NOT EXISTS ${name} (
  entry_id ${key},
  submission_seq INTEGER NOT NULL REFERENCES submissions (seq),
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (${ACTION_CHECK}),
  before TEXT,
  after TEXT,
  reason TEXT
);`;

const tables = (key: string) => `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
${usersTable(key)}
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
  seq ${key},
  id TEXT NOT NULL UNIQUE,
  form_id TEXT NOT NULL,
  enumerator_id INTEGER NOT NULL REFERENCES users (user_id),
  answers TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  received_at TEXT NOT NULL,
  duration_s INTEGER,
  device TEXT,
  ip TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  status_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  ${ADDED_COLUMNS.filter((c) => c.table === 'submissions').map((c) => c.column).join(',\n  ')}
);
CREATE INDEX IF NOT EXISTS submissions_enumerator ON submissions (enumerator_id, seq);
${auditLogTable(key)}
CREATE INDEX IF NOT EXISTS audit_log_submission ON audit_log (submission_seq, entry_id);
`;

const FIXED_COLUMNS = ['seq', 'id', 'form_id', 'enumerator_id', 'started_at', 'ended_at', 'received_at', 'duration_s', 'device', 'ip', 'latitude', 'longitude'];

export const SQLITE_KEY = 'INTEGER PRIMARY KEY AUTOINCREMENT';

/** The SQLite schema: AUTOINCREMENT keys (never reused), RAISE(ABORT) triggers. */
export const SQLITE_SCHEMA = `${tables(SQLITE_KEY)}
CREATE TRIGGER IF NOT EXISTS submissions_never_deleted BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted: withdraw them'); END;
CREATE TRIGGER IF NOT EXISTS submissions_fixed BEFORE UPDATE OF ${FIXED_COLUMNS.join(', ')} ON submissions
WHEN ${FIXED_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
BEGIN SELECT RAISE(ABORT, 'who sent a submission, when and from where cannot change'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
${ENTRY_SQLITE_SCHEMA}`;

/** The PostgreSQL schema: identity keys, trigger functions raising exceptions. */
export const POSTGRES_SCHEMA = `${tables('INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')}
CREATE OR REPLACE FUNCTION survey_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;
CREATE OR REPLACE FUNCTION survey_submission_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${FIXED_COLUMNS.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')} THEN
    RAISE EXCEPTION 'who sent a submission, when and from where cannot change';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS submissions_never_deleted ON submissions;
CREATE TRIGGER submissions_never_deleted BEFORE DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION survey_refuse('submissions are never deleted: withdraw them');
DROP TRIGGER IF EXISTS submissions_fixed ON submissions;
CREATE TRIGGER submissions_fixed BEFORE UPDATE ON submissions FOR EACH ROW EXECUTE FUNCTION survey_submission_fixed();
DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION survey_refuse('the audit log is append-only');
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION survey_refuse('the audit log is append-only');
DROP TRIGGER IF EXISTS submissions_no_truncate ON submissions;
CREATE TRIGGER submissions_no_truncate BEFORE TRUNCATE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION survey_refuse('submissions are never deleted: withdraw them');
${ENTRY_POSTGRES_SCHEMA}`;
