// An import's new rows written with PostgreSQL's per-row foreign-key triggers off
// (session_replication_role = replica) and their keys checked afterwards, once, set-based.
//
// Why: a foreign-key check is a trigger per row (a lookup in the referenced table). Measured on
// the bench's file (2,000 teams × 12 months, 24,000 new forms, 305,739 values, PGlite 0.5): the
// values' COPY took 33 s with them and 3.9 s without (load 8, same run), and the forms' log lines
// and the forms themselves (one row each per form, with one and two keys) about half as long.
//
// What replica mode would also skip is kept: a trigger of our own that is ENABLE ALWAYS fires
// anyway (the status stamps, migration 6); an ordinary statement trigger without transition
// tables (the refresh NOTIFY, migration 4) is fired afterwards by an empty INSERT on its table,
// which sees the table as the statements left it. Any other trigger on these tables (a row
// trigger, one reading transition tables, one enabled only for replicas) means no skipping.
import type { Db } from './database.js';

/**
 * The keys each table's new rows must have. Only this import's rows are read (ids above the
 * largest before it: a sequence never gives a smaller one), so the check costs what the file
 * holds, not what the year holds: every fast-written value belongs to a new form.
 */
const KEYS: Record<BulkTable, string> = {
  value_change: `SELECT count(*) FROM value_change v LEFT JOIN team t ON t.id = v.team_id
                 LEFT JOIN import_batch b ON b.id = v.batch_id
                 WHERE v.id > $1 AND (t.id IS NULL OR (v.batch_id IS NOT NULL AND b.id IS NULL))`,
  form: `SELECT count(*) FROM form f LEFT JOIN team t ON t.id = f.team_id WHERE f.id > $1 AND t.id IS NULL`,
  form_value: `SELECT count(*) FROM form_value v LEFT JOIN indicator i ON i.code = v.indicator
               LEFT JOIN form f ON f.id = v.form_id WHERE v.form_id > $1 AND (i.code IS NULL OR f.id IS NULL)`,
};

/** Rows written with the per-row key checks off that point at no team, indicator or form: nothing is kept. */
export class KeyMismatchError extends Error {
  constructor(
    readonly table: BulkTable,
    readonly rows: number,
  ) {
    super(`Lỗi toàn vẹn dữ liệu khi nhập: ${rows} dòng của bảng ${table} không khớp tổ/chỉ số/phiếu; không ghi gì.`);
  }
}

export type BulkTable = 'value_change' | 'form' | 'form_value';
const TABLES = Object.keys(KEYS) as BulkTable[];

export interface BulkKeys {
  /** Whether the key triggers are off while writing (fast), or run as usual. */
  readonly fast: boolean;
  /** Run fn (statements adding rows to these tables) with the key triggers off when fast. */
  writing<T>(fn: () => Promise<T>): Promise<T>;
  /** After the last write: every key checked (any miss throws: the import rolls back), skipped statement triggers fired. */
  finish(): Promise<void>;
}

/**
 * Decide once per import, inside its transaction: fast only for a superuser (as in PGlite; a
 * server's ordinary role may not) and when every trigger of ours on the tables is one kept above.
 * `allowed` false: the triggers run (tests compare both ways).
 */
export async function openBulkKeys(tx: Db, allowed = true): Promise<BulkKeys> {
  const r = allowed
    ? await tx.query<{ su: string; refused: number; refire: string[] | null; last_change: string; last_form: string }>(
        // tgtype: bit 0 row-level, bit 2 INSERT; tgenabled: O ordinary, A always, R replica only, D disabled.
        `SELECT current_setting('is_superuser') AS su,
                count(*) FILTER (WHERE tgenabled = 'R' OR (tgenabled = 'O' AND (tgtype & 1 = 1 OR tgnewtable IS NOT NULL)))::int AS refused,
                array_agg(DISTINCT c.relname::text) FILTER (WHERE tgenabled = 'O' AND tgtype & 1 = 0 AND tgnewtable IS NULL) AS refire,
                (SELECT coalesce(max(id), 0) FROM value_change)::text AS last_change,
                (SELECT coalesce(max(id), 0) FROM form)::text AS last_form
         FROM pg_class c LEFT JOIN pg_trigger g ON g.tgrelid = c.oid AND NOT g.tgisinternal AND g.tgtype & 4 = 4
         WHERE c.oid = ANY (ARRAY[${TABLES.map((t) => `'${t}'::regclass`).join(', ')}])`,
      )
    : null;
  const row = r?.rows[0];
  const fast = row?.su === 'on' && row.refused === 0;
  const refire = (row?.refire ?? []) as BulkTable[];
  const before: Record<BulkTable, string> = { value_change: row?.last_change ?? '0', form: row?.last_form ?? '0', form_value: row?.last_form ?? '0' };
  return {
    fast,
    async writing(fn) {
      if (!fast) return fn();
      await tx.exec('SET LOCAL session_replication_role = replica');
      // Not in a finally: after a failed statement the transaction is aborted (and the setting
      // with it), and a SET there would hide the real error behind "transaction is aborted".
      const out = await fn();
      await tx.exec('SET LOCAL session_replication_role = origin');
      return out;
    },
    async finish() {
      if (!fast) return;
      for (const t of TABLES) {
        const bad = await tx.query<{ count: number }>(KEYS[t], [before[t]]);
        const n = Number(bad.rows[0]?.count ?? 0);
        if (n > 0) throw new KeyMismatchError(t, n);
      }
      for (const t of TABLES) if (refire.includes(t)) await tx.exec(`INSERT INTO ${t} SELECT * FROM ${t} WHERE false`);
    },
  };
}

/**
 * form_value's primary key dropped while rows go into the table, and built once afterwards from
 * the rows (returned: call it after the last write). Only on a table with no rows yet (a first
 * import, a restore) and for a role that holds it exclusively until the commit (the fast path
 * above). Measured on the bench's year (305,739 values, PGlite 0.5): the COPY took 2.8 s with the
 * key and 1.4 s without, plus 0.5 s to build it. A duplicate still refuses: the build fails, and
 * the transaction rolls back with the key.
 */
export async function dropValueKey(tx: Db): Promise<() => Promise<void>> {
  await tx.exec('ALTER TABLE form_value DROP CONSTRAINT form_value_pkey');
  return () => tx.exec('ALTER TABLE form_value ADD CONSTRAINT form_value_pkey PRIMARY KEY (form_id, indicator)');
}
