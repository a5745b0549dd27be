// Every command takes "today" from TONGHOP_TODAY: the default as-of month follows it, and a
// malformed value is a wrong way of starting the program (exit 2). What is about the process (the
// variable as a started program reads it, the check before anything runs) runs real processes;
// the rest runs the program's own runCli in this process, the variable set for the command only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';

const run = (args: string[], env: Record<string, string>) => runCliInProcess(args, { env });

describe('TONGHOP_TODAY', () => {
  it('sets the day the commands count from (status: the month before it)', async () => {
    const dir = await dataDirFrom('demo');
    const dec = await runCliProcess(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-12-01' });
    expect(dec.code).toBe(0);
    expect(dec.stdout).toContain('tình hình đến tháng 11/2026');
    const nov = await run(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-11-05' });
    expect(nov.stdout).toContain('tình hình đến tháng 10/2026');
  });

  it('a malformed value: exit 2, a Vietnamese message, no stack trace, nothing opened', async () => {
    const dir = await dataDirFrom('demo');
    const r = await runCliProcess(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-02-30' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lỗi: Biến môi trường TONGHOP_TODAY="2026-02-30" không hợp lệ: dùng dạng YYYY-MM-DD');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(r.stdout).toBe('');
  });
}, 180_000); // real processes: at load 16 one took 30 s

// Issue #10 item 8: `status --as-of 2031-01` and `export figures --period 2030` were accepted.
describe('a month after the current one is refused', () => {
  const today = { TONGHOP_TODAY: '2026-12-01' };

  it('status --as-of a later month: exit 1, a Vietnamese reason, nothing printed', async () => {
    const dir = await dataDirFrom('demo');
    const r = await run(['status', '--data-dir', dir, '--as-of', '2031-01'], today);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tháng 01/2031 chưa tới (nay là tháng 12/2026)');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(r.stdout).toBe('');
    // The current month itself is fine.
    expect((await run(['status', '--data-dir', dir, '--as-of', '2026-12'], today)).code).toBe(0);
  });

  it('export figures --period a year or quarter not begun: exit 1, no file', async () => {
    const dir = await dataDirFrom('demo');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-future-'));
    for (const p of ['2030', '2027-Q1', '2027-01']) {
      const r = await run(['export', 'figures', '--data-dir', dir, '--period', p, '--out', out], today);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/chưa bắt đầu \(nay là tháng 12\/2026\): chỉ xuất được kỳ đã bắt đầu/u);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
    }
    expect(fs.readdirSync(out)).toEqual([]);
    // A period under way is exported (what is stored so far).
    expect((await run(['export', 'figures', '--data-dir', dir, '--period', '2026-Q4', '--out', out], today)).code).toBe(0);
  });

  it('export report of a quarter under way: as of the last finished month, and says so', async () => {
    const dir = await dataDirFrom('demo');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-report-'));
    const r = await run(['export', 'report', '--data-dir', dir, '--period', '2026-Q4', '--out', out], today);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(out, fs.readdirSync(out)[0]!), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('tính đến hết tháng 11/2026, quý chưa kết thúc');
    expect(text).not.toMatch(/chưa nộp phiếu tháng[^\r\n]*12\/2026/u);
  });
}, 180_000);

// Issue #10 item 20: without --out, exports went into the program's own folder.
describe('export without --out', () => {
  it('writes to Documents/tonghop under the home folder (the home folder itself when there is no Documents), and prints the full path', async () => {
    const dir = await dataDirFrom('demo');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-home-'));
    const bare = await run(['export', 'teams', '--data-dir', dir], { HOME: home, TONGHOP_TODAY: '2026-12-01' });
    expect(bare.code).toBe(0);
    const inHome = path.join(home, 'tonghop', 'phuong-phu-van_2026-12-01_danh-sach-to.csv');
    expect(bare.stdout).toBe(`Đã ghi ${inHome}\n`);
    fs.mkdirSync(path.join(home, 'Documents'));
    const docs = await run(['export', 'teams', '--data-dir', dir], { HOME: home, TONGHOP_TODAY: '2026-12-01' });
    const inDocs = path.join(home, 'Documents', 'tonghop', 'phuong-phu-van_2026-12-01_danh-sach-to.csv');
    expect(docs.stdout).toBe(`Đã ghi ${inDocs}\n`);
    expect(fs.existsSync(inDocs)).toBe(true);
  });
}, 180_000);
