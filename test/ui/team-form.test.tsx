// Adding and editing a team through its form: zod messages next to the fields, nothing saved
// until the form is valid, unsaved input guarded by a question.
import { describe, expect, it } from 'vitest';
import { getTeamByCode, listTeams } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { KEYS, erase, renderApp } from '../support/ui.js';

describe('team form', () => {
  it('adds a team with its area and lands on its page', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('a');
    await app.waitFor('Thêm tổ mới');
    await app.type('tdp07');
    await app.press(KEYS.tab);
    await app.type('Tổ CNSCĐ TDP Hòa Lạc');
    await app.press(KEYS.tab, KEYS.tab); // level stays "địa bàn"
    await app.type('Tổ dân phố Hòa Lạc');
    await app.press(KEYS.tab, KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right); // thôn → … → tổ dân phố
    await app.waitFor('tổ dân phố▏');
    await app.press(KEYS.tab, KEYS.right); // rural → urban
    await app.waitFor('thành thị');
    await app.press(KEYS.tab);
    await app.type('215');
    await app.press(KEYS.tab);
    await app.type('590');
    await app.press(KEYS.tab);
    await app.type('12/QĐ-UBND');
    await app.press(KEYS.tab);
    await app.type('05/11/2026');
    await app.press(KEYS.enter);
    const f = await app.waitFor('TDP07 · Tổ CNSCĐ TDP Hòa Lạc');
    expect(f).toContain('Địa bàn: Tổ dân phố Hòa Lạc (tổ dân phố, thành thị) · 215 hộ · 590 người trưởng thành');
    expect(f).toContain('Quyết định thành lập: 12/QĐ-UBND ngày 05/11/2026');
    expect(f).toContain('⚠ Tổ có 0 thành viên, kế hoạch yêu cầu tối thiểu 9');
    expect(await getTeamByCode(pg, 'TDP07')).toMatchObject({
      name: 'Tổ CNSCĐ TDP Hòa Lạc',
      level: 'area',
      areaName: 'Tổ dân phố Hòa Lạc',
      areaKind: 'tổ dân phố',
      urban: true,
      households: 215,
      adults: 590,
      decisionNo: '12/QĐ-UBND',
      decisionDate: '2026-11-05',
      dissolvedOn: null,
    });
    // Back from the new team's page lands on the list, which shows it.
    await app.press(KEYS.escape);
    await app.waitFor(/TDP07\s+● Tổ CNSCĐ TDP Hòa Lạc/u);
  });

  it('refuses bad fields with their Vietnamese message and saves nothing', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teamForm' } });
    await app.waitFor('Thêm tổ mới');
    await app.type('TDP 08');
    await app.press(KEYS.tab);
    await app.waitFor('✗ Mã tổ chỉ gồm chữ không dấu, số, dấu - _ .');
    await app.press(KEYS.ctrl('s'));
    let f = await app.waitFor('Chưa lưu: hãy sửa các ô có dấu ✗');
    expect(f).toContain('✗ Tên tổ không được để trống');
    expect(f).toContain('✗ Tên địa bàn không được để trống');
    // Focus went back to the first field in error: fix the code to one already used.
    await erase(app, 6);
    await app.type('TDP01');
    await app.press(KEYS.tab);
    await app.type('Tổ mới');
    await app.press(KEYS.tab, KEYS.right); // level: xã/phường — the area fields go away
    f = await app.waitFor('xã/phường');
    expect(f).not.toContain('Tên địa bàn');
    await app.press(KEYS.tab, KEYS.tab);
    await app.type('31/02/2026');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Ngày quyết định: ngày không hợp lệ (dd/mm/yyyy)');
    await erase(app, 10);
    await app.type('x');
    await app.waitFor('✗ Ngày quyết định: gõ ngày dạng dd/mm/yyyy');
    await app.type('01/01/2027');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Ngày quyết định không được sau hôm nay');
    await erase(app, 10);
    await app.type('01/10/2026');
    await app.press(KEYS.enter);
    await app.waitFor('✗ Mã tổ TDP01 đã có (Tổ CNSCĐ TDP Đông Sơn)');
    expect((await getTeamByCode(pg, 'TDP01'))!.name).toBe('Tổ CNSCĐ TDP Đông Sơn');
    expect((await listTeams(pg, { includeDissolved: true })).length).toBe(15);
  });

  it('refuses letters in a number field as they are typed', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teamForm' } });
    await app.waitFor('Thêm tổ mới');
    for (let i = 0; i < 6; i++) await app.press(KEYS.tab);
    await app.waitFor(/› Số hộ/u);
    await app.type('1a');
    const f = await app.waitFor('✗ Số hộ: chỉ gõ chữ số');
    expect(f).toMatch(/Số hộ\s+1▏/u);
  });

  it('edits a team: changes its households and code in one save', async () => {
    const pg = await demoDb();
    const id = (await getTeamByCode(pg, 'TDP04'))!.id;
    const app = await renderApp(pg, { screen: { name: 'team', teamId: id } });
    await app.waitFor('TDP04 · Tổ CNSCĐ TDP Lê Lợi');
    await app.press('e');
    await app.waitFor('Sửa thông tin Tổ CNSCĐ TDP Lê Lợi');
    await erase(app, 5);
    await app.type('TDP-LELOI');
    for (let i = 0; i < 6; i++) await app.press(KEYS.tab);
    await app.waitFor(/› Số hộ\s+198/u);
    await erase(app, 3);
    await app.type('205');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('TDP-LELOI · Tổ CNSCĐ TDP Lê Lợi');
    await app.waitFor('205 hộ');
    const t = (await getTeamByCode(pg, 'TDP-LELOI'))!;
    expect(t).toMatchObject({ id, households: 205, areaName: 'Tổ dân phố Lê Lợi' });
    expect(await getTeamByCode(pg, 'TDP04')).toBeNull();
  });

  it('asks before throwing away typed input; n stays, y goes back', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('a');
    await app.waitFor('Thêm tổ mới');
    await app.type('TDP09');
    await app.press(KEYS.escape);
    let f = await app.waitFor('? Bỏ dữ liệu chưa lưu? (y/n)');
    expect(f).toContain('y/Enter Đồng ý');
    await app.press('n');
    f = await app.waitFor((fr) => !fr.includes('Bỏ dữ liệu') && fr.includes('TDP09▏'));
    // q types into the field; Esc asks again; y leaves.
    await app.press('q');
    await app.waitFor('TDP09q▏');
    await app.press(KEYS.escape);
    await app.waitFor('Bỏ dữ liệu chưa lưu?');
    await app.press('y');
    await app.waitFor('15 tổ đang hoạt động');
    expect(await getTeamByCode(pg, 'TDP09')).toBeNull();
    // With nothing typed, Esc leaves at once.
    await app.press('a');
    await app.waitFor('Thêm tổ mới');
    await app.press(KEYS.escape);
    await app.waitFor('15 tổ đang hoạt động');
  });
});
