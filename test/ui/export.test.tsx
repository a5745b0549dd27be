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
    // Item 5: the last quarter that has ended comes first (23/11/2026: Quý III, not Quý IV).
    await app.press(KEYS.down, KEYS.down);
    expect(await app.waitFor(/› Kỳ {3}/u)).toContain('Quý III/2026');
    await app.press(KEYS.left);
    await app.waitFor('Quý II/2026');
    await app.press(KEYS.down, KEYS.right); // delimiter ;
    await app.waitFor('dấu chấm phẩy');
    await app.press(KEYS.down);
    // Typed text goes to the folder only once its row is focused: wait for the frame.
    await app.waitFor(/› Thư mục/u);
    await erase(app, 200);
    await app.type(path.join(dir, 'out'));
    await app.press(KEYS.enter);
    const expected = path.join(dir, 'out', 'phuong-phu-van_2026-Q2_so-lieu-long.csv');
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
    expect(files).toEqual(['phuong-phu-van_2026-07_bao-cao.txt']);
    expect(fs.readFileSync(path.join(dir, 'rep', files[0]!), 'utf8')).toContain('cộng đồng tháng 7 năm 2026');
  });

  // Issue #10 item 23: a key handled before the screen drew the previous one saw stale state
  // (Enter wrote to the folder as it was before the last characters typed).
  it('keys arriving back to back before a frame is drawn: Enter writes to the folder just typed', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'export' } });
    await app.waitFor('Số liệu CSV, mẫu ngang');
    app.rush(KEYS.down, KEYS.down, KEYS.down, KEYS.down, ...Array.from({ length: 200 }, () => KEYS.backspace), path.join(dir, 'rush'), KEYS.enter);
    await app.waitFor('✓ Đã ghi'); // 205 keys, each after a frame

    expect(fs.readdirSync(path.join(dir, 'rush'))).toEqual(['phuong-phu-van_2026-Q3_so-lieu-wide.csv']);
  });
});

// Issue #10 item 20: exports landed in the program's own folder (inside node_modules after a
// global install). Documents/tonghop under the home folder, the full path shown, a chosen folder remembered.
describe('where exports go', () => {
  it('Documents/tonghop by default; a folder chosen on the screen is remembered for the next export', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-home-'));
    fs.mkdirSync(path.join(home, 'Documents'));
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const pg = await demoDb();
      let app = await renderApp(pg, { screen: { name: 'export' } });
      await app.waitFor(path.join(home, 'Documents', 'tonghop'));
      await app.press(KEYS.ctrl('s'));
      await app.waitFor('✓ Đã ghi');
      expect(fs.readdirSync(path.join(home, 'Documents', 'tonghop'))).toEqual(['phuong-phu-van_2026-Q3_so-lieu-wide.csv']);
      // Choose another folder and write there.
      await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down);
      await app.waitFor(/› Thư mục/u);
      await app.press(...Array.from({ length: 200 }, () => KEYS.backspace));
      await app.type(path.join(dir, 'chosen'));
      await app.press(KEYS.enter);
      await app.waitFor(`✓ Đã ghi ${path.join(dir, 'chosen')}`);
      app.unmount();
      // The next time the screen opens, it proposes the folder chosen.
      app = await renderApp(pg, { screen: { name: 'export' } });
      await app.waitFor(path.join(dir, 'chosen'));
    } finally {
      process.env.HOME = saved;
    }
  });
});
