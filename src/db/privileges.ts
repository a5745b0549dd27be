// What the connected role may do in the schema the database works in. On PGlite (one user,
// the owner) always everything; on a server a role may have been given only SELECT.
import type { Db } from './database.js';

/**
 * True when the role may write every table of the schema (INSERT, UPDATE and DELETE), or, in a
 * schema with no tables yet, may create them. Asked of the catalog: nothing is tried, nothing written.
 */
export async function canWrite(db: Db): Promise<boolean> {
  const r = await db.query<{ ok: boolean | null; tables: number }>(
    `SELECT bool_and(has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')) AS ok,
            count(c.oid) AS tables
     FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = 'r'
     WHERE n.nspname = current_schema()`,
  );
  const row = r.rows[0];
  if (!row || row.tables === 0) {
    const s = await db.query<{ ok: boolean }>(`SELECT has_schema_privilege(current_schema(), 'CREATE') AS ok`);
    return !!s.rows[0]?.ok;
  }
  return !!row.ok;
}

