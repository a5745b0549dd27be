// Members' dates (issue #10 item 1): a blank joining date means "in the team since before anything
// we track", the member form leaves it blank, marked members get one joining date at once, and a
// training dated before joining is a warning, never a refusal.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { listMembers } from '../../src/db/members.js';
import { setupUnit } from '../../src/db/setup.js';
import { saveTeam } from '../../src/db/teams.js';
import { loadPreset } from '../../src/io/presets.js';
import { emptyDb } from '../support/db.js';
import { KEYS, erase, renderApp } from '../support/ui.js';

async function oneTeam(): Promise<{ pg: DbRunner; teamId: number }> {
  const pg = await emptyDb();
  await setupUnit(pg as never, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: null });
  const teamId = await saveTeam(pg, {
    code: 'TDP01',
    name: 'Tổ CNSCĐ tổ dân phố 1',
    level: 'area',
    decisionNo: null,
    decisionDate: '2026-01-05',
    area: { name: 'Tổ dân phố 1', kind: 'tổ dân phố', urban: true, households: 300, adults: 800 },
  });
  return { pg, teamId };
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];

describe('joining date left blank', () => {
  it('5 members added through the form and trained in October count for October\'s trained share', async () => {
    const { pg, teamId } = await oneTeam();
    const app = await renderApp(pg, { screen: { name: 'team', teamId } });
    await app.waitFor('Tổ chưa có thành viên');
    for (const name of NAMES) {
      await app.press('a');
      const f = await app.waitFor('Thêm thành viên');
      expect(f).toMatch(/Ngày tham gia\s+dd\/mm\/yyyy/u); // blank, its placeholder showing
      await app.type(name);
      await app.press(KEYS.ctrl('s'));
      await app.waitFor(`Đã thêm ${name}`);
    }
    expect((await listMembers(pg, teamId)).map((m) => m.joinedOn)).toEqual([null, null, null, null, null]);
    for (let i = 0; i < NAMES.length; i++) await app.press(KEYS.space);
    await app.waitFor('Đã đánh dấu 5 thành viên');
    await app.press('h');
    await app.waitFor('Ghi một buổi tập huấn cho 5 thành viên');
    await erase(app, 10);
    await app.type('05/10/2026');
    await app.press(KEYS.tab);
    await app.type('Hướng dẫn sử dụng VNeID');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('cho 5 thành viên');

    const status = await renderApp(pg, { screen: { name: 'teamStatus', teamId, asOf: '2026-10' } });
    const f = await status.waitFor(/Thành viên được tập huấn/u);
    expect(f).toMatch(/Thành viên được tập huấn\s+100%/u);
  });
});
