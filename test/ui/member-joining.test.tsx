// Members' dates (issue #10 item 1): a blank joining date means "in the team since before anything
// we track", the member form leaves it blank, marked members get one joining date at once, and a
// training dated before joining is a warning, never a refusal.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { addMember, addTraining, listMembers } from '../../src/db/members.js';
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
    await app.waitFor('Đã ghi tập huấn 05/10/2026 "Hướng dẫn sử dụng VNeID" cho 5 thành viên');

    const status = await renderApp(pg, { screen: { name: 'teamStatus', teamId, asOf: '2026-10' } });
    const f = await status.waitFor(/Thành viên được tập huấn/u);
    expect(f).toMatch(/Thành viên được tập huấn\s+100%/u);
  });
});

const member = (fullName: string, joinedOn: string | null, leftOn: string | null = null) =>
  ({ fullName, role: 'thanh_vien', organisation: null, birthYear: null, phone: null, joinedOn, leftOn }) as const;

describe('one joining date for the marked members', () => {
  it('t on the team page asks the date once and saves it for every marked member; blank clears it', async () => {
    const { pg, teamId } = await oneTeam();
    for (const n of NAMES.slice(0, 3)) await addMember(pg, teamId, member(n, '2026-11-20'));
    const app = await renderApp(pg, { screen: { name: 'team', teamId } });
    await app.waitFor('Lê Văn Cường');
    // Listed by given name: An, Bình, Cường. Mark An and Bình.
    await app.press(KEYS.space, KEYS.space);
    let f = await app.waitFor('Đã đánh dấu 2 thành viên');
    expect(f).toContain('t đặt ngày tham gia');
    await app.press('t');
    await app.waitFor('? Ngày tham gia 2 TV (trống: từ trước): 20/11/2026▏');
    await erase(app, 10);
    await app.type('1/3/2026');
    await app.press(KEYS.enter);
    await app.waitFor('Đã đặt ngày tham gia 01/03/2026 cho 2 thành viên');
    const byName = async () => Object.fromEntries((await listMembers(pg, teamId)).map((m) => [m.fullName, m.joinedOn]));
    expect(await byName()).toEqual({ 'Nguyễn Văn An': '2026-03-01', 'Trần Thị Bình': '2026-03-01', 'Lê Văn Cường': '2026-11-20' });

    // No marks left: the selected member (Cường, the cursor moved on while marking); a blank answer.
    await app.waitFor((fr) => fr.includes('01/03/2026') && !fr.includes('✓ Thành viên'));
    await app.waitFor(/› +Thành viên +Lê Văn Cường/u);
    await app.press('t');
    await app.waitFor('Ngày tham gia 1 TV');
    await erase(app, 10);
    await app.press(KEYS.enter);
    await app.waitFor('Đã bỏ ngày tham gia của 1 thành viên');
    expect((await byName())['Lê Văn Cường']).toBeNull();
  });

  it('refuses a bad date, and a date after a marked member left, changing nothing', async () => {
    const { pg, teamId } = await oneTeam();
    await addMember(pg, teamId, member('Nguyễn Văn An', null, '2026-05-31'));
    const app = await renderApp(pg, { screen: { name: 'team', teamId } });
    await app.waitFor('Nguyễn Văn An');
    await app.press(KEYS.space, 't');
    await app.waitFor('Ngày tham gia 1 TV');
    await app.type('31/02/2026');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Sai ngày (dd/mm/yyyy)');
    await erase(app, 10);
    await app.type('01/06/2026');
    await app.press(KEYS.enter);
    await app.waitFor(/: ✗ Sau ngày rời tổ 31\/05\/2026 01\/06\/2026▏\s*$/mu);
    expect((await listMembers(pg, teamId))[0]!.joinedOn).toBeNull();
  });
});

describe('a training dated before joining is a warning, not a refusal', () => {
  it('on the training form: names who joined later, and still saves', async () => {
    const { pg, teamId } = await oneTeam();
    await addMember(pg, teamId, member('Nguyễn Văn An', null));
    await addMember(pg, teamId, member('Trần Thị Bình', '2026-06-01'));
    const app = await renderApp(pg, { screen: { name: 'team', teamId } });
    await app.waitFor('Trần Thị Bình');
    await app.press(KEYS.space, KEYS.space, 'h');
    await app.waitFor('Ghi một buổi tập huấn cho 2 thành viên');
    await erase(app, 10);
    await app.type('05/05/2026');
    await app.press(KEYS.tab);
    await app.waitFor('Trước ngày tham gia của Trần Thị Bình (vẫn lưu được)');
    await app.type('Hướng dẫn sử dụng VNeID');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã ghi tập huấn 05/05/2026 "Hướng dẫn sử dụng VNeID" cho 2 thành viên');
    expect((await listMembers(pg, teamId)).map((m) => m.trainings.length)).toEqual([1, 1]);
  });

  it('on the member form: a joining date after one of the member\'s trainings', async () => {
    const { pg, teamId } = await oneTeam();
    const id = await addMember(pg, teamId, member('Nguyễn Văn An', null));
    await addTraining(pg, [id], { heldOn: '2026-04-10', topic: 'Kỹ năng số' });
    const app = await renderApp(pg, { screen: { name: 'memberForm', teamId, memberId: id } });
    await app.waitFor('Sửa thành viên Nguyễn Văn An');
    for (let i = 0; i < 5; i++) await app.press(KEYS.tab);
    await app.waitFor(/› Ngày tham gia/u);
    await app.type('01/05/2026');
    await app.press(KEYS.tab);
    await app.waitFor('Có buổi tập huấn trước ngày này (10/04/2026) (vẫn lưu được)');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu thành viên Nguyễn Văn An');
    expect((await listMembers(pg, teamId))[0]!.joinedOn).toBe('2026-05-01');
  });
});
