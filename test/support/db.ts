// Databases for tests: loaded from the templates of global-setup into memory, closed after.
import { afterEach, inject } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { type PgliteHandle, openPglite } from '../../src/db/engines/pglite.js';
import type { Database } from '../../src/store/open.js';

const open: PgliteHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close().catch(() => undefined)));
});

async function fromTemplate(kind: 'empty' | 'demo'): Promise<DbRunner> {
  const h = await openPglite(undefined, { fromTar: inject('templates')[kind] });
  open.push(h);
  return h.db;
}

/** A migrated, empty database (no unit, no plan). */
export function emptyDb(): Promise<DbRunner> {
  return fromTemplate('empty');
}

/** The demo commune on the Phù Vân plan, "today" = TEST_NOW. */
export function demoDb(): Promise<DbRunner> {
  return fromTemplate('demo');
}

/** Wrap an in-memory database as the app's Database (no folder, no lock). */
export function asDatabase(db: DbRunner, dataDir = '/nonexistent'): Database {
  return {
    db,
    dataDir,
    checkpoint: async () => {
      await db.exec('CHECKPOINT');
    },
    close: async () => undefined,
  };
}
