// The Import screen on files as Excel makes them: the preview names the encoding (or the
// workbook and its sheet) and shows a sample as read, and writes only after the officer says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';
import { toCp1258 } from '../io/text/fixtures.js';
import { handWorkbook, serial } from '../io/xlsx/build.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-import-enc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const note = async (pg: Awaited<ReturnType<typeof demoDb>>, code: string, month: string) =>
  (await pg.query<{ note: string | null }>('SELECT f.note FROM form f JOIN team t ON t.id = f.team_id WHERE t.code = $1 AND f.month = $2', [code, month])).rows[0]?.note;

describe('Import screen: encodings and workbooks', () => {
  it('a Windows-1258 CSV: the preview names the encoding and shows the text as read; y writes it', async () => {
    const pg = await demoDb();
    const p = path.join(dir, 'cp1258.csv');
    fs.writeFileSync(p, toCp1258('ma_to,thang,luot_ho_tro,ghi_chu\r\nTDP01,2026-11,12,Họp ở nhà văn hóa\r\n'));
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.type(p);
    await app.press(KEYS.enter);
    const f = await app.waitFor('Tệp hợp lệ');
    expect(f).toContain('Mã chữ: Windows-1258');
    expect(f).toContain('Ví dụ chữ đọc được: "Họp ở nhà văn hóa".');
    expect(await note(pg, 'TDP01', '2026-11')).not.toBe('Họp ở nhà văn hóa');
    await app.press('y');
    await app.waitFor('Xong.');
    expect(await note(pg, 'TDP01', '2026-11')).toBe('Họp ở nhà văn hóa');
  }, 180_000);

  it('a workbook: the sheet is named, rows are the sheet\'s, a bad row is refused by its sheet row', async () => {
    const pg = await demoDb();
    const strings = ['Số liệu tháng', 'ma_to', 'thang', 'luot_ho_tro', 'TDP02', 'KHONGCO'];
    const row = (r: number, code: number, value: number) =>
      `<row r="${r}"><c r="A${r}" t="s"><v>${code}</v></c><c r="B${r}" s="1"><v>${serial('2026-10-01')}</v></c><c r="C${r}"><v>${value}</v></c></row>`;
    const sheet = (bad: boolean) =>
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c></row>` +
      row(4, 4, 21) + (bad ? row(6, 5, 1) : '');
    const good = path.join(dir, 'so-lieu.xlsx');
    fs.writeFileSync(good, handWorkbook([{ name: 'Tháng 10', rows: sheet(false) }], strings));
    const bad = path.join(dir, 'loi.xlsx');
    fs.writeFileSync(bad, handWorkbook([{ name: 'Tháng 10', rows: sheet(true) }], strings));

    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.type(bad);
    await app.press(KEYS.enter);
    let f = await app.waitFor('Tệp có 1 lỗi');
    expect(f).toContain('dòng 6, cột ma_to: không có tổ mã');
    expect(f).toContain('Trang tính: "Tháng 10"');
    app.unmount();

    const again = await renderApp(pg, { screen: { name: 'import' } });
    await again.waitFor('Tệp CSV');
    await again.type(good);
    await again.press(KEYS.enter);
    f = await again.waitFor('Tệp hợp lệ');
    expect(f).toContain('Mã chữ: sổ Excel (chữ Unicode).');
    expect(f).toContain('1 dòng (sổ Excel)');
    await again.press('y');
    await again.waitFor('Xong.');
    const v = await pg.query<{ value: number }>(
      `SELECT v.value FROM form_value v JOIN form f ON f.id = v.form_id JOIN team t ON t.id = f.team_id WHERE t.code = 'TDP02' AND f.month = '2026-10' AND v.indicator = 'luot_ho_tro'`,
    );
    expect(v.rows[0]?.value).toBe(21);
  }, 180_000);
});
