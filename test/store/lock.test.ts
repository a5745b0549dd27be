// Single instance, with real processes: a second tonghop on the same data folder is refused
// (exit 1, naming the holder); a lock left by a killed process, a half-written lock, a lock from
// before a reboot are taken over; of several processes taking over at once, exactly one wins.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, LockedError, acquireLock, processStartId } from '../../src/store/lock.js';
import { DIST_LOCK, dataDirFrom, holdDatabase, isRoot, runCliProcess, tempDir, waitExit } from '../support/datadir.js';

const lockFile = (dir: string) => path.join(dir, LOCK_FILE);
const boot = () => new Date(Date.now() - os.uptime() * 1000).toISOString();

describe('single instance (two real processes)', () => {
  it('refuses a second process while one holds the database, naming pid, command and since when', async () => {
    const dir = await dataDirFrom();
    const holder = await holdDatabase(dir);
    const r = await runCliProcess(['backup', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PID ${holder.pid}`);
    expect(r.stderr).toContain('lệnh "tonghop (giao diện)"');
    expect(r.stderr).toMatch(/từ \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/u);
    expect(r.stderr).toContain('Hãy đóng cửa sổ đó rồi thử lại');
    expect(r.stdout).toBe('');
    // The holder leaves normally: the lock goes with it.
    holder.stdin!.end();
    await waitExit(holder);
    expect(holder.exitCode).toBe(0);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const dir = await dataDirFrom();
    const holder = await holdDatabase(dir);
    holder.kill('SIGKILL');
    await waitExit(holder);
    const left = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { pid: number };
    expect(left.pid).toBe(holder.pid); // the dead process could not clean up
    const r = await runCliProcess(['status', '--json'], { TONGHOP_DATA_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plan).toBe('phu-van-2026'); // PGlite replayed its log: all there
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('of several processes taking over one stale lock at the same instant, exactly one wins', async () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 999_999_9, start: null, command: 'tonghop', host: os.hostname(), since: new Date().toISOString() }));
    const at = Date.now() + 1500;
    const script = `
      import { acquireLock } from ${JSON.stringify(DIST_LOCK)};
      while (Date.now() < ${at}) {}
      try { acquireLock(${JSON.stringify(dir)}, 'race'); process.stdout.write('got'); setTimeout(() => {}, 1500); }
      catch (e) { process.stdout.write(e.constructor.name); }`;
    const outs = await Promise.all(
      Array.from({ length: 5 }, () => {
        const c = spawn(process.execPath, ['--input-type=module', '-e', script]);
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        return new Promise<string>((resolve) => c.on('close', () => resolve(out)));
      }),
    );
    expect(outs.filter((o) => o === 'got')).toHaveLength(1);
    expect(outs.filter((o) => o === 'LockedError')).toHaveLength(4);
  });
});

describe('odd lock files: refused at once, never removed (real processes)', () => {
  it('a lock that is a directory: exit 1 at once, saying what to remove; the directory stays', async () => {
    const dir = await dataDirFrom();
    fs.mkdirSync(lockFile(dir));
    fs.writeFileSync(path.join(lockFile(dir), 'giu-lai.txt'), 'x');
    const r = await runCliProcess(['status', '--data-dir', dir]); // before the fix: 100% CPU, forever
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Tệp khoá ${lockFile(dir)} là một thư mục`);
    expect(r.stderr).toMatch(/xoá thư mục đó .*tonghop không tự xoá nó/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(fs.readFileSync(path.join(lockFile(dir), 'giu-lai.txt'), 'utf8')).toBe('x');
  });

  it.skipIf(isRoot)('a lock that cannot be read (no permission): exit 1 at once, the file stays', async () => {
    const dir = await dataDirFrom();
    fs.writeFileSync(lockFile(dir), '{}');
    fs.chmodSync(lockFile(dir), 0o000);
    const r = await runCliProcess(['status', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không đọc được \(không có quyền\)/u);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });

  it('a lock written on another computer (a USB stick moved): names that computer and how to clear it', async () => {
    const dir = await dataDirFrom();
    const since = new Date(2026, 10, 23, 9, 5).toISOString();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 4242, start: null, command: 'tonghop (giao diện)', host: 'MAY-PHONG-VH', since, boot: boot() }));
    const r = await runCliProcess(['status', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Dữ liệu đang được mở trên máy khác: máy "MAY-PHONG-VH" (PID 4242, lệnh "tonghop (giao diện)" từ 09:05 ngày 23/11/2026)');
    expect(r.stderr).toContain(`hãy xoá tệp khoá ${lockFile(dir)} rồi thử lại`);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });
});

describe('lock staleness (in process)', () => {
  const write = (dir: string, info: object) => fs.writeFileSync(lockFile(dir), JSON.stringify(info));
  const base = () => ({ pid: process.pid, start: processStartId(process.pid), command: 'tonghop (giao diện)', host: os.hostname(), since: new Date().toISOString(), boot: boot() });

  it('a live holder is respected, and release removes only our own lock', () => {
    const dir = tempDir();
    const a = acquireLock(dir, 'a');
    expect(() => acquireLock(dir, 'b')).toThrow(LockedError);
    a.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    const b = acquireLock(dir, 'b');
    a.release(); // a second release of an old lock must not remove b's
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    b.release();
  });

  it('a lock written before the last reboot is stale even if its pid is alive now', () => {
    const dir = tempDir();
    write(dir, { ...base(), boot: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    acquireLock(dir, 'after reboot').release();
  });

  it.skipIf(process.platform !== 'linux')('a reused pid (same pid, other start time) is stale', () => {
    const dir = tempDir();
    write(dir, { ...base(), start: '1' });
    acquireLock(dir, 'reused').release();
  });

  it('a lock from another computer (shared folder) is respected: we cannot tell', () => {
    const dir = tempDir();
    write(dir, { ...base(), pid: 999_999_9, host: 'may-khac' });
    expect(() => acquireLock(dir, 'x')).toThrow(/PID 9999999/u);
  });

  it('a half-written or garbage lock file left by a crash is taken over', () => {
    const dir = tempDir();
    for (const junk of ['{"pid":12', '', '\u0000\u0000\u0000', '{"pid":"x","command":1}']) {
      fs.writeFileSync(lockFile(dir), junk);
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(lockFile(dir), old, old);
      const t0 = Date.now();
      acquireLock(dir, 'after crash').release();
      expect(Date.now() - t0).toBeLessThan(500);
    }
  });

  it('a garbage lock still being written (young) is waited for, then taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), '{"pid":');
    const t0 = Date.now();
    acquireLock(dir, 'patient').release();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
  });
});
