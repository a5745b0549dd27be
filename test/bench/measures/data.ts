// Storage-side measurements: save latency per field (on disk), import and export throughput
// (the dashboard's reload is measures/dashboard-app.tsx, in the bundled App). Each returns raw
// samples; run.ts summarises them.
import { enterField } from '../../../src/db/forms.js';
import type { DbHandle } from '../../../src/db/database.js';
import type { Database } from '../../../src/store/open.js';
import type { DbRunner } from '../../../src/db/database.js';
import { listIndicators } from '../../../src/db/unit.js';
import { parsePeriod } from '../../../src/domain/period.js';
import { importFigures } from '../../../src/io/csv/import.js';
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

/** Import the year's wide CSV into a database holding the teams but no forms yet. */
export async function importThroughput(freshTeamsOnly: () => Promise<DbHandle>, csv: string, values: number, runs = 3): Promise<Throughput> {
  const out: Throughput = { valuesPerSecond: [], values: 0 };
  for (let i = 0; i < runs; i++) {
    const pg = await freshTeamsOnly();
    try {
      const t0 = performance.now();
      await importFigures(pg.db, csv, { now: new Date(2027, 0, 15) });
      const s = (performance.now() - t0) / 1000;
      out.valuesPerSecond.push(values / s);
      out.values = values;
    } finally {
      await pg.close();
    }
  }
  return out;
}
