// A role that may only read (a server's GRANT SELECT): the UI opens and shows everything, and
// every key of the key table that writes is off with the reason — said when pressed, listed in
// the help — on every screen, whatever the screen itself offers.
import { describe, expect, it } from 'vitest';
import { READ_ONLY_REASON } from '../../src/store/read-only.js';
import { asDatabase, demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('read-only role in the UI', () => {
  it('keys that write are off with "chỉ có quyền xem"; reading and exporting stay', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { database: { ...asDatabase(pg), readOnly: true } });
    await app.waitFor('Phiếu đã nhận');
    expect(app.lastFrame()).not.toMatch(/n Nhập phiếu/u); // the footer offers only what acts
    await app.press('n');
    await app.waitFor(`Nhập phiếu: ${READ_ONLY_REASON}`);
    await app.press('i');
    await app.waitFor(`Nhập CSV: ${READ_ONLY_REASON}`);
    await app.press('?');
    const help = await app.waitFor('Trợ giúp');
    expect(help).toContain(READ_ONLY_REASON);
    expect(help).not.toContain('Phiếu đã nhận');
    await app.press('?');
    await app.waitFor('Phiếu đã nhận');
    // The teams list opens; adding a team does not.
    await app.press('t');
    await app.waitFor('Danh sách tổ');
    await app.press('a');
    await app.waitFor(`Thêm tổ: ${READ_ONLY_REASON}`);
    await app.press(KEYS.escape);
    await app.waitFor('Phiếu đã nhận');
    await app.press('x');
    await app.waitFor('Số liệu CSV, mẫu ngang');
  });

  it('the same app with a role that may write: the keys act', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press('i');
    const f = await app.waitFor((frame) => !frame.includes('Phiếu đã nhận'));
    expect(f).not.toContain(READ_ONLY_REASON);
  });
});
