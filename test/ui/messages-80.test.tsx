// Messages that follow a common action fit the one message row of an 80×24 terminal whole.
import { describe, expect, it } from 'vitest';
import { getTeamByCode } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { renderAppIn } from '../support/terminal.js';
import { KEYS } from '../support/ui.js';

/** The message row: the one above the footer (the frame ends with the footer). */
const messageRow = (frame: string) => frame.split('\n').at(-2) ?? '';

describe('messages at 80 columns', () => {
  it('moving on to the next team without a form', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'CAP-XA'))!;
    const app = await renderAppIn(pg, { screen: { name: 'entry', month: '2026-11', teamId: team.id } });
    await app.waitFor('Ngày nhận phiếu');
    await app.press(KEYS.pageDown);
    const f = await app.waitFor('Tiếp theo:');
    expect(messageRow(f).trim()).toBe('Bỏ qua cấp xã/phường. Tiếp theo: khu dân cư Hòa Bình, chưa có phiếu.');
  });

  it('dissolving a team', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'THON-DTHUONG'))!;
    const app = await renderAppIn(pg, { screen: { name: 'team', teamId: team.id } });
    await app.waitFor('Vai trò');
    await app.press('x');
    await app.waitFor('từ ngày (dd/mm/yyyy)');
    await app.press(KEYS.enter);
    // How to undo it is on the page itself.
    const f = await app.waitFor((fr) => fr.includes('Đã giải thể') && fr.includes('x khôi phục tổ'));
    expect(messageRow(f).trim()).toBe('Đã giải thể thôn Đông Thượng từ 23/11/2026 (không tính chỉ tiêu, giữ lịch sử).');
  });
});
