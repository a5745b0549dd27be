import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../../src/db/migrate.js';
import { PG_OPTIONS } from '../../src/db/open.js';
import { setupUnit } from '../../src/db/setup.js';
import { loadPreset } from '../../src/io/presets.js';

/** "Today" in every test that uses the demo: 23/11/2026, so the demo covers 01..10/2026. */
export const TEST_NOW = new Date(2026, 10, 23, 9, 0, 0);

async function dump(pg: PGlite, file: string): Promise<string> {
  const blob = await pg.dumpDataDir('none');
  fs.writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
  return file;
}

export async function buildTemplates(dir: string): Promise<{ empty: string; demo: string }> {
  const pg = await PGlite.create(PG_OPTIONS);
  try {
    await migrate(pg);
    await pg.exec('CHECKPOINT');
    const empty = await dump(pg, path.join(dir, 'empty.tar'));
    await setupUnit(pg, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan', demo: true, now: TEST_NOW });
    await pg.exec('CHECKPOINT');
    const demo = await dump(pg, path.join(dir, 'demo.tar'));
    return { empty, demo };
  } finally {
    await pg.close();
  }
}
