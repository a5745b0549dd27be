// The report's recipient is edited on the Plan screen (above the unit code, saved with the plan in
// one transaction), and the Export screen writes the Word report first, with it in "Kính gửi:".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../../src/db/unit.js';
import { RECIPIENT_SETTING } from '../../src/io/report/model.js';
import { demoDb } from '../support/db.js';
import { KEYS, type Rendered, erase, renderApp } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-recipient-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The recipient is the field above the Plan screen's last one (the unit code): ↓ stops at the end. */
async function toRecipient(app: Rendered): Promise<void> {
  for (let i = 0; i < 30; i++) await app.press(KEYS.down);
  await app.waitFor(/› Mã đơn vị/u);
  await app.press(KEYS.up);
  await app.waitFor(/› Kính gửi \(báo cáo\)/u);
}

describe('the report recipient and the Word report in the UI', () => {
  it('typed on the Plan screen, saved with Ctrl+S, written into the .docx the Export screen offers first', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'plan' } });
    await app.waitFor('Tên kế hoạch');
    await toRecipient(app);
    expect(app.lastFrame()).toContain('Báo cáo gửi lên');
    expect(app.lastFrame()).toContain('trống: để dòng chấm');
    await app.type('Sở Khoa học và Công nghệ tỉnh Phú Thọ');
    await app.waitFor('Phú Thọ▏');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch');
    expect(await getSetting(pg, RECIPIENT_SETTING)).toBe('Sở Khoa học và Công nghệ tỉnh Phú Thọ');
    app.unmount();

    const ex = await renderApp(pg, { screen: { name: 'export' } });
    await ex.waitFor('Số liệu CSV, mẫu ngang');
    await ex.press(KEYS.right, KEYS.right);
    await ex.waitFor('Báo cáo Word (.docx');
    await ex.press(KEYS.right);
    await ex.waitFor('Báo cáo văn bản (.txt)');
    await ex.press(KEYS.left);
    await ex.waitFor('Báo cáo Word (.docx');
    await ex.press(KEYS.down, KEYS.down, KEYS.down); // kỳ theo, kỳ, (no delimiter for a report) thư mục
    await ex.waitFor(/› Thư mục/u);
    await erase(ex, 200);
    await ex.type(path.join(dir, 'out'));
    await ex.press(KEYS.ctrl('s'));
    await ex.waitFor('✓ Đã ghi');
    const files = fs.readdirSync(path.join(dir, 'out'));
    expect(files).toEqual(['phuong-phu-van_2026-Q3_bao-cao.docx']); // the last quarter that has ended is proposed first (#10 item 5)
    const text = strFromU8(unzipSync(fs.readFileSync(path.join(dir, 'out', files[0]!)))['word/document.xml']!).replace(/<[^>]+>/gu, '');
    expect(text).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Thọ');
  }, 180_000);

  it('shows the recipient set before; emptied and saved, it is cleared', async () => {
    const pg = await demoDb();
    await setSetting(pg, RECIPIENT_SETTING, 'Sở KH&CN tỉnh Phú Thọ');
    const app = await renderApp(pg, { screen: { name: 'plan' } });
    await app.waitFor('Tên kế hoạch');
    await toRecipient(app);
    await app.waitFor('Sở KH&CN tỉnh Phú Thọ▏');
    await erase(app, 30);
    await app.waitFor('trống: để dòng chấm');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch');
    expect(await getSetting(pg, RECIPIENT_SETTING)).toBeNull();
  }, 180_000);
});
