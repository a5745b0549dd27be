// The home screen with data against the floor, in one interleaved loop (#16 item 2): a bare
// PGlite open of the 2,000-team folder, the UI until home shows its data with nothing changed
// since the last look, then one team's figure imported by another process and the UI again.
// Home reads the stored evaluation (db/status-cache.ts), so these are the ratios `status` has.
import fs from 'node:fs';
import path from 'node:path';
import { FLOOR, MAIN, type ProcessRun, runNode, runUi } from './process.js';
import { type Figure, summarise } from './stats.js';

/** What home shows once its data is loaded (the splash and the loading screen do not). */
const HOME_DATA = 'Phiếu đã nhận';

export async function homeStored(root: string, dir: string, runs: number, log: (s: string) => void): Promise<Figure[]> {
  log('UI home with data, 2,000 teams × 11 months: nothing changed / after a change');
  const ok = (r: ProcessRun) => {
    if (r.code !== 0 || !(r.marks.length > 0)) throw new Error(r.output.slice(-2000));
    return r;
  };
  ok(await runUi(dir, [HOME_DATA])); // the first look stores the evaluation
  const floor: number[] = [];
  const same: number[] = [];
  const changed: number[] = [];
  const csv = path.join(root, 'home-one-team.csv');
  for (let i = 0; i < runs; i++) {
    floor.push((await runNode(FLOOR, [path.join(dir, 'pgdata')])).ms);
    same.push(ok(await runUi(dir, [HOME_DATA])).marks[0]!);
    fs.writeFileSync(csv, `ma_to,thang,ho_huong_dan\nT0009,2026-11,${20 + i}\n`);
    const imported = await runNode(MAIN, ['import', 'figures', csv, '--data-dir', dir]);
    if (imported.code !== 0) throw new Error(imported.output);
    changed.push(ok(await runUi(dir, [HOME_DATA])).marks[0]!);
  }
  const f = [...floor].sort((a, b) => a - b)[Math.floor(floor.length / 2)]!;
  return [
    summarise('home', 'floor: bare PGlite open+close (2,000 teams, same loop)', floor),
    summarise('home', 'home with data, nothing changed (2,000 teams × 11 months)', same),
    summarise('home', 'home with data ÷ floor, nothing changed', same.map((ms) => ms / f), { unit: 'x', goalMax: 1.2 }),
    summarise('home', 'home with data, after one team changed', changed),
    summarise('home', 'home with data ÷ floor, after a change', changed.map((ms) => ms / f), { unit: 'x', goalMax: 1.5 }),
  ];
}
