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
  const name = backupFileName(now, kind, fromSchema);
  let p = path.join(dir, name);
  for (let i = 2; fs.existsSync(p); i++) p = path.join(dir, name.replace(BACKUP_SUFFIX, `-${i}${BACKUP_SUFFIX}`));
  return p;
}

export interface BackupEntry {
  file: string;
  name: string;
  created: Date;
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
  return { file, name, created, bytes: st.size, kind };
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

/** Delete automatic backups beyond the newest `keep`. Returns the files removed. */
export function rotateBackups(dir: string, keep = AUTO_KEEP): string[] {
  const autos = listBackups(dir).filter((e) => e.kind === 'auto');
  const removed: string[] = [];
  for (const old of autos.slice(keep)) {
    try {
      fs.rmSync(old.file, { force: true });
      removed.push(old.file);
    } catch {
      // a read-only stick: keep it, the next start tries again
    }
  }
  return removed;
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
