// The narrow interface every repository function takes: a PGlite database or a transaction
// (and later a PostgreSQL client). Keep queries plain PostgreSQL.
export interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: { blob?: Blob | File }): Promise<QueryResult<T>>;
  exec(sql: string): Promise<unknown>;
}

/** A database that can also open a transaction. */
export interface TxRunner extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

