// A typed save stamps its own team (migration 11): tonghop_save_field gives the team its new stamp
// itself, once, and the stamp triggers of form and form_value do not run for its statements (the
// server's cost of a save); every other write, in the same transaction too, is still stamped by
// the triggers, and the stored status still equals the full evaluation.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { computeStatus } from '../../src/db/evaluation.js';
import { saveFieldAlone } from '../../src/db/form-versions.js';
import { FIELD_NOTE, FIELD_RECEIVED, enterField, getForm } from '../../src/db/forms.js';
import { cachedStatusJson } from '../../src/db/status-cache.js';
import { getTeamByCode } from '../../src/db/teams.js';
import type { Month } from '../../src/domain/period.js';
import { statusJson } from '../../src/domain/status.js';
import { demoDb } from '../support/db.js';

const M: Month = '2026-10';
const DAY = '2026-10-28';

async function stamps(db: DbRunner): Promise<Map<number, number>> {
  const r = await db.query<{ team_id: number; stamp: number }>(`SELECT team_id, stamp FROM team_stamp`);
  return new Map(r.rows.map((x) => [x.team_id, Number(x.stamp)]));
}

/** Teams whose stamp moved between two readings. */
const moved = (a: Map<number, number>, b: Map<number, number>) => [...b].filter(([t, s]) => a.get(t) !== s).map(([t]) => t);

/** The form and value stamp triggers' functions made to fail: a statement they run for cannot succeed. */
async function breakStampTriggers(db: DbRunner): Promise<void> {
  for (const table of ['form', 'form_value'])
    await db.exec(`CREATE OR REPLACE FUNCTION tonghop_stamp_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'stamp trigger of ${table} ran'; END $$`);
}

describe('a typed save stamps its team itself', () => {
  it('each kind of typed save moves its team’s stamp, no other, without the stamp triggers', async () => {
    const db = await demoDb();
    const a = (await getTeamByCode(db, 'TDP01'))!.id;
    await breakStampTriggers(db);
    const newMonth: Month = '2026-12';
    expect(await getForm(db, a, newMonth)).toBeNull();
    /** Save as a screen does, showing what is stored now. */
    const save = async (month: Month, field: string, value: number | string | null) => {
      const f = await getForm(db, a, month);
      const shown = field === FIELD_RECEIVED ? (f?.receivedOn ?? null) : field === FIELD_NOTE ? (f?.note ?? null) : (f?.values[field] ?? null);
      return saveFieldAlone(db, a, month, field, value, DAY, { version: f?.version ?? null, value: shown });
    };
    const saves: [string, () => Promise<{ ok: boolean }>][] = [
      ['a value written', () => save(M, 'ho_huong_dan', 977)],
      ['a value changed', () => save(M, 'ho_huong_dan', 978)],
      ['a value cleared', () => save(M, 'ho_huong_dan', null)],
      ['a value written again', () => save(M, 'ho_huong_dan', 12)],
      ['the received date', () => save(M, FIELD_RECEIVED, '2026-10-27')],
      ['the note', () => save(M, FIELD_NOTE, 'ghi chú')],
      ['a new form', () => save(newMonth, 'ho_huong_dan', 5)],
    ];
    for (const [what, run] of saves) {
      const before = await stamps(db);
      const r = await run();
      expect(r.ok, what).toBe(true);
      expect(moved(before, await stamps(db)), what).toEqual([a]);
    }
    // Nothing to write (the value already stored): no stamp.
    const before = await stamps(db);
    expect(await save(newMonth, 'ho_huong_dan', 5)).toMatchObject({ ok: true, changed: false });
    expect(moved(before, await stamps(db))).toEqual([]);
    // The triggers are really there for every other writer.
    await expect(db.query(`UPDATE form SET note = 'x' WHERE team_id = $1 AND month = $2`, [a, M])).rejects.toThrow(/stamp trigger of form ran/u);
  });

  it('a refused save writes no stamp', async () => {
    const db = await demoDb();
    const a = (await getTeamByCode(db, 'TDP01'))!.id;
    const shown = await getForm(db, a, M);
    await saveFieldAlone(db, a, M, 'ho_huong_dan', 321, DAY, { version: shown?.version ?? null, value: shown?.values.ho_huong_dan ?? null });
    const before = await stamps(db);
    const r = await saveFieldAlone(db, a, M, 'ho_huong_dan', 654, DAY, { version: shown?.version ?? null, value: shown?.values.ho_huong_dan ?? null });
    expect(r.ok).toBe(false);
    expect(moved(before, await stamps(db))).toEqual([]);
  });

  it('after a save, the same transaction’s other writes are stamped by the triggers, and status follows', async () => {
    const db = await demoDb();
    await cachedStatusJson(db, M, { store: true });
    const a = (await getTeamByCode(db, 'TDP01'))!.id;
    const b = (await getTeamByCode(db, 'TDP02'))!.id;
    const before = await stamps(db);
    await db.transaction(async (tx) => {
      expect(await enterField(tx, a, M, 'ho_huong_dan', 401, DAY)).toBe(true);
      await tx.query(`UPDATE form_value SET value = value + 1 WHERE form_id = (SELECT id FROM form WHERE team_id = $1 AND month = $2)`, [b, M]);
    });
    expect(moved(before, await stamps(db)).sort((x, y) => x - y)).toEqual([a, b].sort((x, y) => x - y));
    expect(await cachedStatusJson(db, M, { store: true })).toBe(statusJson(await computeStatus(db, M)));
  });
});
