import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriver, SqlParam, SqlRow, SqlTransaction } from './sql-driver.js';

/**
 * Opens a SQLite database file with better-sqlite3: WAL journal, `synchronous = FULL` (a commit
 * is on disk before it returns, power loss included), foreign keys on, and a 5 s busy timeout for
 * a second process (`survey users`, `survey export`) using the file at the same time.
 * better-sqlite3 is synchronous, so statements of concurrent requests are queued: a transaction
 * never sees another request's statements in the middle of it.
 */
export function openSqliteDriver(path: string): SqlDriver {
  // Loaded on demand (a native addon, left out of the CLI bundle).
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    // Not a database (the first statement reads the file): let go of it before saying so.
    db.close();
    throw err;
  }
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: SqlTransaction = {
    kind: 'sqlite',
    async all(sql, params = []) {
      const statement = prepare(sql);
      return statement.reader ? (statement.all(...(params as SqlParam[])) as SqlRow[]) : (statement.run(...(params as SqlParam[])), []);
    },
    async run(sql, params = []) {
      return { changes: prepare(sql).run(...(params as SqlParam[])).changes };
    },
  };
  // One queue for everything: a transaction holds it from BEGIN to COMMIT across its awaits.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    kind: 'sqlite',
    location: path,
    all: (sql, params) => enqueue(() => direct.all(sql, params)),
    run: (sql, params) => enqueue(() => direct.run(sql, params)),
    transaction: (work) =>
      enqueue(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    exec: (script) => enqueue(async () => void db.exec(script)),
    close: () => enqueue(async () => void db.close()),
  };
}
