// Restore: check the file, build a NEW data folder from it next to the current one (the current
// database is not touched while this runs), then swap it in, keeping the replaced folder aside
// as pgdata.replaced-<time> — never deleted.
import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle } from '../db/database.js';
import { openPglite } from '../db/engines/pglite.js';
import { LoadMismatchError, loadTables } from '../db/dump.js';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../db/migrations/index.js';
import { pad2 } from '../domain/text.js';
import { BackupError, type BackupHeader, type ParsedBackup, corrupt } from '../io/backup/format.js';
import { readBackup } from '../io/backup/read.js';
import { fsyncDir, fsyncPath } from '../io/file-write.js';
import { RESTORE_READY, pgDir } from './data-folder.js';
import { forgetSynced, syncTree } from './durability.js';
import { acquireLock } from './lock.js';
import { createEngine } from './open.js';

/** Read and check a backup file (exists, is ours, whole, not from a newer version, not a bomb). */
export async function readBackupFile(file: string): Promise<ParsedBackup> {
  return readBackup(file);
}

export interface PreparedRestore {
  file: string;
  header: BackupHeader;
  /** The new data folder, complete and flushed, not yet in place. */
  folder: string;
  ms: number;
}

export interface RestoreOptions {
  /** Tests: a synthetic migration list, to prove an older backup is migrated up. */
  migrations?: readonly Migration[];
}

/**
 * Build the database of a backup in <dataDir>/pgdata.tmp-restore-…: a backup of the current schema
 * loads into the install-time template; an older one into a fresh database at its own schema
 * version, then the migrations run on the restored rows, exactly as they would have at the
 * officer's. A leftover folder of a killed restore is removed by the next openDatabase.
 */
export async function prepareRestore(dataDir: string, file: string, opts: RestoreOptions = {}): Promise<PreparedRestore> {
  const t0 = Date.now();
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const backup = await readBackupFile(file);
  if (backup.header.schema > latest) throw new BackupError('newer', `Bản sao lưu "${file}" thuộc lược đồ số ${backup.header.schema}, mới hơn chương trình này (số ${latest}). Hãy cập nhật tonghop rồi khôi phục.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const folder = path.join(dataDir, `pgdata.tmp-restore-${process.pid}-${Date.now()}`);
  let pg: DbHandle | null = null;
  try {
    const current = backup.header.schema === SCHEMA_VERSION && migrations === MIGRATIONS;
    pg = current ? await createEngine(folder) : await openPglite(folder);
    const db = pg.db;
    if (!current) await migrate(db, backup.header.schema, migrations);
    await db.transaction((tx) => loadTables(tx, backup.sections, backup.header.schema));
    await migrate(db, latest, migrations);
    await pg.flush();
    await pg.close();
    pg = null;
    syncTree(folder);
    // Complete: if we are killed while swapping, the next start finishes the swap (data-folder.ts: removeLeftovers).
    fs.writeFileSync(path.join(folder, RESTORE_READY), new Date().toISOString());
    fsyncPath(path.join(folder, RESTORE_READY)); // a power cut must not lose the mark of a finished restore
    fsyncDir(folder);
  } catch (e) {
    if (pg) await pg.close().catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
    if (e instanceof BackupError) throw e;
    if (e instanceof LoadMismatchError) throw corrupt(file, e.message);
    throw corrupt(file, `cơ sở dữ liệu không nhận: ${(e as Error).message}`);
  }
  return { file, header: backup.header, folder, ms: Date.now() - t0 };
}

function stamp(d: Date): string {
  return `${d.getFullYear()}${pad2(d.getMonth() + 1)}${pad2(d.getDate())}-${pad2(d.getHours())}${pad2(d.getMinutes())}${pad2(d.getSeconds())}`;
}

/**
 * Put a prepared folder in place of pgdata; the old one becomes pgdata.replaced-<time>. The caller
 * holds the lock and has closed the database. Returns the replaced folder (null if there was none).
 */
export function swapIn(dataDir: string, prepared: PreparedRestore, now: Date = new Date()): string | null {
  const live = pgDir(dataDir);
  let replaced: string | null = null;
  if (fs.existsSync(live)) {
    replaced = path.join(dataDir, `pgdata.replaced-${stamp(now)}`);
    for (let i = 2; fs.existsSync(replaced); i++) replaced = path.join(dataDir, `pgdata.replaced-${stamp(now)}-${i}`);
    fs.renameSync(live, replaced);
  }
  try {
    fs.renameSync(prepared.folder, live);
  } catch (e) {
    if (replaced) fs.renameSync(replaced, live); // put the old one back: never leave no database
    throw e;
  }
  fs.rmSync(path.join(live, RESTORE_READY), { force: true });
  fsyncDir(dataDir);
  forgetSynced(live);
  return replaced;
}

export interface RestoreResult extends PreparedRestore {
  replaced: string | null;
}

/** The command line's restore: take the lock (no database open), build, swap. */
export async function restoreBackup(dataDir: string, file: string, opts: RestoreOptions & { now?: Date } = {}): Promise<RestoreResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir, 'tonghop restore');
  try {
    const prepared = await prepareRestore(dataDir, file, opts);
    try {
      return { ...prepared, replaced: swapIn(dataDir, prepared, opts.now) };
    } catch (e) {
      fs.rmSync(prepared.folder, { recursive: true, force: true });
      throw e;
    }
  } finally {
    lock.release();
  }
}
