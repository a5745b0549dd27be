// Open the officer's database: take the lock, create it if asked (in a temporary folder renamed
// into place, so an interrupted first run leaves nothing broken), bring the schema up to date,
// keep it on disk (checkpoint), and let a restore swap the folder under a live app. What to do
// before an upgrade and once a day (backups) is passed in as hooks (store/hooks.ts). With a URL
// the database is on a PostgreSQL server instead (store/server.ts: no folder, no lock).
import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle, DbRunner } from '../db/database.js';
import { type PgliteHandle, openPglite } from '../db/engines/pglite.js';
import { migrate, schemaVersion } from '../db/migrate.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../db/migrations/index.js';
import { NoDatabaseError, damaged, databaseExists, ensureDataDir, pgDir, removeLeftovers, resolvedPgDir, templatePath } from './data-folder.js';
import { syncTree } from './durability.js';
import { type Lock, acquireLock } from './lock.js';
import { DiskFullError, OPENING, isDiskFull, noRoomIn } from './disk-full.js';

/** What the CLI and the UI hold: the database, its folder, and keeping it safe. Never the engine. */
export interface Database {
  readonly db: DbRunner;
  /** The data folder; on a server only the local folder whose backups/ takes backups made on demand. */
  readonly dataDir: string;
  /** On a server: where (user@host:port/db, never the password). Undefined for a data folder. */
  readonly server?: string;
  /** On a server, the role may only read (GRANT SELECT): writing commands and keys are refused. */
  readonly readOnly?: boolean;
  /** On a server: call fn when another program changes the data (LISTEN/NOTIFY); returns the way to stop. */
  onChange?(fn: () => void): Promise<() => Promise<void>>;
  /** CHECKPOINT and flush the data folder to disk (after imports, periodically, on close). */
  checkpoint(): Promise<void>;
  /** What the program holding the data does now, for the lock's holder line (a folder only). */
  nowDoing?(command: string): void;
  close(): Promise<void>;
  /**
   * Close the files, run fn while still holding the lock (a restore swaps the data folder in),
   * then open the folder again; `db` follows, and queries made meanwhile wait. Only for a
   * database opened from a folder (not the in-memory ones of tests).
   */
  reopenAfter?<T>(fn: () => Promise<T> | T): Promise<T>;
}

/** What the store may run with the database it opens (the backups: store/hooks.ts). */
export interface OpenHooks {
  /** Before an existing database is upgraded to a newer schema (from = its version): a backup of it as it was. */
  beforeUpgrade?: (db: DbRunner, dataDir: string, from: number) => Promise<void>;
  /**
   * Once per opening, off the start-up path: a few seconds after opening (after the UI's first
   * frames) or, for a command that finishes sooner, when it closes — never before its work.
   * Its failures never break the app (the hook records them).
   */
  daily?: (database: { db: DbRunner; dataDir: string }) => Promise<void>;
  /** Delay before the background daily hook (ms). */
  dailyDelayMs?: number;
}

export interface OpenOptions extends OpenHooks {
  dataDir: string;
  /** A PostgreSQL server's URL (--database-url): the database is there, not in dataDir. */
  url?: string;
  command: string;
  /** Create an empty database if there is none (init, the first-run wizard). */
  create?: boolean;
  /** Tests only: a migration list standing in for MIGRATIONS (to prove the upgrade path). */
  migrations?: readonly Migration[];
}

/** A fresh PGlite costs ~4 s (initdb); the template built at install time loads in ~0.5 s. */
export async function createEngine(dir?: string): Promise<PgliteHandle> {
  const tpl = templatePath();
  return openPglite(dir, fs.existsSync(tpl) ? { fromTar: tpl } : {});
}

async function createInPlace(dataDir: string): Promise<void> {
  const tmp = path.join(dataDir, `pgdata.tmp-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const pg = await createEngine(tmp);
  try {
    await migrate(pg.db);
    await pg.flush();
  } finally {
    await pg.close();
  }
  syncTree(tmp);
  fs.renameSync(tmp, pgDir(dataDir));
}

/** Bring a database's schema up to date (the same on every engine): backup hook, then migrations. */
export async function bringUpToDate(db: DbRunner, opts: Pick<OpenOptions, 'dataDir' | 'migrations' | 'beforeUpgrade'>): Promise<void> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? SCHEMA_VERSION;
  const found = await schemaVersion(db);
  if (found > 0 && found < latest) await opts.beforeUpgrade?.(db, opts.dataDir, found);
  await migrate(db, latest, migrations, found);
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  // The server's driver is loaded only for a server: the embedded start-up path stays as it was.
  if (opts.url) return (await import('./server.js')).openServerDatabase({ ...opts, url: opts.url });
  ensureDataDir(opts.dataDir);
  const lock: Lock = acquireLock(opts.dataDir, opts.command);
  let pg: DbHandle | null = null;
  // The log's end when the files were last known flushed: on opening (before migrations, so an
  // upgrade is flushed) and after each checkpoint. A command that wrote nothing (status) then
  // skips its closing CHECKPOINT and fsync sweep: what it would sync is the previous closing's
  // checkpoint record (its data was synced before) or a killed writer's files, which the OS holds
  // and the next command that writes syncs (syncTree starts from the last complete sweep).
  let flushedAt: string | undefined;
  const open = async (): Promise<DbHandle> => {
    let opened: DbHandle;
    const folder = resolvedPgDir(opts.dataDir); // a linked pgdata: the real folder
    try {
      opened = await openPglite(folder);
      flushedAt = await opened.walPosition?.().catch(() => undefined);
    } catch (e) {
      // A disk already full is not damaged data: say to free space (#10 item 18).
      if (isDiskFull(e) || noRoomIn(folder)) throw new DiskFullError(opts.dataDir, false, e, OPENING);
      throw damaged(opts.dataDir, e);
    }
    try {
      await bringUpToDate(opened.db, opts);
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
  let current: DbHandle = pg;
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
    flushedAt = await current.walPosition?.();
    syncTree(resolvedPgDir(opts.dataDir));
  };
  const closingFlush = async () => {
    const at = await current.walPosition?.().catch(() => undefined);
    if (at === undefined || at !== flushedAt) await checkpoint();
  };

  // The daily hook, off the start-up path.
  let dailyTimer: NodeJS.Timeout | null = null;
  let dailyRun: Promise<void> | null = null;
  const runDaily = (): Promise<void> => {
    if (dailyTimer) clearTimeout(dailyTimer);
    dailyTimer = null;
    dailyRun ??= (opts.daily?.({ db, dataDir: opts.dataDir }) ?? Promise.resolve()).catch(() => undefined);
    return dailyRun;
  };
  if (opts.daily) {
    dailyTimer = setTimeout(() => void runDaily(), opts.dailyDelayMs ?? 3000);
    dailyTimer.unref();
  }

  return {
    db,
    dataDir: opts.dataDir,
    checkpoint,
    nowDoing: (command) => lock.describe(command),
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (opts.daily) await runDaily();
        if (live) {
          await closingFlush();
          await current.close();
        }
      } finally {
        lock.release();
      }
    },
    async reopenAfter<T>(fn: () => Promise<T> | T): Promise<T> {
      if (closed) throw new Error('Cơ sở dữ liệu đã đóng.');
      await dailyRun;
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
