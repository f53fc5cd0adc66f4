import { createRequire } from 'node:module';
import type PgModule from 'pg';
import { numberedPlaceholders, type SqlDriver, type SqlRow, type SqlTransaction } from './sql-driver.js';

/** The address without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Connects to PostgreSQL with the `pg` client: a pool of connections, parameterised queries only,
 * transactions on one connection from BEGIN to COMMIT (PostgreSQL's default synchronous commit:
 * COMMIT returns once the transaction is on disk).
 */
export function openPostgresDriver(url: string, options: { max?: number } = {}): SqlDriver {
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that dies (server restart) must not crash the server process.
  pool.on('error', () => undefined);
  const on = (client: PgModule.Pool | PgModule.PoolClient): SqlTransaction => ({
    kind: 'postgres',
    async all(sql, params = []) {
      return (await client.query(numberedPlaceholders(sql), params as unknown[])).rows as SqlRow[];
    },
    async run(sql, params = []) {
      return { changes: (await client.query(numberedPlaceholders(sql), params as unknown[])).rowCount ?? 0 };
    },
  });
  const direct = on(pool);
  return {
    kind: 'postgres',
    location: redactUrl(url),
    all: direct.all,
    run: direct.run,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
}
