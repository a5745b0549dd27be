import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

const count = async (pg: Awaited<ReturnType<typeof demoDb>>) =>
  (await pg.query<{ n: number }>('SELECT (SELECT count(*) FROM form) + (SELECT count(*) FROM form_value) AS n')).rows[0]!.n;

describe('Import screen', () => {
  it('checks the whole file, shows what it would do, writes only after y', async () => {
    const pg = await demoDb();
    const before = await count(pg);
    const p = file('ok.csv', '\uFEFFma_to;thang;luot_ho_tro;ngay_hoat_dong\r\nTDP01;2026-11;12;3\r\nTDP02;2026-10;7;\r\n');
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.press(`"${p}"`); // pasted with quotes, as Explorer copies it
    await app.press(KEYS.enter);
    const f = await app.waitFor('Tệp hợp lệ');
    expect(f).toContain('Sẽ thêm 1 phiếu mới, thay 1 phiếu đã có; 3 số liệu.');
    expect(f).toContain('Loại tệp: Số liệu');
    expect(await count(pg)).toBe(before);
    await app.press('y');
    await app.waitFor('Xong.');
    expect(app.lastFrame()).toContain('Đã thêm 1 phiếu mới, thay 1 phiếu đã có');
    expect(await count(pg)).not.toBe(before);
  });

  it('lists every bad row with line, column and reason, scrolls, and refuses y', async () => {
    const pg = await demoDb();
    const before = await count(pg);
    const rows = ['ma_to,thang,luot_ho_tro'];
    for (let i = 0; i < 30; i++) rows.push(`KHONG${i},2026-09,1`);
    const p = file('bad.csv', rows.join('\n'));
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.type(p);
    await app.press(KEYS.enter);
    let f = await app.waitFor('Tệp có 30 lỗi');
    expect(f).toContain('dòng 2, cột ma_to: không có tổ mã "KHONG0"');
    expect(f).not.toContain('dòng 31,');
    for (let i = 0; i < 30; i++) await app.press(KEYS.down);
    f = await app.waitFor('dòng 31, cột ma_to');
    expect(f).not.toContain('dòng 2, cột');
    await app.press('y');
    expect(await count(pg)).toBe(before);
    // Esc goes back to the path; ←/→ choose the kind
    await app.press(KEYS.escape);
    await app.press(KEYS.right);
    await app.waitFor('Loại: ‹ Danh sách tổ ›');
  });

  it('refuses a file in no encoding it reads, with how to re-save it', async () => {
    const pg = await demoDb();
    const p = path.join(dir, 'latin1.csv');
    fs.writeFileSync(p, Buffer.from('ma_to,ten_to\nA,\x81\x8dng\n', 'latin1'));
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.type(p);
    await app.press(KEYS.enter);
    await app.waitFor('Không đọc được mã chữ của tệp');
  });
});
