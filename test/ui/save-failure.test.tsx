// When the disk fails while typing figures: the cell's save fails, and so does reading the form
// or month back. Both are said on the message line; nothing is left as an unhandled rejection
// (which would close the app with exit 70).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAILURE, controlledDatabase } from '../support/controlled.js';
import { demoDb } from '../support/db.js';
import { teamIdOf } from '../support/forms.js';
import { KEYS, renderApp } from '../support/ui.js';

const rejections: unknown[] = [];
const record = (e: unknown) => void rejections.push(e);
beforeEach(() => {
  rejections.length = 0;
  process.on('unhandledRejection', record);
});
afterEach(() => {
  process.off('unhandledRejection', record);
});

/** Let any rejection left unhandled reach the process hook (it fires after a macrotask). */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('a save that fails, then a read that fails', () => {
  it('month grid', async () => {
    const pg = await demoDb();
    const ctl = controlledDatabase(pg);
    const app = await renderApp(pg, { screen: { name: 'grid', month: '2026-10' }, database: ctl.database });
    await app.waitFor('chưa có phiếu: 2');
    ctl.fail();
    await app.type('5');
    await app.press(KEYS.enter);
    await app.waitFor(`Không lưu được ô, cũng không đọc lại được bảng: ${FAILURE}`);
    await settle();
    expect(rejections).toEqual([]);
  });

  it('entry form', async () => {
    const pg = await demoDb();
    const ctl = controlledDatabase(pg);
    const teamId = await teamIdOf(pg, 'CAP-XA');
    const app = await renderApp(pg, { screen: { name: 'entry', month: '2026-11', teamId }, database: ctl.database });
    await app.waitFor('Ngày nhận phiếu');
    ctl.fail();
    await app.type('5');
    await app.press(KEYS.enter);
    await app.waitFor(`Không lưu được ô vừa rời, cũng không đọc lại được phiếu: ${FAILURE}`);
    await settle();
    expect(rejections).toEqual([]);
  });
});
