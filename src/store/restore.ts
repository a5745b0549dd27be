// Restore: check the file, build a NEW data folder from it next to the current one (the current
// database is not touched while this runs), then swap it in, keeping the replaced folder aside
// as pgdata.replaced-<time> — never deleted.
import { cutUndoHistory } from '../db/import-batches.js';
import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle } from '../db/database.js';
import { openPglite } from '../db/engines/pglite.js';
import { LoadMismatchError, loadTables } from '../db/dump.js';
import { migrate } from '../db/migrate.js';
import { listReceived, openUnitDb } from '../db/province.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../db/migrations/index.js';
import { pad2, printable } from '../domain/text.js';
import { BackupError, type BackupHeader, type ParsedBackup, corrupt } from '../io/backup/format.js';
import { readBackup } from '../io/backup/read.js';
import { getMachineSettings, getUnit, replaceMachineSettings } from '../db/unit.js';
import { checkBackupText, checkRestoredRows } from './restore-checks.js';
import { fsyncDir, fsyncPath, writeFileAtomic } from '../io/file-write.js';
import { RESTORE_READY, databaseExists, pgDir, resolvedPgDir } from './data-folder.js';
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
  /** The commune the restored rows hold (read from them, not from the header, which the checksum does not cover). */
  unit: string | null;
  ms: number;
}

export interface RestoreOptions {
  /** Tests: a synthetic migration list, to prove an older backup is migrated up. */
  migrations?: readonly Migration[];
  /** This computer's folder settings (getMachineSettings): kept, whatever the backup holds. */
  machineSettings?: Record<string, string>;
  /** The backup already read and checked (restoreBackup reads it before opening anything). */
  backup?: ParsedBackup;
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
  const backup = opts.backup ?? (await readBackupFile(file));
  if (backup.header.schema > latest) throw new BackupError('newer', `Bản sao lưu "${file}" thuộc lược đồ số ${backup.header.schema}, mới hơn chương trình này (số ${latest}). Hãy cập nhật tonghop rồi khôi phục.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const folder = path.join(dataDir, `pgdata.tmp-restore-${process.pid}-${Date.now()}`);
  let pg: DbHandle | null = null;
  let unit: string | null = backup.header.unit;
  try {
    const current = backup.header.schema === SCHEMA_VERSION && migrations === MIGRATIONS;
    pg = current ? await createEngine(folder) : await openPglite(folder);
    const db = pg.db;
    if (!current) await migrate(db, backup.header.schema, migrations);
    checkBackupText(backup.sections, file);
    await db.transaction((tx) => loadTables(tx, backup.sections, backup.header.schema));
    await migrate(db, latest, migrations);
    if (migrations === MIGRATIONS) {
      await checkRestoredRows(db, file);
      // A province's received communes read back the same way, each through its own schema.
      for (const r of await listReceived(db)) await checkRestoredRows(await openUnitDb(db, r.code), file, { received: true });
      unit = (await getUnit(db))?.name ?? null;
      await db.transaction((tx) => replaceMachineSettings(tx, opts.machineSettings ?? {}));
      // Undo never crosses a restore: `u` cannot reach back into the restored history (a server's
      // restore loads these very rows, so it gets the same floor).
      await db.transaction((tx) => cutUndoHistory(tx));
    }
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
  return { file, header: backup.header, folder, unit, ms: Date.now() - t0 };
}

function stamp(d: Date): string {
  return `${d.getFullYear()}${pad2(d.getMonth() + 1)}${pad2(d.getDate())}-${pad2(d.getHours())}${pad2(d.getMinutes())}${pad2(d.getSeconds())}`;
}

/** A prepared restore the officer decided against: its folder goes (nothing else was touched). */
export function discardPrepared(prepared: PreparedRestore): void {
  fs.rmSync(prepared.folder, { recursive: true, force: true });
}

/** Move pgdata aside as pgdata.replaced-<time> (never deleted); its new path, or null if there was none. */
export function keepAside(dataDir: string, now: Date): string | null {
  const live = pgDir(dataDir);
  if (!fs.existsSync(live)) return null;
  let aside = path.join(dataDir, `pgdata.replaced-${stamp(now)}`);
  for (let i = 2; fs.existsSync(aside); i++) aside = path.join(dataDir, `pgdata.replaced-${stamp(now)}-${i}`);
  fs.renameSync(live, aside);
  return aside;
}

/** What `restore --undo` brings back: the folder the last restore replaced. */
export const LAST_RESTORE_FILE = 'tonghop-restore-undo.json';

export interface LastRestore {
  /** The folder that restore replaced (pgdata.replaced-<time>). */
  replaced: string;
  /** The backup restored. */
  file: string;
  at: string;
}

/** Called once a restore is in place (command line and UI alike). */
export function rememberRestore(dataDir: string, last: LastRestore): void {
  writeFileAtomic(path.join(dataDir, LAST_RESTORE_FILE), JSON.stringify(last));
}

/**
 * Put a prepared folder in place of pgdata; the old one becomes pgdata.replaced-<time>. The caller
 * holds the lock and has closed the database. Returns the replaced folder (null if there was none).
 */
export function swapIn(dataDir: string, prepared: PreparedRestore, now: Date = new Date()): string | null {
  const live = pgDir(dataDir);
  const replaced = keepAside(dataDir, now);
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

/** A backup of another commune (the rows say so): refused unless the officer insists (--force, or yes in the UI). */
export class OtherUnitError extends BackupError {
  constructor(
    file: string,
    public readonly backupUnit: string,
    public readonly currentUnit: string,
  ) {
    super(
      'other-unit',
      `Bản sao lưu "${file}" là dữ liệu của ${printable(backupUnit)}, còn dữ liệu đang dùng là của ${printable(currentUnit)}. ` +
        `Không có gì bị thay đổi. Nếu đúng là muốn thay dữ liệu của ${printable(currentUnit)} bằng bản của ${printable(backupUnit)}, hãy chạy lại lệnh với --force (dữ liệu hiện tại vẫn được giữ lại).`,
    );
  }
}

/** Same commune? Case, spacing and composition aside; a different diacritic is a different name. */
export function sameUnit(a: string, b: string): boolean {
  const norm = (x: string) => x.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

/** The commune and folder settings of the database now in the folder (null if none, or it does not open). */
async function currentDatabase(dataDir: string): Promise<{ unit: string | null; machineSettings: Record<string, string> } | null> {
  if (!databaseExists(dataDir)) return null;
  let pg: DbHandle | null = null;
  try {
    pg = await openPglite(resolvedPgDir(dataDir));
    return { unit: (await getUnit(pg.db))?.name ?? null, machineSettings: await getMachineSettings(pg.db) };
  } catch {
    return null; // damaged (the very case restore is for): nothing to compare with
  } finally {
    await pg?.close().catch(() => undefined);
  }
}

/** The command line's restore: take the lock (no database open), build, check the commune, swap, remember for --undo. */
export async function restoreBackup(dataDir: string, file: string, opts: RestoreOptions & { now?: Date; force?: boolean } = {}): Promise<RestoreResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir, 'tonghop restore');
  try {
    // The file first: a bomb or a wrong file is refused before the current database is even opened
    // (opening it costs ~300 MB of memory the refusal does not need).
    const backup = await readBackupFile(file);
    const live = await currentDatabase(dataDir);
    const prepared = await prepareRestore(dataDir, file, { ...opts, backup, machineSettings: opts.machineSettings ?? live?.machineSettings });
    try {
      if (!opts.force && live?.unit && prepared.unit && !sameUnit(live.unit, prepared.unit)) throw new OtherUnitError(file, prepared.unit, live.unit);
      const replaced = swapIn(dataDir, prepared, opts.now);
      if (replaced) rememberRestore(dataDir, { replaced, file, at: (opts.now ?? new Date()).toISOString() });
      return { ...prepared, replaced };
    } catch (e) {
      fs.rmSync(prepared.folder, { recursive: true, force: true });
      throw e;
    }
  } finally {
    lock.release();
  }
}
