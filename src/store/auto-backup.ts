// The daily automatic backup: on the first start of each day (UI or command), a backup into the
// backups folder, keeping the newest 14 automatic ones. If the chosen folder (a USB stick) is not
// there, the backup goes to the default folder inside the data folder, with a warning.
import type { DbRunner } from '../db/database.js';
import { getUnit } from '../db/unit.js';
import { AUTO_KEEP, backupDirOf, checkWritableDir, defaultBackupDir, freshBackupPath, hasAutoBackupOn, removeBackupLeftovers, rotateBackups } from './backup-folder.js';
import type { BackupResult } from './backup.js';

export interface AutoBackupOutcome {
  /** The backup written, or null if none was needed (or possible). */
  result: BackupResult | null;
  skipped?: 'done-today' | 'no-unit';
  /** Written, but not where the officer asked (stick missing): why. */
  warning?: string;
  /** Nothing written: why. */
  error?: string;
  removed: string[];
}

const outcomes = new Map<string, AutoBackupOutcome>();

/** What the last automatic backup attempt of this process did for a data folder. */
export function lastAutoBackup(dataDir: string): AutoBackupOutcome | null {
  return outcomes.get(dataDir) ?? null;
}

export async function dailyBackup(database: { db: DbRunner; dataDir: string }, now: Date = new Date()): Promise<AutoBackupOutcome> {
  const out = await attempt(database, now);
  outcomes.set(database.dataDir, out);
  return out;
}

async function attempt({ db, dataDir }: { db: DbRunner; dataDir: string }, now: Date): Promise<AutoBackupOutcome> {
  if (!(await getUnit(db))) return { result: null, skipped: 'no-unit', removed: [] };
  const chosen = await backupDirOf(db, dataDir);
  let dir = chosen.dir;
  let warning: string | undefined;
  if (chosen.configured) {
    try {
      checkWritableDir(dir);
    } catch (e) {
      dir = defaultBackupDir(dataDir);
      warning = `Không sao lưu tự động được vào ${chosen.dir} (${(e as Error).message}); đã sao lưu vào ${dir}.`;
    }
  }
  // Every start (not only the first of the day) clears what a killed backup left behind.
  for (const d of new Set([dir, chosen.dir, defaultBackupDir(dataDir)])) removeBackupLeftovers(d);
  if (hasAutoBackupOn(dir, now)) return { result: null, skipped: 'done-today', removed: [] };
  try {
    // The writer (and the backup format's schemas) loads only on the day's first start, not on every close.
    const { writeBackupFile } = await import('./backup.js');
    const result = await writeBackupFile(db, freshBackupPath(dir, now, 'auto'), { now });
    return { result, warning, removed: rotateBackups(dir, AUTO_KEEP, result.file) };
  } catch (e) {
    return { result: null, error: `Sao lưu tự động thất bại: ${(e as Error).message}`, removed: [] };
  }
}
