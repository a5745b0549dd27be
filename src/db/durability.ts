// PGlite runs Postgres with fsync off: a killed process loses nothing, but a power cut can
// lose what the OS had not yet written. After a CHECKPOINT we fsync the data folder ourselves.
import fs from 'node:fs';
import path from 'node:path';

const lastSynced = new Map<string, number>();

/** fsync every file changed since the last sync of this tree, then the directories. */
export function syncTree(root: string): void {
  const since = lastSynced.get(root) ?? 0;
  const started = Date.now();
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
      else if (e.isFile()) {
        try {
          if (fs.statSync(p).mtimeMs >= since - 2000) fsyncPath(p);
        } catch {
          // a file removed by Postgres while we walk: nothing to flush
        }
      }
    }
    fsyncDir(dir);
  };
  walk(root);
  lastSynced.set(root, started);
}

export function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Directories cannot be opened for fsync on Windows; there the rename is durable enough. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some file systems refuse directory fsync; the data files themselves are synced
  }
}

/** Write a file durably: temp name in the same folder, fsync, rename, fsync the folder. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    fsyncDir(dir);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
