// Opening the database for a command and turning known failures into exit codes. The error
// classes a failure is sorted by (refusals.ts) load only when a command fails: they pull in the
// modules that throw them (schemas, setup, backup format…), which a `status` that succeeds never needs.
import { backupHooks } from '../store/hooks.js';
import { type Database, openDatabase } from '../store/open.js';
import { resolveDataDir } from '../paths.js';
import { getUnitIdentity } from '../db/unit-level.js';
import { printable } from '../domain/text.js';
import { ReadOnlyError } from '../store/read-only.js';
import { asDiskFull } from '../store/disk-full.js';
import { RefusedError, UsageError } from './errors.js';

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
    throw (await import('./refusals.js')).isRefusal(err) ? err : asDiskFull(err, database);
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

/**
 * A writing command whose input is a file: refuse a reader before the file is read (on a server,
 * one look at the role's privileges; the embedded database can always be written).
 */
export async function refuseReader(opts: CommonOptions, command: string, doing: string): Promise<void> {
  if (!placeOf(opts).url) return;
  await withDatabase(opts, command, async () => undefined, { writes: doing });
}
