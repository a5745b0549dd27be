// The form screens while their data loads and after it failed to load: Esc still goes back and
// `?` still shows the help (the keys are live from the first frame).
import { describe, expect, it } from 'vitest';
import { getTeamByCode } from '../../src/db/teams.js';
import { FAILURE, controlledDatabase } from '../support/controlled.js';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

async function teamPage() {
  const pg = await demoDb();
  const team = (await getTeamByCode(pg, 'TDP01'))!;
  const ctl = controlledDatabase(pg);
  const app = await renderApp(pg, { screen: { name: 'team', teamId: team.id }, database: ctl.database });
  await app.waitFor('Vai trò');
  return { app, ctl };
}

describe('form screens before their data', () => {
  it('team form: Esc leaves while loading', async () => {
    const pg = await demoDb();
    const ctl = controlledDatabase(pg);
    const app = await renderApp(pg, { screen: { name: 'teams' }, database: ctl.database });
    await app.waitFor('Mã tổ');
    ctl.hold();
    await app.press('e');
    await app.waitFor('Đang tải…');
    await app.waitFor('Esc Quay lại');
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('Danh sách tổ') && !f.includes('Đang tải…'));
    ctl.release();
    expect(app.exited()).toBe(false);
  });

  it('member form: after a failed load, ? shows the help and Esc goes back', async () => {
    const { app, ctl } = await teamPage();
    ctl.fail();
    await app.press('a');
    await app.waitFor(`✗ ${FAILURE}`);
    await app.press('?');
    await app.waitFor('Phím tắt của màn hình này');
    await app.press(KEYS.escape);
    await app.waitFor(`✗ ${FAILURE}`);
    await app.press(KEYS.escape);
    ctl.release();
    await app.waitFor((f) => f.includes('Thông tin tổ') && f.includes('Vai trò'));
  });

  it('training: Esc leaves while loading', async () => {
    const { app, ctl } = await teamPage();
    ctl.hold();
    await app.press('h');
    await app.waitFor((f) => f.includes('Ghi tập huấn') && f.includes('Đang tải…'));
    await app.press(KEYS.escape);
    await app.waitFor((f) => f.includes('Thông tin tổ') && f.includes('Vai trò'));
    ctl.release();
  });

  it('move member: q leaves after a failed load', async () => {
    const { app, ctl } = await teamPage();
    ctl.fail();
    await app.press('v');
    await app.waitFor((f) => f.includes('Chuyển tổ') && f.includes(FAILURE));
    await app.press('q');
    ctl.release();
    await app.waitFor((f) => f.includes('Thông tin tổ') && f.includes('Vai trò'));
  });
});

describe('a form while it saves', () => {
  it('Esc waits: the save goes back one screen, not two', async () => {
    const pg = await demoDb();
    const ctl = controlledDatabase(pg);
    const app = await renderApp(pg, { screen: { name: 'teams' }, database: ctl.database });
    await app.waitFor('Mã tổ');
    await app.press('e');
    await app.waitFor('Sửa thông tin');
    ctl.hold();
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đang lưu…');
    await app.press(KEYS.escape, 'q');
    expect(app.lastFrame()).toContain('Đang lưu…');
    ctl.release();
    await app.waitFor((f) => f.includes('Đã lưu') && f.includes('Danh sách tổ') && f.includes('Mã tổ'));
    expect(app.exited()).toBe(false);
  });
});
