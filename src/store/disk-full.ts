// A full disk under the data folder (#10 item 18). PostgreSQL — embedded (PGlite, whose file
// layer passes the system's ENOSPC through) or a server — answers SQLSTATE 53100 disk_full with
// English text ("could not extend file …: No space left on device"); the statement's
// transaction is rolled back, so nothing was changed. Said in Vietnamese, with what to do.

import fs from 'node:fs';
import path from 'node:path';

/** PostgreSQL's disk_full; the system's ENOSPC/EDQUOT when a file write of ours fails. */
export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    if (/no space left on device/iu.test(String((e as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}

/** What failed and what to do again: a write (an import) by default; opening the data. */
export interface DiskFullWhen {
  failed: string;
  retry: string;
}
const WRITING: DiskFullWhen = { failed: 'không ghi được vào dữ liệu', retry: 'làm lại (ví dụ nhập lại tệp)' };
export const OPENING: DiskFullWhen = { failed: 'không mở được dữ liệu', retry: 'chạy lại lệnh hoặc mở lại chương trình' };

/** The disk holding the data (a folder, or a server's) is full; nothing was written. */
export class DiskFullError extends Error {
  constructor(where: string, onServer: boolean, cause: unknown, when: DiskFullWhen = WRITING) {
    const free = onServer
      ? `Hãy báo người quản trị máy chủ giải phóng chỗ trống trên ổ đĩa của máy chủ (${where})`
      : `Hãy giải phóng chỗ trống trên ổ đĩa chứa thư mục dữ liệu ${where} (xoá bớt tệp không cần, dọn Thùng rác)`;
    super(`Ổ đĩa đã đầy nên ${when.failed}. Không có gì bị thay đổi: dữ liệu vẫn như trước lúc làm. ${free}, rồi ${when.retry}.`, { cause });
  }
}

/**
 * Is there no room to write in this folder? PGlite says only "failed to initialize" when the disk
 * is full as it starts (PostgreSQL writes its control file and caches then), which would read as
 * damaged data: a real write of 1 MB tells the two apart. Removed at once; never throws.
 */
export function noRoomIn(dir: string): boolean {
  const probe = path.join(dir, `tonghop-space-check.tmp-${process.pid}`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(probe, 'wx');
    fs.writeSync(fd, Buffer.alloc(1 << 20), 0, 1 << 20, 0);
    fs.fsyncSync(fd);
    return false;
  } catch (e) {
    return isDiskFull(e);
  } finally {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(probe, { force: true });
  }
}

/** A disk_full failure as a DiskFullError naming where the data is; anything else as it was. */
export function asDiskFull(err: unknown, place: { dataDir: string; server?: string }): unknown {
  if (err instanceof DiskFullError || !isDiskFull(err)) return err;
  return new DiskFullError(place.server ?? place.dataDir, !!place.server, err);
}
