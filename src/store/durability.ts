// PGlite runs Postgres with fsync off: a killed process loses nothing, but a power cut can
// lose what the OS had not yet written. After a CHECKPOINT we fsync the data folder ourselves.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncPath } from '../io/file-write.js';

const lastSynced = new Map<string, number>();

/**
 * When the last complete sync of a tree started, kept inside the tree: the next process (each
 * command is one) then syncs only what changed since, including what a killed process left in
 * the OS cache. Losing this file only makes the next sync do more.
 */
export const SYNC_MARKER = '.tonghop-synced';

function readMarker(root: string): number {
  try {
    const v = Number(fs.readFileSync(path.join(root, SYNC_MARKER), 'utf8'));
    return Number.isFinite(v) && v <= Date.now() ? v : 0;
  } catch {
    return 0;
  }
}

export interface SyncStats {
  files: number;
  synced: number;
  ms: number;
}

/**
 * fsync every file changed since the last complete sync of this tree (by this process or an
 * earlier one, see SYNC_MARKER), then the directories. Unchanged files cost one stat each.
 */
export function syncTree(root: string): SyncStats {
  const since = lastSynced.get(root) ?? readMarker(root);
  const started = Date.now();
  const stats: SyncStats = { files: 0, synced: 0, ms: 0 };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name !== SYNC_MARKER) {
        stats.files++;
        try {
          // 2 s of slack: coarse mtime clocks (FAT, some network drives) and writes racing the walk.
          if (fs.statSync(p).mtimeMs >= since - 2000) {
            fsyncPath(p);
            stats.synced++;
          }
        } catch {
          // a file removed by Postgres while we walk: nothing to flush
        }
      }
    }
    fsyncDir(dir);
  };
  walk(root);
  lastSynced.set(root, started);
  try {
    fs.writeFileSync(path.join(root, SYNC_MARKER), String(started));
  } catch {
    // read-only or vanished: the next sync just does more
  }
  stats.ms = Date.now() - started;
  return stats;
}

/** Another folder now lives at this path (a restore): trust its own marker, not our memory. */
export function forgetSynced(root: string): void {
  lastSynced.delete(root);
}
