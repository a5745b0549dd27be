// #10 item 22: at 80×24 a long message (a restore's, the question naming both communes, an
// import's refused rows) is readable whole: wrapped over the rows it needs, the screen above
// giving them up, nothing cut and nothing past 24 rows. Through the rendered App on real data.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { getUnit, saveUnit } from '../../src/db/unit.js';
import { freshBackupPath } from '../../src/store/backup-folder.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { type Database, openDatabase } from '../../src/store/open.js';
import { App, loadSettings } from '../../src/ui/App.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';
import { demoDb } from '../support/db.js';
import { renderAppIn, renderInTerminal } from '../support/terminal.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS } from '../support/ui.js';

const open: Database[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

/** The frame fits 80×24 (the app draws 23 rows), the footer on its last row. */
function fits(frame: string, footer: string | RegExp): void {
  const rows = frame.split('\n');
  expect(rows.length, frame).toBeLessThanOrEqual(23);
  for (const r of rows) expect(stringWidth(r), r).toBeLessThanOrEqual(80);
  expect(rows.at(-1)).toMatch(footer);
}

/** The frame as one line of text: wrapped rows joined again as the words they were split at. */
const readAsText = (frame: string) =>
  frame
    .split('\n')
    .map((r) => r.trim())
    .join(' ');

describe('long messages at 80×24 (#10 item 22)', () => {
  it("restoring another commune's backup: the question and the restore's message whole", async () => {
    const dir = await dataDirFrom('demo');
    const other = await demoDb();
    await saveUnit(other, { ...(await getUnit(other))!, name: 'xã Ngọc Liên huyện Kim Bảng' });
    await writeBackupFile(other, freshBackupPath(path.join(dir, 'backups'), TEST_NOW), { now: TEST_NOW });
    const database = await openDatabase({ dataDir: dir, command: 'test' });
    open.push(database);
    const mine = (await getUnit(database.db))!.name;
    const app = renderInTerminal(
      <App database={database} settings={await loadSettings(database)} initialScreen={{ name: 'backup' }} now={() => TEST_NOW} onExit={() => undefined} />,
      { columns: 80, rows: 24 },
    );
    await app.waitFor('thủ công');
    await app.press('r');
    await app.waitFor('(y/n)');
    await app.press('y');
    let f = await app.waitFor('Bản sao lưu này là của');
    // Before: one row, cut before "Vẫn thay…? (y/n)" — the officer could not read what y does.
    expect(readAsText(f)).toContain(
      `? Bản sao lưu này là của xã Ngọc Liên huyện Kim Bảng, dữ liệu đang mở là của ${mine}. Vẫn thay bằng bản của xã Ngọc Liên huyện Kim Bảng? (y/n)`,
    );
    fits(f, /Trợ giúp/u);
    await app.press('y');
    f = await app.waitFor('Đã khôi phục bản');
    const replaced = fs.readdirSync(dir).find((n) => n.startsWith('pgdata.replaced-'))!;
    expect(replaced).toBeTruthy();
    // Before: "…; bản cũ vẫn được giữ (pgda…"
    expect(readAsText(f)).toContain(`Đã khôi phục bản 23/11/2026 09:00 (15 tổ, 146 phiếu); bản cũ vẫn được giữ (${replaced}).`);
    fits(f, /Khôi phục/u);
    // The screen above gave up the row: its list and the chosen file are still there.
    expect(f).toContain('Tệp: tonghop-2026-11-23_090000.backup.gz');
  }, 120_000);

  it('a file refused with several "dòng N, cột X" errors: every error readable to its end, scrolling by rows', async () => {
    const pg = await demoDb();
    const file = path.join(tempDir(), 'loi.csv');
    const bad = ['TDP01,2026-09,1,45,20', 'TDP02,2026-09,abc,3,2', 'KHONG-CO-TO-NAY-TRONG-DANH-SACH,2026-09,1,1,1', 'TDP03,2026-09,1,2,100'];
    // Then enough of them that the list must scroll.
    for (let i = 0; i < 12; i++) bad.push(`TDP02,2026-0${(i % 8) + 1},-${i + 1},3,2`);
    fs.writeFileSync(file, ['ma_to,thang,luot_ho_tro,ngay_hoat_dong,gio_hoat_dong', ...bad].join('\n') + '\n');
    const app = await renderAppIn(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await app.type(file);
    await app.press(KEYS.enter);
    let f = await app.waitFor('lỗi: không nhập gì cả');
    fits(f, /Trợ giúp/u);
    // Before: each error one row, cut at the edge ("Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000) ("abc…").
    const text = readAsText(f);
    expect(text).toContain('✗ dòng 3, cột luot_ho_tro: Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000) ("abc")');
    expect(text).toContain('✗ dòng 4, cột ma_to: không có tổ mã "KHONG-CO-TO-NAY-TRONG-DANH-SACH" (nhập danh sách tổ trước)');
    expect(text).toContain('✗ dòng 5, cột gio_hoat_dong: 100 giờ trong 2 ngày hoạt động là hơn 24 giờ mỗi ngày');
    expect(f).toMatch(/hàng 1–\d+\/23\)/u); // 20 errors, 3 of them over two rows
    // Scrolled to the end: the last error whole, still within 24 rows.
    for (let i = 0; i < 40; i++) await app.press(KEYS.down);
    f = await app.waitFor('dòng 17, cột thang');
    expect(f).toContain('✗ dòng 17, cột thang: tổ TDP02 tháng 04/2026 đã có ở dòng 9');
    expect(f).toMatch(/hàng \d+–23\/23\)/u);
    expect(f).not.toContain('dòng 2, cột');
    fits(f, /Trợ giúp/u);
  });
});
