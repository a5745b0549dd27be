// Keys that arrive together (a fast typist, a busy moment, the numeric keypad): the terminal hands
// Ink "12\r34\r" as one chunk, and Ink passes it on as one input. Each key must still count.
import { describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm } from '../support/forms.js';
import { renderApp } from '../support/ui.js';

describe('keys arriving in one chunk', () => {
  it('entry form: "12\\r0\\r\\r7\\x7f5\\t" fills four fields as if typed one by one', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01', '2026-11');
    await app.press('12\r0\r\r7\x7f5\t');
    await app.waitFor(/› Số tài khoản định danh/u);
    expect((await storedForm(pg, 'TDP01', '2026-11'))!.values).toEqual({ ho_huong_dan: 12, luot_ho_tro: 0, ho_tuyen_truyen: 5 });
  });

  it('month grid: "42\\r" saves the cell and moves down', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    await app.press('42\r');
    await app.waitFor(/dòng 2\/15/u);
    expect((await storedForm(pg, 'CAP-XA', '2026-10'))!.values.ho_huong_dan).toBe(42);
  });

  it('team picker (a text field): "ngoc dong\\r" in one chunk picks the team and opens its form', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'entryPick', month: '2026-10' } });
    await app.waitFor('Ngọc Động');
    await app.press('ngoc dong\r');
    await app.waitFor('Ngày nhận phiếu');
    expect(app.lastFrame()).toContain('Ngọc Động');
  });
});
