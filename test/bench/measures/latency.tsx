// Keystroke-to-frame latency in the real App (entry form and month grid), rendered with
// ink-testing-library over a 2,000-team database: time from writing a key to stdin until Ink
// writes the next frame. Saves are waited for between keys so a save's own frame is not
// counted as the next key's.
import { render } from 'ink-testing-library';
import type { Database } from '../../../src/store/open.js';
import type { DbRunner } from '../../../src/db/database.js';
import { getTeamByCode } from '../../../src/db/teams.js';
import { App, loadSettings } from '../../../src/ui/App.js';
import type { Screen } from '../../../src/ui/context.js';
import { whenSaved } from '../../../src/ui/saveQueue.js';
import { teamCode } from '../fixtures.js';

const NOW = new Date(2026, 10, 23, 9, 0, 0);

function asDatabase(db: DbRunner): Database {
  return { db, dataDir: '/bench', checkpoint: async () => undefined, close: async () => undefined };
}

async function mount(pg: DbRunner, screen: Screen, ready: string) {
  const database = asDatabase(pg);
  const settings = await loadSettings(database);
  const r = render(<App database={database} settings={settings} initialScreen={screen} now={() => NOW} onExit={() => undefined} />);
  let waiter: (() => void) | null = null;
  const write = r.stdout.write;
  r.stdout.write = (frame: string) => {
    write(frame);
    const w = waiter;
    waiter = null;
    w?.();
  };
  const start = Date.now();
  while (!(r.lastFrame() ?? '').includes(ready)) {
    if (Date.now() - start > 20_000) throw new Error(`screen not ready: ${ready}\n${r.lastFrame()}`);
    await new Promise((res) => setTimeout(res, 10));
  }
  const idle = async () => {
    await whenSaved(pg);
    await new Promise((res) => setTimeout(res, 3));
  };
  /** Press a key; resolve with the ms until the next frame (NaN if none came within 2 s). */
  const press = async (key: string): Promise<number> => {
    await idle();
    const frame = new Promise<void>((res) => (waiter = res));
    const t0 = performance.now();
    r.stdin.write(key);
    const timeout = new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 2000));
    const got = await Promise.race([frame, timeout]);
    waiter = null;
    return got === 'timeout' ? NaN : performance.now() - t0;
  };
  return { press, unmount: () => r.unmount(), idle };
}

/** A paper form typed in full (digits, Enter per field) for several teams. */
export async function entryLatency(pg: DbRunner, teams = 6): Promise<number[]> {
  const samples: number[] = [];
  for (let t = 0; t < teams; t++) {
    const team = (await getTeamByCode(pg, teamCode(100 + t)))!;
    const ui = await mount(pg, { name: 'entry', month: '2026-11', teamId: team.id }, 'Ngày nhận phiếu');
    for (let field = 0; field < 13; field++) {
      for (const d of String(10 + ((field * 7 + t) % 90))) samples.push(await ui.press(d));
      samples.push(await ui.press('\r'));
    }
    await ui.idle();
    ui.unmount();
  }
  return samples.filter((x) => !Number.isNaN(x));
}

/** Moving and editing in the month grid of 2,000 teams. */
export async function gridLatency(pg: DbRunner, rounds = 40): Promise<number[]> {
  const ui = await mount(pg, { name: 'grid', month: '2026-10' }, 'dòng 1/');
  const samples: number[] = [];
  const keys = ['\x1b[B', '\x1b[C', '4', '2', '\r', '\x1b[D', '\x1b[B', '\x1b[6~'];
  for (let i = 0; i < rounds; i++) for (const k of keys) samples.push(await ui.press(k));
  await ui.idle();
  ui.unmount();
  return samples.filter((x) => !Number.isNaN(x));
}
