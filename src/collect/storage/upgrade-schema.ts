import { UsageError } from '../../core/errors.js';
import { ACTION_CHECK, ADDED_COLUMNS, ROLE_CHECK, SCHEMA_VERSION, SQLITE_KEY, auditLogTable, usersTable } from './schema.js';
import type { SqlDriver, SqlTransaction } from './sql-driver.js';

/** The columns a table has (none when it does not exist yet). */
async function columnsOf(db: SqlTransaction, table: string): Promise<Set<string>> {
  const rows =
    db.kind === 'sqlite'
      ? await db.all('SELECT name FROM pragma_table_info(?)', [table])
      : await db.all('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [table]);
  return new Set(rows.map((r) => String(r.name)));
}

/** A version-1 database: the tables exist, without the review columns. */
async function isVersion1(db: SqlTransaction): Promise<boolean> {
  const columns = await columnsOf(db, 'submissions');
  return columns.size > 0 && !columns.has('review_status');
}

const USER_COLUMNS = 'user_id, name, role, password_hash, must_change_password, disabled, created_at';

/**
 * SQLite cannot change a CHECK constraint in place: the accounts table and the audit log are
 * rebuilt under a new name, copied row for row (keys kept) and renamed back — SQLite's documented
 * twelve-step procedure, with foreign keys off around it so dropping the old table orphans nothing.
 * The audit log's triggers and index go with the old table; the schema script recreates them.
 */
async function upgradeSqlite(tx: SqlTransaction): Promise<void> {
  await tx.run(usersTable(SQLITE_KEY, 'users_v2'));
  await tx.run(`INSERT INTO users_v2 (${USER_COLUMNS}) SELECT ${USER_COLUMNS} FROM users`);
  await tx.run('DROP TABLE users');
  await tx.run('ALTER TABLE users_v2 RENAME TO users');
  await tx.run(auditLogTable(SQLITE_KEY, 'audit_log_v2'));
  await tx.run('INSERT INTO audit_log_v2 SELECT * FROM audit_log');
  await tx.run('DROP TABLE audit_log');
  await tx.run('ALTER TABLE audit_log_v2 RENAME TO audit_log');
  for (const { table, column } of ADDED_COLUMNS) if (table === 'submissions') await tx.run(`ALTER TABLE ${table} ADD COLUMN ${column}`);
}

/** PostgreSQL changes the constraints (named by its default `<table>_<column>_check`) and adds the columns in place. */
async function upgradePostgres(tx: SqlTransaction): Promise<void> {
  await tx.run('ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check');
  await tx.run(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${ROLE_CHECK})`);
  await tx.run('ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_action_check');
  await tx.run(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (${ACTION_CHECK})`);
  for (const { table, column } of ADDED_COLUMNS) await tx.run(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column}`);
}

/**
 * Brings a database written by an earlier `survey` up to SCHEMA_VERSION before the schema script
 * runs (which only creates what is missing), in one transaction: all of it or nothing. A database
 * of a newer `survey` is refused rather than written with an older idea of its tables.
 * Returns the version the database had (null for a new one).
 */
export async function upgradeSchema(driver: SqlDriver): Promise<number | null> {
  if ((await columnsOf(driver, 'meta')).size) {
    const rows = await driver.all('SELECT value FROM meta WHERE key = ?', ['schema_version']);
    const stored = rows.length ? Number(rows[0].value) : null;
    if (stored !== null && stored > SCHEMA_VERSION) {
      throw new UsageError(`the database ${driver.location} has schema version ${stored}, newer than this survey's ${SCHEMA_VERSION}`, { hint: 'update survey' });
    }
  }
  if (!(await isVersion1(driver))) return (await columnsOf(driver, 'submissions')).size ? SCHEMA_VERSION : null;
  if (driver.kind === 'postgres') {
    await driver.transaction(async (tx) => {
      // Two servers starting on one database at once: the second waits, then finds the work done.
      await tx.all('SELECT pg_advisory_xact_lock(72511826)');
      if (await isVersion1(tx)) await upgradePostgres(tx);
    });
    return 1;
  }
  await driver.exec('PRAGMA foreign_keys = OFF');
  try {
    await driver.transaction(async (tx) => {
      if (!(await isVersion1(tx))) return;
      await upgradeSqlite(tx);
      const broken = await tx.all('PRAGMA foreign_key_check');
      if (broken.length) throw new Error(`the upgraded database fails its foreign-key check (${broken.length} rows)`);
    });
  } finally {
    await driver.exec('PRAGMA foreign_keys = ON');
  }
  return 1;
}
