// The exchange through the screens, over real databases: the commune's export screen writes the
// bundle for the province; the province's import screen takes a folder of bundles, shows the dry
// run of every *_bundle.gz first (nothing written), then imports those it accepted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { listReceived, setupProvince } from '../../src/db/province.js';
import { setUnitCode } from '../../src/db/unit-level.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { readBundleFile } from '../../src/io/bundle/import.js';
import { ProvinceApp } from '../../src/ui/province/ProvinceApp.js';
import { asDatabase, demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, erase, renderApp, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-trao-doi-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const tick = () => new Promise((res) => setImmediate(res));

describe('the export screen writes the bundle', () => {
  it('for the last quarter ended, named by unit code; without a code it says what to do', async () => {
    const db = await demoDb();
    const app = await renderApp(db, { screen: { name: 'export' } });
    await app.waitFor('Số liệu CSV, mẫu ngang');
    await app.press(KEYS.left); // the last choice: the bundle
    await app.waitFor('Tệp tổng hợp gửi tỉnh');
    await app.press(KEYS.down, KEYS.down, KEYS.down);
    await app.waitFor(/› Thư mục/u);
    await erase(app, 200);
    const out = path.join(dir, 'gui-tinh');
    await app.type(out);
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Chưa có mã đơn vị', 20_000);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    await setUnitCode(db, '00004');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('✓ Đã ghi', 20_000);
    expect(fs.readdirSync(out)).toEqual(['00004_phuong-phu-van_2026-Q3_bundle.gz']);
    const parsed = await readBundleFile(path.join(out, '00004_phuong-phu-van_2026-Q3_bundle.gz'));
    expect(parsed.header.period).toBe('2026-Q3');
    expect(parsed.header.unit_code).toBe('00004');
  }, 120_000);
});

describe("the province's import screen", () => {
  it('takes a folder: every *_bundle.gz dry-run first, then imported; a bad file is refused alone', async () => {
    const folder = path.join(dir, 'thu-den');
    for (const code of ['00004', '00007']) {
      const commune = await demoDb();
      await setUnitCode(commune, code);
      await exportBundle(commune, { kind: 'quarter', year: 2026, quarter: 3 }, { outDir: folder, now: TEST_NOW });
    }
    fs.writeFileSync(path.join(folder, '99999_hong_2026-Q3_bundle.gz'), 'không phải gzip');
    fs.writeFileSync(path.join(folder, 'ghi-chu.txt'), 'không phải tệp tổng hợp');
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const flat = () => frame().replace(/\s+/gu, ' ');
    const waitFor = (s: string) => waitUntil(() => flat().includes(s), WAIT_CEILING_MS, s).catch(() => {
      throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
    });
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        r.stdin.write(k);
        await tick();
      }
    };
    try {
      await waitFor('phím i');
      await press('i');
      await waitFor('Gõ thư mục chứa các tệp *_bundle.gz');
      expect(flat()).toContain('Enter Chạy thử');
      await waitUntil(() => /Thư mục \S/u.test(frame()), WAIT_CEILING_MS, 'thư mục mặc định'); // the default is in
      await press(...Array.from({ length: 200 }, () => KEYS.backspace));
      await waitUntil(() => /Thư mục ▏/u.test(frame()), WAIT_CEILING_MS, 'ô thư mục trống');
      await press(...folder);
      await press(KEYS.enter);
      await waitFor('Chạy thử 3 tệp: 2 nhận được, 1 bị từ chối. Chưa ghi gì vào dữ liệu.');
      expect(flat()).toContain('✗ 99999_hong_2026-Q3_bundle.gz');
      expect(flat()).not.toContain('ghi-chu.txt');
      expect(await listReceived(province)).toEqual([]); // the dry run wrote nothing
      await press('y');
      await waitFor('Đã nhập 2 tệp, 1 tệp bị từ chối');
      expect((await listReceived(province)).map((u) => u.code)).toEqual(['00004', '00007']);
      await press(KEYS.escape);
      await waitFor('Tình hình đến hết tháng 10/2026 — 2 xã/phường');
    } finally {
      r.unmount();
    }
  }, 180_000);

  it('a reader on a server: the import key is off and says why', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    const r = render(<ProvinceApp database={{ ...asDatabase(province), readOnly: true }} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    try {
      await waitUntil(() => (r.lastFrame() ?? '').includes('Chưa nhận tệp tổng hợp nào'), WAIT_CEILING_MS, 'danh sách');
      r.stdin.write('i');
      await waitUntil(() => (r.lastFrame() ?? '').includes('Nhận tệp: chỉ có quyền xem trên máy chủ này'), WAIT_CEILING_MS, 'lý do');
      expect(r.lastFrame()).not.toContain('Gõ thư mục');
    } finally {
      r.unmount();
    }
  }, 180_000);
});
