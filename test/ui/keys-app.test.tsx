// The typed key table through the real App: a key that is off says why on the message line (and
// in the help), and a binding the table gives a screen is handled there.
import { describe, expect, it } from 'vitest';
import { listMembers } from '../../src/db/members.js';
import { demoDb } from '../support/db.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { KEYS, renderApp } from '../support/ui.js';

describe('a key that is off', () => {
  it('says why on the message line when pressed, instead of doing nothing', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    // "Today" is 23/11/2026: October is the last finished month, November has no status yet.
    await app.press(KEYS.right);
    const f = await app.waitFor('! → Tháng sau: chưa hết tháng sau, chưa tính được');
    expect(f).toContain('Tính đến tháng 10/2026');
    // ← still works, and at the plan's first month it is the one that is off.
    for (let i = 0; i < 9; i++) await app.press(KEYS.left);
    await app.waitFor('Tính đến tháng 01/2026');
    await app.press(KEYS.left);
    await app.waitFor('! ← Tháng trước: đã ở tháng đầu kỳ kế hoạch');
    // The help says the same beside the key.
    await app.press('?');
    const help = await app.waitFor('Phím tắt của màn hình này');
    expect(help).toContain('không dùng được: đã ở tháng đầu kỳ kế hoạch');
  });
});

describe('bindings the table gives a screen', () => {
  it('←/→ choose a topic already recorded on the training screen (the field says so)', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP01'))!;
    const members = await listMembers(pg, team.id);
    const app = await renderApp(pg, { screen: { name: 'training', teamId: team.id, memberIds: [members[0]!.id] } });
    await app.waitFor('Nội dung');
    await app.press(KEYS.tab);
    await app.waitFor(/› Nội dung/u);
    await app.press(KEYS.right);
    await app.waitFor(/› Nội dung\s+(Sử dụng ứng dụng VNeID|Thanh toán không dùng|Chữ ký số)/u);
  });
});
