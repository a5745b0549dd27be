// The tables of the schema the database works in (public, or the first of a server URL's
// search_path), but schema_version, parents before children, each column by name and SQL type:
// what a dump holds and a load fills. Read from the catalog, so a new table or column added by a
// later migration is backed up without touching this code.
import type { Db } from './database.js';

export interface ColumnInfo {
  name: string;
  /** SQL type as format_type prints it (e.g. `integer`, `timestamp with time zone`). */
  type: string;
  /** Filled by a sequence (serial or identity): its counter is moved past the restored rows. */
  sequence: string | null;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns: rows are written in this order (a self-reference points to an older row). */
  key: string[];
}

/** The stored evaluations (migration 6): derived from the other tables, rebuilt on use, never backed up. */
export const DERIVED_TABLES: readonly string[] = ['team_stamp', 'eval_cache', 'status_cache'];
// schema_version is the file's own.
const SKIP = new Set(['schema_version', ...DERIVED_TABLES]);
/**
 * Columns that are not data: a form's row version (migration 7) is this database's own counter
 * for optimistic concurrency. Left out of backups, a restored row takes a new one (its default),
 * so a screen that showed a form before the restore cannot save over the restored values unseen.
 */
const NOT_DATA = new Set(['form.version']);

export async function listTables(q: Db): Promise<TableInfo[]> {
  const cols = await q.query<{ table: string; name: string; type: string; sequence: string | null }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const keys = await q.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, a.attname AS name
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
     WHERE n.nspname = current_schema() AND k.contype = 'p'
     ORDER BY c.relname, u.ord`,
  );
  const refs = await q.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND k.contype = 'f'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    if (SKIP.has(c.table) || NOT_DATA.has(`${c.table}.${c.name}`)) continue;
    let t = tables.get(c.table);
    if (!t) tables.set(c.table, (t = { name: c.table, columns: [], key: [] }));
    t.columns.push({ name: c.name, type: c.type, sequence: c.sequence });
  }
  for (const k of keys.rows) tables.get(k.table)?.key.push(k.name);
  return dependencyOrder([...tables.values()], refs.rows);
}

/** Parents before children (ties by name, so the order is stable); self-references are ignored. */
export function dependencyOrder(tables: TableInfo[], refs: { child: string; parent: string }[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>();
  for (const r of refs) {
    if (r.child === r.parent || !byName.has(r.child) || !byName.has(r.parent)) continue;
    let s = parents.get(r.child);
    if (!s) parents.set(r.child, (s = new Set()));
    s.add(r.parent);
  }
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const names = [...byName.keys()].sort();
  while (out.length < names.length) {
    const next = names.find((n) => !done.has(n) && [...(parents.get(n) ?? [])].every((p) => done.has(p)));
    if (!next) throw new Error(`Vòng khoá ngoại giữa các bảng: ${names.filter((n) => !done.has(n)).join(', ')}`);
    done.add(next);
    out.push(byName.get(next)!);
  }
  return out;
}
