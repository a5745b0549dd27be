// Databases for tests, on the engine of the run: loaded from the templates of global-setup into
// memory (PGlite), or a fresh copy of a template database on the test server; closed after.
import { afterEach, inject } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { type PgliteHandle, openPglite } from '../../src/db/engines/pglite.js';
import type { Database } from '../../src/store/open.js';
import { ON_SERVER, openServerDb } from './server.js';

const open: PgliteHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close().catch(() => undefined)));
});

async function fromTemplate(kind: 'empty' | 'demo'): Promise<DbRunner> {
  if (ON_SERVER) return (await openServerDb(kind)).db;
  return (await pgliteFromTemplate(kind)).db;
}

/** A PGlite in memory whatever the run's engine (tests that cross engines, or PGlite's own). */
export async function pgliteFromTemplate(kind: 'empty' | 'demo'): Promise<PgliteHandle> {
  const h = await openPglite(undefined, { fromTar: inject('templates')[kind] });
  open.push(h);
  return h;
}

/** A migrated, empty database (no unit, no plan). */
export function emptyDb(): Promise<DbRunner> {
  return fromTemplate('empty');
}

/** The demo commune on the Phù Vân plan, "today" = TEST_NOW. */
export function demoDb(): Promise<DbRunner> {
  return fromTemplate('demo');
}

/** Wrap a database as the app's Database (no folder, no lock). */
export function asDatabase(db: DbRunner, dataDir = '/nonexistent'): Database {
  return {
    db,
    dataDir,
    checkpoint: async () => {
      if (!ON_SERVER) await db.exec('CHECKPOINT');
    },
    close: async () => undefined,
  };
}
