import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDb } from '../support/db.js';
import { KEYS, erase, renderApp } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Export screen', () => {
  it('chooses figures long, the period and ;, writes to the folder typed, and shows the path', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'export' } });
    await app.waitFor('Số liệu CSV, mẫu ngang');
    await app.press(KEYS.right); // long
    await app.waitFor('mẫu dọc');
    await app.press(KEYS.down, KEYS.down); // period row (quarter of the work month: Q4/2026)
    await app.waitFor('Quý IV/2026');
    await app.press(KEYS.left);
    await app.waitFor('Quý III/2026');
    await app.press(KEYS.down, KEYS.right); // delimiter ;
    await app.waitFor('dấu chấm phẩy');
    await app.press(KEYS.down);
    // Typed text goes to the folder only once its row is focused: wait for the frame.
    await app.waitFor(/› Thư mục/u);
    await erase(app, 200);
    await app.type(path.join(dir, 'out'));
    await app.press(KEYS.enter);
    const expected = path.join(dir, 'out', 'phuong-phu-van_2026-Q3_so-lieu-long.csv');
    await app.waitFor('✓ Đã ghi');
    expect(fs.existsSync(expected)).toBe(true);
    expect(fs.readFileSync(expected, 'utf8').startsWith('\uFEFFma_to;thang;chi_so;gia_tri\r\n')).toBe(true);
    // again: a new name, the first file kept
    await app.press(KEYS.ctrl('s'));
    await app.waitFor((f) => f.replace(/\s+/gu, '').includes('so-lieu-long-2.csv'));
  });

  it('writes the report for a month', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'export' } });
    await app.waitFor('Số liệu CSV');
    await app.press(KEYS.right, KEYS.right, KEYS.right); // the Word report, then its plain text
    await app.waitFor('Báo cáo văn bản');
    await app.press(KEYS.down, KEYS.left); // Tháng
    await app.waitFor('‹ Tháng ›');
    await app.press(KEYS.down); // period → skips the delimiter for a report when moving down later
    await app.waitFor(/› Kỳ {3}/u);
    await app.press(KEYS.down);
    await app.waitFor(/› Thư mục/u);
    await erase(app, 200);
    await app.type(path.join(dir, 'rep'));
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('✓ Đã ghi');
    const files = fs.readdirSync(path.join(dir, 'rep'));
    expect(files).toEqual(['phuong-phu-van_2026-10_bao-cao.txt']);
    expect(fs.readFileSync(path.join(dir, 'rep', files[0]!), 'utf8')).toContain('cộng đồng tháng 10 năm 2026');
  });
});
