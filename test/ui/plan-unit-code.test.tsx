// The unit code on the Plan screen, through the rendered app on a real database: shown, edited,
// checked for shape as `init --unit-code` checks it (a wrong one is not saved), saved with the plan.
import { describe, expect, it } from 'vitest';
import { getUnitIdentity, setUnitCode } from '../../src/db/unit-level.js';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('the unit code on the Plan screen', () => {
  it('shows the code held, refuses a wrong shape, saves a good one', async () => {
    const db = await demoDb();
    await setUnitCode(db, '00004');
    const app = await renderApp(db, { screen: { name: 'plan' } });
    await app.waitFor('Tên kế hoạch', 20_000);
    for (let i = 0; i < 60 && !/› Mã đơn vị/u.test(app.lastFrame()); i++) await app.press(KEYS.down);
    const at = await app.waitFor(/› Mã đơn vị \(5 chữ số\)\s+00004/u);
    expect(at).toContain('Gửi tỉnh (tệp tổng hợp)');
    await app.press(KEYS.backspace, KEYS.backspace);
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Mã đơn vị "000" không hợp lệ', 20_000);
    expect((await getUnitIdentity(db))?.code).toBe('00004'); // nothing saved
    await app.type('17');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch', 20_000);
    expect((await getUnitIdentity(db))?.code).toBe('00017');
  }, 120_000);
});
