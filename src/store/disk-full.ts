// A full disk under the data folder (#10 item 18). PostgreSQL — embedded (PGlite, whose file
// layer passes the system's ENOSPC through) or a server — answers SQLSTATE 53100 disk_full with
// English text ("could not extend file …: No space left on device"); the statement's
// transaction is rolled back, so nothing was changed. Said in Vietnamese, with what to do.

/** PostgreSQL's disk_full; the system's ENOSPC/EDQUOT when a file write of ours fails. */
export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    if (/no space left on device/iu.test(String((e as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}

/** The disk holding the data (a folder, or a server's) is full; nothing was written. */
export class DiskFullError extends Error {
  constructor(where: string, onServer: boolean, cause: unknown) {
    const free = onServer
      ? `Hãy báo người quản trị máy chủ giải phóng chỗ trống trên ổ đĩa của máy chủ (${where})`
      : `Hãy giải phóng chỗ trống trên ổ đĩa chứa thư mục dữ liệu ${where} (xoá bớt tệp không cần, dọn Thùng rác)`;
    super(`Ổ đĩa đã đầy nên không ghi được vào dữ liệu. Không có gì bị thay đổi: dữ liệu vẫn như trước lúc làm. ${free}, rồi làm lại (ví dụ nhập lại tệp).`, { cause });
  }
}

/** A disk_full failure as a DiskFullError naming where the data is; anything else as it was. */
export function asDiskFull(err: unknown, place: { dataDir: string; server?: string }): unknown {
  if (err instanceof DiskFullError || !isDiskFull(err)) return err;
  return new DiskFullError(place.server ?? place.dataDir, !!place.server, err);
}
