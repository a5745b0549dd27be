// Files on a full or read-only disk: a clear Vietnamese message and nothing half-written (a
// mocked ENOSPC/EROFS: a real full disk cannot be made in a test; a chmod 555 folder where the
// user is not root). The backups folder: names, rotation, the daily automatic backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileWriteError, writeFileAtomic } from '../../src/io/file-write.js';
import { backupHooks } from '../../src/store/hooks.js';
import { openDatabase } from '../../src/store/open.js';
import { dailyBackup } from '../../src/store/auto-backup.js';
import { AUTO_KEEP, backupFileName, listBackups, newestBackup, rotateBackups, setBackupDir } from '../../src/store/backup-folder.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { writeExportFile } from '../../src/io/export/files.js';
import { dataDirFrom, isRoot, tempDir } from '../support/datadir.js';
import { demoDb, emptyDb } from '../support/db.js';

const errno = (code: string) => Object.assign(new Error(`${code}: mocked`), { code });

afterEach(() => vi.restoreAllMocks());

describe('disk full, read-only: clear message, nothing half-written', () => {
  it('a backup on a full disk (ENOSPC after part of the file was written)', async () => {
    const pg = await demoDb();
    const dir = tempDir();
    const target = path.join(dir, 'sao-luu.backup.gz');
    fs.writeFileSync(target, 'bản cũ'); // an older file of the same name must survive
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Uint8Array, off?: number, len?: number) => {
      if (++calls === 1) return real(fd, buf, off ?? 0, Math.min(len ?? buf.length, 100)); // some bytes land
      throw errno('ENOSPC');
    }) as typeof fs.writeSync);
    const err = await writeBackupFile(pg, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileWriteError);
    expect((err as FileWriteError).code).toBe('ENOSPC');
    expect((err as Error).message).toMatch(/ổ đĩa đã đầy.*Không có tệp dở dang nào được để lại/u);
    expect(fs.readdirSync(dir)).toEqual(['sao-luu.backup.gz']);
    expect(fs.readFileSync(target, 'utf8')).toBe('bản cũ');
  });

  it('an export on a full disk, and on a read-only stick (EROFS)', () => {
    const dir = tempDir();
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw errno('ENOSPC');
    });
    expect(() => writeExportFile(dir, 'phuong-phu-van_2026-10_so-lieu.csv', 'ma_to,thang\n')).toThrow(/ổ đĩa đã đầy/u);
    expect(fs.readdirSync(dir)).toEqual([]);
    vi.restoreAllMocks();
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(p).startsWith(dir)) throw errno('EROFS');
      return open(p, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    expect(() => writeExportFile(dir, 'bao-cao.txt', 'x')).toThrow(/chỉ cho đọc \(USB đang bật khoá chống ghi\?\)/u);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.skipIf(isRoot)('a real read-only folder (chmod 555)', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    expect(() => writeFileAtomic(path.join(dir, 'a.csv'), 'x')).toThrow(/không có quyền ghi vào thư mục này/u);
    await expect(writeBackupFile(await demoDb(), path.join(dir, 'b.backup.gz'))).rejects.toThrow(/không có quyền ghi/u);
    fs.chmodSync(dir, 0o755);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('root ignores chmod 555, so the read-only folder is mocked there (EACCES)', () => {
    const dir = tempDir();
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(p).startsWith(dir)) throw errno('EACCES');
      return open(p, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    expect(() => writeFileAtomic(path.join(dir, 'a.csv'), 'x')).toThrow(/không có quyền ghi vào thư mục này/u);
  });

  it('choosing a backups folder that cannot be written is refused with the reason', async () => {
    const pg = await emptyDb();
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    await expect(setBackupDir(pg, path.join(file, 'sub'))).rejects.toThrow(/Không ghi được/u);
  });
});

describe('backups folder', () => {
  it('keeps the newest 14 automatic backups; manual and pre-upgrade ones are never deleted', () => {
    const dir = tempDir();
    for (let d = 1; d <= 20; d++) fs.writeFileSync(path.join(dir, backupFileName(new Date(2026, 10, d, 8), 'auto')), 'x');
    fs.writeFileSync(path.join(dir, backupFileName(new Date(2026, 0, 1, 8), 'manual')), 'x');
    fs.writeFileSync(path.join(dir, backupFileName(new Date(2026, 0, 2, 8), 'pre-upgrade', 1)), 'x');
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'not a backup');
    expect(rotateBackups(dir)).toHaveLength(6);
    const left = listBackups(dir);
    expect(left.filter((e) => e.kind === 'auto')).toHaveLength(AUTO_KEEP);
    expect(left.filter((e) => e.kind === 'auto').at(-1)!.created).toEqual(new Date(2026, 10, 7, 8));
    expect(left.map((e) => e.kind).filter((k) => k !== 'auto')).toEqual(['pre-upgrade', 'manual']);
    expect(fs.existsSync(path.join(dir, 'ghi-chu.txt'))).toBe(true);
  });

  it('rotates by time of writing: a backup made under a clock set back is kept, never the one just made deleted (item 10)', () => {
    const dir = tempDir();
    // Fourteen automatic backups written in late November (names and times agree)…
    for (let d = 15; d <= 28; d++) {
      const f = path.join(dir, backupFileName(new Date(2026, 10, d, 8), 'auto'));
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, new Date(2026, 10, d, 8), new Date(2026, 10, d, 8));
    }
    // …then the laptop's clock is set back to January: today's backup is named 2026-01-05, and
    // written (its real time of writing, as the file system records it) after every other one.
    const made = path.join(dir, backupFileName(new Date(2026, 0, 5, 8), 'auto'));
    fs.writeFileSync(made, 'x');
    fs.utimesSync(made, new Date(2026, 10, 29, 8), new Date(2026, 10, 29, 8));
    const removed = rotateBackups(dir, AUTO_KEEP, made);
    expect(removed).toEqual([path.join(dir, backupFileName(new Date(2026, 10, 15, 8), 'auto'))]);
    expect(fs.existsSync(made)).toBe(true);
    // Even when its time of writing is the earliest too (the clock was already wrong when the others were written), the one just made stays.
    fs.utimesSync(made, new Date(2026, 0, 5, 8), new Date(2026, 0, 5, 8));
    const extra = path.join(dir, backupFileName(new Date(2026, 10, 14, 8), 'auto'));
    fs.writeFileSync(extra, 'x');
    fs.utimesSync(extra, new Date(2026, 10, 14, 8), new Date(2026, 10, 14, 8));
    expect(rotateBackups(dir, AUTO_KEEP, made)).toEqual([extra]);
    expect(fs.existsSync(made)).toBe(true);
    expect(rotateBackups(dir, 0, made)).toHaveLength(13); // keep 0 still keeps the newest
    expect(listBackups(dir).map((e) => e.file)).toEqual([made]);
  });

  it('the daily backup: once a day, into the chosen folder, or the default one when that is missing', async () => {
    const pg = await demoDb();
    const dataDir = tempDir();
    const database = { db: pg, dataDir };
    const day1 = new Date(2026, 10, 23, 8, 30);
    const first = await dailyBackup(database, day1);
    expect(first.result?.file).toBe(path.join(dataDir, 'backups', 'tonghop-2026-11-23_083000-tu-dong.backup.gz'));
    expect((await dailyBackup(database, new Date(2026, 10, 23, 17, 0))).skipped).toBe('done-today');
    expect((await dailyBackup(database, new Date(2026, 10, 24, 7, 0))).result).not.toBeNull();
    expect((await newestBackup(pg, dataDir))!.created).toEqual(new Date(2026, 10, 24, 7, 0));

    const stick = path.join(tempDir(), 'USB');
    await setBackupDir(pg, stick);
    expect((await dailyBackup(database, new Date(2026, 10, 25, 7, 0))).result!.file.startsWith(stick)).toBe(true);
    // The stick is pulled out (its path now cannot be a folder): backup still made, at home, with a warning.
    fs.rmSync(stick, { recursive: true });
    fs.writeFileSync(stick, '');
    const away = await dailyBackup(database, new Date(2026, 10, 26, 7, 0));
    expect(away.result!.file.startsWith(path.join(dataDir, 'backups'))).toBe(true);
    expect(away.warning).toMatch(/Không sao lưu tự động được vào .*USB.*đã sao lưu vào/u);
  });

  it('a database with no commune yet gets no automatic backup', async () => {
    const out = await dailyBackup({ db: await emptyDb(), dataDir: tempDir() }, new Date());
    expect(out.skipped).toBe('no-unit');
  });

  it('openDatabase makes the day’s backup in the background, or on close at the latest, never twice a day', async () => {
    const dir = await dataDirFrom('demo');
    const now = () => new Date(2026, 10, 23, 9, 0);
    // A command that finishes before the background timer: the backup is made when it closes.
    const a = await openDatabase({ dataDir: dir, command: 'test', ...backupHooks(now), dailyDelayMs: 60_000 });
    expect(listBackups(path.join(dir, 'backups'))).toEqual([]);
    await a.close();
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(1);
    // The UI: a few seconds after opening, while it stays open; the next day's, then not twice.
    const b = await openDatabase({ dataDir: dir, command: 'test', ...backupHooks(() => new Date(2026, 10, 24, 9, 0)), dailyDelayMs: 10 });
    for (let i = 0; i < 400 && listBackups(path.join(dir, 'backups')).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(2);
    await b.close();
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(2);
  });
});
