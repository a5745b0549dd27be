// The history screen: a form's changes newest first (time, field, old → new, source); u undoes
// this form's newest typed change — not a newer change of another form.
import { describe, expect, it } from 'vitest';
import { enterField, getForm, setValue } from '../../src/db/forms.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { formatDateTime } from '../../src/ui/history/describe.js';
import { whenSaved } from '../../src/ui/saveQueue.js';
import { demoDb } from '../support/db.js';
import { renderApp } from '../support/ui.js';

const M = '2026-11';

describe('form history', () => {
  it('lists every change newest first with time, field, old → new and source; u undoes this form only', async () => {
    const pg = await demoDb();
    const db = pg;
    const a = (await getTeamByCode(db, 'TDP01'))!.id;
    const b = (await getTeamByCode(db, 'TDP02'))!.id;
    await db.transaction((tx) => setValue(tx, a, M, 'ho_huong_dan', 40, 'csv'));
    await db.transaction((tx) => enterField(tx, a, M, 'ho_huong_dan', 1234, '2026-11-23'));
    await db.transaction((tx) => enterField(tx, a, M, '_ghi_chu', 'Họp tổ', '2026-11-23'));
    await db.transaction((tx) => enterField(tx, b, M, 'luot_ho_tro', 5, '2026-11-23')); // newer, other form

    const app = await renderApp(pg, { screen: { name: 'history', teamId: a, month: M } });
    let f = await app.waitFor('4 thay đổi, mới nhất trước');
    const rows = f.split('\n').filter((l) => /\d\d\/\d\d\/\d{4} \d\d:\d\d/u.test(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^› \d\d\/\d\d\/\d{4} \d\d:\d\d +Ghi chú +\(trống\) → "Họp tổ" +gõ tay/u);
    expect(rows[1]).toMatch(/Hộ HD +40 → 1\.234 +gõ tay/u);
    expect(rows[2]).toMatch(/Hộ HD +\(trống\) → 40 +nhập CSV/u);
    expect(rows[3]).toMatch(/Phiếu +\(trống\) → tạo phiếu +nhập CSV/u);
    // The selected row's full label at the bottom.
    expect(f).toContain('Ghi chú: (trống) → "Họp tổ"');

    await app.press('u');
    f = await app.waitFor('5 thay đổi');
    expect(f).toContain('Đã hoàn tác: Tổ CNSCĐ TDP Đông Sơn, tháng 11/2026, Ghi chú: "Họp tổ" → (trống)');
    expect(f).toMatch(/"Họp tổ" → \(trống\) +hoàn tác/u);
    expect(f).toMatch(/↶ \(trống\) → "Họp tổ"/u);
    await app.press('u');
    f = await app.waitFor('6 thay đổi');
    expect(f).toContain('Hộ HD: 1.234 → 40');
    await whenSaved(pg);
    expect((await getForm(db, a, M))!.values).toEqual({ ho_huong_dan: 40 });
    expect((await getForm(db, b, M))!.values).toEqual({ luot_ho_tro: 5 });
    // A CSV import is not undone by u (only typed changes are).
    await app.press('u');
    await app.waitFor('Không còn thay đổi gõ tay nào để hoàn tác trong phiếu này');
  });

  it('formats times as dd/mm/yyyy HH:mm in local time', () => {
    expect(formatDateTime(new Date(2026, 10, 3, 7, 5))).toBe('03/11/2026 07:05');
  });
});
