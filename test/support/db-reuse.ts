// A test file's in-memory PGlite databases are loaded once and given back to the next test as
// they were loaded: loading the template costs a PGlite start (~0.3 s quiet, seconds on a busy
// machine) where putting the rows back costs a few tens of ms. A database is given again only
// when nothing but rows and sequences changed: any other change (a table, a column, a function,
// a schema, a temporary table, an open transaction, a session lock) and it is closed instead.
import type { Db, DbRunner } from '../../src/db/database.js';

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;

/** Everything but rows and sequence values, as one string: what must not have changed. */
async function shape(db: Db): Promise<string> {
  const r = await db.query<{ s: string }>(`
    SELECT concat_ws(E'\\n',
      (SELECT string_agg(n.nspname, ',' ORDER BY n.nspname) FROM pg_namespace n WHERE ${USER_SCHEMAS}),
      (SELECT string_agg(concat_ws(':', n.nspname, c.relname, c.relkind, a.attnum, a.attname, a.atttypid, a.attnotnull, a.attgenerated, a.attidentity,
                                   pg_get_expr(d.adbin, d.adrelid)), ',' ORDER BY n.nspname, c.relname, a.attnum)
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
         WHERE ${USER_SCHEMAS}),
      (SELECT string_agg(concat_ws(':', conrelid::regclass::text, conname, pg_get_constraintdef(oid)), ',' ORDER BY conrelid::regclass::text, conname) FROM pg_constraint
         WHERE connamespace IN (SELECT n.oid FROM pg_namespace n WHERE ${USER_SCHEMAS})),
      (SELECT string_agg(concat_ws(':', tgrelid::regclass::text, tgname, tgenabled, tgfoid), ',' ORDER BY tgrelid::regclass::text, tgname) FROM pg_trigger WHERE NOT tgisinternal),
      (SELECT string_agg(concat_ws(':', p.oid, p.proname, md5(p.prosrc)), ',' ORDER BY p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_SCHEMAS}),
      (SELECT string_agg(concat_ws(':', indexrelid::regclass::text, pg_get_indexdef(indexrelid)), ',' ORDER BY indexrelid::regclass::text) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}),
      (SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles),
      (SELECT string_agg(concat_ws(':', extname, extversion), ',' ORDER BY extname) FROM pg_extension)
    ) AS s`);
  return r.rows[0]!.s;
}

interface Table {
  name: string;
  /** The columns a row is written with (not the generated ones). */
  columns: string[];
  rows: string;
  /** Has triggers of its own (some fire even as a replica: the status cache's stamps). */
  triggered: boolean;
}

export interface Pristine {
  shape: string;
  tables: Table[];
  sequences: { name: string; value: number; called: boolean }[];
}

/** What the database holds now, to put back later. */
export async function capture(db: Db): Promise<Pristine> {
  const tables = await db.query<{ name: string; columns: string[]; triggered: boolean }>(`
    SELECT c.oid::regclass::text AS name,
           array_agg(quote_ident(a.attname) ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns,
           EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal) AS triggered
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS}
     GROUP BY c.oid ORDER BY c.oid`);
  const out: Table[] = [];
  for (const t of tables.rows) {
    // In scan order: put back in the same order, the rows come back in the same order.
    const r = await db.query<{ rows: string }>(`SELECT coalesce(json_agg(x), '[]')::text AS rows FROM ${t.name} x`);
    out.push({ name: t.name, columns: t.columns, triggered: t.triggered, rows: r.rows[0]!.rows });
  }
  const seqs = await db.query<{ name: string }>(
    `SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND ${USER_SCHEMAS} ORDER BY c.oid`,
  );
  const sequences: Pristine['sequences'] = [];
  for (const { name } of seqs.rows) {
    const v = await db.query<{ value: number; called: boolean }>(`SELECT last_value AS value, is_called AS called FROM ${name}`);
    sequences.push({ name, ...v.rows[0]! });
  }
  return { shape: await shape(db), tables: out, sequences };
}

/** Nothing open or held by the last test: no transaction that wrote, no temporary table, no session lock. */
async function idle(db: Db): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>(`
    SELECT pg_current_xact_id_if_assigned() IS NULL
       AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory')
       AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relpersistence = 't') AS ok`);
  return r.rows[0]!.ok === true;
}

/**
 * Put the rows and sequences of `pristine` back (triggers off as for a replica); false when the
 * database cannot be given again as it was (its shape changed, or something is still open).
 */
export async function putBack(db: DbRunner, pristine: Pristine): Promise<boolean> {
  try {
    if (!(await idle(db))) return false;
    await db.exec('RESET ALL');
    if ((await shape(db)) !== pristine.shape) return false;
    await db.transaction(async (tx) => {
      // Rows as they were, not as the triggers would log or stamp them.
      await tx.exec(`SET LOCAL session_replication_role = replica`);
      const truncate = (tables: Table[]) => (tables.length ? tx.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')}`) : undefined);
      const fill = async (tables: Table[]) => {
        for (const t of tables) {
          if (t.rows === '[]') continue;
          const cols = t.columns.join(', ');
          await tx.query(`INSERT INTO ${t.name} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${t.name}, $1::json)`, [t.rows]);
        }
      };
      await truncate(pristine.tables);
      await fill(pristine.tables.filter((t) => t.triggered));
      // What their ENABLE ALWAYS triggers wrote meanwhile (the stamps) goes (DELETE: no foreign key
      // is checked as a replica, where TRUNCATE refuses a referenced table); then the rest as it was.
      const plain = pristine.tables.filter((t) => !t.triggered);
      for (const t of plain) await tx.exec(`DELETE FROM ${t.name}`);
      await fill(plain);
      for (const s of pristine.sequences) await tx.query(`SELECT setval($1::regclass, $2, $3)`, [s.name, s.value, s.called]);
    });
    return true;
  } catch {
    return false;
  }
}
