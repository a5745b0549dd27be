// Undo and imports (#10 item 14), on a real database: `u` acts only on the form or month on screen
// and never crosses an import or a restore; an import is undone as a whole, or refused when that
// would lose a later change.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setValue, undoLast } from '../../src/db/forms.js';
import { cutUndoHistory, lastImport, undoLastImport } from '../../src/db/import-batches.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { runImport } from '../../src/io/csv/import.js';
import { demoDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every form and value, for "exactly as before". */
async function forms(pg: DbRunner): Promise<string> {
  const r = await pg.query<{ h: string }>(
    `SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS h FROM (
       SELECT concat_ws(',', f.team_id, f.month, f.received_on, f.note, v.indicator, v.value) AS x
       FROM form f LEFT JOIN form_value v ON v.form_id = f.id) s`,
  );
  return r.rows[0]!.h;
}

const idOf = async (pg: DbRunner, code: string) => (await getTeamByCode(pg, code))!.id;
const typed = (pg: DbRunner, team: number, month: string, code: string, v: number) => pg.transaction((tx) => setValue(tx, team, month, code, v));

describe('per-value undo', () => {
  it('acts only on the month (or form) asked, and never crosses an import', async () => {
    const pg = await demoDb();
    const a = await idOf(pg, 'TDP01');
    await typed(pg, a, '2026-09', 'luot_ho_tro', 41); // typed in September
    await typed(pg, a, '2026-10', 'luot_ho_tro', 42); // a correction in October, later
    // The September form's undo does not take October's newer correction.
    const sep = await pg.transaction((tx) => undoLast(tx, { teamId: a, month: '2026-09' }));
    expect([sep!.change.month, sep!.change.newValue]).toEqual(['2026-09', '41']);

    await typed(pg, a, '2026-09', 'luot_ho_tro', 43);
    await runImport(pg, 'figures', enc('ma_to,thang,ho_huong_dan\nTDP03,2026-08,5\n'), { now: TEST_NOW });
    // Typed before the import: out of reach, in any scope.
    expect(await pg.transaction((tx) => undoLast(tx, { month: '2026-09' }))).toBeNull();
    expect(await pg.transaction((tx) => undoLast(tx, { teamId: a, month: '2026-10' }))).toBeNull();
    // Typed after it: undone.
    await typed(pg, a, '2026-10', 'luot_ho_tro', 44);
    expect((await pg.transaction((tx) => undoLast(tx, { month: '2026-10' })))!.change.newValue).toBe('44');
  });

  it('never crosses a restore (cutUndoHistory, which the restore calls)', async () => {
    const pg = await demoDb();
    const a = await idOf(pg, 'TDP01');
    await typed(pg, a, '2026-10', 'luot_ho_tro', 42);
    await cutUndoHistory(pg);
    expect(await pg.transaction((tx) => undoLast(tx, { month: '2026-10' }))).toBeNull();
  });
});

describe('undo of a whole import', () => {
  it('removes the forms it made and puts back every value, date and note it changed', async () => {
    const pg = await demoDb();
    const before = await forms(pg);
    const file = 'ma_to,thang,luot_ho_tro,ngay_hoat_dong,ngay_nhan,ghi_chu\nTDP01,2026-10,99,,02/11/2026,mới\nTDP02,2026-11,7,3,,\n';
    await runImport(pg, 'figures', enc(file), { now: TEST_NOW });
    expect(await forms(pg)).not.toBe(before);
    expect((await lastImport(pg))!.summary).toContain('Đã thêm 1 phiếu mới, thay 1 phiếu đã có');
    const r = await pg.transaction((tx) => undoLastImport(tx));
    expect(r.ok && [r.formsRemoved, r.changesReverted > 0]).toEqual([1, true]);
    expect(await forms(pg)).toBe(before);
    // Once only.
    const again = await pg.transaction((tx) => undoLastImport(tx));
    expect(again.ok || again.reason).toContain('đã được hoàn tác rồi');
  });

  it('logs each change put back, newest first, as the reverse of the import\'s own line', async () => {
    const pg = await demoDb();
    const file = 'ma_to,thang,luot_ho_tro,ngay_hoat_dong,ngay_nhan,ghi_chu\nTDP01,2026-10,99,,02/11/2026,mới\nTDP02,2026-11,7,3,,\n';
    await runImport(pg, 'figures', enc(file), { now: TEST_NOW });
    const batch = (await lastImport(pg))!.id;
    const lines = async (where: string) =>
      (await pg.query<{ x: string }>(`SELECT concat_ws(',', team_id, month, field, old_value, new_value) AS x FROM value_change WHERE ${where} ORDER BY id`)).rows.map((r) => r.x);
    const made = await pg.query<{ team_id: number; month: string; field: string; old_value: string | null; new_value: string | null }>(
      'SELECT team_id, month, field, old_value, new_value FROM value_change WHERE batch_id = $1 ORDER BY id DESC',
      [batch],
    );
    expect(made.rows.length).toBeGreaterThan(2);
    await pg.transaction((tx) => undoLastImport(tx));
    const expected = made.rows.map((c) =>
      c.field === '_phieu'
        ? [c.team_id, c.month, c.field, 'phiếu từ tệp', 'xoá phiếu (hoàn tác lần nhập)'].join(',')
        : [c.team_id, c.month, c.field, c.new_value, c.old_value].filter((x) => x !== null).join(','),
    );
    expect(await lines(`source = 'undo'`)).toEqual(expected);
    expect(await lines(`batch_id = ${batch} AND NOT undone`)).toEqual([]);
  });

  it('is refused when a form it wrote was changed afterwards', async () => {
    const pg = await demoDb();
    await runImport(pg, 'figures', enc('ma_to,thang,luot_ho_tro\nTDP02,2026-11,7\n'), { now: TEST_NOW });
    await typed(pg, await idOf(pg, 'TDP02'), '2026-11', 'luot_ho_tro', 8);
    const after = await forms(pg);
    const r = await pg.transaction((tx) => undoLastImport(tx));
    expect(r.ok || r.reason).toContain('đã có thay đổi ở 1 phiếu');
    expect(await forms(pg)).toBe(after);
  });
});
