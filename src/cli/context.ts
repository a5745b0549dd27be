// Opening the database for a command and turning known failures into exit codes.
import { ZodError } from 'zod';
import { BadTodayError } from '../clock.js';
import { FileWriteError } from '../io/file-write.js';
import { LockFileError, LockWriteError, LockedError } from '../store/lock.js';
import { MigrationFailedError, NewerDatabaseError } from '../db/migrate.js';
import { backupHooks } from '../store/hooks.js';
import { type Database, openDatabase } from '../store/open.js';
import { DamagedDatabaseError, DataDirError, NoDatabaseError } from '../store/data-folder.js';
import { AlreadyInitialisedError } from '../db/setup.js';
import { DuplicateTeamCodeError } from '../db/teams.js';
import { NotInitialisedError } from '../db/unit.js';
import { getUnitIdentity } from '../db/unit-level.js';
import { printable } from '../domain/text.js';
import { BackupError } from '../io/backup/format.js';
import { FileRefusedError, ImportRefusedError } from '../io/csv/problems.js';
import { resolveDataDir } from '../paths.js';
import { ServerConnectError } from '../db/engines/server-errors.js';
import { ServerUrlError, redactSecrets, redactUrl } from '../db/engines/server-url.js';
import { MigrationBusyError } from '../db/locks.js';
import { ReadOnlyError } from '../store/read-only.js';
import { DiskFullError, asDiskFull } from '../store/disk-full.js';
import { EXIT_REFUSED, EXIT_USAGE, RefusedError, UsageError } from './errors.js';

export interface CommonOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Where a command's database is: a PostgreSQL server (--database-url, else TONGHOP_DATABASE_URL), else the data folder. */
export function placeOf(opts: CommonOptions): { dataDir: string; url?: string } {
  if (opts.databaseUrl !== undefined && !opts.databaseUrl.trim()) throw new UsageError('--database-url cần một địa chỉ, ví dụ postgres://can_bo@may-chu:5432/tonghop.');
  const url = opts.databaseUrl ?? (process.env.TONGHOP_DATABASE_URL || undefined);
  return { dataDir: resolveDataDir(opts.dataDir), url: url?.trim() };
}

export async function withDatabase<T>(
  opts: CommonOptions,
  command: string,
  fn: (db: Database) => Promise<T>,
  openOpts: {
    create?: boolean;
    /** The command writes: what it does, for a reader's refusal ("nhập tệp"). */
    writes?: string;
    /** A commune's command (as typed, "tonghop import figures"): a province database is told what to use instead. */
    communeOnly?: string;
  } = {},
): Promise<T> {
  // Every command makes the day's automatic backup and backs up an older database before upgrading it.
  const database = await openDatabase({ ...placeOf(opts), command, create: openOpts.create, ...backupHooks() });
  try {
    if (openOpts.writes && database.readOnly) throw new ReadOnlyError(database.server ?? database.dataDir, openOpts.writes);
    if (openOpts.communeOnly) {
      const refusal = await provinceRefusal(database, openOpts.communeOnly);
      if (refusal) throw refusal;
    }
    return await fn(database);
  } catch (err) {
    // A full disk under the data: PostgreSQL's English text becomes what to do (exit 1). Our own
    // refusals (an export to a full USB stick: FileWriteError) already say where and why.
    throw isRefusal(err) ? err : asDiskFull(err, database);
  } finally {
    await database.close();
  }
}

/** A commune's command on a province database: not "chưa được khởi tạo", but what to use there. */
async function provinceRefusal(database: Database, command: string): Promise<RefusedError | null> {
  const me = await getUnitIdentity(database.db).catch(() => null);
  if (me?.level !== 'province') return null;
  return new RefusedError(
    `Đây là dữ liệu của ${printable(me.name)} (cấp tỉnh), không phải của một xã/phường: lệnh "${command}" này chỉ dùng cho dữ liệu xã/phường. ` +
      'Ở tỉnh hãy dùng "tonghop import bundle TỆP…" để nhận tệp các xã/phường gửi lên, "tonghop status" (hoặc "tonghop status --unit MÃ") để xem tình hình, "tonghop backup" để sao lưu.',
  );
}

const REFUSALS = [
  RefusedError,
  LockedError,
  LockFileError,
  LockWriteError,
  NoDatabaseError,
  NewerDatabaseError,
  MigrationFailedError,
  DamagedDatabaseError,
  DataDirError,
  NotInitialisedError,
  AlreadyInitialisedError,
  DuplicateTeamCodeError,
  FileWriteError,
  BackupError,
  FileRefusedError,
  ImportRefusedError,
  ServerConnectError,
  MigrationBusyError,
  ReadOnlyError,
  DiskFullError,
];

const isRefusal = (err: unknown) => REFUSALS.some((E) => err instanceof E);

/**
 * A writing command whose input is a file: refuse a reader before the file is read (on a server,
 * one look at the role's privileges; the embedded database can always be written).
 */
export async function refuseReader(opts: CommonOptions, command: string, doing: string): Promise<void> {
  if (!placeOf(opts).url) return;
  await withDatabase(opts, command, async () => undefined, { writes: doing });
}

/** A Vietnamese message and exit 1 for refusals; anything else is a bug and shows its stack. */
export function reportError(err: unknown): number {
  // The last word before printing: no password, whatever text carried it.
  // A server's refusal is our own sentence (host, port, user, database, never the password): only
  // URLs are hidden in it, so a password such as "sai" cannot blank out "sai tên người dùng".
  const say = (text: string, ours = false) => process.stderr.write((ours ? redactUrl(text) : redactSecrets(text)) + '\n');
  if (err instanceof UsageError || err instanceof ServerUrlError || err instanceof BadTodayError) {
    say(`Lỗi: ${err.message}`);
    return EXIT_USAGE;
  }
  if (isRefusal(err)) {
    say((err as Error).message, err instanceof ServerConnectError);
    return EXIT_REFUSED;
  }
  if (err instanceof ZodError) {
    say(`Dữ liệu không hợp lệ: ${err.issues.map((i) => i.message).join('; ')}`);
    return EXIT_REFUSED;
  }
  say(`Lỗi không mong đợi: ${(err as Error)?.stack ?? String(err)}`);
  return 70;
}
