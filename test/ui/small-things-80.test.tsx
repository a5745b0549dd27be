// #10 item 22, the smaller things seen at 80×24 through the rendered App over a real database.
import { describe, expect, it } from 'vitest';
import { setValue } from '../../src/db/forms.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { renderAppIn } from '../support/terminal.js';
import { KEYS } from '../support/ui.js';

describe('small things at 80 columns (#10 item 22)', () => {
  it('Space on the team page: help and footer say it marks and moves down', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'THON-DTHUONG'))!;
    const app = await renderAppIn(pg, { screen: { name: 'team', teamId: team.id } });
    const page = await app.waitFor('Vai trò');
    expect(page).toContain('Space đánh dấu rồi xuống');
    await app.press('?');
    const help = await app.waitFor('Phím tắt của màn hình này');
    expect(help).toContain('↓ còn');
    await app.press(KEYS.pageDown);
    const more = await app.waitFor('Space');
    expect(more.replace(/[│ ]*\n[│ ]*/gu, ' ')).toMatch(/Space\s+Đánh dấu hoặc bỏ đánh dấu thành viên rồi xuống người tiếp theo/u);
  });
  it('the history title fits: team, month, count and the ↶ legend all whole at 80 columns', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'THON-DTHUONG'))!;
    await pg.transaction((tx) => setValue(tx, team.id, '2026-11', 'ho_huong_dan', 40));
    const app = await renderAppIn(pg, { screen: { name: 'history', teamId: team.id, month: '2026-11' } });
    const f = await app.waitFor('mới nhất trước');
    expect(f).toContain(`${team.name} (${team.code}) · phiếu tháng 11/2026`);
    expect(f).toMatch(/\d+ thay đổi, mới nhất trước · ↶ = đã hoàn tác/u); // before: cut after "mới nhất"
  });
});
