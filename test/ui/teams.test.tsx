// Teams and members, typed into the real App over the demo database, read back from it.
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { listMembers } from '../../src/db/members.js';
import { getTeamByCode, listTeams } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { KEYS, type Rendered, erase, renderApp } from '../support/ui.js';

/** From the team list, open the team found by typing part of its name. */
async function openTeam(app: Rendered, query: string, name: string): Promise<string> {
  await app.waitFor('Mã tổ');
  await app.press('/');
  await app.type(query);
  await app.waitFor(`tìm: ${query}`);
  await app.press(KEYS.enter, KEYS.enter);
  return app.waitFor((f) => f.includes('Vai trò') && f.includes(name));
}

describe('team list', () => {
  it('lists the teams in Vietnamese order with households, members and warnings', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    const f = await app.waitFor('15 tổ đang hoạt động');
    const names = ['cấp xã/phường', 'khu dân cư Hòa Bình', 'làng Hạ Vũ', 'TDP Bắc Hà', 'TDP Đông Sơn', 'TDP Lê Lợi', 'thôn Châu Giang', 'thôn Đông Thượng', 'thôn Đồng Văn'];
    const at = names.map((n) => f.indexOf(n));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(f).toMatch(/TDP01\s+● Tổ CNSCĐ TDP Đông Sơn\s+312\s+11/u);
    // Phù Vân asks 9 members per TDP team: Bắc Hà has 5.
    expect(f).toMatch(/TDP02 .*276\s+5 ⚠ 5\/9 TV/u);
    expect(f).toMatch(/KDC-HOABINH .*⚠ chưa có TP/u);
  });

  it('filters by "dong" ignoring diacritics and case, Esc clears the filter', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('/');
    await app.type('DONG');
    const f = await app.waitFor('tìm: DONG');
    for (const n of ['TDP Đông Sơn', 'thôn Đông Thượng', 'thôn Đồng Văn', 'thôn Ngọc Động']) expect(f).toContain(n);
    expect(f).not.toContain('Bắc Hà');
    expect(f).toContain('(4 tổ)');
    await app.press(KEYS.escape);
    await app.waitFor('Bắc Hà');
    expect(app.lastFrame()).not.toContain('tìm:');
  });
});

describe('team list paging', () => {
  it('PgDn/PgUp page through the list while the filter is being typed', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('/');
    await app.type('to'); // every team: "Tổ …"
    await app.waitFor('tìm: to▏ (15 tổ)');
    await app.press(KEYS.pageDown);
    await app.waitFor(/^› THON-YENLAC/mu);
    await app.press(KEYS.pageUp);
    await app.waitFor(/^› CAP-XA/mu);
  });
});

describe('team page', () => {
  it("shows the team's area, decision, months reported, trainings, members and warnings", async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    const f = await openTeam(app, 'hoa binh', 'Hòa Bình');
    expect(f).toContain('KDC-HOABINH · Tổ CNSCĐ khu dân cư Hòa Bình ● Đang hoạt động');
    expect(f).toMatch(/Địa bàn: Khu dân cư Hòa Bình .*167 hộ/u);
    expect(f).toContain('Quyết định thành lập: 484/QĐ-UBND ngày 22/08/2025');
    expect(f).toMatch(/Phiếu tháng \(01\/2026–12\/2026\): 01[✓✗]/u);
    expect(f).toContain('11· 12·'); // not due yet: today is 23/11
    expect(f).toMatch(/Tập huấn: \d+\/11 thành viên đã tập huấn trong kỳ/u);
    expect(f).toContain('⚠ Tổ chưa có Tổ phó');
    const team = (await getTeamByCode(pg, 'KDC-HOABINH'))!;
    const [leader] = await listMembers(pg, team.id);
    expect(f).toContain(`Tổ trưởng  ${leader!.fullName}`);
  });

  it('adds a member through the form and reads it back from the database', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    await openTeam(app, 'bac ha', 'Bắc Hà');
    await app.press('a');
    await app.waitFor('Thêm thành viên');
    await app.type('Hoàng Thị Thu');
    await app.press(KEYS.tab, KEYS.right, KEYS.tab); // role: Thành viên → Tổ trưởng
    await app.waitFor('Tổ đã có Tổ trưởng'); // a warning, not an error
    await app.press(KEYS.shiftTab, KEYS.right, KEYS.tab); // → Tổ phó
    await app.press(KEYS.right, KEYS.tab); // organisation: the first one, Đoàn Thanh niên
    await app.type('1998');
    await app.press(KEYS.tab);
    await app.type('0912 345 678');
    await app.press(KEYS.tab);
    // Joined: today by default; replace it.
    await erase(app, 10);
    await app.type('01/11/2026');
    await app.press(KEYS.tab, KEYS.enter); // left blank; Enter on the last field saves
    await app.waitFor('Đã thêm Hoàng Thị Thu vào Tổ CNSCĐ TDP Bắc Hà');
    const team = (await getTeamByCode(pg, 'TDP02'))!;
    const m = (await listMembers(pg, team.id)).find((x) => x.fullName === 'Hoàng Thị Thu');
    expect(m).toMatchObject({ role: 'to_pho', organisation: 'Đoàn Thanh niên', birthYear: 1998, phone: '0912345678', joinedOn: '2026-11-01', leftOn: null });
    await app.waitFor(/Tổ phó\s+Hoàng Thị Thu/u);
  });

  it('records one training for two marked members', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP02'))!;
    const before = await listMembers(pg, team.id);
    const app = await renderApp(pg, { screen: { name: 'team', teamId: team.id } });
    await app.waitFor('Vai trò');
    await app.press(KEYS.space, KEYS.space);
    await app.waitFor('Đã đánh dấu 2 thành viên');
    await app.press('h');
    await app.waitFor('Ghi một buổi tập huấn cho 2 thành viên');
    await app.press(KEYS.tab);
    await app.type('An toàn thông tin trên mạng');
    await app.press(KEYS.enter);
    await app.waitFor('Đã ghi tập huấn 23/11/2026 "An toàn thông tin trên mạng" cho 2 thành viên'); // not the title's "cho 2 thành viên"
    const after = await listMembers(pg, team.id);
    const got = after.filter((m) => m.trainings.some((t) => t.topic === 'An toàn thông tin trên mạng' && t.heldOn === '2026-11-23'));
    expect(got.map((m) => m.id).sort()).toEqual([before[0]!.id, before[1]!.id].sort());
    // The marks are done with once the training is saved.
    await app.waitFor((f) => f.includes('Space đánh dấu'));
  });

  it('dissolves a team (kept, hidden from the list and from targets) and reactivates it', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    await openTeam(app, 'ha vu', 'Hạ Vũ');
    await app.press('x');
    await app.waitFor('Giải thể tổ LANG-HAVU từ ngày (dd/mm/yyyy): 23/11/2026');
    await erase(app, 10);
    await app.type('31/12/2026');
    await app.press(KEYS.enter);
    await app.waitFor('Ngày giải thể không được sau hôm nay');
    await erase(app, 10);
    await app.type('31/10/2026');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Đã giải thể từ 31/10/2026');
    expect((await getTeamByCode(pg, 'LANG-HAVU'))!.dissolvedOn).toBe('2026-10-31');
    expect((await listTeams(pg)).map((t) => t.code)).not.toContain('LANG-HAVU');
    expect((await computeStatus(pg, '2026-10')).teams.map((t) => t.ma_to)).not.toContain('LANG-HAVU');
    expect((await computeStatus(pg, '2026-09')).teams.map((t) => t.ma_to)).toContain('LANG-HAVU');
    await app.press(KEYS.escape);
    await app.waitFor('tìm: ha vu (0 tổ)'); // the list kept its filter; the team is hidden now
    await app.press(KEYS.escape); // clears the filter
    let f = await app.waitFor((fr) => fr.includes('14 tổ đang hoạt động') && fr.includes('Bắc Hà'));
    expect(f).not.toContain('LANG-HAVU');
    await app.press('d');
    f = await app.waitFor('đang hiện');
    expect(f).toMatch(/LANG-HAVU\s+✗ Tổ CNSCĐ làng Hạ Vũ .*giải thể 31\/10\/2026/u);
    // Undo: reactivate.
    await app.press('/');
    await app.type('ha vu');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('✗ Đã giải thể');
    await app.press('x');
    await app.waitFor('Khôi phục hoạt động của Tổ CNSCĐ làng Hạ Vũ? (y/n)');
    await app.press('y');
    await app.waitFor('● Đang hoạt động');
    expect((await getTeamByCode(pg, 'LANG-HAVU'))!.dissolvedOn).toBeNull();
  });

  it('moves a member to a team picked by typing part of its name', async () => {
    const pg = await demoDb();
    const from = (await getTeamByCode(pg, 'TDP01'))!;
    const to = (await getTeamByCode(pg, 'THON-YENLAC'))!;
    const member = (await listMembers(pg, from.id))[2]!;
    const app = await renderApp(pg, { screen: { name: 'team', teamId: from.id } });
    await app.waitFor('Vai trò');
    await app.press(KEYS.down, KEYS.down, 'v');
    await app.waitFor(`Chuyển ${member.fullName}`);
    await app.type('yen');
    await app.waitFor(/› THON-YENLAC/u);
    await app.press(KEYS.enter);
    await app.waitFor('→ Sang Tổ CNSCĐ thôn Yên Lạc từ 23/11/2026');
    await app.press(KEYS.enter);
    await app.waitFor(`Đã chuyển ${member.fullName} sang Tổ CNSCĐ thôn Yên Lạc`);
    const old = (await listMembers(pg, from.id)).find((m) => m.id === member.id)!;
    expect(old.leftOn).toBe('2026-11-23');
    const moved = (await listMembers(pg, to.id)).find((m) => m.fullName === member.fullName && m.joinedOn === '2026-11-23');
    expect(moved).toMatchObject({ role: 'thanh_vien', leftOn: null });
    expect(moved!.trainings.length).toBe(member.trainings.length);
  });
});
