// Import rules on a real database: every kind of bad row named with line and column; all or
// nothing; dry run; replacement; teams/members specifics.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { type ImportKind, runImport } from '../../src/io/csv/import.js';
import { FileRefusedError, ImportRefusedError, type Problem } from '../../src/io/csv/problems.js';
import { demoDb } from '../support/db.js';
import { NOW, counts, enc, fingerprint, freshCommune } from './helpers.js';

async function refused(pg: DbRunner, kind: ImportKind, text: string): Promise<Problem[]> {
  const before = await fingerprint(pg);
  const err = await runImport(pg, kind, enc(text), { now: NOW }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRefusedError);
  expect(await fingerprint(pg)).toBe(before);
  return (err as ImportRefusedError).problems;
}

const brief = (ps: Problem[]) => ps.map((p) => `${p.line}:${p.column}`);

describe('figures import', () => {
  it('names every bad row with its line and column, and changes nothing', async () => {
    const pg = await demoDb();
    const text = [
      'ma_to,thang,luot_ho_tro,ngay_hoat_dong,ngay_nhan,ghi_chu',
      'TDP01,2026-10,12,8,05/11/2026,ổn', // 2 ok
      'TDP01,2026-10,1,1,,', // 3 same team-month twice
      'XYZ,2026-09,1,1,,', // 4 unknown team
      'TDP02,2026-13,1,1,,', // 5 malformed month
      'TDP02,2026-12,1,1,,', // 6 month after the current one
      'TDP02,2026-09,1.5,abc,,', // 7 two bad values
      'TDP02,2026-08,1000001,-1,,', // 8 too big, negative
      'TDP03,2026-09,1,1,24/11/2026,', // 9 received after today
      'TDP03,2026-08,1,1,31/07/2026,', // 10 received before the month
      'TDP03,2026-07,1,1,31/02/2026,', // 11 not a date
      '"TDP04","2026-07","multi', // 12..13: a quoted cell spanning two lines
      'line",1,,',
      'TDP04,2026-06,,,,', // 14 ok (blank = not reported)
    ].join('\r\n');
    const ps = await refused(pg, 'figures', text);
    expect(brief(ps)).toEqual([
      '3:thang',
      '4:ma_to',
      '5:thang',
      '6:thang',
      '7:luot_ho_tro',
      '7:ngay_hoat_dong',
      '8:luot_ho_tro',
      '8:ngay_hoat_dong',
      '9:ngay_nhan',
      '10:ngay_nhan',
      '11:ngay_nhan',
      '12:luot_ho_tro',
    ]);
    expect(ps[0]!.message).toContain('đã có ở dòng 2');
    expect(ps[1]!.message).toContain('không có tổ mã "XYZ"');
    expect(ps[3]!.message).toContain('chưa đến');
    expect(ps[6]!.message).toContain('1.000.000');
  });

  it('long layout: unknown indicator code, repeated value, bad value', async () => {
    const pg = await demoDb();
    const ps = await refused(
      pg,
      'figures',
      'ma_to;thang;chi_so;gia_tri\nTDP01;2026-10;luot_ho_tro;5\nTDP01;2026-10;luot_ho_tro;6\nTDP01;2026-10;khong_co;1\nTDP01;2026-10;ngay_hoat_dong;x\n',
    );
    expect(brief(ps)).toEqual(['3:chi_so', '4:chi_so', '5:gia_tri']);
  });

  it('long layout: a blank line before the header, and a blank value that makes no form', async () => {
    const pg = await freshCommune();
    await runImport(pg, 'teams', enc('ma_to,ten_to,dia_ban\nA1,Tổ 1,Thôn 1\n'), { now: NOW });
    const r = await runImport(pg, 'figures', enc('\nma_to,thang,chi_so,gia_tri\nA1,2026-09,luot_ho_tro,5\nA1,2026-10,luot_ho_tro,\n'), { now: NOW });
    expect(r.check.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['4:gia_tri']);
    const months = (await pg.query<{ month: string }>('SELECT month FROM form ORDER BY month')).rows.map((x) => x.month);
    expect(months).toEqual(['2026-09']);
  });

  it('refuses the whole file for an unknown or missing column', async () => {
    const pg = await demoDb();
    for (const text of ['ma_to,thang,luot_ho_tro,so_luot\nTDP01,2026-10,1,2\n', 'ma_to,luot_ho_tro\nTDP01,1\n']) {
      const before = await fingerprint(pg);
      const err = await runImport(pg, 'figures', enc(text), { now: NOW }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileRefusedError);
      expect((err as FileRefusedError).problems[0]!.line).toBe(1);
      expect(await fingerprint(pg)).toBe(before);
    }
  });

  it('dry run changes nothing; a real run replaces the values of the file\'s columns and logs the changes', async () => {
    const pg = await demoDb();
    const form = await pg.query<{ team_id: number; n: number; note: string | null; received_on: string | null; vals: Record<string, number> }>(
      `SELECT f.team_id, f.note, f.received_on, (SELECT count(*)::int FROM form_value v WHERE v.form_id = f.id) AS n,
              (SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id) AS vals
       FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP01' AND f.month = '2026-10'`,
    );
    expect(form.rows[0]!.n).toBeGreaterThan(2);
    const old = form.rows[0]!.vals;
    expect(old.ngay_hoat_dong).toBeDefined();
    expect(old.luot_ho_tro).not.toBe(99);
    const text = 'ma_to,thang,luot_ho_tro,ngay_hoat_dong\nTDP01,2026-10,99,\nTDP01,2026-11,3,\n';
    const before = await counts(pg);
    const dry = await runImport(pg, 'figures', enc(text), { now: NOW, dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.check.kind === 'figures' && [dry.check.added, dry.check.replaced, dry.check.values]).toEqual([1, 1, 2]);
    expect(await counts(pg)).toEqual(before);

    const real = await runImport(pg, 'figures', enc(text), { now: NOW });
    expect(real.check.kind === 'figures' && [real.check.added, real.check.replaced]).toEqual([1, 1]);
    const after = await pg.query<{ indicator: string; value: number }>(
      `SELECT v.indicator, v.value FROM form_value v JOIN form f ON f.id = v.form_id JOIN team t ON t.id = f.team_id
       WHERE t.code = 'TDP01' AND f.month = '2026-10'`,
    );
    // luot_ho_tro replaced, ngay_hoat_dong cleared (its column is in the file, its cell blank),
    // every other indicator kept: its column is not in the file.
    const { ngay_hoat_dong: _cleared, ...others } = old;
    expect(Object.fromEntries(after.rows.map((r) => [r.indicator, r.value]))).toEqual({ ...others, luot_ho_tro: 99 });
    // received date and note untouched: their columns are not in the file
    const kept = await pg.query<{ note: string | null; received_on: string | null }>(
      `SELECT note, received_on FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP01' AND f.month = '2026-10'`,
    );
    expect(kept.rows[0]).toEqual({ note: form.rows[0]!.note, received_on: form.rows[0]!.received_on });
    const log = await pg.query<{ field: string; old_value: string | null; new_value: string | null; source: string }>(
      `SELECT field, old_value, new_value, source FROM value_change WHERE id > (SELECT max(id) FROM value_change) - 100
       AND team_id = $1 AND source = 'csv' ORDER BY id`,
      [form.rows[0]!.team_id],
    );
    expect(log.rows.length).toBe(3); // luot_ho_tro changed, ngay_hoat_dong cleared, + the new form
    expect(log.rows.every((r) => r.source === 'csv')).toBe(true);
    expect(log.rows.some((r) => r.field === 'luot_ho_tro' && r.new_value === '99')).toBe(true);
    expect(log.rows.some((r) => r.field === '_phieu')).toBe(true);

    // the same file again changes nothing and logs nothing
    const n = (await counts(pg)).value_change;
    await runImport(pg, 'figures', enc(text), { now: NOW });
    expect((await counts(pg)).value_change).toBe(n);
  });

  it('stores NFD text as NFC, reads BOM, `;` and CRLF; a row of blanks is a form without values', async () => {
    const pg = await demoDb();
    const note = 'Khó khăn: thiếu điện thoại'.normalize('NFD');
    await runImport(pg, 'figures', enc(`\uFEFFma_to;thang;luot_ho_tro;ghi_chu\r\nTDP01;2026-11;;${note}\r\n`), { now: NOW });
    const r = await pg.query<{ note: string; n: number }>(
      `SELECT note, (SELECT count(*)::int FROM form_value v WHERE v.form_id = f.id) AS n FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP01' AND f.month = '2026-11'`,
    );
    expect(r.rows[0]).toEqual({ note: 'Khó khăn: thiếu điện thoại'.normalize('NFC'), n: 0 });
  });

  it('checking the keys by triggers (as on a server) writes the same as checking them after the copy', async () => {
    const a = await demoDb();
    const b = await demoDb();
    const text = 'ma_to,thang,luot_ho_tro,ngay_hoat_dong,ngay_nhan,ghi_chu\nTDP01,2026-10,99,,01/11/2026,"a\tb"\nTDP02,2026-11,3,4,,x\\y\n';
    await runImport(a, 'figures', enc(text), { now: NOW, keys: 'after-copy' });
    await runImport(b, 'figures', enc(text), { now: NOW, keys: 'triggers' });
    const dump = async (pg: typeof a) =>
      (await pg.query(`SELECT team_id, month, received_on, note, (SELECT string_agg(indicator || value, ',' ORDER BY indicator) FROM form_value v WHERE v.form_id = f.id) v FROM form f ORDER BY team_id, month`)).rows;
    expect(await dump(b)).toEqual(await dump(a));
  });
});

describe('progress while writing a long file', () => {
  it('reports values written, rising to the total', async () => {
    const pg = await freshCommune();
    const teams = ['ma_to,ten_to,dia_ban'];
    for (let i = 0; i < 400; i++) teams.push(`T${i},Tổ ${i},Thôn ${i}`);
    await runImport(pg, 'teams', enc(teams.join('\n')), { now: NOW });
    const codes = ['ho_huong_dan', 'luot_ho_tro', 'ho_dung_nen_tang', 'ho_tuyen_truyen', 'vneid_muc2', 'ho_so_dvc', 'chu_ky_so', 'tk_thanh_toan', 'ocop_len_san', 'nguoi_pho_cap', 'nguoi_co_smartphone', 'ngay_hoat_dong', 'gio_hoat_dong'];
    const lines = [['ma_to', 'thang', ...codes].join(',')];
    for (let i = 0; i < 400; i++) for (let m = 1; m <= 10; m++) lines.push([`T${i}`, `2026-${String(m).padStart(2, '0')}`, ...codes.map((c, k) => (c === 'ngay_hoat_dong' ? ((i + m) % 28) + 1 : c === 'gio_hoat_dong' ? (((i + m) % 28) + 1) * 2 : (i + m + k) % 50))].join(','));
    const seen: [number, number][] = [];
    const r = await runImport(pg, 'figures', enc(lines.join('\n')), { now: NOW, onProgress: (d, t) => void seen.push([d, t]) });
    expect(r.check.kind === 'figures' && r.check.values).toBe(52_000);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toEqual([52_000, 52_000]);
    expect((await counts(pg)).form_value).toBe(52_000);
  });
});

describe('teams and members import', () => {
  it('adds and updates teams, creates areas with the urban flag, accepts Vietnamese levels', async () => {
    const pg = await freshCommune();
    const csv = [
      'ma_to,ten_to,dia_ban,loai_dia_ban,so_ho,so_nguoi_truong_thanh,cap,so_quyet_dinh,ngay_quyet_dinh',
      'tdp01,Tổ CNSCĐ TDP Đông Sơn,Tổ dân phố Đông Sơn,TDP,312,845,tổ dân phố,484/QĐ-UBND,22/08/2025',
      'THON-A,Tổ CNSCĐ thôn A,Thôn A,,120,,Thôn,,2025-08-22',
      'PHUONG,Tổ CNSCĐ phường,,,,,Phường,,',
    ].join('\n');
    const r = await runImport(pg, 'teams', enc(csv), { now: NOW });
    expect(r.check.kind === 'teams' && [r.check.added, r.check.updated]).toEqual([3, 0]);
    const rows = (
      await pg.query(
        'SELECT t.code, t.level, a.name, a.kind, a.urban, a.households, t.decision_date FROM team t LEFT JOIN area a ON a.id = t.area_id ORDER BY t.code',
      )
    ).rows;
    expect(rows).toEqual([
      { code: 'PHUONG', level: 'commune', name: null, kind: null, urban: null, households: null, decision_date: null },
      { code: 'TDP01', level: 'area', name: 'Tổ dân phố Đông Sơn', kind: 'TDP', urban: true, households: 312, decision_date: '2025-08-22' },
      { code: 'THON-A', level: 'area', name: 'Thôn A', kind: 'thôn', urban: false, households: 120, decision_date: '2025-08-22' },
    ]);
    const upd = await runImport(pg, 'teams', enc('ma_to,ten_to,so_ho,dia_ban\nTHON-A,Tổ thôn A mới,130,Thôn A\n'), { now: NOW });
    expect(upd.check.kind === 'teams' && [upd.check.added, upd.check.updated]).toEqual([0, 1]);
    const a = (await pg.query("SELECT t.name, a.households, a.urban FROM team t JOIN area a ON a.id = t.area_id WHERE t.code = 'THON-A'")).rows[0];
    expect(a).toEqual({ name: 'Tổ thôn A mới', households: 130, urban: false });
  });

  it('refuses a repeated ma_to, bad level, bad numbers and a missing name; warns about what it can still read', async () => {
    const pg = await freshCommune();
    const ps = await refused(
      pg,
      'teams',
      [
        'ma_to,ten_to,dia_ban,loai_dia_ban,so_ho,cap,ngay_quyet_dinh',
        'A1,Tổ 1,Thôn 1,thôn,10,area,',
        'A1,Tổ 1 lần nữa,Thôn 1,thôn,10,area,', // 3
        'A2,Tổ 2,Thôn 2,thôn,10,huyện,', // 4
        'A3,Tổ 3,Thôn 3,quận,10,area,', // 5
        'A4,Tổ 4,Thôn 4,thôn,-3,area,', // 6
        'A5,Tổ 5,Thôn 5,thôn,10,area,01/12/2026', // 7
        'A6,,Thôn 6,thôn,10,area,', // 8
        'A7,Tổ 7,Thôn 7,thôn,10,commune,', // 9
      ].join('\n'),
    );
    expect(brief(ps)).toEqual(['3:ma_to', '4:cap', '6:so_ho', '8:ten_to']);
    // An unknown area kind, a decision dated after today and area cells on a commune-level team
    // are read with a warning: refusing the whole file for them would lose the officer's sheet.
    const r = await runImport(
      pg,
      'teams',
      enc(['ma_to,ten_to,dia_ban,loai_dia_ban,so_ho,cap,ngay_quyet_dinh', 'A3,Tổ 3,Thôn 3,quận,10,area,', 'A5,Tổ 5,Thôn 5,thôn,10,area,01/12/2026', 'A7,Tổ 7,Thôn 7,thôn,10,commune,', 'A8,Tổ thôn Tám,,thôn,55,area,'].join('\n')),
      { now: NOW },
    );
    expect(r.check.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['2:loai_dia_ban', '3:ngay_quyet_dinh', '4:dia_ban', '4:loai_dia_ban', '4:so_ho', '5:dia_ban']);
    const teams = (await pg.query<{ code: string; area_id: number | null; decision_date: string | null }>('SELECT code, area_id, decision_date FROM team ORDER BY code')).rows;
    expect(teams.map((t) => [t.code, t.area_id === null, t.decision_date])).toEqual([
      ['A3', false, null],
      ['A5', false, '2026-12-01'],
      ['A7', true, null],
      ['A8', false, null],
    ]);
    const a8 = (await pg.query<{ name: string; households: number }>("SELECT a.name, a.households FROM area a JOIN team t ON t.area_id = a.id WHERE t.code = 'A8'")).rows;
    expect(a8).toEqual([{ name: 'Tổ thôn Tám', households: 55 }]);
  });

  it('members: roles ignoring case and diacritics, trainings, a second Tổ trưởng warns', async () => {
    const pg = await freshCommune();
    await runImport(pg, 'teams', enc('ma_to,ten_to,dia_ban\nA1,Tổ 1,Thôn 1\n'), { now: NOW });
    const r = await runImport(
      pg,
      'members',
      enc('ma_to,ho_ten,vai_tro,nam_sinh,dien_thoai,ngay_tap_huan\nA1,Nguyễn Văn An,TO TRUONG,1980,0912 345 678,05/03/2026\nA1,Lê Thị Bình,tổ phó,,,\nA1,Trần Văn Cường,Tổ Trưởng,,,\nA1,Nguyễn Văn An,thanh vien,,,\n'),
      { now: NOW },
    );
    expect(r.check.kind === 'members' && [r.check.added, r.check.trainings]).toEqual([4, 1]);
    expect(r.check.warnings.map((w) => [w.line, w.column])).toEqual([[4, 'vai_tro']]);
    expect(r.check.warnings[0]!.message).toContain('hai Tổ trưởng');
    const rows = (await pg.query('SELECT full_name, role, phone FROM member ORDER BY id')).rows;
    expect(rows.map((m) => (m as { role: string }).role)).toEqual(['to_truong', 'to_pho', 'to_truong', 'thanh_vien']);
    const tr = (await pg.query<{ topic: string; held_on: string }>('SELECT topic, held_on FROM training')).rows;
    expect(tr).toEqual([{ topic: 'Tập huấn kỹ năng số', held_on: '2026-03-05' }]);
    const ps = await refused(pg, 'members', 'ma_to,ho_ten,vai_tro,nam_sinh,ngay_tap_huan\nA1,X,chủ tịch,,\nB9,Y,,,\nA1,,,,\nA1,Z,,19x0,\nA1,W,,,2027-01-01\n');
    expect(brief(ps)).toEqual(['2:vai_tro', '3:ma_to', '4:ho_ten', '5:nam_sinh']);
    // A joining or training date after today is kept (planned), with a warning.
    const later = await runImport(pg, 'members', enc('ma_to,ho_ten,ngay_tham_gia,ngay_tap_huan,dien_thoai\nA1,Phạm Văn Dũng,01/12/2026,05/12/2026,(024) 3851 2345\n'), { now: NOW });
    expect(later.check.warnings.map((w) => w.column)).toEqual(['ngay_tham_gia', 'ngay_tap_huan']);
  });
});
