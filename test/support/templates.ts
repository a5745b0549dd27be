import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../../src/db/migrate.js';
import type { PgliteHandle } from '../../src/db/engines/pglite.js';
import { createEngine } from '../../src/store/open.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { pgDir } from '../../src/store/data-folder.js';
import { syncTree } from '../../src/store/durability.js';
import { setupUnit } from '../../src/db/setup.js';
import { loadPreset } from '../../src/io/presets.js';

/** "Today" in every test that uses the demo: 23/11/2026, so the demo covers 01..10/2026. */
export const TEST_NOW = new Date(2026, 10, 23, 9, 0, 0);

async function dump(pg: PgliteHandle, file: string): Promise<string> {
  fs.writeFileSync(file, await pg.dumpTar());
  return file;
}

/**
 * From the install-time template (dist/template, rebuilt by global-setup when the migrations
 * changed), as the program creates a database: no initdb (~4 s) per project of each run.
 */
export async function buildTemplates(dir: string): Promise<{ empty: string; demo: string }> {
  const pg = await createEngine();
  try {
    await migrate(pg.db);
    await pg.db.exec('CHECKPOINT');
    const empty = await dump(pg, path.join(dir, 'empty.tar'));
    await setupUnit(pg.db, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan', demo: true, now: TEST_NOW });
    await pg.db.exec('CHECKPOINT');
    const demo = await dump(pg, path.join(dir, 'demo.tar'));
    return { empty, demo };
  } finally {
    await pg.close();
  }
}

/**
 * Each template as a data folder, opened once, checkpointed, closed and flushed: what
 * support/datadir copies for a test. Once per run here instead of once per test file in the
 * workers (~1.8 s of PGlite CPU under load each time). Read only: every test gets a copy.
 */
export async function extractFolders(dir: string, tars: { empty: string; demo: string }): Promise<{ empty: string; demo: string }> {
  const out = { empty: path.join(dir, 'folder-empty'), demo: path.join(dir, 'folder-demo') };
  for (const kind of ['empty', 'demo'] as const) {
    fs.mkdirSync(out[kind]);
    const pg = await openPglite(pgDir(out[kind]), { fromTar: tars[kind] });
    await pg.db.exec('CHECKPOINT');
    await pg.close();
    syncTree(pgDir(out[kind])); // its marker, copied with the files' times, spares each copy a full flush
  }
  return out;
}
