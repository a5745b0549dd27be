// The narrow database interface every repository function takes: a database or a transaction.
// One adapter per engine (engines/pglite.ts; a PostgreSQL server's slots in beside it) turns
// the driver's values into plain ones, so nothing above this line sees a driver quirk:
//   date → 'YYYY-MM-DD' text (no time zone can shift it), bigint and numeric → number,
//   json/jsonb → parsed, timestamptz → Date.
// Keep the SQL plain PostgreSQL.
export interface QueryResult<T> {
  rows: T[];
  /** Rows inserted, updated, deleted or copied (0 for a plain SELECT). */
  affectedRows: number;
}

/** A value for copyRows: written in PostgreSQL's COPY text form (null is NULL). */
export type CopyValue = string | number | boolean | null;

/** A database or a transaction: what every repository function takes. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** One or more statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Bulk insert (COPY): rows in the order of `columns`. Returns the rows copied. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number>;
}

/** A database: it can also open a transaction (committed when fn returns, rolled back if it throws). */
export interface DbRunner extends Db {
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * One statement as a transaction of its own (scalar parameters only). A server sends it with its
   * BEGIN and COMMIT in one message, so its row locks are not held across the network; an engine
   * without it runs `transaction` (atomically(), below).
   */
  atomic?<T = Record<string, unknown>>(sql: string, params?: readonly (string | number | boolean | null)[]): Promise<QueryResult<T>>;
}

/** Run one statement as a transaction of its own: the engine's one-message way if it has one. */
export function atomically<T = Record<string, unknown>>(db: DbRunner, sql: string, params: readonly (string | number | boolean | null)[] = []): Promise<QueryResult<T>> {
  return db.atomic ? db.atomic<T>(sql, params) : db.transaction((tx) => tx.query<T>(sql, params));
}

/** An open engine, as its owner (the store) holds it: the runner, flushing and closing it. */
export interface DbHandle {
  readonly db: DbRunner;
  /** Write what the engine holds in memory to its files (PGlite: CHECKPOINT; a server does its own). */
  flush(): Promise<void>;
  /** Where the engine's write-ahead log ends (PGlite): unchanged since a flush, there is nothing to flush. */
  walPosition?(): Promise<string>;
  close(): Promise<void>;
}

/** A SQL identifier, quoted (table and column names built from the catalog). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`;
}
