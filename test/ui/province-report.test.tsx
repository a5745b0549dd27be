// The province's report from the screens (issue #14 item 5): x on the communes' list opens the
// export form offering only the report; the last quarter ended comes first, → picks the plain
// text, Ctrl+S writes through runExport's province branch (what `tonghop export report` runs) into
// the exports folder, shows the full path, and a second write takes a new name; Esc comes back.
// A reader on a server writes the file into the folder typed but does not store that folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setupProvince } from '../../src/db/province.js';
import { getSetting, setSetting } from '../../src/db/unit.js';
import { setUnitCode } from '../../src/db/unit-level.js';
import type { Period } from '../../src/domain/period.js';
import { formatInt } from '../../src/domain/text.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { importBundle, readBundleFile } from '../../src/io/bundle/import.js';
import { EXPORTS_DIR_SETTING, renderExport } from '../../src/io/export/run.js';
import { type ReportData, loadReportData } from '../../src/io/report/data.js';
import { ProvinceApp } from '../../src/ui/province/ProvinceApp.js';
import { asDatabase, demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-tinh-bc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const Q3: Period = { kind: 'quarter', year: 2026, quarter: 3 };

/** A demo commune with its own code, its July figures raised by `bump`, sent for Q3; returns its own Q3 report. */
async function send(province: DbRunner, code: string, bump: number): Promise<ReportData> {
  const commune = await demoDb();
  await setUnitCode(commune, code);
  if (bump) await commune.query(`UPDATE form_value SET value = value + $1 WHERE form_id IN (SELECT id FROM form WHERE month = '2026-07')`, [bump]);
  const { path: file } = await exportBundle(commune, Q3, { outDir: path.join(dir, code), now: TEST_NOW });
  await importBundle(province, file, await readBundleFile(file), { now: TEST_NOW });
  return loadReportData(commune, Q3, TEST_NOW);
}

describe("the province's report screen", () => {
  it('writes the report of the last quarter ended as .txt into the exports folder, never over an earlier file', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    const a = await send(province, '00004', 0);
    const b = await send(province, '00007', 4);
    const out = path.join(dir, 'bao-cao');
    await setSetting(province, EXPORTS_DIR_SETTING, out);
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const flat = () => frame().replace(/\s+/gu, '');
    const waitFor = (s: string, f = frame) =>
      waitUntil(() => f().includes(s), WAIT_CEILING_MS, s).catch(() => {
        throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
      });
    try {
      await waitFor('2 xã/phường');
      expect(frame()).toContain('x Báo cáo'); // the footer, from the key table
      r.stdin.write('?');
      await waitFor('Ghi báo cáo của tỉnh cho một kỳ');
      r.stdin.write(KEYS.escape);
      await waitFor('Tình hình đến hết tháng 10/2026');
      r.stdin.write('x');
      // 23/11/2026: the quarter that has ended is the third; Word first, then plain text.
      await waitFor('Báo cáo Word (.docx');
      expect(frame()).toContain('Quý III/2026');
      expect(frame()).not.toContain('Dấu phân cách'); // no choice here has one
      await waitFor(out.replace(/\s+/gu, ''), flat); // the remembered exports folder
      r.stdin.write(KEYS.right);
      await waitFor('Báo cáo văn bản (.txt)');
      r.stdin.write(KEYS.ctrl('s'));
      const written = path.join(out, 'tinh-phu-tho_2026-Q3_bao-cao.txt');
      await waitFor(`✓Đãghi${written.replace(/\s+/gu, '')}`, flat);
      const text = fs.readFileSync(written, 'utf8');
      // What `tonghop export report --period 2026-Q3` writes: the same function, the same bytes.
      expect(text).toBe((await renderExport(province, { kind: 'report', period: Q3, format: 'txt', now: TEST_NOW })).text);
      expect(text).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng các xã, phường Quý III năm 2026');
      expect(text).toContain('2 xã, phường; 2 xã, phường đã gửi số liệu');
      // A summed indicator's quarter figure is the two communes' own report figures added up.
      const sum = a.totals.find((t) => t.indicator.aggregation === 'sum' && t.period !== null)!;
      const other = b.totals.find((t) => t.indicator.code === sum.indicator.code)!;
      const lines = text.slice(1).split('\r\n');
      const rows = lines.filter((l) => /^\s*\d+ \|/u.test(l)).map((l) => l.split(' | ').map((s) => s.trim()));
      const index = a.totals.indexOf(sum);
      expect(rows[index]![3]).toBe(formatInt(sum.period! + (other.period ?? 0)));
      // Again: a new name, the first file kept as it was.
      r.stdin.write(KEYS.ctrl('s'));
      await waitFor('tinh-phu-tho_2026-Q3_bao-cao-2.txt', flat);
      expect(fs.readFileSync(written, 'utf8')).toBe(text);
      expect(fs.readdirSync(out).sort()).toEqual(['tinh-phu-tho_2026-Q3_bao-cao-2.txt', 'tinh-phu-tho_2026-Q3_bao-cao.txt']);
      r.stdin.write(KEYS.escape);
      await waitFor('Tình hình đến hết tháng 10/2026 — 2 xã/phường');
    } finally {
      r.unmount();
    }
  }, 180_000);

  it('a reader on a server writes the report into the folder typed without remembering it', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    await send(province, '00004', 0);
    const r = render(<ProvinceApp database={{ ...asDatabase(province), readOnly: true }} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const flat = () => frame().replace(/\s+/gu, '');
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        r.stdin.write(k);
        await new Promise((done) => setImmediate(done));
      }
    };
    const waitFor = (test: (f: string) => boolean, what: string) =>
      waitUntil(() => test(frame()), WAIT_CEILING_MS, what).catch(() => {
        throw new Error(`Không thấy "${what}". Màn hình cuối:\n${frame()}`);
      });
    try {
      await waitFor((f) => f.includes('1 xã/phường'), 'the list');
      await press('x');
      await waitFor((f) => f.includes('Báo cáo Word (.docx'), 'the form');
      await press(KEYS.right, KEYS.down, KEYS.down, KEYS.down);
      await waitFor((f) => /› Thư mục/u.test(f) && f.includes('Báo cáo văn bản'), 'the folder row');
      // The default folder (Documents/tonghop) is read late: wait for it, then replace it.
      await waitFor((f) => !/› Thư mục\s+▏/u.test(f), 'the default folder');
      for (let i = 0; i < 300; i++) await press(KEYS.backspace);
      await waitFor((f) => /› Thư mục\s+▏/u.test(f), 'the folder erased');
      const out = path.join(dir, 'doc-gia');
      for (const ch of out) await press(ch);
      await waitFor(() => flat().includes(out.replace(/\s+/gu, '')), 'the folder typed');
      await press(KEYS.enter);
      const written = path.join(out, 'tinh-phu-tho_2026-Q3_bao-cao.txt');
      await waitFor(() => flat().includes(`✓Đãghi${written.replace(/\s+/gu, '')}`), 'the path written');
      expect(fs.readFileSync(written, 'utf8')).toContain('các xã, phường Quý III năm 2026');
      expect(await getSetting(province, EXPORTS_DIR_SETTING)).toBeNull();
    } finally {
      r.unmount();
    }
  }, 180_000);
});
