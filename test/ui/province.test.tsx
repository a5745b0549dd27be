// The province in the terminal, through the rendered app over a real province database: its
// communes worst first ("chưa gửi" first), Enter opens a commune's own dashboard read only,
// a writing key says why it is off, Esc comes back to the communes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setupProvince } from '../../src/db/province.js';
import { setUnitCode } from '../../src/db/unit-level.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { importBundle, readBundleFile } from '../../src/io/bundle/import.js';
import { ProvinceApp } from '../../src/ui/province/ProvinceApp.js';
import { asDatabase, demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-province-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

async function send(province: DbRunner, code: string, quarter: number, minutes: number): Promise<void> {
  const commune = await demoDb();
  await setUnitCode(commune, code);
  const now = new Date(TEST_NOW.getTime() + minutes * 60_000);
  const { path: file } = await exportBundle(commune, { kind: 'quarter', year: 2026, quarter }, { outDir: path.join(dir, code), now });
  await importBundle(province, file, await readBundleFile(file), { now });
}

describe('the province screens', () => {
  it('lists the communes, opens one read only and comes back', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    await send(province, '00004', 3, 1);
    await send(province, '00007', 2, 2); // only the second quarter: "chưa gửi" for the third
    let exited = false;
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => (exited = true)} />);
    const frame = () => r.lastFrame() ?? '';
    const waitFor = (s: string) => waitUntil(() => frame().includes(s), WAIT_CEILING_MS, s).catch(() => {
      throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
    });
    try {
      await waitFor('2 xã/phường');
      const lines = frame().split('\n');
      const first = lines.findIndex((l) => l.includes('00007'));
      const second = lines.findIndex((l) => l.includes('00004'));
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(second);
      expect(lines[first]).toContain('chưa gửi');
      expect(lines[second]).toMatch(/2026-Q3/u);
      // Down to 00004, Enter: the commune's own dashboard, on its received data.
      r.stdin.write(KEYS.down);
      await waitUntil(() => frame().split('\n').some((l) => l.includes('00004') && l.trimStart().startsWith('›')), WAIT_CEILING_MS, 'dòng 00004 được chọn');
      r.stdin.write(KEYS.enter);
      await waitFor('phường Phù Vân');
      // As of the bundle's last month (09/2026), not a month the province has no forms for.
      await waitFor('Tính đến tháng 09/2026');
      await waitFor('cấp xã/phường');
      expect(frame()).not.toContain('bản sao lưu');
      // Writing is off, and says why.
      r.stdin.write('n');
      await waitFor('chỉ để xem');
      // Leaving the commune comes back to the province's list.
      r.stdin.write(KEYS.escape);
      await waitFor('2 xã/phường');
      expect(exited).toBe(false);
      r.stdin.write(KEYS.escape);
      await waitUntil(() => exited, WAIT_CEILING_MS, 'thoát');
    } finally {
      r.unmount();
    }
  }, 180_000);

  it('every writing key on the commune screens is off and says why, never a database error', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    await send(province, '00004', 3, 1);
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" now={() => TEST_NOW} onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const waitFor = (s: string | RegExp) => waitUntil(() => (typeof s === 'string' ? frame().includes(s) : s.test(frame())), WAIT_CEILING_MS, String(s)).catch(() => {
      throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
    });
    // Pressing a key must say why it is off (the message line changes each time: clear it by moving).
    const refused = async (key: string, label: string) => {
      r.stdin.write(key);
      await waitFor(new RegExp(`${label}: dữ liệu xã/phường do tỉnh nhận chỉ để xem`, 'u'));
    };
    try {
      await waitFor('1 xã/phường');
      r.stdin.write(KEYS.enter);
      await waitFor('Tính đến tháng 09/2026');
      // The month's grid writes where it is typed: off on the commune's home.
      await refused('g', 'Bảng tháng');
      await refused('i', 'Nhập CSV');
      // Teams: adding and editing are off; the team itself: members, training, joining dates, dissolving.
      r.stdin.write('t');
      await waitFor(/Các tổ|Danh sách tổ/u);
      await refused('a', 'Thêm tổ');
      await refused('e', 'Sửa tổ');
      r.stdin.write(KEYS.enter);
      await waitFor('Thành viên');
      for (const [key, label] of [['a', 'Thêm TV'], ['m', 'Sửa TV'], ['v', 'Chuyển tổ'], ['h', 'Tập huấn'], ['t', 'Ngày tham gia'], ['x', 'Giải thể'], ['e', 'Sửa tổ']] as const)
        await refused(key, label);
      // The help of the same table says which keys are off, and why.
      r.stdin.write('?');
      await waitFor('không dùng được: dữ liệu xã/phường do tỉnh nhận chỉ để xem');
      r.stdin.write(KEYS.escape);
      await waitUntil(() => !frame().includes('không dùng được'), WAIT_CEILING_MS, 'trợ giúp đóng');
      r.stdin.write(KEYS.escape);
      await waitFor('tổ đang hoạt động · / để tìm');
      r.stdin.write(KEYS.escape);
      await waitFor('Tính đến tháng 09/2026');
      // A team's status: entering its form is off.
      r.stdin.write(KEYS.enter);
      await waitFor(/Chỉ tiêu|chỉ tiêu/u);
      await refused('n', 'Nhập phiếu');
      expect(frame()).not.toMatch(/read-only|transaction/iu);
    } finally {
      r.unmount();
    }
  }, 180_000);

  it('takes today from TONGHOP_TODAY when no clock is passed in: the list and the commune', async () => {
    vi.stubEnv('TONGHOP_TODAY', '2026-08-15');
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    await send(province, '00004', 3, 1);
    const r = render(<ProvinceApp database={asDatabase(province)} province="tỉnh Phú Thọ" onExit={() => undefined} />);
    const frame = () => r.lastFrame() ?? '';
    const waitFor = (s: string) => waitUntil(() => frame().includes(s), WAIT_CEILING_MS, s).catch(() => {
      throw new Error(`Không thấy "${s}". Màn hình cuối:\n${frame()}`);
    });
    try {
      await waitFor('Tình hình đến hết tháng 07/2026 — 1 xã/phường');
      r.stdin.write(KEYS.enter);
      // The last finished month of the pinned day, before the bundle's last month (09/2026).
      await waitFor('Tính đến tháng 07/2026');
    } finally {
      r.unmount();
    }
  }, 180_000);
});
