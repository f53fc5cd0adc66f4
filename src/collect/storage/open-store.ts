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
  let store: SubmissionStore | undefined;
  try {
    store = new SubmissionStore(isPostgresUrl(db) ? openPostgresDriver(db, { max: options.poolSize }) : openSqliteDriver(db));
    await store.migrate(options.formId);
  } catch (err) {
    await store?.close().catch(() => undefined);
    throw unreachable(db, err) ?? err;
  }
  return store;
}

// What a database that cannot be opened says: SQLite's codes for a file that is not (or no longer)
// a database or cannot be opened; PostgreSQL's for no server, a wrong name, password or database.
const SQLITE_UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_IOERR']);
const POSTGRES_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000']);

/** The one-line error for a database that cannot be opened (exit 3), or null for anything else. */
function unreachable(db: string, err: unknown): InputError | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (isPostgresUrl(db)) {
    if (!POSTGRES_UNREACHABLE.has(code)) return null;
    const where = db.replace(/\/\/[^@/]*@/, '//');
    return new InputError(`cannot open the PostgreSQL database: ${(err as Error).message}`, { file: where, hint: 'check that the server runs and the address, user and database in --db are right', cause: err });
  }
  // Extended codes (SQLITE_IOERR_SHORT_READ) count as their primary code.
  if (!SQLITE_UNREADABLE.has(/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? '')) return null;
  return new InputError(`not a collection database (${(err as Error).message})`, { file: db, hint: 'give the SQLite file `survey serve` writes (submissions.sqlite beside the plan), or a postgres:// address', cause: err });
}
