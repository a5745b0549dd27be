// Undo through the real App (#10 item 14): `u` acts only on the form on screen and never crosses
// an import; an import is undone as a whole from the Import screen, after asking.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setValue } from '../../src/db/forms.js';
import { addMember } from '../../src/db/members.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { runImport } from '../../src/io/csv/import.js';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm, teamIdOf } from '../support/forms.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, renderApp } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-undo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('u on the entry form', () => {
  it('right after an import, u in September does not revert a correction typed in October', async () => {
    const pg = await demoDb();
    const team = await teamIdOf(pg, 'TDP01');
    await pg.transaction((tx) => setValue(tx, team, '2026-09', 'luot_ho_tro', 31)); // September, earlier
    await pg.transaction((tx) => setValue(tx, team, '2026-10', 'luot_ho_tro', 42)); // the October correction
    await runImport(pg, 'figures', new TextEncoder().encode('ma_to,thang,ho_huong_dan\nTDP03,2026-08,5\n'), { now: TEST_NOW });
    const app = await openEntryForm(pg, 'TDP01', '2026-09');
    await app.press('u');
    await app.waitFor('Không còn thay đổi gõ tay nào để hoàn tác trong phiếu này');
    expect((await storedForm(pg, 'TDP01', '2026-10'))!.values.luot_ho_tro).toBe(42);
    expect((await storedForm(pg, 'TDP01', '2026-09'))!.values.luot_ho_tro).toBe(31);
    // Typed now, on this form: u undoes it and says what it was.
    await app.type('77');
    await app.press(KEYS.enter);
    await app.waitFor(/› Số lượt người dân/u);
    await app.press('u');
    await app.waitFor(/Đã hoàn tác: .*tháng 09\/2026.*77 → /u);
  });
});

describe('the Import screen', () => {
  it('undoes the last import as a whole after asking (Ctrl+Z), and says what it undid', async () => {
    const pg = await demoDb();
    const before = await storedForm(pg, 'TDP01', '2026-10');
    const p = path.join(dir, 'so-lieu.csv');
    fs.writeFileSync(p, 'ma_to,thang,luot_ho_tro\nTDP01,2026-10,99\nTDP02,2026-11,7\n');
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.press(p);
    await app.press(KEYS.enter);
    await app.waitFor('Tệp hợp lệ');
    await app.press('y');
    await app.waitFor('Xong.');
    expect((await storedForm(pg, 'TDP02', '2026-11'))).not.toBeNull();
    await app.press(KEYS.ctrl('z'));
    await app.waitFor('Hoàn tác cả lần nhập gần nhất (Đã thêm 1 phiếu mới, thay 1 phiếu đã có; 2 số liệu)?');
    await app.press('y');
    await app.waitFor('Đã hoàn tác lần nhập tệp số liệu gần nhất: bỏ 1 phiếu do tệp tạo, trả lại 1 giá trị cũ.');
    expect(await storedForm(pg, 'TDP02', '2026-11')).toBeNull();
    expect((await storedForm(pg, 'TDP01', '2026-10'))!.values).toEqual(before!.values);
    await app.press(KEYS.ctrl('z'));
    await app.waitFor('Lần nhập gần nhất đã được hoàn tác rồi.');
  });

  // Whole words across the message line's wrapping: the frame with its line breaks as spaces.
  const says = (text: string | RegExp) => (f: string) => {
    const flat = f.replace(/\s+/gu, ' ');
    return typeof text === 'string' ? flat.includes(text) : text.test(flat);
  };

  it('undoes a teams import with Ctrl+Z, and refuses one whose added team got a member since', async () => {
    const pg = await demoDb();
    const p = path.join(dir, 'to.csv');
    fs.writeFileSync(p, 'ma_to,ten_to\nA9,Tổ mới A9\n');
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.press(p);
    await app.press(KEYS.enter);
    await app.waitFor('Tệp hợp lệ');
    await app.press('y');
    await app.waitFor('Xong.');
    expect(await getTeamByCode(pg, 'A9')).not.toBeNull();
    await app.press(KEYS.ctrl('z'));
    await app.waitFor('Hoàn tác cả lần nhập gần nhất');
    await app.press('y');
    await app.waitFor(says(/Đã hoàn tác lần nhập danh sách tổ lúc .+: bỏ 1 tổ thêm mới, trả lại 0 tổ đã sửa\./u));
    expect(await getTeamByCode(pg, 'A9')).toBeNull();

    await runImport(pg, 'teams', new TextEncoder().encode('ma_to,ten_to\nA9,Tổ mới A9\n'), { now: TEST_NOW });
    const a9 = (await getTeamByCode(pg, 'A9'))!.id;
    await pg.transaction((tx) => addMember(tx, a9, { fullName: 'Nguyễn Văn Mới', role: 'to_truong', organisation: null, birthYear: null, phone: null, joinedOn: null, leftOn: null }));
    await app.press(KEYS.ctrl('z'));
    await app.waitFor('Hoàn tác cả lần nhập gần nhất');
    await app.press('y');
    await app.waitFor(says('tổ A9 do tệp thêm nay đã có thành viên hoặc phiếu'));
    expect(await getTeamByCode(pg, 'A9')).not.toBeNull();
  });
});
