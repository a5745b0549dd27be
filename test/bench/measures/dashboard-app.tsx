// The dashboard row of `npm run bench`: home's reload as the running program does it, not a
// stand-in. scripts/bundle.mjs bundles this file like the shipped program (Ink's frame caches kept
// across frames, string-width remembered, React's production build), and it mounts the real App
// with the program's render options (run.tsx: throttled at 60 frames a second, incremental
// output off) on a terminal of 80×24. A reload is the App's own: the database says another
// program changed the data (onChange, a server's NOTIFY), the App bumps its data version, home
// loads its model (useHome → loadHomeModel, storing as a writing role does), React re-renders,
// Ink lays out and writes the frame. Timed from the change to the frame with the new model.
//
// `node dist/bench-bundle/dashboard-app.js disk|tar WHERE` prints one JSON line: { same, changed, rssMb }.
// (Before, the row timed renderToString of HomeView from dist/: a new React root and Ink's
// per-frame caches, without the bundle's — about 8× the shipped renderer's time for the demo.)
import { render } from 'ink';
import { EventEmitter } from 'node:events';
import type { DbRunner } from '../../../src/db/database.js';
import { openPglite } from '../../../src/db/engines/pglite.js';
import { enterField } from '../../../src/db/forms.js';
import { migrate } from '../../../src/db/migrate.js';
import { lastFinishedMonth } from '../../../src/domain/period.js';
import { type Database, openDatabase } from '../../../src/store/open.js';
import { App, loadSettings } from '../../../src/ui/App.js';
import { loadFirstLook, shownAsOf } from '../../../src/ui/home/model.js';
import { BENCH_NOW, type HomeLooks } from './data.js';

class Terminal extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  bytes = 0;
  write = (s: string) => ((this.bytes += s.length), true);
}

class Keyboard extends EventEmitter {
  isTTY = true;
  read = () => null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** The database with its calls counted and a change notice the bench can send (as a server's NOTIFY does). */
function watched(database: Omit<Database, 'onChange'>) {
  const listeners = new Set<() => void>();
  const count = { queries: 0 };
  const db = new Proxy(database.db, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof v !== 'function') return v; // query, exec, copyRows, transaction
      return (...args: unknown[]) => (count.queries++, (v as (...a: unknown[]) => unknown).apply(target, args));
    },
  }) as DbRunner;
  const watchedDb: Database = {
    ...database,
    db,
    onChange: async (fn) => (listeners.add(fn), async () => void listeners.delete(fn)),
  };
  return { database: watchedDb, count, changed: () => listeners.forEach((fn) => fn()) };
}

async function open(kind: string, where: string): Promise<Omit<Database, 'onChange'>> {
  if (kind === 'disk') return openDatabase({ dataDir: where, command: 'bench' });
  const pg = await openPglite(undefined, { fromTar: where });
  await migrate(pg.db); // a kept tar made by an older program, as measure.ts's fromTar does (a folder migrates when opened)
  return { db: pg.db, dataDir: '/nonexistent', checkpoint: async () => undefined, close: () => pg.close() };
}

const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

export async function dashboardApp(kind: string, where: string, runs = 20): Promise<HomeLooks> {
  const w = watched(await open(kind, where));
  const { db } = w.database;
  const now = () => BENCH_NOW;
  const settings = await loadSettings(w.database);
  const asOf = shownAsOf(settings.plan.span_start, lastFinishedMonth(BENCH_NOW), BENCH_NOW);
  // As Root does: home's first look loaded before the first frame.
  const firstLook = await loadFirstLook(db, settings.plan.span_start, BENCH_NOW, settings.indicators, { store: true });
  let frames = 0;
  let onFrame: (() => void) | null = null;
  const terminal = new Terminal();
  const instance = render(<App database={w.database} settings={settings} firstLook={firstLook} now={now} onExit={() => undefined} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: new Keyboard() as unknown as NodeJS.ReadStream,
    stderr: new Terminal() as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60, // run.tsx's
    onRender: () => (frames++, onFrame?.()),
  });
  const teamId = (await db.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 1')).rows[0]!.id;
  const field = settings.indicators[0]!.code;
  // The frame drawn once the reload's queries are done (a frame before them is the old model's).
  const look = async (): Promise<number> => {
    await pause(40); // past the throttle's window and the screens' background preload
    const q0 = w.count.queries;
    const t0 = performance.now();
    let ceiling: NodeJS.Timeout | undefined;
    const drawn = new Promise<void>((res, rej) => {
      onFrame = () => w.count.queries > q0 && res();
      // A reload that reads nothing (or draws nothing) must fail the row, not hang the bench.
      ceiling = setTimeout(() => rej(new Error('dashboard-app: no frame after a reload with queries in 30 s')), 30_000);
    });
    w.changed();
    await drawn.finally(() => clearTimeout(ceiling));
    onFrame = null;
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await look();
  const out: HomeLooks = { same: [], changed: [] };
  for (let i = 0; i < runs; i++) {
    out.same.push(await look());
    await db.transaction((tx) => enterField(tx, teamId, asOf, field, 1 + ((i * 7) % 97), '2026-11-23'));
    out.changed.push(await look());
  }
  if (!frames || !terminal.bytes) throw new Error('dashboard-app: the App drew no frame');
  instance.unmount();
  await w.database.close();
  return out;
}

const [kind, where] = process.argv.slice(2);
if (kind && where) {
  const result = await dashboardApp(kind, where);
  process.stdout.write(`\n${JSON.stringify({ ...result, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  process.exit(0);
}
