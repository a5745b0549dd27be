// Databases for tests, on the engine of the run: loaded from the templates of global-setup into
// memory (PGlite), or a fresh copy of a template database on the test server; closed after.
// A PGlite a test took is given to the file's next test put back as loaded (db-reuse.ts).
import { afterAll, afterEach, expect, inject } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { type PgliteHandle, openPglite } from '../../src/db/engines/pglite.js';
import type { Database } from '../../src/store/open.js';
import { whenSaved } from '../../src/ui/saveQueue.js';
import { type Pristine, capture, putBack } from './db-reuse.js';
import { ON_SERVER, openServerDb } from './server.js';

const open: PgliteHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close().catch(() => undefined)));
});

interface Kept {
  h: PgliteHandle;
  kind: 'empty' | 'demo';
  pristine: Pristine;
  taken: boolean;
}
const kept: Kept[] = [];
afterEach(async () => {
  // The screens' saves of the test that ended land before its database is given again.
  await Promise.all(kept.filter((k) => k.taken).map((k) => whenSaved(k.h.db).catch(() => undefined)));
  for (const k of kept) k.taken = false;
});
afterAll(async () => {
  await Promise.all(kept.splice(0).map((k) => k.h.close().catch(() => undefined)));
});

/** Inside a test: a database of the file's, put back as loaded (or a new one). Outside: as before. */
async function reusedPglite(kind: 'empty' | 'demo'): Promise<DbRunner> {
  if (!expect.getState().currentTestName) return (await pgliteFromTemplate(kind)).db;
  for (const k of kept.filter((x) => x.kind === kind && !x.taken)) {
    kept.splice(kept.indexOf(k), 1);
    if (await putBack(k.h.db, k.pristine)) {
      k.taken = true;
      kept.push(k);
      return k.h.db;
    }
    await k.h.close().catch(() => undefined);
  }
  const h = await openPglite(undefined, { fromTar: inject('templates')[kind] });
  kept.push({ h, kind, pristine: await capture(h.db), taken: true });
  return h.db;
}

async function fromTemplate(kind: 'empty' | 'demo'): Promise<DbRunner> {
  if (ON_SERVER) return (await openServerDb(kind)).db;
  return reusedPglite(kind);
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
