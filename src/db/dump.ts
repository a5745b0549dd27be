// The whole database as text and back: every table's rows in PostgreSQL's text form of each
// value, which does not change between PostgreSQL (and so PGlite) versions, unlike a copy of the
// data folder. The backup file's format around it is io/backup/format.ts.
import { type TableInfo, listTables } from './catalog.js';
import type { Db, DbRunner } from './database.js';
import { quoteIdent } from './database.js';
import { schemaVersion } from './migrate.js';

export interface TableDump {
  table: string;
  columns: string[];
  /** SQL types, as format_type prints them. */
  types: string[];
  count: number;
  /** One JSON array text per row (each value's text form, null for NULL), joined by '\n'; null when empty. */
  rows: string | null;
}

export interface DatabaseDump {
  schema: number;
  unit: string | null;
  tables: TableDump[];
}

/** Every table's rows (parents first, by primary key), read in one transaction: one consistent moment. */
export async function dumpTables(db: DbRunner): Promise<DatabaseDump> {
  return db.transaction(async (tx) => {
    // Fixed text forms whatever the session's settings: ISO dates, UTC times, exact floats.
    await tx.exec(`SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL TimeZone = 'UTC'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3`);
    const schema = await schemaVersion(tx);
    const unit = await tx
      .query<{ name: string }>(`SELECT name FROM unit LIMIT 1`)
      .then((r) => r.rows[0]?.name ?? null)
      .catch(() => null);
    const tables: TableDump[] = [];
    for (const t of await listTables(tx)) {
      const row = `array_to_json(ARRAY[${t.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ')}]::text[])::text`;
      const order = t.key.length ? t.key.map(quoteIdent).join(', ') : row;
      const r = await tx.query<{ n: number; rows: string | null }>(`SELECT count(*) AS n, string_agg(${row}, E'\\n' ORDER BY ${order}) AS rows FROM ${quoteIdent(t.name)}`);
      const { n, rows } = r.rows[0]!;
      tables.push({ table: t.name, columns: t.columns.map((c) => c.name), types: t.columns.map((c) => c.type), count: n, rows });
    }
    return { schema, unit, tables };
  });
}

export interface TableLoad {
  table: string;
  columns: string[];
  /** One JSON array text per row, as dumpTables wrote it. */
  rows: string[];
}

/** The rows do not fit this database's schema (a damaged or foreign dump): the message says how. */
export class LoadMismatchError extends Error {}

const CHUNK = 5000;

/**
 * Replace every table's rows with the dump's and move counters past them (call inside a
 * transaction). `schema` names the schema the rows were dumped from, for the messages.
 */
export async function loadTables(tx: Db, sections: readonly TableLoad[], schema: number): Promise<void> {
  const tables = new Map<string, TableInfo>((await listTables(tx)).map((t) => [t.name, t]));
  for (const s of [...sections].reverse()) if (tables.has(s.table)) await tx.exec(`DELETE FROM ${quoteIdent(s.table)}`);
  for (const s of sections) {
    const t = tables.get(s.table);
    if (!t) throw new LoadMismatchError(`bảng ${s.table} không có trong lược đồ số ${schema}`);
    const types = new Map(t.columns.map((c) => [c.name, c.type]));
    const missing = s.columns.filter((c) => !types.has(c));
    if (missing.length) throw new LoadMismatchError(`bảng ${s.table} có cột lạ: ${missing.join(', ')}`);
    const cols = s.columns.map(quoteIdent).join(', ');
    const values = s.columns.map((c, i) => `(r->>${i})::${types.get(c)}`).join(', ');
    const sql = `INSERT INTO ${quoteIdent(s.table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) AS e(r)`;
    for (let i = 0; i < s.rows.length; i += CHUNK) await tx.query(sql, [`[${s.rows.slice(i, i + CHUNK).join(',')}]`]);
    for (const c of t.columns) {
      if (!c.sequence) continue;
      await tx.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(c.name)}) FROM ${quoteIdent(t.name)}), 0) + 1, false)`, [c.sequence]);
    }
    const n = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(s.table)}`);
    if (n.rows[0]?.n !== s.rows.length) throw new LoadMismatchError(`bảng ${s.table}: nạp ${n.rows[0]?.n} dòng thay vì ${s.rows.length}`);
  }
}
