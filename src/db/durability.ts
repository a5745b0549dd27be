// PGlite runs Postgres with fsync off: a killed process loses nothing, but a power cut can
// lose what the OS had not yet written. After a CHECKPOINT we fsync the data folder ourselves.
import fs from 'node:fs';
import path from 'node:path';

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

/** Why a write failed, in a few Vietnamese words (null for an error we cannot explain). */
export function writeErrorReason(err: unknown): string | null {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ổ đĩa đã đầy';
    case 'EROFS':
      return 'ổ đĩa chỉ cho đọc (USB đang bật khoá chống ghi?)';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền ghi vào thư mục này';
    case 'ENOENT':
      return 'thư mục không tồn tại (ổ USB đã rút ra?)';
    case 'ENOTDIR':
      return 'đường dẫn đi qua một tệp, không phải thư mục';
    case 'EIO':
      return 'lỗi đọc/ghi ổ đĩa (ổ USB bị rút ra hoặc hỏng?)';
    case 'EBUSY':
      return 'tệp đang được chương trình khác mở (Excel?)';
    default:
      return null;
  }
}

/** Why a file could not be written and what to do, in Vietnamese (null for an unknown error). */
export function writeErrorMessage(err: unknown, target: string): string | null {
  const reason = writeErrorReason(err);
  if (!reason) return null;
  const code = (err as NodeJS.ErrnoException).code;
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Hãy xoá bớt tệp hoặc chọn ổ/thư mục khác.'
      : code === 'EBUSY'
        ? 'Hãy đóng tệp đó rồi thử lại.'
        : 'Hãy chọn nơi khác (ví dụ thư mục Tài liệu của bạn) hoặc thử lại.';
  return `Không ghi được "${target}": ${reason}. ${advice} Không có tệp dở dang nào được để lại.`;
}

/** A file could not be written; the message says why in Vietnamese, `code` keeps the system's. */
export class FileWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    message: string,
    public readonly target: string,
    cause: unknown,
  ) {
    super(message, { cause });
    this.code = (cause as NodeJS.ErrnoException | null)?.code;
  }
}

/** Turn a low-level write failure into a FileWriteError (unknown failures are rethrown as they are). */
export function asFileWriteError(err: unknown, target: string): unknown {
  if (err instanceof FileWriteError) return err;
  const msg = writeErrorMessage(err, target);
  return msg ? new FileWriteError(msg, target, err) : err;
}

let tmpCounter = 0;

/**
 * Write a file durably: temp name in the same folder, fsync, rename, fsync the folder. On any
 * failure the temp file is removed and the target is untouched; disk full, read-only and
 * permission failures become a FileWriteError with a Vietnamese message.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}-${++tmpCounter}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let created = false;
  try {
    const fd = fs.openSync(tmp, 'w');
    created = true;
    try {
      let off = 0;
      while (off < bytes.length) off += fs.writeSync(fd, bytes, off, Math.min(bytes.length - off, 1 << 20));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    created = false;
    fsyncDir(dir);
  } catch (e) {
    if (created) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // the folder may have vanished (USB pulled out): nothing more we can do
      }
    }
    throw asFileWriteError(e, target);
  }
}
