// The first import into a database with no form (src/db/figures-import.ts, valueKeyLater): the
// values' primary key is dropped while they are copied and built again at the end. It must be
// there after every import, committed or refused, and still refuse a duplicate.
import { describe, expect, it } from 'vitest';
import type { Db, DbRunner } from '../../src/db/database.js';
import { type FiguresShape, type StagedForm, openFiguresWriter, writeFigures } from '../../src/db/figures-import.js';
import { demoDb } from '../support/db.js';
import { ON_SERVER } from '../support/server.js';

const SHAPE: FiguresShape = { setReceived: false, setNote: false, columns: null };

/** The demo commune with every form gone (its teams kept): what a first import meets. */
async function noForms(): Promise<{ pg: DbRunner; teams: number[]; codes: string[] }> {
  const pg = await demoDb();
  await pg.exec('DELETE FROM form');
  const t = await pg.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 3');
  const c = await pg.query<{ code: string }>('SELECT code FROM indicator ORDER BY code LIMIT 3');
  return { pg, teams: t.rows.map((r) => r.id), codes: c.rows.map((r) => r.code) };
}

const form = (teamId: number, month: string, codes: string[], values: number[]): StagedForm => ({ teamId, month, receivedOn: null, note: null, codes, values, formId: null });

/** The columns of form_value's primary key, or null when it has none. */
async function valueKey(q: Db): Promise<string | null> {
  const r = await q.query<{ cols: string | null }>(
    `SELECT string_agg(a.attname::text, ',' ORDER BY k.i) AS cols
     FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(n, i)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
     WHERE c.conrelid = 'form_value'::regclass AND c.contype = 'p'`,
  );
  return r.rows[0]?.cols ?? null;
}

const values = async (q: Db) =>
  (await q.query<{ v: string }>(`SELECT f.team_id || ' ' || f.month || ' ' || v.indicator || ' ' || v.value AS v FROM form_value v JOIN form f ON f.id = v.form_id ORDER BY 1`)).rows.map((r) => r.v);

describe("a first import's values key", () => {
  it('is built again after the batches, every value kept, and refuses a duplicate afterwards', async () => {
    const { pg, teams, codes } = await noForms();
    expect(await valueKey(pg)).toBe('form_id,indicator');
    const dropped = await pg.transaction(async (tx) => {
      const w = await openFiguresWriter(tx, SHAPE);
      await w.write([form(teams[0]!, '2026-01', codes, [1, 2, 3]), form(teams[1]!, '2026-01', codes.slice(0, 2), [4, 5])]);
      const between = await valueKey(tx);
      await w.write([form(teams[2]!, '2026-02', codes.slice(1), [6, 7])]);
      await w.finish();
      // Only where the key triggers are off (PGlite, a superuser) is it dropped meanwhile.
      expect(between).toBe(w.keys === 'after-copy' ? null : 'form_id,indicator');
      return between === null;
    });
    expect(await valueKey(pg)).toBe('form_id,indicator');
    expect(await values(pg)).toEqual(
      [
        `${teams[0]} 2026-01 ${codes[0]} 1`,
        `${teams[0]} 2026-01 ${codes[1]} 2`,
        `${teams[0]} 2026-01 ${codes[2]} 3`,
        `${teams[1]} 2026-01 ${codes[0]} 4`,
        `${teams[1]} 2026-01 ${codes[1]} 5`,
        `${teams[2]} 2026-02 ${codes[1]} 6`,
        `${teams[2]} 2026-02 ${codes[2]} 7`,
      ].sort(),
    );
    const id = (await pg.query<{ id: number }>('SELECT id FROM form WHERE team_id = $1', [teams[0]])).rows[0]!.id;
    await expect(pg.query(`INSERT INTO form_value (form_id, indicator, value) VALUES ($1, $2, 9)`, [id, codes[0]])).rejects.toThrow(/duplicate|trùng|unique/i);
    // The next import meets forms: the key stays through it.
    await pg.transaction(async (tx) => {
      const w = await openFiguresWriter(tx, SHAPE);
      await w.write([form(teams[0]!, '2026-03', codes, [1, 1, 1])]);
      expect(await valueKey(tx)).toBe('form_id,indicator');
      await w.finish();
    });
    // On PGlite (always a superuser) the key was dropped meanwhile.
    if (!ON_SERVER) expect(dropped).toBe(true);
  });

  it('a value twice in a form refuses the import, nothing written, the key still there', async () => {
    const { pg, teams, codes } = await noForms();
    const twice = [form(teams[0]!, '2026-01', [codes[0]!, codes[0]!], [1, 2])];
    await expect(pg.transaction((tx) => writeFigures(tx, { ...SHAPE, forms: twice }))).rejects.toThrow(/duplicate|trùng|unique|form_value_pkey/i);
    expect(await valueKey(pg)).toBe('form_id,indicator');
    expect((await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM form')).rows[0]!.n).toBe(0);
  });

  it('a refused import (a value of no indicator) leaves the key in place', async () => {
    const { pg, teams, codes } = await noForms();
    const bad = [form(teams[0]!, '2026-01', [codes[0]!, 'khong_co_chi_so'], [1, 2])];
    await expect(pg.transaction((tx) => writeFigures(tx, { ...SHAPE, forms: bad }))).rejects.toThrow();
    expect(await valueKey(pg)).toBe('form_id,indicator');
    expect(await values(pg)).toEqual([]);
  });
});
