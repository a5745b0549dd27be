// A figures file over forms that already exist (#10 items 2, 3, 4): it changes only what it
// speaks of. Columns absent from the file keep their values (a blank cell in a present column
// clears that value); an all-blank template row makes no form and is counted as skipped;
// impossible days and hours are refused, judged on the form as it will be after the merge.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { runImport, summarise } from '../../src/io/csv/import.js';
import { ImportRefusedError, formatProblem } from '../../src/io/csv/problems.js';
import { demoDb } from '../support/db.js';
import { NOW, enc, fingerprint } from './helpers.js';

async function valuesOf(pg: DbRunner, code: string, month: string): Promise<Record<string, number> | null> {
  const r = await pg.query<{ v: Record<string, number> | null; id: number }>(
    `SELECT f.id, (SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id) AS v
     FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = $1 AND f.month = $2`,
    [code, month],
  );
  return r.rows[0] ? (r.rows[0].v ?? {}) : null;
}

describe('a figures file with some indicator columns (item 2)', () => {
  it('replaces only the indicators whose columns are in the file, wide and long', async () => {
    const pg = await demoDb();
    const before = (await valuesOf(pg, 'TDP01', '2026-10'))!;
    expect(Object.keys(before).length).toBeGreaterThan(4);
    expect(before.ho_huong_dan).toBeDefined();

    await runImport(pg, 'figures', enc('ma_to,thang,ho_huong_dan,luot_ho_tro\nTDP01,2026-10,77,\n'), { now: NOW });
    const { ho_huong_dan: _h, luot_ho_tro: _l, ...rest } = before;
    // luot_ho_tro: its column is in the file, its cell blank — cleared; the other 11 kept.
    expect(await valuesOf(pg, 'TDP01', '2026-10')).toEqual({ ...rest, ho_huong_dan: 77 });

    await runImport(pg, 'figures', enc('ma_to,thang,chi_so,gia_tri\nTDP01,2026-10,luot_ho_tro,5\n'), { now: NOW });
    expect(await valuesOf(pg, 'TDP01', '2026-10')).toEqual({ ...rest, ho_huong_dan: 77, luot_ho_tro: 5 });
  });
});

describe('an all-blank template row (item 3)', () => {
  it('makes no form, changes no form, and is counted as skipped — even for a month still to come', async () => {
    const pg = await demoDb();
    const kept = await valuesOf(pg, 'TDP01', '2026-10');
    expect(await valuesOf(pg, 'TDP02', '2026-11')).toBeNull();
    const text = [
      'ma_to,thang,ho_huong_dan,luot_ho_tro,ngay_nhan,ghi_chu',
      'TDP01,2026-10,,,,', // over an existing form: untouched
      'TDP02,2026-11,, ,,', // no form made
      'TDP02,2026-12,,,,', // a month not yet begun, as a template has: not refused
      'TDP03,2026-11,4,,,', // filled in: a form
    ].join('\n');
    const dry = await runImport(pg, 'figures', enc(text), { now: NOW, dryRun: true });
    expect(summarise(dry.check, false)[1]).toBe('Sẽ thêm 1 phiếu mới, thay 0 phiếu đã có; 1 số liệu; bỏ qua 3 dòng để trống (không tạo phiếu).');
    const before = await fingerprint(pg);
    const real = await runImport(pg, 'figures', enc(text), { now: NOW });
    expect(summarise(real.check, true)[1]).toBe('Đã thêm 1 phiếu mới, thay 0 phiếu đã có; 1 số liệu; bỏ qua 3 dòng để trống (không tạo phiếu).');
    expect(await fingerprint(pg)).not.toBe(before);
    expect(await valuesOf(pg, 'TDP01', '2026-10')).toEqual(kept);
    expect(await valuesOf(pg, 'TDP02', '2026-11')).toBeNull();
    expect(await valuesOf(pg, 'TDP03', '2026-11')).toEqual({ ho_huong_dan: 4 });
  });

  it('a row with only a received date or a note is still a form', async () => {
    const pg = await demoDb();
    await runImport(pg, 'figures', enc('ma_to,thang,luot_ho_tro,ngay_nhan,ghi_chu\nTDP02,2026-11,,05/11/2026,\nTDP03,2026-11,,,chưa họp\n'), { now: NOW });
    expect(await valuesOf(pg, 'TDP02', '2026-11')).toEqual({});
    expect(await valuesOf(pg, 'TDP03', '2026-11')).toEqual({});
  });
});

describe('impossible days and hours (item 4)', () => {
  async function problems(pg: DbRunner, text: string): Promise<string[]> {
    const before = await fingerprint(pg);
    const err = await runImport(pg, 'figures', enc(text), { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect(await fingerprint(pg)).toBe(before);
    return (err as ImportRefusedError).problems.map(formatProblem);
  }

  it('refuses days above the month, hours above 24 × days, in wide and long files; warns above 12 h/day', async () => {
    const pg = await demoDb();
    expect(
      await problems(pg, 'ma_to,thang,ngay_hoat_dong,gio_hoat_dong\nTDP02,2026-09,220,\nTDP02,2026-08,5,130\nTDP03,2026-02,,700\nTDP03,2026-09,5,60\n'),
    ).toEqual([
      'dòng 2, cột ngay_hoat_dong: Tháng 09/2026 chỉ có 30 ngày',
      'dòng 3, cột gio_hoat_dong: 130 giờ trong 5 ngày hoạt động là hơn 24 giờ mỗi ngày',
      'dòng 4, cột gio_hoat_dong: Tháng 02/2026 chỉ có 672 giờ (24 giờ × 28 ngày)',
    ]);
    expect(await problems(pg, 'ma_to,thang,chi_so,gia_tri\nTDP02,2026-08,ngay_hoat_dong,5\nTDP02,2026-08,gio_hoat_dong,130\n')).toEqual([
      'dòng 3, cột gia_tri: gio_hoat_dong: 130 giờ trong 5 ngày hoạt động là hơn 24 giờ mỗi ngày',
    ]);
    const ok = await runImport(pg, 'figures', enc('ma_to,thang,ngay_hoat_dong,gio_hoat_dong\nTDP03,2026-09,5,61\n'), { now: NOW, dryRun: true });
    expect(ok.check.warnings.map(formatProblem)).toEqual(['dòng 2, cột gio_hoat_dong: Trung bình hơn 12 giờ mỗi ngày hoạt động (61 giờ trong 5 ngày)']);
  });

  it('judges the form as it will be after the merge: hours alone over a form with few days', async () => {
    const pg = await demoDb();
    await runImport(pg, 'figures', enc('ma_to,thang,ngay_hoat_dong,gio_hoat_dong\nTDP02,2026-09,5,20\n'), { now: NOW });
    expect(await problems(pg, 'ma_to,thang,gio_hoat_dong\nTDP02,2026-09,130\n')).toEqual([
      'dòng 2, cột gio_hoat_dong: 130 giờ trong 5 ngày hoạt động là hơn 24 giờ mỗi ngày',
    ]);
    expect(await problems(pg, 'ma_to,thang,ngay_hoat_dong\nTDP02,2026-09,0\n')).toEqual([
      'dòng 2, cột ngay_hoat_dong: 20 giờ trong 0 ngày hoạt động là hơn 24 giờ mỗi ngày',
    ]);
    expect(await problems(pg, 'ma_to,thang,chi_so,gia_tri\nTDP02,2026-09,gio_hoat_dong,121\n')).toEqual([
      'dòng 2, cột gia_tri: gio_hoat_dong: 121 giờ trong 5 ngày hoạt động là hơn 24 giờ mỗi ngày',
    ]);
    // A file that does not speak of days or hours is not refused for them.
    await pg.query(`UPDATE form_value SET value = 999 WHERE indicator = 'gio_hoat_dong' AND form_id = (SELECT f.id FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP02' AND f.month = '2026-09')`);
    await runImport(pg, 'figures', enc('ma_to,thang,luot_ho_tro\nTDP02,2026-09,3\n'), { now: NOW });
  });
});
