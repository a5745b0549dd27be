// Databases for tests: loaded from the templates of global-setup into memory, closed after.
import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import { afterEach, inject } from 'vitest';
import type { Database } from '../../src/db/open.js';
import { PG_OPTIONS } from '../../src/db/open.js';
import type { TxRunner } from '../../src/db/queryable.js';

const open: PGlite[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((pg) => pg.close().catch(() => undefined)));
});

async function fromTemplate(kind: 'empty' | 'demo'): Promise<PGlite> {
  const file = inject('templates')[kind];
  const pg = await PGlite.create({ ...PG_OPTIONS, loadDataDir: new Blob([fs.readFileSync(file)]) });
  open.push(pg);
  return pg;
}

/** A migrated, empty database (no unit, no plan). */
export function emptyDb(): Promise<PGlite> {
  return fromTemplate('empty');
}

/** The demo commune on the Phù Vân plan, "today" = TEST_NOW. */
export function demoDb(): Promise<PGlite> {
  return fromTemplate('demo');
}

/** Wrap an in-memory PGlite as the app's Database (no folder, no lock). */
export function asDatabase(pg: PGlite, dataDir = '/nonexistent'): Database {
  return {
    pg,
    db: pg as unknown as TxRunner,
    dataDir,
    checkpoint: async () => {
      await pg.exec('CHECKPOINT');
    },
    close: async () => undefined,
  };
}
