import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { SPARK_BLANK, SPARK_ZERO, lastMonths, mainIndicators, monthlySeries, sparkline } from '../../src/domain/sparkline.js';
import { targetCells } from '../../src/ui/team-status/format.js';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('sparklines', () => {
  it('a blank month looks different from 0, and 0 from the smallest value', () => {
    expect(sparkline([null, 0, 1, 7, 14])).toBe(`${SPARK_BLANK}${SPARK_ZERO}▂▅█`);
    expect(sparkline([null, null])).toBe(SPARK_BLANK.repeat(2));
    expect(sparkline([0, 0])).toBe(SPARK_ZERO.repeat(2));
  });

  it('series: a month with no form and an empty cell are both blank', () => {
    const forms = new Map([
      ['2026-01', new Map([['luot_ho_tro', 5]])],
      ['2026-02', new Map<string, number>()],
    ]);
    expect(monthlySeries(forms, 'luot_ho_tro', ['2025-12', '2026-01', '2026-02'])).toEqual([null, 5, null]);
    expect(lastMonths('2026-10', 12)[0]).toBe('2025-11');
  });

  it('main indicators: what the targets read, plus citizens helped, in the form\'s order', () => {
    const plan = { targets: [{ chi_so: 'gio_hoat_dong' }, { chi_so: null }, { chi_so: 'ho_huong_dan' }] } as never;
    expect(mainIndicators(plan, ['ho_huong_dan', 'luot_ho_tro', 'ngay_hoat_dong', 'gio_hoat_dong'])).toEqual([
      'ho_huong_dan',
      'luot_ho_tro',
      'gio_hoat_dong',
    ]);
  });
});

describe('target cells', () => {
  it('shares as %, counts as 1.234 (a pace with one decimal), ratios as %', () => {
    const base = { id: 'x', chi_so: 'a', status: 'cham' as const };
    expect(targetCells({ ...base, kind: 'per_member', actual: 1234, expected: 1191.6667, target: 1430, ratio: 1.0355 })).toEqual({
      actual: '1.234',
      expected: '1.191,7',
      target: '1.430',
      ratio: '103,6%',
    });
    expect(targetCells({ ...base, kind: 'share', actual: 0.7193, expected: 2 / 3, target: 0.8, ratio: 1.079 })).toEqual({
      actual: '71,9%',
      expected: '66,7%',
      target: '80%',
      ratio: '107,9%',
    });
    expect(targetCells({ ...base, kind: 'per_quarter', actual: null, expected: 50, target: 50, ratio: null })).toMatchObject({ actual: '—', ratio: '—' });
  });
});

describe('team drill-down', () => {
  it('Enter on a team shows every target with actual, pace, full target, ratio and status', async () => {
    const pg = await demoDb();
    const team = (await computeStatus(pg, '2026-10')).teams.find((t) => t.ma_to === 'KDC-HOABINH')!;
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press('/');
    await app.type('hoa binh');
    await app.waitFor(/› khu dân cư Hòa Bình/u);
    await app.press(KEYS.enter, KEYS.enter);
    // The home list's column title is "Chỉ tiêu chậm nhất": wait for the drill-down's table itself.
    const f = await app.waitFor(/Chỉ tiêu\s+Thực hiện/u);
    expect(f).toContain('Tổ CNSCĐ khu dân cư Hòa Bình (KDC-HOABINH) · ✗ Chậm nhiều · tính đến tháng 10/2026');
    expect(f).toContain('Phiếu đã nhận 10/10 tháng · đã nhận đủ phiếu');
    const q = team.targets.find((t) => t.kind === 'per_quarter')!;
    const cells = targetCells(q);
    expect(f).toMatch(new RegExp(`Lượt hỗ trợ mỗi quý\\s+${cells.actual}\\s+${cells.expected}\\s+50\\s+${cells.ratio.replace('%', '%')}`, 'u'));
    expect(f).toMatch(/Tỉ lệ hộ dùng nền tảng số\s+\d+,\d%\s+66,7%\s+80%/u);
    expect(f).toMatch(/Ngày hoạt động trong tháng\s+0\s+8\s+8\s+0%\s+✗ Chậm nhiều/u);
    for (const t of team.targets) expect(f).toContain(targetCells(t).ratio);
  });

  it('shows the months missing and a 12-month sparkline where blank months differ from 0', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press(KEYS.down, KEYS.enter); // thôn Ngọc Động: no forms after 08/2026
    let f = await app.waitFor('Thiếu phiếu');
    expect(f).toContain('Tổ CNSCĐ thôn Ngọc Động (THON-NGOCDONG) · ? Chưa báo cáo');
    expect(f).toContain('Phiếu đã nhận 8/10 tháng · Thiếu phiếu: T9, T10/2026');
    await app.press(KEYS.pageDown);
    f = await app.waitFor('Giờ hoạt động ');
    // 11/2025..10/2026: no forms before 01/2026 nor after 08/2026.
    expect(f).toMatch(/Lượt hỗ trợ\s+··[▁▂▃▄▅▆▇█]{8}·· tháng 10\/2026: trống · cao nhất \d+/u);
  });

  it('←/→ change the as-of month; n opens monthly entry for this team and month', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('tính đến tháng 10/2026');
    await app.press(KEYS.left);
    const f = await app.waitFor('tính đến tháng 09/2026');
    expect(f).toContain('Thiếu phiếu: T9/2026');
    await app.press('n');
    await app.waitFor('Nhập phiếu báo cáo tháng');
    const entry = await app.waitFor('Ngọc Động');
    expect(entry).toContain('09/2026');
  });
});
