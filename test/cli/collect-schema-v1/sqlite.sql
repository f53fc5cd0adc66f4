-- The collection database's schema as survey wrote it at version 1 (src/collect/storage/schema.ts before supervision, commit d03f2bf): the upgrade test starts from it.

CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  user_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'enumerator', 'viewer')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_enumerator ON submissions (enumerator_id, seq);
CREATE TABLE IF NOT EXISTS audit_log (
  entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_seq INTEGER NOT NULL REFERENCES submissions (seq),
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('submit', 'amend', 'withdraw', 'restore')),
  before TEXT,
  after TEXT,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_submission ON audit_log (submission_seq, entry_id);

CREATE TRIGGER IF NOT EXISTS submissions_never_deleted BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted: withdraw them'); END;
CREATE TRIGGER IF NOT EXISTS submissions_fixed BEFORE UPDATE OF seq, id, form_id, enumerator_id, started_at, ended_at, received_at, duration_s, device, ip, latitude, longitude ON submissions
WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.form_id IS NOT OLD.form_id OR NEW.enumerator_id IS NOT OLD.enumerator_id OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at OR NEW.received_at IS NOT OLD.received_at OR NEW.duration_s IS NOT OLD.duration_s OR NEW.device IS NOT OLD.device OR NEW.ip IS NOT OLD.ip OR NEW.latitude IS NOT OLD.latitude OR NEW.longitude IS NOT OLD.longitude
BEGIN SELECT RAISE(ABORT, 'who sent a submission, when and from where cannot change'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
