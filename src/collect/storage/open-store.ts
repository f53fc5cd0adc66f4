import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { openPostgresDriver } from './postgres-driver.js';
import { openSqliteDriver } from './sqlite-driver.js';
import { SubmissionStore } from './submission-store.js';

/** The SQLite file a plan's submissions go to when no `--db` is given: beside the plan. */
export const DEFAULT_DATABASE = 'submissions.sqlite';

/** True when `--db` (or a plan's `data:`) names a PostgreSQL database rather than a file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** True when a path names a SQLite database file (what `data:` may point to instead of an export). */
export function isSqlitePath(path: string): boolean {
  return /\.(sqlite3?|db)$/i.test(path);
}

/** Where the submissions are: `--db` as given (a PostgreSQL address, or a file relative to the working folder), else the file beside the plan. */
export function databaseFor(planFile: string, db?: string): string {
  if (db) return isPostgresUrl(db) ? db : resolve(db);
  return join(dirname(resolve(planFile)), DEFAULT_DATABASE);
}

/**
 * Opens the collection database: SQLite for a path, PostgreSQL for a postgres:// address. It is
 * created the first time unless `existing` is set: commands that only read submissions (export,
 * quality, verify, a plan's `data:`) must not leave an empty database behind a mistyped `--db`.
 */
export async function openStore(db: string, options: { formId?: string; poolSize?: number; existing?: boolean } = {}): Promise<SubmissionStore> {
  if (options.existing && !isPostgresUrl(db) && !existsSync(db)) {
    throw new InputError('no collection database here', { file: db, hint: 'give the database with --db, or start collecting with `survey serve PLAN` first' });
  }
  const driver = isPostgresUrl(db) ? openPostgresDriver(db, { max: options.poolSize }) : openSqliteDriver(db);
  const store = new SubmissionStore(driver);
  try {
    await store.migrate(options.formId);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
