// A province database and the day: commune commands there say what to use instead, and the
// bundle commands take "today" from TONGHOP_TODAY like every other command.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';

afterEach(() => vi.unstubAllEnvs());

describe('a province database and commune commands', { timeout: 180_000 }, () => {
  it('refuses import figures and export figures with what to use there, exit 1', async () => {
    const prov = tempDir('tonghop-tinh-');
    expect((await runCliInProcess(['init', '--province', 'tỉnh Phú Thọ', '--data-dir', prov])).code).toBe(0);
    const csv = path.join(tempDir('tonghop-tep-'), 'so-lieu.csv');
    fs.writeFileSync(csv, 'ma_to,thang,ngay_nhan,so_buoi\nTO-01,2026-07,05/08/2026,3\n');
    for (const args of [['import', 'figures', csv], ['export', 'figures', '--period', '2026-Q3', '--out', tempDir('tonghop-ra-')]]) {
      const r = await runCliInProcess([...args, '--data-dir', prov]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Đây là dữ liệu của tỉnh Phú Thọ (cấp tỉnh)');
      expect(r.stderr).toContain('tonghop import bundle');
      expect(r.stderr).not.toContain('chưa được khởi tạo');
    }
  });
});

describe('the bundle commands honour TONGHOP_TODAY', { timeout: 180_000 }, () => {
  it('export bundle refuses a quarter not begun on the pinned day, and sends it once begun', async () => {
    const dir = await dataDirFrom('demo');
    expect((await runCliInProcess(['init', '--unit-code', '00004', '--data-dir', dir])).code).toBe(0);
    const out = tempDir('tonghop-thu-');
    vi.stubEnv('TONGHOP_TODAY', '2026-06-30');
    const early = await runCliInProcess(['export', 'bundle', '--period', '2026-Q3', '--out', out, '--data-dir', dir]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Kỳ 2026-Q3 chưa bắt đầu');
    vi.stubEnv('TONGHOP_TODAY', '2026-07-01');
    const begun = await runCliInProcess(['export', 'bundle', '--period', '2026-Q3', '--out', out, '--data-dir', dir]);
    expect(begun.stderr).toBe('');
    expect(begun.code).toBe(0);
  });
});
