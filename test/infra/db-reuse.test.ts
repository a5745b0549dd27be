// A test's in-memory database is given to the file's next test put back exactly as loaded
// (test/support/db-reuse.ts): every row in its order, every sequence, the triggers' logs; and
// a database whose shape a test changed is never given again. The tests of this file run in
// order: each one looks at what the one before it left.
import { describe, expect, it } from 'vitest';
import type { Db, DbRunner } from '../../src/db/database.js';
import { setValue } from '../../src/db/forms.js';
import { demoDb, pgliteFromTemplate } from '../support/db.js';

/** Every table's rows in scan order, and every sequence: what a later test could see. */
async function everything(db: Db): Promise<string> {
  const t = await db.query<{ name: string; kind: string }>(
    `SELECT c.oid::regclass::text AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY 1`,
  );
  const out: Record<string, unknown> = {};
  for (const { name, kind } of t.rows) {
    // Of a sequence what nextval reads (log_cnt is WAL bookkeeping: setval zeroes it, nextval does not look).
    const from = kind === 'S' ? `SELECT last_value, is_called FROM ${name}` : `SELECT * FROM ${name}`;
    out[name] = (await db.query<{ r: unknown }>(`SELECT json_agg(x) AS r FROM (${from}) x`)).rows[0]!.r;
  }
  return JSON.stringify(out);
}

let first: DbRunner;
let loaded: string;

describe.skipIf(process.env.TONGHOP_TEST_ENGINE === 'server')('a database given again', () => {
  it('a test changes rows of many tables (typed values, their change log, stamps, sequences)', async () => {
    loaded = await everything((await pgliteFromTemplate('demo')).db);
    first = await demoDb();
    expect(await everything(first)).toBe(loaded);
    await first.transaction(async (tx) => {
      await setValue(tx, 1, '2026-11', 'luot_ho_tro', 42);
      await setValue(tx, 2, '2026-10', 'luot_ho_tro', null);
      await tx.query(`UPDATE team SET name = 'Tổ đổi tên' WHERE id = 1`);
      await tx.query(`INSERT INTO area (name) VALUES ('Thôn mới')`);
      await tx.query(`DELETE FROM member WHERE id = (SELECT min(id) FROM member)`);
    });
    await first.exec(`SET search_path = pg_catalog`);
    await first.exec(`SET search_path = public`);
    await first.exec(`SET datestyle = 'SQL, DMY'`);
    expect(await everything(first)).not.toBe(loaded);
  });

  it('the next test gets the same database back exactly as loaded', async () => {
    const again = await demoDb();
    expect(again).toBe(first);
    expect(await everything(again)).toBe(loaded);
    expect((await again.query<{ d: string }>(`SELECT current_setting('datestyle') AS d`)).rows[0]!.d).toBe('ISO, MDY');
    // New rows still get fresh ids after the put-back sequences.
    await again.query(`INSERT INTO area (name) VALUES ('Thôn mới')`);
    await again.exec(`ALTER TABLE team ADD COLUMN ghi_chu_thu text`);
  });

  it('a database whose shape changed is not given again: a new one is loaded', async () => {
    const next = await demoDb();
    expect(next).not.toBe(first);
    expect(await everything(next)).toBe(loaded);
    const cols = await next.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'team' AND column_name = 'ghi_chu_thu'`);
    expect(cols.rows).toEqual([]);
    first = next;
    await next.exec(`CREATE TEMP TABLE tam (x int)`);
  });

  it('nor one left holding a temporary table', async () => {
    expect(await demoDb()).not.toBe(first);
  });
});
