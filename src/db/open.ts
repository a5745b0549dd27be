// Open the officer's database: take the lock, create it if asked (in a temporary folder renamed
// into place, so an interrupted first run leaves nothing broken), bring the schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATE_DIR } from '../paths.js';
import { syncTree } from './durability.js';
import { type Lock, acquireLock } from './lock.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations/index.js';
import type { DbRunner } from './database.js';
import { type PgliteHandle, openPglite } from './engines/pglite.js';

export class NoDatabaseError extends Error {
  constructor(public readonly dataDir: string) {
    super(`Chưa có dữ liệu trong thư mục ${dataDir}. Hãy chạy "tonghop init --plan <mã kế hoạch> --unit "<tên xã/phường>"" hoặc mở "tonghop" để tạo mới.`);
  }
}

export interface Database {
  readonly db: DbRunner;
  readonly dataDir: string;
  /** CHECKPOINT and flush the data folder to disk (after imports, periodically, on close). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /**
   * Close the files, run fn while still holding the lock (a restore swaps the data folder in),
   * then open the folder again; `db` follows, and queries made meanwhile wait. Only for a
   * database opened from a folder (not the in-memory ones of tests).
   */
  reopenAfter?<T>(fn: () => Promise<T> | T): Promise<T>;
}

export function pgDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export function databaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(pgDir(dataDir), 'PG_VERSION'));
}

export function templatePath(): string {
  return path.join(TEMPLATE_DIR, `pgdata-v${SCHEMA_VERSION}.tar`);
}

/** A fresh PGlite costs ~4 s (initdb); the template built at install time loads in ~0.5 s. */
export async function createPg(dir?: string): Promise<PgliteHandle> {
  const tpl = templatePath();
  return openPglite(dir, fs.existsSync(tpl) ? { fromTar: fs.readFileSync(tpl) } : {});
}

async function createInPlace(dataDir: string): Promise<void> {
  const tmp = path.join(dataDir, `pgdata.tmp-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const pg = await createPg(tmp);
  try {
    await migrate(pg.db);
    await pg.flush();
  } finally {
    await pg.close();
  }
  syncTree(tmp);
  fs.renameSync(tmp, pgDir(dataDir));
}

/** Written into a restored folder once it is complete and flushed, just before it is swapped in. */
export const RESTORE_READY = 'tonghop-restore-ready';

/**
 * Leftovers of an interrupted first run or restore. A restore killed between its two renames
 * left no pgdata but a complete restored folder: finish the swap instead of deleting it.
 */
function removeLeftovers(dataDir: string): void {
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

export interface OpenOptions {
  dataDir: string;
  command: string;
  /** Create an empty database if there is none (init, the first-run wizard). */
  create?: boolean;
  /**
   * The daily automatic backup (default on): a few seconds after opening (after the UI's first
   * frames) or, for a command that finishes sooner, when it closes — never before its work.
   */
  autoBackup?: boolean;
  /** Delay before the background daily backup (ms). */
  autoBackupDelayMs?: number;
  /** Injectable clock for the daily backup. */
  now?: () => Date;
  /** Tests only: a migration list standing in for MIGRATIONS (to prove the upgrade path). */
  migrations?: readonly Migration[];
}

/** The database could not be opened (damaged after a power cut?): says how to restore. */
export class DamagedDatabaseError extends Error {}

function damaged(dataDir: string, cause: unknown): DamagedDatabaseError {
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
  const detail = String((cause as Error)?.message ?? cause).split('. ')[0]!.replace(/\.+$/u, '');
  return new DamagedDatabaseError(`Không mở được cơ sở dữ liệu trong ${pgDir(dataDir)} (có thể do mất điện khi đang ghi; ${detail}).${how}`, { cause });
}

/** Before an existing database is upgraded to a newer schema: a backup of it as it was. */
async function backupBeforeUpgrade(db: DbRunner, dataDir: string, from: number, now: Date): Promise<void> {
  const { writeBackupFile } = await import('../io/backup/write.js');
  const { defaultBackupDir, freshBackupPath } = await import('../io/backup/folder.js');
  await writeBackupFile(db, freshBackupPath(defaultBackupDir(dataDir), now, 'pre-upgrade', from), { now });
}

/** The data folder cannot be used (a file of that name, no permission, a missing drive). */
export class DataDirError extends Error {}

function ensureDataDir(dir: string): void {
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

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  ensureDataDir(opts.dataDir);
  const lock: Lock = acquireLock(opts.dataDir, opts.command);
  const now = opts.now ?? (() => new Date());
  let pg: PgliteHandle | null = null;
  const open = async (): Promise<PgliteHandle> => {
    let opened: PgliteHandle;
    try {
      opened = await openPglite(pgDir(opts.dataDir));
    } catch (e) {
      throw damaged(opts.dataDir, e);
    }
    try {
      const migrations = opts.migrations ?? MIGRATIONS;
      const latest = migrations[migrations.length - 1]?.version ?? SCHEMA_VERSION;
      const found = await schemaVersion(opened.db);
      if (found > 0 && found < latest) await backupBeforeUpgrade(opened.db, opts.dataDir, found, now());
      await migrate(opened.db, latest, migrations);
    } catch (e) {
      await opened.close().catch(() => undefined);
      throw e;
    }
    return opened;
  };
  try {
    removeLeftovers(opts.dataDir);
    if (!databaseExists(opts.dataDir)) {
      if (!opts.create) throw new NoDatabaseError(opts.dataDir);
      await createInPlace(opts.dataDir);
    }
    pg = await open();
  } catch (e) {
    lock.release();
    throw e;
  }
  let current: PgliteHandle = pg;
  let live = true; // false between a failed reopen and the next successful one
  // While the files are being swapped (restore), queries wait here instead of failing.
  let gate: Promise<void> | null = null;
  const ready = async (): Promise<DbRunner> => {
    while (gate) await gate;
    return current.db;
  };
  // A stable handle for the app: it follows the live database across a restore.
  const db: DbRunner = {
    query: async (sql, params) => (await ready()).query(sql, params),
    exec: async (sql) => (await ready()).exec(sql),
    copyRows: async (table, columns, rows) => (await ready()).copyRows(table, columns, rows),
    transaction: async (fn) => (await ready()).transaction(fn),
  };
  let closed = false;
  const checkpoint = async () => {
    await ready();
    await current.flush();
    syncTree(pgDir(opts.dataDir));
  };

  // The daily backup, off the startup path. The module is loaded only when it runs.
  let backupTimer: NodeJS.Timeout | null = null;
  let backupRun: Promise<void> | null = null;
  const runDailyBackup = (): Promise<void> => {
    if (backupTimer) clearTimeout(backupTimer);
    backupTimer = null;
    backupRun ??= import('../io/backup/auto.js')
      .then(async ({ dailyBackup }) => {
        await dailyBackup({ db, dataDir: opts.dataDir }, now());
      })
      .catch(() => undefined); // recorded by lastAutoBackup(); never breaks the app
    return backupRun;
  };
  if (opts.autoBackup !== false) {
    backupTimer = setTimeout(() => void runDailyBackup(), opts.autoBackupDelayMs ?? 3000);
    backupTimer.unref();
  }

  return {
    db,
    dataDir: opts.dataDir,
    checkpoint,
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (opts.autoBackup !== false) await runDailyBackup();
        if (live) {
          await checkpoint();
          await current.close();
        }
      } finally {
        lock.release();
      }
    },
    async reopenAfter<T>(fn: () => Promise<T> | T): Promise<T> {
      if (closed) throw new Error('Cơ sở dữ liệu đã đóng.');
      await backupRun;
      let open_!: () => void;
      const previous = gate;
      gate = new Promise<void>((r) => (open_ = r));
      try {
        await previous;
        if (live) {
          await current.flush();
          await current.close();
          live = false;
        }
        try {
          return await fn();
        } finally {
          current = await open();
          live = true;
        }
      } finally {
        gate = null;
        open_();
      }
    },
  };
}
