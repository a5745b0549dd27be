// Opening the database for a command and turning known failures into exit codes.
import { ZodError } from 'zod';
import { BadTodayError } from '../clock.js';
import { FileWriteError } from '../io/file-write.js';
import { LockedError } from '../store/lock.js';
import { MigrationFailedError, NewerDatabaseError } from '../db/migrate.js';
import { backupHooks } from '../store/hooks.js';
import { type Database, openDatabase } from '../store/open.js';
import { DamagedDatabaseError, DataDirError, NoDatabaseError } from '../store/data-folder.js';
import { AlreadyInitialisedError } from '../db/setup.js';
import { DuplicateTeamCodeError } from '../db/teams.js';
import { NotInitialisedError } from '../db/unit.js';
import { BackupError } from '../io/backup/format.js';
import { FileRefusedError, ImportRefusedError } from '../io/csv/problems.js';
import { resolveDataDir } from '../paths.js';
import { EXIT_REFUSED, EXIT_USAGE, RefusedError, UsageError } from './errors.js';

export interface CommonOptions {
  dataDir?: string;
}

export async function withDatabase<T>(
  opts: CommonOptions,
  command: string,
  fn: (db: Database) => Promise<T>,
  openOpts: { create?: boolean } = {},
): Promise<T> {
  // Every command makes the day's automatic backup and backs up an older database before upgrading it.
  const database = await openDatabase({ dataDir: resolveDataDir(opts.dataDir), command, create: openOpts.create, ...backupHooks() });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const REFUSALS = [
  RefusedError,
  LockedError,
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
];

/** A Vietnamese message and exit 1 for refusals; anything else is a bug and shows its stack. */
export function reportError(err: unknown): number {
  if (err instanceof UsageError || err instanceof BadTodayError) {
    process.stderr.write(`Lỗi: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (REFUSALS.some((E) => err instanceof E)) {
    process.stderr.write(`${(err as Error).message}\n`);
    return EXIT_REFUSED;
  }
  if (err instanceof ZodError) {
    process.stderr.write(`Dữ liệu không hợp lệ: ${err.issues.map((i) => i.message).join('; ')}\n`);
    return EXIT_REFUSED;
  }
  process.stderr.write(`Lỗi không mong đợi: ${(err as Error)?.stack ?? String(err)}\n`);
  return 70;
}
