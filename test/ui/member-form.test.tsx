// Editing members: zod messages by the field, warnings that do not block, a plan that
// prefers younger members (Ngọc Hồi).
import { describe, expect, it } from 'vitest';
import { addMember, listMembers } from '../../src/db/members.js';
import { setupUnit } from '../../src/db/setup.js';
import { getTeamByCode, saveTeam } from '../../src/db/teams.js';
import { loadPreset } from '../../src/io/presets.js';
import { demoDb, emptyDb } from '../support/db.js';
import { KEYS, erase, renderApp } from '../support/ui.js';

describe('member form', () => {
  it('edits a member: refuses a bad phone and a left date before joining, then records the leaving', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP05'))!;
    const m = (await listMembers(pg, team.id))[3]!;
    const app = await renderApp(pg, { screen: { name: 'team', teamId: team.id } });
    await app.waitFor('Vai trò');
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor(`Sửa thành viên ${m.fullName}`);
    for (let i = 0; i < 4; i++) await app.press(KEYS.tab);
    await app.waitFor(/› Điện thoại/u);
    await erase(app, 12);
    await app.type('12345');
    await app.press(KEYS.tab);
    await app.waitFor('✗ Số điện thoại không hợp lệ (ví dụ 0912345678)');
    await app.press(KEYS.shiftTab);
    await erase(app, 5);
    await app.type('+84 912 000 111');
    await app.press(KEYS.tab, KEYS.tab);
    await app.type('01/01/2020');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Ngày rời tổ phải sau ngày tham gia');
    await erase(app, 10);
    await app.type('15/11/2026');
    await app.press(KEYS.enter);
    await app.waitFor(`Đã lưu thành viên ${m.fullName}`);
    const saved = (await listMembers(pg, team.id)).find((x) => x.id === m.id)!;
    expect(saved).toMatchObject({ phone: '+84912000111', leftOn: '2026-11-15', fullName: m.fullName, role: m.role });
    // A former member is listed last, with the day they left.
    const f = await app.waitFor(new RegExp(`${m.fullName}.*✗15/11/2026`, 'u'));
    const lines = f.split('\n').filter((l) => /^[ ›][ ✓] (Tổ trưởng|Tổ phó|Thành viên) /u.test(l));
    expect(lines.at(-1)).toContain(m.fullName);
  });

  it('takes an organisation typed freely, or chosen with ←/→', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP06'))!;
    const app = await renderApp(pg, { screen: { name: 'memberForm', teamId: team.id } });
    await app.waitFor('Thêm thành viên');
    await app.type('Đỗ Văn Hải');
    await app.press(KEYS.tab, KEYS.tab, KEYS.left); // ← from blank: the last one, "Khác"
    await app.waitFor('Khác▏');
    await erase(app, 4);
    await app.type('Hội Người cao tuổi');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã thêm Đỗ Văn Hải');
    const m = (await listMembers(pg, team.id)).find((x) => x.fullName === 'Đỗ Văn Hải')!;
    expect(m).toMatchObject({ organisation: 'Hội Người cao tuổi', role: 'thanh_vien', birthYear: null, phone: null, joinedOn: null });
  });
});

describe('a plan that prefers members under 40 (Ngọc Hồi)', () => {
  it('warns on the list, the team page and the member form, without blocking the save', async () => {
    const pg = await emptyDb();
    await setupUnit(pg as never, { preset: loadPreset('ngoc-hoi-2026')!, unitName: 'xã Ngọc Hồi', officer: null });
    const teamId = await saveTeam(pg, {
      code: 'THON-1',
      name: 'Tổ CNSCĐ thôn Một',
      level: 'area',
      decisionNo: null,
      decisionDate: '2026-01-05',
      area: { name: 'Thôn Một', kind: 'thôn', urban: false, households: 200, adults: 560 },
    });
    await addMember(pg, teamId, { fullName: 'Nguyễn Văn Cả', role: 'to_truong', organisation: 'Bí thư chi bộ', birthYear: 1970, phone: null, joinedOn: '2026-01-05', leftOn: null });
    await addMember(pg, teamId, { fullName: 'Trần Thị Út', role: 'thanh_vien', organisation: 'Đoàn Thanh niên', birthYear: 2000, phone: null, joinedOn: '2026-01-05', leftOn: null });
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    let f = await app.waitFor('1 tổ đang hoạt động');
    expect(f).toMatch(/THON-1 .*⚠ chưa có TP; 1 TV >40t/u);
    await app.press(KEYS.enter);
    f = await app.waitFor('⚠ Tổ chưa có Tổ phó · 1 thành viên trên 40 tuổi (kế hoạch ưu tiên dưới 40 tuổi)');
    expect(f).toMatch(/Nguyễn Văn Cả .*1970!/u);
    await app.press('a');
    await app.waitFor('Thêm thành viên');
    await app.type('Lê Văn Bảy');
    await app.press(KEYS.tab, KEYS.right, KEYS.right, KEYS.tab, KEYS.tab); // Tổ phó
    await app.type('1975');
    await app.press(KEYS.tab);
    await app.waitFor('! Trên 40 tuổi: kế hoạch ưu tiên người trẻ hơn (vẫn lưu được)');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã thêm Lê Văn Bảy');
    f = await app.waitFor('⚠ 2 thành viên trên 40 tuổi');
    expect(f).not.toContain('chưa có Tổ phó');
    expect((await listMembers(pg, teamId)).map((m) => m.fullName)).toContain('Lê Văn Bảy');
  });
});
