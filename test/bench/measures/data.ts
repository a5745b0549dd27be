// Storage-side measurements: save latency per field (on disk), import and export throughput
// (the dashboard's reload is measures/dashboard-app.tsx, in the bundled App). Each returns raw
// samples; run.ts summarises them.
import { enterField } from '../../../src/db/forms.js';
import { type Database, openDatabase } from '../../../src/store/open.js';
import type { DbRunner } from '../../../src/db/database.js';
import { listIndicators } from '../../../src/db/unit.js';
import { parsePeriod } from '../../../src/domain/period.js';
import { runImport } from '../../../src/io/csv/import.js';
import { openImportFile } from '../../../src/io/source/read.js';
import { exportFigures } from '../../../src/io/export/figures.js';

export const BENCH_NOW = new Date(2026, 10, 23, 9, 0, 0);

/** One field saved as the entry form saves it: a transaction around enterField, on disk. */
export async function saveLatency(database: Database, saves = 300): Promise<number[]> {
  const inds = (await listIndicators(database.db)).map((i) => i.code);
  const teams = (await database.db.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 50')).rows.map((r) => r.id);
  const samples: number[] = [];
  for (let i = 0; i < saves; i++) {
    const teamId = teams[i % teams.length]!;
    const field = inds[Math.floor(i / teams.length) % inds.length]!;
    const t0 = performance.now();
    await database.db.transaction((tx) => enterField(tx, teamId, '2026-11', field, (i * 7) % 97, '2026-11-23'));
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Home's reloads in the running App (measures/dashboard-app.tsx), ms each. */
export type HomeLooks = {
  /** Nothing changed since the last look: the stored evaluation read whole. */
  same: number[];
  /** Right after one value was saved: that team evaluated again (and stored), the others read. */
  changed: number[];
};

export interface Throughput {
  valuesPerSecond: number[];
  values: number;
}

/** Export the year (wide and long): values written per second. */
export async function exportThroughput(q: DbRunner, runs = 4): Promise<{ wide: Throughput; long: Throughput; csv: string }> {
  const year = parsePeriod('2026')!;
  const out = { wide: { valuesPerSecond: [] as number[], values: 0 }, long: { valuesPerSecond: [] as number[], values: 0 }, csv: '' };
  for (let i = 0; i < runs; i++) {
    for (const format of ['wide', 'long'] as const) {
      const t0 = performance.now();
      const e = await exportFigures(q, year, format);
      const s = (performance.now() - t0) / 1000;
      out[format].valuesPerSecond.push(e.values / s);
      out[format].values = e.values;
      if (format === 'wide') out.csv = e.text;
    }
  }
  return out;
}

/**
 * One figures import as `tonghop import figures FILE` runs it (cli/commands/import.ts): the file
 * opened and read from disk as a stream, checked and written into a data folder on disk in one
 * transaction, then checkpointed and the folder synced. Timed from opening the file to the end of
 * the sync; the program's start (Node, PGlite's open of the folder) and close are left out, so
 * the figure is the process's minus the floor (test/bench/import-disk.ts shows the two agree).
 */
export async function importOnDisk(dataDir: string, file: string): Promise<{ ms: number; cpuMs: number; values: number }> {
  const database = await openDatabase({ dataDir, command: 'bench' });
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const source = await openImportFile(file);
    const r = await runImport(database.db, 'figures', source, { now: IMPORT_NOW });
    await database.checkpoint();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (r.check.kind !== 'figures') throw new Error('not a figures file');
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, values: r.check.values };
  } finally {
    await database.close();
  }
}

/** After the year's received dates (they run to 05/01/2027): the import refuses dates after "today". */
export const IMPORT_NOW = new Date(2027, 0, 15);
