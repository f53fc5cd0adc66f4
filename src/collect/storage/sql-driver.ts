/** A row as the database returns it. */
export type SqlRow = Record<string, unknown>;
/** A bound parameter: SQL text never contains a value; every value goes through a placeholder. */
export type SqlParam = string | number | null;

/**
 * The little the store needs from a database: parameterised queries (`?` placeholders, rewritten
 * to `$1…` for PostgreSQL) and transactions that are committed before they resolve.
 */
export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data is: a file path, or the PostgreSQL address without its password. */
  readonly location: string;
  all(sql: string, params?: readonly SqlParam[]): Promise<SqlRow[]>;
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction: committed (durably) when the promise resolves, rolled back when it rejects. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Runs a script of statements without parameters (the schema). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** The queries of one open transaction. */
export type SqlTransaction = Pick<SqlDriver, 'all' | 'run' | 'kind'>;

/** Rewrites `?` placeholders as PostgreSQL's `$1, $2, …` (the store's SQL holds no `?` in literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
