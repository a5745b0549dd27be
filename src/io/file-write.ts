// Writing a file so that it is either wholly there or not at all: a temp name in the same
// folder, fsync, rename, fsync the folder; and why a write failed, in Vietnamese. Used for
// exports, backups and the install-time template alike.
import fs from 'node:fs';
import path from 'node:path';

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
    case 'EEXIST': // mkdir where a file of that name is: --out naming a file, a backup path through a file
      return 'ở đó đã có một tệp, không phải thư mục';
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
