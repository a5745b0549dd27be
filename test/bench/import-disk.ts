// The figures import as the officer feels it (#16 item 3): the 2,000-team year's wide file
// imported into a data folder on disk holding the teams only, as `tonghop import figures` does it
// (read as a stream, one transaction, checkpoint and sync). Three runs in one loop, each on a
// fresh copy of the folder:
// - in a child process of its own, timed from opening the file to the end of the sync
//   (measures/data.ts importOnDisk: the goal's figure, its JIT as cold as the program's);
// - the floor: a bare PGlite open + close of the same folder (Node's start, PGlite's open);
// - the shipped program itself (`tonghop import figures FILE --data-dir …`), spawn → exit.
// Process − floor ÷ in process shows the in-process figure is the program's minus its start.
import fs from 'node:fs';
import path from 'node:path';
import { syncTree } from '../../src/store/durability.js';
import { FLOOR, MAIN, type ProcessRun, runNode } from './process.js';
import { type Figure, summarise } from './stats.js';

export interface ImportDiskOptions {
  runs: number;
  log: (s: string) => void;
  /** One in-process import in a child (run.ts's measure child: 'import-disk' dataDir file). */
  child: (args: string[]) => Promise<{ ms: number; cpuMs: number; values: number; rssMb: number }>;
}

/**
 * A fresh copy of the teams-only data folder, synced to disk as the last command leaves the
 * officer's folder (outside the timing): the import's closing sync then flushes what the import
 * wrote, not the copy's 60 MB still in the OS cache.
 */
function freshCopy(teams: string, to: string): string {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(teams, to, { recursive: true });
  syncTree(path.join(to, 'pgdata'));
  return to;
}

const ok = (r: ProcessRun, what: string) => {
  if (r.code !== 0) throw new Error(`${what}: exit ${r.code}\n${r.output.slice(-1500)}`);
  return r;
};

/** teams: the teams-only data folder (dir/pgdata); csv: the year's wide figures file. */
export async function importOnDiskFigures(teams: string, csv: string, opts: ImportDiskOptions): Promise<Figure[]> {
  const root = path.dirname(teams);
  // The year's received dates run to 05/01/2027: "today" after them, or the import refuses them.
  const today = process.env.TONGHOP_TODAY;
  process.env.TONGHOP_TODAY = '2027-01-15';
  try {
    // The first command of the day writes the daily automatic backup (at exit): done once on the
    // folder copied, or each program run would also back up what it imported.
    ok(await runNode(MAIN, ['status', '--data-dir', teams]), 'status');
    const inProcess: { ms: number; cpuMs: number; values: number; rssMb: number }[] = [];
    const floor: ProcessRun[] = [];
    const program: ProcessRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      opts.log(`figures import on disk: run ${i + 1}/${opts.runs} (in process, floor, the program)`);
      inProcess.push(await opts.child([freshCopy(teams, path.join(root, 'import-in')), csv]));
      const dir = freshCopy(teams, path.join(root, 'import-program'));
      floor.push(ok(await runNode(FLOOR, [path.join(dir, 'pgdata')]), 'floor'));
      // The floor's open + close left the folder as the program finds it (no forms: the same work).
      program.push(ok(await runNode(MAIN, ['import', 'figures', csv, '--data-dir', dir]), 'import'));
    }
    fs.rmSync(path.join(root, 'import-in'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'import-program'), { recursive: true, force: true });
    const values = inProcess[0]!.values;
    const label = values.toLocaleString('en-US');
    const peak = (rs: { rssMb: number | null }[]) => Math.max(...rs.map((r) => r.rssMb ?? 0));
    return [
      summarise('files', `import wide (new forms), in process, data folder on disk: ${label} values`, inProcess.map((r) => values / (r.ms / 1000)), {
        unit: 'values/s',
        goalMin: 100_000,
        peakRssMb: peak(inProcess),
        note: `CPU ${(inProcess.map((r) => r.cpuMs).sort((a, b) => a - b)[Math.floor(inProcess.length / 2)]! / 1000).toFixed(2)} s an import (median)`,
      }),
      summarise('files', 'the same import, the program (spawn → exit)', program.map((r) => r.ms), { peakRssMb: peak(program) }),
      summarise('files', 'floor: bare PGlite open+close of that folder (same loop)', floor.map((r) => r.ms), { peakRssMb: peak(floor) }),
      summarise('files', '(program − floor) ÷ in process (same loop)', program.map((r, i) => (r.ms - floor[i]!.ms) / inProcess[i]!.ms), { unit: 'x' }),
    ];
  } finally {
    if (today === undefined) delete process.env.TONGHOP_TODAY;
    else process.env.TONGHOP_TODAY = today;
  }
}
