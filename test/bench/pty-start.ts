// Spawn → the first frame of the home screen with its data (not the splash, not "Đang tính…"),
// through the shipped bundle in a pseudo-terminal, against the floor of a bare PGlite open of the
// same folder measured in the same loop (floor, UI, floor, UI …), each UI run as a ratio to the
// floor run just before it.
import path from 'node:path';
import { FLOOR, runNode } from './process.js';
import { HOME_DATA, PtyApp } from './pty.js';

export interface StartRun {
  floorMs: number[];
  homeMs: number[];
  ratios: number[];
  peakFloorRssMb: number;
  peakUiRssMb: number;
}

/** Spawn → the home screen's data on the terminal (ms), and the program's peak RSS; the app is then closed. */
export async function homeWithData(dataDir: string, env: Record<string, string> = {}): Promise<{ ms: number; rssMb: number | null }> {
  const app = new PtyApp({ dataDir, env });
  const t = await app.waitFor(HOME_DATA, 60_000);
  await app.close();
  if (t === null) throw new Error(`the home screen never showed its data:\n${app.recent}`);
  return { ms: t - app.spawnedAt, rssMb: app.rssMb };
}

/** `runs` pairs of (floor, home with data); `before` runs ahead of each UI start (e.g. a change). */
export async function startLoop(dataDir: string, runs: number, before?: () => Promise<void>): Promise<StartRun> {
  const out: StartRun = { floorMs: [], homeMs: [], ratios: [], peakFloorRssMb: 0, peakUiRssMb: 0 };
  for (let i = 0; i < runs; i++) {
    if (before) await before();
    const floor = await runNode(FLOOR, [path.join(dataDir, 'pgdata')]);
    if (floor.code !== 0) throw new Error(floor.output);
    const home = await homeWithData(dataDir);
    out.floorMs.push(floor.ms);
    out.homeMs.push(home.ms);
    out.ratios.push(home.ms / floor.ms);
    out.peakFloorRssMb = Math.max(out.peakFloorRssMb, floor.rssMb ?? 0);
    out.peakUiRssMb = Math.max(out.peakUiRssMb, home.rssMb ?? 0);
  }
  return out;
}
