import { describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('home screen', () => {
  it('shows the unit, the plan and the teams worst first; q quits', async () => {
    const app = await renderApp(await demoDb());
    const f = await app.waitFor('Phiếu đã nhận');
    expect(f).toContain('phường Phù Vân');
    expect(f).toContain('Kế hoạch hoạt động Tổ CNSCĐ phường Phù Vân năm 2026');
    expect(f).toMatch(/Chưa báo cáo/u);
    await app.press('q');
    expect(app.exited()).toBe(true);
  });

  it('filters by name ignoring diacritics: "dong" finds Đông', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('/');
    await app.type('dong');
    const f = await app.waitFor('tìm: dong');
    expect(f).toContain('Đông Sơn');
    expect(f).toContain('Đông Thượng');
    expect(f).not.toContain('Bắc Hà');
    await app.press(KEYS.escape);
    await app.waitFor('Bắc Hà');
  });
});
