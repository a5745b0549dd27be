// Forms storage: the paper-form save path, the change log and undo, on a real PGlite.
import { describe, expect, it } from 'vitest';
import {
  FIELD_FORM,
  FIELD_NOTE,
  FIELD_RECEIVED,
  enterField,
  formHistory,
  formsOfMonth,
  getForm,
  setValue,
  teamsWithForm,
  undoLast,
} from '../../src/db/forms.js';
import type { DbRunner } from '../../src/db/database.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';

const M = '2026-11';

async function ids(pg: DbRunner) {
  return { a: (await getTeamByCode(pg, 'TDP01'))!.id, b: (await getTeamByCode(pg, 'TDP02'))!.id };
}

describe('forms storage', () => {
  it('enterField creates the form with the received date shown, then sets the value; unchanged writes nothing', async () => {
    const pg = await demoDb();
    const { a } = await ids(pg);
    const db = pg;
    expect(await db.transaction((tx) => enterField(tx, a, M, 'ho_huong_dan', 0, '2026-11-23'))).toBe(true);
    const f = (await getForm(db, a, M))!;
    expect(f.values).toEqual({ ho_huong_dan: 0 });
    expect(f.receivedOn).toBe('2026-11-23');
    expect(f.source).toBe('typed');
    const n = (await formHistory(db, a, M)).length;
    expect(await db.transaction((tx) => enterField(tx, a, M, 'ho_huong_dan', 0, '2026-11-23'))).toBe(false);
    expect(await formHistory(db, a, M)).toHaveLength(n);
  });

  it('a blank (null) is no row, distinct from 0; a blank on a missing form still records the form when it is the date', async () => {
    const pg = await demoDb();
    const { a, b } = await ids(pg);
    const db = pg;
    await db.transaction((tx) => enterField(tx, a, M, 'luot_ho_tro', 5, '2026-11-23'));
    await db.transaction((tx) => enterField(tx, a, M, 'luot_ho_tro', null, '2026-11-23'));
    expect((await getForm(db, a, M))!.values).toEqual({});
    // Leaving the received date of a new form records the (blank) form: it counts as received.
    await db.transaction((tx) => enterField(tx, b, M, FIELD_RECEIVED, '2026-11-20', '2026-11-23'));
    const fb = (await getForm(db, b, M))!;
    expect(fb.receivedOn).toBe('2026-11-20');
    expect(fb.values).toEqual({});
    expect(await teamsWithForm(db, M)).toEqual(new Set([a, b]));
  });

  it('logs every change (old, new, source) newest first and undoes the newest typed one, globally or per form', async () => {
    const pg = await demoDb();
    const { a, b } = await ids(pg);
    const db = pg;
    await db.transaction((tx) => enterField(tx, a, M, 'ho_huong_dan', 7, '2026-11-23'));
    await db.transaction((tx) => enterField(tx, a, M, FIELD_NOTE, 'ghi chú', '2026-11-23'));
    await db.transaction((tx) => enterField(tx, b, M, 'ho_huong_dan', 9, '2026-11-23'));
    const h = await formHistory(db, a, M);
    expect(h.map((c) => [c.field, c.oldValue, c.newValue, c.source])).toEqual([
      [FIELD_NOTE, null, 'ghi chú', 'typed'],
      ['ho_huong_dan', null, '7', 'typed'],
      [FIELD_FORM, null, 'tạo phiếu', 'typed'],
    ]);
    expect(h[0]!.at).toBeInstanceOf(Date);

    // The month's undo takes team b's value (the newest); the form's undo takes team a's note.
    const g = await db.transaction((tx) => undoLast(tx, { month: M }));
    expect([g!.change.teamId, g!.change.field]).toEqual([b, 'ho_huong_dan']);
    expect((await getForm(db, b, M))!.values).toEqual({});
    const s = await db.transaction((tx) => undoLast(tx, { teamId: a, month: M }));
    expect(s!.change.field).toBe(FIELD_NOTE);
    expect((await getForm(db, a, M))!.note).toBeNull();
    const again = await db.transaction((tx) => undoLast(tx, { teamId: a, month: M }));
    expect(again!.change.field).toBe('ho_huong_dan');
    expect(await db.transaction((tx) => undoLast(tx, { teamId: a, month: M }))).toBeNull();
    const after = await formHistory(db, a, M);
    expect(after[0]!.source).toBe('undo');
    expect(after.filter((c) => c.source === 'typed' && c.field !== FIELD_FORM).every((c) => c.undone)).toBe(true);
  });

  it('every change says who made it: the database role and the officer of the settings', async () => {
    const db = await demoDb();
    const { a } = await ids(db);
    await db.transaction((tx) => enterField(tx, a, M, 'luot_ho_tro', 7, '2026-11-23'));
    await db.query(`UPDATE unit SET officer = 'Trần Văn Bình' WHERE id = 1`);
    await db.transaction((tx) => enterField(tx, a, M, 'luot_ho_tro', 8, '2026-11-23'));
    const role = (await db.query<{ r: string }>('SELECT current_user AS r')).rows[0]!.r;
    const h = await formHistory(db, a, M);
    expect(h.map((c) => [c.newValue, c.byRole, c.byOfficer]).slice(0, 2)).toEqual([
      ['8', role, 'Trần Văn Bình'],
      ['7', role, 'Nguyễn Thị Lan'],
    ]);
  });

  it('a refused value (outside 0..1.000.000) changes nothing', async () => {
    const pg = await demoDb();
    const { a } = await ids(pg);
    const db = pg;
    await expect(db.transaction((tx) => setValue(tx, a, M, 'ho_huong_dan', 1_000_001))).rejects.toThrow();
    await expect(db.transaction((tx) => enterField(tx, a, M, 'ho_huong_dan', -1, '2026-11-23'))).rejects.toThrow();
    expect(await getForm(db, a, M)).toBeNull();
    expect(await formHistory(db, a, M)).toEqual([]);
  });

  it('formsOfMonth and teamsWithForm agree with the demo (13 of 15 forms in 10/2026)', async () => {
    const pg = await demoDb();
    const db = pg;
    const forms = await formsOfMonth(db, '2026-10');
    expect(forms.size).toBe(13);
    expect(await teamsWithForm(db, '2026-10')).toEqual(new Set(forms.keys()));
  });
});
