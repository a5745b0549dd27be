// A restore's load (src/db/dump.ts loadTables): every table by COPY, not one INSERT of parsed JSON
// per chunk, and the import's three big tables through the import's own fast key path
// (bulk-keys.ts: per-row key triggers off where allowed, every key checked after). Rows come back
// exactly; a row naming a form, indicator or team that is not there is still refused.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { setValue } from '../../src/db/forms.js';
import { LoadMismatchError, type TableLoad, dumpTables, loadTables } from '../../src/db/dump.js';
import { demoDb } from '../support/db.js';

/** The sections a backup file gives loadTables (one JSON text per row). */
async function sectionsOf(db: Awaited<ReturnType<typeof demoDb>>): Promise<{ schema: number; sections: TableLoad[] }> {
  const dump = await dumpTables(db);
  return { schema: dump.schema, sections: dump.tables.map((t) => ({ table: t.table, columns: t.columns, rows: t.rows ? t.rows.split('\n') : [] })) };
}

/** tx, noting the statements it runs and the tables it copies into. */
function watched(tx: Db) {
  const seen = { sql: [] as string[], copied: [] as string[] };
  const db: Db = {
    query: (sql, params) => (seen.sql.push(sql), tx.query(sql, params)),
    exec: (sql) => (seen.sql.push(sql), tx.exec(sql)),
    copyRows: (table, columns, rows) => (seen.copied.push(table), tx.copyRows(table, columns, rows)),
  };
  return { db, seen };
}

/** A section's rows with one value changed in its first row. */
function edited(sections: TableLoad[], table: string, column: string, value: string): TableLoad[] {
  return sections.map((s) => {
    if (s.table !== table) return s;
    const first = JSON.parse(s.rows[0]!) as (string | null)[];
    first[s.columns.indexOf(column)] = value;
    return { ...s, rows: [JSON.stringify(first), ...s.rows.slice(1)] };
  });
}

describe("a restore's load", () => {
  it('copies every table (no row INSERTs), the forms, values and log through the fast key path where allowed; the rows come back the same', async () => {
    const db = await demoDb();
    const before = await dumpTables(db);
    const { schema, sections } = await sectionsOf(db);
    const su = (await db.query<{ su: string }>(`SELECT current_setting('is_superuser') AS su`)).rows[0]!.su === 'on';
    const { report, seen } = await db.transaction(async (tx) => {
      const w = watched(tx);
      return { report: await loadTables(w.db, sections, schema), seen: w.seen };
    });
    const filled = sections.filter((s) => s.rows.length > 0).map((s) => s.table);
    expect(filled).toEqual(expect.arrayContaining(['team', 'form', 'form_value', 'member']));
    expect([...new Set(seen.copied)].sort()).toEqual([...filled].sort());
    expect(seen.sql.filter((s) => /^\s*INSERT/iu.test(s) && !/WHERE false/u.test(s))).toEqual([]);
    expect(report.fastTables).toEqual(su ? ['form', 'form_value', 'value_change'].filter((t) => sections.some((s) => s.table === t)) : []);
    const after = await dumpTables(db);
    expect(after.tables.map((t) => [t.table, t.count, t.rows])).toEqual(before.tables.map((t) => [t.table, t.count, t.rows]));
  });

  it('still refuses a value of a form or an indicator that is not there, a form or a log line of a missing team, and writes nothing', async () => {
    const db = await demoDb();
    const team = (await db.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 1')).rows[0]!.id;
    await db.transaction((tx) => setValue(tx, team, '2026-10', 'ho_huong_dan', 4321)); // a line of the change log
    const { schema, sections } = await sectionsOf(db);
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM form_value')).rows[0]!.n;
    const n = await count();
    for (const [table, column, value] of [
      ['form_value', 'form_id', '999999'],
      ['form_value', 'indicator', 'khong_co'],
      ['form', 'team_id', '999999'],
      ['value_change', 'team_id', '999999'],
      ['member', 'team_id', '999999'],
      // At or below the bound bulk-keys checks from (ids of a sequence start at 1): refused too.
      ['form_value', 'form_id', '0'],
      ['form_value', 'form_id', '-1'],
      ['form', 'id', '-1'],
      ['value_change', 'id', '0'],
    ] as const) {
      if (!sections.find((s) => s.table === table)?.rows.length) throw new Error(`the demo commune has no ${table} row`);
      const err = await db.transaction((tx) => loadTables(tx, edited(sections, table, column, value), schema)).catch((e: unknown) => e);
      expect(err, `${table}.${column}`).toBeInstanceOf(Error);
      if (table !== 'member') expect(err, `${table}.${column}`).toBeInstanceOf(LoadMismatchError);
      expect(await count()).toBe(n);
    }
  });

  // The values' key is built after their rows (bulk-keys.ts dropValueKey) where the fast path is
  // taken: it is there after a load, and a value twice in the file is still refused.
  it("keeps the values' key: there after a load, and a value twice is refused with nothing written", async () => {
    const db = await demoDb();
    const { schema, sections } = await sectionsOf(db);
    const hasKey = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'form_value_pkey' AND contype = 'p' AND conrelid = 'form_value'::regclass`)).rows[0]!.n;
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM form_value')).rows[0]!.n;
    const n = await count();
    await db.transaction((tx) => loadTables(tx, sections, schema));
    expect(await hasKey()).toBe(1);
    const twice = sections.map((s) => (s.table === 'form_value' ? { ...s, rows: [...s.rows, s.rows[0]!] } : s));
    const err = await db.transaction((tx) => loadTables(tx, twice, schema)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/form_value_pkey|duplicate|trùng/u);
    expect(await count()).toBe(n);
    expect(await hasKey()).toBe(1);
  });
});

