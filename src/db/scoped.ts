// A database handle scoped to one PostgreSQL schema: every statement runs with search_path set to
// it, for that transaction only (SET LOCAL). A province keeps each commune it receives in a schema
// of its own (unit_<code>) holding exactly a commune database's tables, so the repository code the
// commune runs (unqualified SQL) reads and writes the commune's tables through this handle
// unchanged — and `status --unit` prints what the commune prints, by construction. Engine-neutral:
// plain PostgreSQL through the Db interface.
import type { Db, DbRunner } from './database.js';
import { quoteIdent } from './database.js';

const setPath = (q: Db, path: string) => q.query(`SELECT set_config('search_path', $1, true)`, [path]);

/**
 * The whole runner scoped: a statement outside a transaction gets a short transaction of its own.
 * readOnly: every transaction is read only, so no write can reach the schema (a province looking
 * at a received commune: the database refuses what a screen might still try).
 */
export function scopedDb(base: DbRunner, schema: string, opts: { readOnly?: boolean } = {}): DbRunner {
  const path = quoteIdent(schema);
  const within = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    base.transaction(async (tx) => {
      await setPath(tx, path);
      if (opts.readOnly) await tx.query(`SELECT set_config('transaction_read_only', 'on', true)`);
      return fn(tx);
    });
  return {
    query: (sql, params) => within((tx) => tx.query(sql, params)),
    exec: (sql) => within((tx) => tx.exec(sql)),
    copyRows: (table, columns, rows) => within((tx) => tx.copyRows(table, columns, rows)),
    transaction: within,
  };
}

/**
 * Inside an open transaction that also works on its own schema (the province's import): each
 * statement runs in `schema`, and the transaction's search_path is put back after it.
 */
export function scopedTx(tx: Db, schema: string): Db {
  const path = quoteIdent(schema);
  const within = async <T>(fn: () => Promise<T>): Promise<T> => {
    const prev = (await tx.query<{ p: string }>(`SELECT current_setting('search_path') AS p`)).rows[0]!.p;
    await setPath(tx, path);
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      // The transaction may be aborted: the statement's own error is the one to report.
      await setPath(tx, prev).catch(() => undefined);
      throw e;
    }
    await setPath(tx, prev);
    return result;
  };
  return {
    query: (sql, params) => within(() => tx.query(sql, params)),
    exec: (sql) => within(() => tx.exec(sql)),
    copyRows: (table, columns, rows) => within(() => tx.copyRows(table, columns, rows)),
  };
}

/** A runner over an open transaction: its "transactions" run inside it (all or nothing with it). */
export function nestedRunner(tx: Db): DbRunner {
  return { ...tx, query: tx.query.bind(tx), exec: tx.exec.bind(tx), copyRows: tx.copyRows.bind(tx), transaction: (fn) => fn(tx) };
}
