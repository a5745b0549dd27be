// The PGlite adapter: the one file of the program that knows PGlite (the embedded PostgreSQL).
// It turns PGlite's values into the plain ones database.ts promises, copies rows through
// COPY … FROM '/dev/blob', and opens, creates and dumps PGlite data folders for the store.
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import fs from 'node:fs';
import { copyText } from '../copy-text.js';
import type { Db, DbHandle, DbRunner, QueryResult } from '../database.js';
import { quoteIdent } from '../database.js';

const text = (v: string) => v;
const DATE_ARRAY = 1182;
const INT8_ARRAY = 1016;
const NUMERIC_ARRAY = 1231;

/** Dates stay 'YYYY-MM-DD' text; bigint and numeric become numbers (counts, sums). */
const PARSERS = {
  [types.DATE]: text,
  [DATE_ARRAY]: (v: string) => types.arrayParser(v, text, DATE_ARRAY),
  [types.INT8]: Number,
  [INT8_ARRAY]: (v: string) => types.arrayParser(v, Number, INT8_ARRAY),
  [types.NUMERIC]: Number,
  [NUMERIC_ARRAY]: (v: string) => types.arrayParser(v, Number, NUMERIC_ARRAY),
};
const OPTIONS = { parsers: PARSERS };

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(q: Queryable): Db {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
    async copyRows(table, columns, rows): Promise<number> {
      const { text: body, rows: n } = copyText(rows);
      if (n === 0) return 0;
      const r = await q.query(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([body]),
      });
      return r.affectedRows ?? n;
    },
  };
}

const runners = new WeakMap<PGlite, DbRunner>();

/** The runner of a PGlite (always the same object for the same PGlite). */
export function pgliteDb(pg: PGlite): DbRunner {
  let runner = runners.get(pg);
  if (!runner) {
    runner = { ...wrap(pg), transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))) };
    runners.set(pg, runner);
  }
  return runner;
}

export interface PgliteHandle extends DbHandle {
  /** The whole data folder as an uncompressed tar (the install-time template). */
  dumpTar(): Promise<Uint8Array>;
}

function handle(pg: PGlite): PgliteHandle {
  return {
    db: pgliteDb(pg),
    flush: async () => void (await pg.exec('CHECKPOINT')),
    walPosition: async () => (await pg.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn,
    close: () => pg.close(),
    dumpTar: async () => new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer()),
  };
}

/**
 * Open the PGlite data folder `dir` (created by initdb if empty; in memory when undefined), or
 * with `fromTar` (a file) load a dumped folder into it first (~0.5 s instead of initdb's ~4 s).
 */
export async function openPglite(dir?: string, opts: { fromTar?: string } = {}): Promise<PgliteHandle> {
  // The file's bytes go straight into the Blob and are not kept: a 2,000-team tar is ~140 MB.
  const options = opts.fromTar ? { ...OPTIONS, loadDataDir: new Blob([fs.readFileSync(opts.fromTar)]) } : OPTIONS;
  return handle(await PGlite.create(dir, options));
}
