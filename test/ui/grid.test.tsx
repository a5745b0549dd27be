// The month grid, typed into the real App over the demo commune (forms 01..10/2026 with gaps).
import { describe, expect, it } from 'vitest';
import { formHistory } from '../../src/db/forms.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { storedForm } from '../support/forms.js';
import { KEYS, erase, renderApp, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';


/** A team's row of the grid (cursor column, mark column, name, cells). */
const row = (frame: string, name: string) => frame.split('\n').find((l) => /^[› ][ ?] /u.test(l) && l.includes(name)) ?? '';

describe('month grid', () => {
  it('marks the teams without a form with a symbol, and blank cells apart from 0', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    const f = await app.waitFor('chưa có phiếu: 2');
    expect(f).toContain('15 tổ');
    // Lê Lợi and Ngọc Động have no form for 10/2026.
    expect(row(f, 'TDP Lê Lợi')).toMatch(/^ \? /u);
    expect(row(f, 'TDP Lê Lợi')).toContain('·');
    expect(row(f, 'TDP Bắc Hà')).toMatch(/^ {3}/u);
    expect(f).toContain('? = tổ chưa có phiếu');
  });

  it('Ctrl+C with a refused value in a cell asks before quitting', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    await app.type('1000001');
    await app.waitFor('Giá trị vượt quá 1.000.000');
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('Thoát và bỏ dữ liệu chưa lưu? (y/n)');
    await app.press('n');
    await app.waitFor((f) => !f.includes('(y/n)') && f.includes('1000001▏'));
    expect(app.exited()).toBe(false);
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('(y/n)');
    await app.press('y');
    await waitUntil(() => app.exited(), WAIT_CEILING_MS, 'thoát');
  });

  it('edits a cell in place: digits, Enter saves and moves down; Backspace to empty makes it blank', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    // Row 1 is the commune-level team; go to row 4 (TDP Bắc Hà), column 2 (luot_ho_tro).
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.right);
    let f = await app.waitFor(/dòng 4\/15 · cột 2\/13/u);
    expect(row(f, 'TDP Bắc Hà')).toMatch(/^›/u);
    await app.type('4321');
    await app.waitFor('đang sửa');
    await app.press(KEYS.enter);
    f = await app.waitFor(/dòng 5\/15/u);
    expect(row(f, 'TDP Bắc Hà')).toContain('4.321');
    expect((await storedForm(pg, 'TDP02', '2026-10'))!.values.luot_ho_tro).toBe(4321);

    // Back up, empty the cell with Backspace: blank, not 0.
    await app.press(KEYS.up);
    await app.waitFor(/dòng 4\/15/u);
    await erase(app, 4);
    await app.press(KEYS.enter);
    f = await app.waitFor(/dòng 5\/15/u);
    expect('luot_ho_tro' in (await storedForm(pg, 'TDP02', '2026-10'))!.values).toBe(false);
    expect(row(f, 'TDP Bắc Hà')).toContain('—');
  });

  it('a cell of a team without a form creates the form; a refused value is not saved', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    for (let i = 0; i < 5; i++) await app.press(KEYS.down); // row 6: TDP Lê Lợi (no form)
    await app.waitFor(/dòng 6\/15/u);
    await app.type('12');
    await app.press('.');
    await app.type('5');
    await app.waitFor('Chỉ nhập số nguyên');
    await app.press(KEYS.enter);
    await app.waitFor('Chỉ nhập số nguyên');
    expect(await storedForm(pg, 'TDP04', '2026-10')).toBeNull();
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.tab);
    const f = await app.waitFor('chưa có phiếu: 1');
    expect(row(f, 'TDP Lê Lợi')).toMatch(/^› {2}TDP Lê Lợi +12 +—/u);
    const saved = (await storedForm(pg, 'TDP04', '2026-10'))!;
    expect(saved.values).toEqual({ ho_huong_dan: 12 });
    expect(saved.receivedOn).toBe('2026-11-23');
  });

  it('u undoes the last change made in the grid; [ ] change month, never past this month', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    await app.press(KEYS.down);
    const before = (await storedForm(pg, 'KDC-HOABINH', '2026-10'))!.values.ho_huong_dan ?? null;
    await app.type('999');
    await app.press(KEYS.enter);
    await app.waitFor(/dòng 3\/15/u);
    expect((await storedForm(pg, 'KDC-HOABINH', '2026-10'))!.values.ho_huong_dan).toBe(999);
    await app.press('u');
    let f = await app.waitFor('Đã hoàn tác');
    expect(f).toContain(`Hộ HD: 999 → ${before ?? '(trống)'}`);
    expect((await storedForm(pg, 'KDC-HOABINH', '2026-10'))!.values.ho_huong_dan ?? null).toBe(before);
    expect(row(f, 'khu dân cư Hòa Bình')).not.toContain('999');

    await app.press(']');
    await app.waitFor(/Tháng 11\/2026 .*chưa có phiếu: 15/u);
    await app.waitFor('Tháng làm việc: 11/2026');
    await app.press(']');
    await app.waitFor('Tháng 12/2026 chưa đến');
    await app.press('[', '[');
    await app.waitFor(/Tháng 09\/2026/u);
  });

  it('scrolls both ways and l opens the history of the selected team’s form', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    for (let i = 0; i < 14; i++) await app.press(KEYS.down);
    for (let i = 0; i < 12; i++) await app.press(KEYS.right);
    const f = await app.waitFor(/dòng 15\/15 · cột 13\/13/u);
    expect(f).toContain('thôn Yên Lạc');
    expect(f).toContain('Giờ');
    expect(f).not.toContain('Hộ HD');
    await app.type('30');
    await app.press('l');
    await app.waitFor('mới nhất trước');
    const hist = await formHistory(pg, (await getTeamByCode(pg, 'THON-YENLAC'))!.id, '2026-10');
    expect(hist[0]!.field).toBe('gio_hoat_dong');
    expect(hist[0]!.newValue).toBe('30');
    expect(app.lastFrame()).toMatch(/Giờ\s+.* → 30\s+gõ tay/u);
  });

  it('refuses impossible days and hours in a cell (#10 item 4), judged with the form\'s other one', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    // Row 4 (TDP Bắc Hà), column 12 (days active).
    await app.press(KEYS.down, KEYS.down, KEYS.down);
    for (let i = 0; i < 11; i++) await app.press(KEYS.right);
    await app.waitFor(/dòng 4\/15 · cột 12\/13/u);
    const before = (await storedForm(pg, 'TDP02', '2026-10'))!.values;
    await app.type('32');
    await app.press(KEYS.enter);
    await app.waitFor('Tháng 10/2026 chỉ có 31 ngày');
    await erase(app, 2);
    await app.type('2');
    await app.press(KEYS.right);
    await app.waitFor(/cột 13\/13/u);
    await app.type('49');
    await app.press(KEYS.enter);
    await app.waitFor('49 giờ trong 2 ngày hoạt động là hơn 24 giờ mỗi ngày');
    const after = (await storedForm(pg, 'TDP02', '2026-10'))!.values;
    expect(after).toEqual({ ...before, ngay_hoat_dong: 2 });
  });
});
