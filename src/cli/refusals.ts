// Which failures are the officer's to fix (a Vietnamese message, exit 1) and which are bugs (the
// stack, exit 70). Loaded only when a command fails (context.ts, run.ts): these classes come with
// the modules that throw them, which a command that succeeds need not load.
import { ZodError } from 'zod';
import { BadTodayError } from '../clock.js';
import { FileWriteError } from '../io/file-write.js';
import { LockFileError, LockWriteError, LockedError } from '../store/lock.js';
import { MigrationFailedError, NewerDatabaseError } from '../db/migrate.js';
import { DamagedDatabaseError, DataDirError, NoDatabaseError } from '../store/data-folder.js';
import { AlreadyInitialisedError } from '../db/setup.js';
import { DuplicateTeamCodeError } from '../db/teams.js';
import { NotInitialisedError } from '../db/unit.js';
import { BackupError } from '../io/backup/format.js';
import { FileRefusedError, ImportRefusedError } from '../io/csv/problems.js';
import { ServerConnectError } from '../db/engines/server-errors.js';
import { ServerUrlError, redactSecrets, redactUrl } from '../db/engines/server-url.js';
import { MigrationBusyError } from '../db/locks.js';
import { ReadOnlyError } from '../store/read-only.js';
import { DiskFullError } from '../store/disk-full.js';
import { EXIT_REFUSED, EXIT_USAGE, RefusedError, UsageError } from './errors.js';

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

export const isRefusal = (err: unknown) => REFUSALS.some((E) => err instanceof E);

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
