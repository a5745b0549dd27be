// The data folder's layout and its states: pgdata/ (the database), leftovers of an interrupted
// first run or restore, a folder that cannot be used, a database that cannot be opened.
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../db/migrations/index.js';
import { TEMPLATE_DIR } from '../paths.js';

export function pgDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * pgdata with its links resolved: an officer may keep the database elsewhere (a bigger disk) and
 * link it in; the engine must open the real folder, not a link it cannot walk.
 */
export function resolvedPgDir(dataDir: string): string {
  const p = pgDir(dataDir);
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p; // not there (yet): opening says so
  }
}

export function databaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(pgDir(dataDir), 'PG_VERSION'));
}

/** The migrated empty database built at install time (store/template.ts). */
export function templatePath(): string {
  return path.join(TEMPLATE_DIR, `pgdata-v${SCHEMA_VERSION}.tar`);
}

export class NoDatabaseError extends Error {
  constructor(public readonly dataDir: string) {
    super(`Chưa có dữ liệu trong thư mục ${dataDir}. Hãy chạy "tonghop init --plan <mã kế hoạch> --unit "<tên xã/phường>"" hoặc mở "tonghop" để tạo mới.`);
  }
}

/** Written into a restored folder once it is complete and flushed, just before it is swapped in. */
export const RESTORE_READY = 'tonghop-restore-ready';

/**
 * Leftovers of an interrupted first run or restore. A restore killed between its two renames
 * left no pgdata but a complete restored folder: finish the swap instead of deleting it.
 */
export function removeLeftovers(dataDir: string): void {
  const names = fs.readdirSync(dataDir).sort();
  if (!databaseExists(dataDir)) {
    const ready = names.filter((n) => n.startsWith('pgdata.tmp-restore-') && fs.existsSync(path.join(dataDir, n, RESTORE_READY))).pop();
    if (ready) {
      fs.renameSync(path.join(dataDir, ready), pgDir(dataDir));
      fs.rmSync(path.join(pgDir(dataDir), RESTORE_READY), { force: true });
    }
  }
  for (const name of names) {
    if (name.startsWith('pgdata.tmp-') && fs.existsSync(path.join(dataDir, name))) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

/** The database could not be opened (damaged after a power cut?): says how to restore. */
export class DamagedDatabaseError extends Error {}

export function damaged(dataDir: string, cause: unknown): DamagedDatabaseError {
  const backups = path.join(dataDir, 'backups');
  let newest: string | null = null;
  try {
    newest = fs
      .readdirSync(backups)
      .filter((n) => n.endsWith('.backup.gz'))
      .sort()
      .pop() ?? null;
  } catch {
    // no backups folder
  }
  const how = newest
    ? ` Bản sao lưu mới nhất: ${path.join(backups, newest)}. Khôi phục bằng lệnh: tonghop restore "${path.join(backups, newest)}" --data-dir "${dataDir}" (dữ liệu hỏng được giữ lại, không bị xoá).`
    : ' Hãy khôi phục từ một bản sao lưu: tonghop restore <tệp sao lưu> (dữ liệu hỏng được giữ lại, không bị xoá).';
  const detail = describeCause(cause).split('. ')[0]!.replace(/\.+$/u, '');
  return new DamagedDatabaseError(`Không mở được cơ sở dữ liệu trong ${pgDir(dataDir)} (có thể do mất điện khi đang ghi; ${detail}).${how}`, { cause });
}

/** An engine may reject with something that is not an Error: never print "[object Object]". */
function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  try {
    return JSON.stringify(cause) ?? String(cause);
  } catch {
    return String(cause);
  }
}

/** The data folder cannot be used (a file of that name, no permission, a missing drive). */
export class DataDirError extends Error {}

export function ensureDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'đó là một tệp, không phải thư mục'
        : code === 'EACCES' || code === 'EPERM'
          ? 'không có quyền ghi vào đó'
          : code === 'EROFS'
            ? 'ổ đĩa chỉ cho đọc'
            : `không tạo được thư mục (${code ?? (e as Error).message})`;
    throw new DataDirError(`Không dùng được thư mục dữ liệu ${dir}: ${why}. Hãy chọn thư mục khác bằng --data-dir.`);
  }
}
