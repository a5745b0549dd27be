// Issue #10 item 7: changing the month in the `n` picker changed the header's "Tháng làm việc"
// while home still said "Tính đến tháng 11/2026". One working month on every screen.
// Item 22: an empty database showed "0/0 ████ 100%" and "Đã nhận đủ phiếu".
import { describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { freshCommune } from '../io/helpers.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('one working month', () => {
  it('home ←/→ moves the header month, and the entry picker’s month moves home', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Tính đến tháng 10/2026');
    expect(app.lastFrame()).toContain('Tháng làm việc: 10/2026');
    await app.press(KEYS.left);
    const f = await app.waitFor('Tính đến tháng 09/2026');
    expect(f).toContain('Tháng làm việc: 09/2026');
    // The picker starts from the working month; ← there takes it to August, and home follows.
    await app.press('n');
    await app.waitFor('Ngọc Động');
    await app.press(KEYS.left);
    await app.waitFor('Tháng làm việc: 08/2026');
    await app.press(KEYS.escape);
    const home = await app.waitFor('Tính đến tháng 08/2026');
    expect(home).toContain('Tháng làm việc: 08/2026');
  });

  it('a month still running in the picker: home shows the last finished one and says why', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Tính đến tháng 10/2026');
    await app.press('n');
    await app.waitFor('Ngọc Động');
    await app.press(KEYS.right);
    await app.waitFor('Tháng làm việc: 11/2026');
    await app.press(KEYS.escape);
    expect(await app.waitFor('(tháng 11/2026 chưa kết thúc)')).toContain('Tính đến tháng 10/2026');
  });
});

describe('an empty database on home', () => {
  it('no "0/0 100%" bar and no "Đã nhận đủ phiếu" when no team owes anything', async () => {
    const app = await renderApp(await freshCommune());
    const f = await app.waitFor('Chưa có phiếu nào phải nộp');
    expect(f).not.toContain('100%');
    expect(f).not.toContain('Phiếu đã nhận 0/0');
    expect(f).not.toContain('Đã nhận đủ phiếu');
    expect(f).toContain('Chưa có tổ nào phải nộp phiếu.');
  });
});
