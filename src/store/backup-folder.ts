// The backups folder: where it is (default <dataDir>/backups, or the `backup_dir` setting, e.g.
// a USB stick), how files are named, listed newest first, and rotated (automatic ones only).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { getSetting, setSetting } from '../db/unit.js';
import { pad2 } from '../domain/text.js';
import { asFileWriteError } from '../io/file-write.js';

export const BACKUP_SUFFIX = '.backup.gz';
export const AUTO_TAG = '-tu-dong';
export const PRE_UPGRADE_TAG = '-truoc-nang-cap';
/** Automatic daily backups kept (two weeks of working days and more). Manual ones are never deleted. */
export const AUTO_KEEP = 14;
export const BACKUP_DIR_SETTING = 'backup_dir';

export function defaultBackupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export interface BackupDir {
  dir: string;
  /** Chosen by the officer (setting), not the default inside the data folder. */
  configured: boolean;
}

export async function backupDirOf(q: Db, dataDir: string): Promise<BackupDir> {
  const set = await getSetting(q, BACKUP_DIR_SETTING).catch(() => null);
  return set ? { dir: set, configured: true } : { dir: defaultBackupDir(dataDir), configured: false };
}

/** Choose the backups folder (null = back to the default). It must exist or be creatable, and be writable. */
export async function setBackupDir(q: Db, dir: string | null): Promise<void> {
  if (dir !== null) {
    const abs = path.resolve(dir.normalize('NFC'));
    checkWritableDir(abs);
    await setSetting(q, BACKUP_DIR_SETTING, abs);
  } else {
    await setSetting(q, BACKUP_DIR_SETTING, null);
  }
}

/** Create the folder if needed and prove we can write there (a probe file, removed at once). */
export function checkWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.tonghop-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    throw asFileWriteError(e, dir);
  }
}

function stamp(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}_${pad2(d.getHours())}${pad2(d.getMinutes())}${pad2(d.getSeconds())}`;
}

export type BackupKind = 'manual' | 'auto' | 'pre-upgrade';

/** tonghop-2026-11-23_093015[-tu-dong|-truoc-nang-cap-v1].backup.gz (local time: the officer's clock). */
export function backupFileName(now: Date, kind: BackupKind = 'manual', fromSchema?: number): string {
  const tag = kind === 'auto' ? AUTO_TAG : kind === 'pre-upgrade' ? `${PRE_UPGRADE_TAG}-v${fromSchema ?? 0}` : '';
  return `tonghop-${stamp(now)}${tag}${BACKUP_SUFFIX}`;
}

/** A name not yet taken in the folder (two backups within one second get -2, -3…). */
export function freshBackupPath(dir: string, now: Date, kind: BackupKind = 'manual', fromSchema?: number): string {
  return untakenPath(path.join(dir, backupFileName(now, kind, fromSchema)));
}

/**
 * `file` itself if nothing is there, else file-2, file-3… (before `.backup.gz` or the last
 * extension), as exports do: a backup never replaces a file (a Word document, an older backup).
 */
export function untakenPath(file: string): string {
  const name = path.basename(file);
  const ext = name.endsWith(BACKUP_SUFFIX) && name.length > BACKUP_SUFFIX.length ? BACKUP_SUFFIX : path.extname(name);
  const base = file.slice(0, file.length - ext.length);
  let p = file;
  for (let i = 2; taken(p); i++) p = `${base}-${i}${ext}`;
  return p;
}

function taken(p: string): boolean {
  try {
    fs.lstatSync(p); // a dangling symlink is taken too: writing through it would land elsewhere
    return true;
  } catch {
    return false;
  }
}

export interface BackupEntry {
  file: string;
  name: string;
  created: Date;
  /** When the file was written (its modification time). */
  written: Date;
  bytes: number;
  kind: BackupKind;
}

const NAME_TIME = /^tonghop-(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})/u;

function entryOf(dir: string, name: string): BackupEntry | null {
  const file = path.join(dir, name);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const m = NAME_TIME.exec(name);
  const created = m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : st.mtime;
  const kind: BackupKind = name.includes(AUTO_TAG) ? 'auto' : name.includes(PRE_UPGRADE_TAG) ? 'pre-upgrade' : 'manual';
  return { file, name, created, written: st.mtime, bytes: st.size, kind };
}

/** Backups in a folder, newest first (a missing or unreadable folder has none). */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(BACKUP_SUFFIX) && !n.startsWith('.'))
    .map((n) => entryOf(dir, n))
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => b.created.getTime() - a.created.getTime() || b.name.localeCompare(a.name));
}

/**
 * Delete automatic backups beyond the newest `keep`, newest by time of writing (the file's
 * modification time), not by the date in the name: a laptop whose clock was set back names its
 * new backup earlier than the old ones. `justMade` is never deleted whatever its times say.
 * Returns the files removed.
 */
export function rotateBackups(dir: string, keep = AUTO_KEEP, justMade?: string): string[] {
  const written = (e: BackupEntry) => (e.file === justMade ? Infinity : e.written.getTime());
  const autos = listBackups(dir)
    .filter((e) => e.kind === 'auto')
    .sort((a, b) => written(b) - written(a) || b.name.localeCompare(a.name));
  const removed: string[] = [];
  for (const old of autos.slice(Math.max(keep, 1))) {
    try {
      fs.rmSync(old.file, { force: true });
      removed.push(old.file);
    } catch {
      // a read-only stick: keep it, the next start tries again
    }
  }
  return removed;
}

/** `.NAME.tmp-PID-N`: writeFileAtomic's temp name (io/file-write.ts). */
const TEMP_NAME = /^\..+\.tmp-(\d+)-\d+$/u;

/**
 * Remove the temp files of backups killed while writing (power cut, Ctrl+C, Task Manager):
 * never a finished backup, never the temp file of a process still running.
 */
export function removeBackupLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || !name.includes(BACKUP_SUFFIX) || processRunning(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(path.join(dir, name));
    } catch {
      // a read-only stick: the next start tries again
    }
  }
  return removed;
}

function processRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is there an automatic backup made on this calendar day (local time)? */
export function hasAutoBackupOn(dir: string, day: Date): boolean {
  return listBackups(dir).some(
    (e) =>
      e.kind === 'auto' &&
      e.created.getFullYear() === day.getFullYear() &&
      e.created.getMonth() === day.getMonth() &&
      e.created.getDate() === day.getDate(),
  );
}

/** The newest backup in the configured folder or the default one. */
export async function newestBackup(q: Db, dataDir: string): Promise<BackupEntry | null> {
  const { dir } = await backupDirOf(q, dataDir);
  const all = [...listBackups(dir), ...(dir === defaultBackupDir(dataDir) ? [] : listBackups(defaultBackupDir(dataDir)))];
  return all.sort((a, b) => b.created.getTime() - a.created.getTime())[0] ?? null;
}
