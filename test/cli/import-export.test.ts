// The real command line (runCli) on a real data folder: exit codes 0/1/2, messages, files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

let dir: string;
let data: string;
let out: string;

const cli = (...args: string[]) => runCliInProcess(args);

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-cli-io-'));
  data = path.join(dir, 'data');
  out = path.join(dir, 'out', 'nested');
  // `init` reads --data-dir only before the command name (reported); the variable works everywhere.
  process.env.TONGHOP_DATA_DIR = data;
  const r = await cli('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => {
  delete process.env.TONGHOP_DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tonghop import / export', () => {
  it('imports teams, dry-runs and imports figures, then exports them', async () => {
    const teams = file('to.csv', 'ma_to;ten_to;dia_ban;loai_dia_ban;so_ho;cap\r\nTDP01;Tổ CNSCĐ TDP Đông Sơn;Tổ dân phố Đông Sơn;tổ dân phố;312;area\r\nPHUONG;Tổ CNSCĐ phường;;;;phường\r\n');
    let r = await cli('import', 'teams', teams, '--data-dir', data);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã thêm 2 tổ');

    const figures = file('so-lieu.csv', 'ma_to,thang,luot_ho_tro,ngay_hoat_dong,ngay_nhan\nTDP01,2026-09,40,8,20/10/2026\nPHUONG,2026-09,12,,\n');
    r = await cli('import', 'figures', figures, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sẽ thêm 2 phiếu mới, thay 0 phiếu đã có; 3 số liệu.');
    expect(r.stdout).toContain('--dry-run');
    r = await cli('import', 'figures', figures);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã thêm 2 phiếu mới, thay 0 phiếu đã có');
    r = await cli('import', 'figures', figures);
    expect(r.stdout).toContain('Đã thêm 0 phiếu mới, thay 2 phiếu đã có');

    r = await cli('export', 'figures', '--period', '2026-Q3', '--out', out);
    expect(r.code).toBe(0);
    const first = path.join(out, 'phuong-phu-van_2026-Q3_so-lieu-wide.csv');
    expect(r.stdout).toBe(`Đã ghi ${first}\n`);
    const csv = fs.readFileSync(first, 'utf8');
    expect(csv.startsWith('\uFEFFma_to,ten_to,thang,ho_huong_dan,luot_ho_tro,')).toBe(true);
    expect(csv).toContain('\r\nPHUONG,Tổ CNSCĐ phường,2026-09,,12,,,,,,,,,,,,,\r\nTDP01,Tổ CNSCĐ TDP Đông Sơn,2026-09,,40,');
    expect(csv).toContain(',8,,20/10/2026,\r\n');

    // never overwrite: a second export gets -2
    r = await cli('export', 'figures', '--period', '2026-Q3', '--out', out);
    expect(r.stdout).toBe(`Đã ghi ${path.join(out, 'phuong-phu-van_2026-Q3_so-lieu-wide-2.csv')}\n`);
    expect(fs.readFileSync(first, 'utf8')).toBe(csv);

    r = await cli('export', 'figures', '--period', '2026-09', '--format', 'long', '--delimiter', ';', '--out', out);
    expect(r.code).toBe(0);
    const long = fs.readFileSync(path.join(out, 'phuong-phu-van_2026-09_so-lieu-long.csv'), 'utf8');
    expect(long).toBe('\uFEFFma_to;thang;chi_so;gia_tri\r\nPHUONG;2026-09;luot_ho_tro;12\r\nTDP01;2026-09;luot_ho_tro;40\r\nTDP01;2026-09;ngay_hoat_dong;8\r\n');

    r = await cli('export', 'report', '--period', '2026-Q3', '--out', out);
    expect(r.code).toBe(0);
    const report = fs.readFileSync(path.join(out, 'phuong-phu-van_2026-Q3_bao-cao.txt'), 'utf8');
    expect(report).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng Quý III năm 2026');
  }, 180_000);

  it('exit 1 with every bad row on stderr, and nothing changed', async () => {
    const before = await cli('export', 'figures', '--period', '2026', '--format', 'long', '--out', path.join(dir, 'before'));
    const bad = file('bad.csv', 'ma_to,thang,luot_ho_tro\nTDP01,2026-08,5\nKHONGCO,2026-08,1\nTDP01,2099-01,3\nTDP01,2026-07,-4\n');
    const r = await cli('import', 'figures', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('3 dòng lỗi');
    expect(r.stderr).toContain('dòng 3, cột ma_to: không có tổ mã "KHONGCO"');
    expect(r.stderr).toContain('dòng 4, cột thang: Tháng 01/2099 chưa đến');
    expect(r.stderr).toContain('dòng 5, cột luot_ho_tro: Giá trị không được âm');
    const after = await cli('export', 'figures', '--period', '2026', '--format', 'long', '--out', path.join(dir, 'after'));
    expect(fs.readFileSync(after.stdout.slice(7).trim(), 'utf8')).toBe(fs.readFileSync(before.stdout.slice(7).trim(), 'utf8'));
  });

  it('exit 1 for a file in no encoding we read, or missing', async () => {
    const p = path.join(dir, 'latin.csv');
    // 0x81 and 0x8D are no letter in Windows-1258 (nor in TCVN3/VNI text)
    fs.writeFileSync(p, Buffer.from([0x6d, 0x61, 0x5f, 0x74, 0x6f, 0x2c, 0x74, 0x65, 0x6e, 0x5f, 0x74, 0x6f, 0x0a, 0x41, 0x2c, 0x81, 0x8d, 0x6e, 0x67, 0x0a]));
    let r = await cli('import', 'teams', p);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được mã chữ của tệp');
    expect(r.stderr).toContain('CSV UTF-8 (Comma delimited)');
    r = await cli('import', 'teams', path.join(dir, 'khong-co.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được tệp');
  });

  it('exit 2 for a wrong command line', async () => {
    expect((await cli('import', 'cats', 'x.csv')).code).toBe(2);
    expect((await cli('import', 'teams')).code).toBe(2);
    const r = await cli('export', 'figures', '--period', '2026-13');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không hợp lệ');
    expect((await cli('export', 'report')).code).toBe(2);
    expect((await cli('export', 'figures', '--period', '2026', '--format', 'tall')).code).toBe(2);
    expect((await cli('export', 'figures', '--period', '2026', '--delimiter', '|')).code).toBe(2);
  });
});
