// Open the officer's database: take the lock, create it if asked (in a temporary folder renamed
// into place, so an interrupted first run leaves nothing broken), bring the schema up to date.
import { PGlite, types } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATE_DIR } from '../paths.js';
import { syncTree } from './durability.js';
import { type Lock, acquireLock } from './lock.js';
import { migrate } from './migrate.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import type { TxRunner } from './queryable.js';

/** Dates come back as 'YYYY-MM-DD' text: no time zone can shift them. */
export const PG_OPTIONS = { parsers: { [types.DATE]: (v: string) => v } };

export class NoDatabaseError extends Error {
  constructor(public readonly dataDir: string) {
    super(`Chưa có dữ liệu trong thư mục ${dataDir}. Hãy chạy "tonghop init --plan <mã kế hoạch> --unit "<tên xã/phường>"" hoặc mở "tonghop" để tạo mới.`);
  }
}

export interface Database {
  readonly pg: PGlite;
  readonly db: TxRunner;
  readonly dataDir: string;
  /** CHECKPOINT and flush the data folder to disk (after imports, periodically, on close). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
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
export async function createPg(dir?: string): Promise<PGlite> {
  const tpl = templatePath();
  if (fs.existsSync(tpl)) {
    const blob = new Blob([fs.readFileSync(tpl)]);
    return PGlite.create(dir, { ...PG_OPTIONS, loadDataDir: blob });
  }
  return PGlite.create(dir, PG_OPTIONS);
}

async function createInPlace(dataDir: string): Promise<void> {
  const tmp = path.join(dataDir, `pgdata.tmp-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const pg = await createPg(tmp);
  try {
    await migrate(pg);
    await pg.exec('CHECKPOINT');
  } finally {
    await pg.close();
  }
  syncTree(tmp);
  fs.renameSync(tmp, pgDir(dataDir));
}

function removeLeftovers(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith('pgdata.tmp-')) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

export interface OpenOptions {
  dataDir: string;
  command: string;
  /** Create an empty database if there is none (init, the first-run wizard). */
  create?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const lock: Lock = acquireLock(opts.dataDir, opts.command);
  let pg: PGlite | null = null;
  try {
    removeLeftovers(opts.dataDir);
    if (!databaseExists(opts.dataDir)) {
      if (!opts.create) throw new NoDatabaseError(opts.dataDir);
      await createInPlace(opts.dataDir);
    }
    pg = await PGlite.create(pgDir(opts.dataDir), PG_OPTIONS);
    await migrate(pg);
  } catch (e) {
    if (pg) await pg.close().catch(() => undefined);
    lock.release();
    throw e;
  }
  const opened = pg;
  let closed = false;
  const checkpoint = async () => {
    await opened.exec('CHECKPOINT');
    syncTree(pgDir(opts.dataDir));
  };
  return {
    pg: opened,
    db: opened as unknown as TxRunner,
    dataDir: opts.dataDir,
    checkpoint,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await checkpoint();
        await opened.close();
      } finally {
        lock.release();
      }
    },
  };
}
