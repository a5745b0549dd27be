// A data folder that cannot be used is a refusal in Vietnamese (exit 1), not a crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { ON_SERVER, placeFor } from '../support/server.js';

describe('--data-dir that cannot be used', () => {
  // On a server the folder only takes backups (made on demand): status never opens it.
  it.skipIf(ON_SERVER)('a file instead of a folder: exit 1, says why, no stack trace', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-')), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await runCliInProcess(['status', '--data-dir', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không dùng được thư mục dữ liệu');
    expect(r.stderr).toContain('đó là một tệp, không phải thư mục');
    expect(r.stderr).not.toContain('at ');
  });

  it('a folder without a database: exit 1 and how to create one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-'));
    const r = await runCliInProcess(['status', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tonghop init');
  });
});

describe('refusals leave nothing half-made', () => {
  it('init with a unit name that is refused creates no database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-'));
    const r = await runCliInProcess(['init', '--plan', 'phu-van-2026', '--unit', 'x'.repeat(200), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tên đơn vị dài quá');
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('a database without a commune (an interrupted first run): status and export say to run init, exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-'));
    const { openDatabase } = await import('../../src/store/open.js');
    await (await openDatabase({ ...(await placeFor(dir)), command: 'test', create: true })).close();
    for (const args of [['status'], ['export', 'report', '--period', '2026-Q3']]) {
      const r = await runCliInProcess([...args, '--data-dir', dir]);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toContain('tonghop init');
      expect(r.stderr).not.toContain('Lỗi không mong đợi');
    }
  });

  it('export to a folder that cannot be made: exit 1 in Vietnamese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-'));
    expect((await runCliInProcess(['init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--data-dir', path.join(dir, 'data')])).code).toBe(0);
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = await runCliInProcess(['export', 'teams', '--out', path.join(file, 'sub'), '--data-dir', path.join(dir, 'data')]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Lỗi không mong đợi');
  });
});
