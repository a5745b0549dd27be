// `npm run bench`: what the officer feels, measured. Whole processes (start-up, status) against
// the floor of a bare PGlite open of the same folder; in-process figures each in their own
// child (keystroke latency, save latency, dashboard, import/export). Prints a table of median
// and p95 with the goals beside them and writes the same to exports/bench.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_EXPORTS_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { FLOOR, MAIN, type ProcessRun, runNode } from './process.js';
import { entryKeys, gridKeys } from './pty-keys.js';
import { homeWithData, startLoop } from './pty-start.js';
import { KEY_CEILING_MS, type KeyRun } from './pty.js';
import { importOnDiskFigures } from './import-disk.js';
import { serverLoad } from './server-load.js';
import { serverPeers } from './server-peers.js';
import { streamFigures } from './stream.js';
import { type Figure, printTable, summarise } from './stats.js';

const quick = process.argv.includes('--quick');
// `--only status,keys` runs only those parts; `--fixtures DIR` builds the fixtures there once and
// reuses them on later runs (kept afterwards), so one engineer can time one part in minutes.
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const only = argValue('--only')?.split(',');
const wanted = (part: string) => !only || only.includes(part);
const keptFixtures = argValue('--fixtures');
const RUNS = quick ? 3 : 7;
const MEASURE = path.join(PACKAGE_ROOT, 'dist', 'test', 'bench', 'measure.js');
const DASHBOARD_APP = path.join(PACKAGE_ROOT, 'dist', 'bench-bundle', 'dashboard-app.js');
const figures: Figure[] = [];
const log = (s: string) => process.stderr.write(`· ${s}\n`);

function child(name: string, args: string[], env: NodeJS.ProcessEnv = process.env, script = MEASURE): Promise<Record<string, unknown> & { rssMb: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [script, name, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`measure ${name} failed (${code}): ${out.slice(-500)}`));
      resolve(JSON.parse(last));
    });
  });
}

async function repeat<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

const maxRss = (rs: { rssMb: number | null }[]) => Math.max(...rs.map((r) => r.rssMb ?? 0));
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The demo commune's folder, made once (kept fixtures keep it). */
async function demoCommune(root: string): Promise<string> {
  const demo = path.join(root, 'demo');
  if (fs.existsSync(demo)) return demo;
  const made = await runNode(MAIN, ['init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--demo', '--data-dir', demo]);
  if (made.code !== 0) throw new Error(made.output);
  return demo;
}

async function startup(root: string) {
  log('cold start: tonghop init on an empty folder');
  const inits = await repeat(RUNS, () => runNode(MAIN, ['init', '--plan', 'phu-van-2026', '--unit', 'xã Thử', '--data-dir', fs.mkdtempSync(path.join(root, 'cold-'))]));
  figures.push(summarise('start-up', 'cold start: init (new database)', inits.map((r) => r.ms), { peakRssMb: maxRss(inits) }));

  const demo = await demoCommune(root);
  for (const [label, dir] of [
    ['demo commune', demo],
    ['2,000 teams', path.join(root, 'province')],
  ] as const) {
    // The first look after the fixtures evaluates and stores every team (as status's first look
    // does, below): shown on its own row; the goal is for a look with nothing changed since the last.
    log(`first look at home (nothing stored yet: every team evaluated): ${label}`);
    const first = await homeWithData(dir);
    figures.push(summarise('start-up', `UI home screen, first look ever (${label}: every team evaluated)`, [first.ms], { peakRssMb: first.rssMb ?? undefined }));
    log(`spawn → home screen with data (pseudo-terminal), against the floor in the same loop: ${label}`);
    const r = await startLoop(dir, RUNS);
    figures.push(summarise('start-up', `floor: bare PGlite open+close (${label}, same loop)`, r.floorMs, { peakRssMb: r.peakFloorRssMb }));
    figures.push(summarise('start-up', `UI home screen with data (${label})`, r.homeMs, { peakRssMb: r.peakUiRssMb }));
    figures.push(summarise('start-up', `home with data ÷ floor (${label})`, r.ratios, { unit: 'x', goalMax: 1.2 }));
    if (label === '2,000 teams') {
      log('home screen with data right after a change (another process imports one team’s figure)');
      const csv = path.join(root, 'home-one-team.csv');
      let i = 0;
      const change = async () => {
        fs.writeFileSync(csv, `ma_to,thang,ho_huong_dan\nT0009,2026-11,${20 + i++}\n`);
        const done = await runNode(MAIN, ['import', 'figures', csv, '--data-dir', dir]);
        if (done.code !== 0) throw new Error(done.output);
      };
      const c = await startLoop(dir, RUNS, change);
      figures.push(summarise('start-up', 'home with data ÷ floor, after a change (2,000 teams)', c.ratios, { unit: 'x', goalMax: 1.5 }));
    }
  }
}

/**
 * `status --json` at 2,000 teams × 11 months against the floor, interleaved in one loop so the
 * machine's load is the same for all three: with nothing changed since the last status, and right
 * after a change (another process imports one team's figure). A status in a fresh process each time.
 */
async function status(root: string) {
  const dir = path.join(root, 'province');
  log('tonghop status --json, 2,000 teams × 11 months: nothing changed / after a change');
  const args = ['status', '--json', '--as-of', '2026-11', '--data-dir', dir];
  const ok = (r: ProcessRun) => {
    if (r.code !== 0) throw new Error(r.output);
    return r;
  };
  ok(await runNode(MAIN, args)); // the first look after the fixtures: stores the evaluation
  const FLOOR_BASELINE = path.join(path.dirname(FLOOR), 'floor-baseline.js');
  const floor: ProcessRun[] = [];
  const floorBase: ProcessRun[] = [];
  const same: ProcessRun[] = [];
  const changed: ProcessRun[] = [];
  const csv = path.join(root, 'one-team.csv');
  for (let i = 0; i < RUNS; i++) {
    floor.push(await runNode(FLOOR, [path.join(dir, 'pgdata')]));
    floorBase.push(await runNode(FLOOR_BASELINE, [path.join(dir, 'pgdata')]));
    same.push(ok(await runNode(MAIN, args)));
    fs.writeFileSync(csv, `ma_to,thang,ho_huong_dan\nT0007,2026-11,${10 + i}\n`);
    ok(await runNode(MAIN, ['import', 'figures', csv, '--data-dir', dir]));
    changed.push(ok(await runNode(MAIN, args)));
  }
  const floorMs = med(floor.map((r) => r.ms));
  figures.push(summarise('status', 'floor: bare PGlite open+close (2,000 teams, same loop)', floor.map((r) => r.ms), { peakRssMb: maxRss(floor) }));
  figures.push(summarise('status', 'status --json, nothing changed (2,000 teams × 11 months)', same.map((r) => r.ms), { peakRssMb: maxRss(same) }));
  figures.push(summarise('status', 'status ÷ floor, nothing changed', same.map((r) => r.ms / floorMs), { unit: 'x', goalMax: 1.2 }));
  figures.push(summarise('status', 'status --json, after one team changed', changed.map((r) => r.ms), { peakRssMb: maxRss(changed) }));
  figures.push(summarise('status', 'status ÷ floor, after a change', changed.map((r) => r.ms / floorMs), { unit: 'x', goalMax: 1.5 }));
  // The same floor with PGlite on V8's baseline compiler, as status runs it: our own work apart from that flag.
  const baseMs = med(floorBase.map((r) => r.ms));
  figures.push(summarise('status', 'floor, PGlite on the baseline compiler (as status runs it)', floorBase.map((r) => r.ms), { peakRssMb: maxRss(floorBase) }));
  figures.push(summarise('status', 'status ÷ that floor, nothing changed', same.map((r) => r.ms / baseMs), { unit: 'x' }));
  figures.push(summarise('status', 'status ÷ that floor, after a change', changed.map((r) => r.ms / baseMs), { unit: 'x' }));
}

async function keys(root: string) {
  // Key → bytes on a pseudo-terminal, the shipped bundle (pty-keys.ts); failures are keys without an answer.
  const keyFigure = async (name: string, measure: () => Promise<KeyRun>) => {
    log(`keystroke → bytes on the terminal: ${name} (2,000 teams, pseudo-terminal)`);
    let r: KeyRun;
    try {
      r = await measure();
    } catch (e) {
      log(`FAILED: ${name}: ${(e as Error).message.slice(0, 2000)}`);
      process.exitCode = 1;
      return;
    }
    for (const f of r.failures) log(`NO ANSWER: ${name}: ${f}`);
    const cpu = r.cpuMs == null ? '' : `; program CPU ${(r.cpuMs / Math.max(1, r.samples.length)).toFixed(1)} ms/key`;
    const fig = summarise('keys', name, r.samples, { goalMax: 16, note: `${r.failures.length} of ${r.samples.length + r.failures.length} keys unanswered in ${KEY_CEILING_MS / 1000} s${cpu}; load ${os.loadavg()[0]!.toFixed(1)}` });
    if (r.failures.length) fig.ok = false;
    figures.push(fig);
  };
  await keyFigure('entry form: key → terminal bytes', () => entryKeys(path.join(root, 'province'), quick ? 2 : 4));
  await keyFigure('month grid: key → terminal bytes', () => gridKeys(path.join(root, 'province'), quick ? 10 : 30));
}

async function save(root: string) {
  log('save latency per field (on disk)');
  const save = await child('save', [path.join(root, 'province')]);
  figures.push(summarise('keys', 'save one field (transaction, on disk)', save.samples as number[], { goalMax: 20, peakRssMb: save.rssMb }));
}

async function dashboard(root: string) {
  const year = path.join(root, 'province12.tar');
  // Home's reload in the App as the program runs it (measures/dashboard-app.tsx, bundled like the
  // shipped program): a change notice → data version → model loaded and stored → the frame drawn.
  log('home screen reload in the running App (change → frame): nothing changed / after one saved value');
  for (const [label, kind, where, goalMax] of [
    ['demo commune', 'disk', await demoCommune(root), 50],
    ['2,000 teams × 12 months', 'tar', year, 500],
  ] as const) {
    const d = await child(kind, [where], process.env, DASHBOARD_APP);
    figures.push(summarise('dashboard', `home reload → frame in the App, nothing changed (${label})`, d.same as number[], { goalMax, peakRssMb: d.rssMb }));
    figures.push(summarise('dashboard', `home reload → frame in the App, after one saved value (${label})`, d.changed as number[], { goalMax }));
  }
}

async function files(root: string) {
  const year = path.join(root, 'province12.tar');
  log('export throughput, 2,000 teams × 12 months');
  const csv = path.join(root, 'year-wide.csv');
  const teams = path.join(root, 'teams-disk');
  const files = await child('files', [year, csv, path.join(root, 'teams.tar'), teams]);
  type T = { valuesPerSecond: number[]; values: number };
  for (const [label, key] of [
    ['export wide', 'exportWide'],
    ['export long', 'exportLong'],
  ] as const) {
    const t = files[key] as T;
    figures.push(summarise('files', `${label}: ${t.values.toLocaleString('en-US')} values`, t.valuesPerSecond, { unit: 'values/s', goalMin: 100_000, peakRssMb: files.rssMb }));
  }
  // The import on a data folder on disk, as the program does it (import-disk.ts).
  const one = (args: string[]) => child('import-disk', args) as Promise<{ ms: number; cpuMs: number; values: number; rssMb: number }>;
  figures.push(...(await importOnDiskFigures(teams, csv, { runs: quick ? 3 : 5, log, child: one })));
}

const root = keptFixtures ? path.resolve(keptFixtures) : fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bench-'));
const t0 = Date.now();
try {
  if (keptFixtures && fs.existsSync(path.join(root, 'province12.tar'))) log(`reusing the fixtures in ${root}`);
  else {
    fs.mkdirSync(root, { recursive: true });
    log(`building 2,000-team fixtures in ${root}`);
    const fx = await child('fixtures', [root]);
    log(`fixtures ready in ${Math.round(fx.ms as number)} ms`);
  }
  // A measure that fails is said and the others still print (the table shows what was measured).
  const server = async () => void figures.push(...(await serverLoad({ runs: RUNS, log })));
  const peers = async () => void figures.push(...(await serverPeers(root, { runs: RUNS, log })));
  const parts = { startup, status, keys, save, dashboard, files, server, peers };
  for (const [name, part] of Object.entries(parts)) {
    if (!wanted(name)) continue;
    try {
      await part(root);
    } catch (e) {
      log(`FAILED: ${(e as Error).message.slice(0, 2000)}`);
      process.exitCode = 1;
    }
  }
  // Files at province scale (#16 item 3): backup, restore, the 50 MB import, as whole processes.
  if (wanted('stream'))
    try {
      figures.push(...(await streamFigures(root, { runs: quick ? 2 : 3, log })));
    } catch (e) {
      log(`FAILED: ${(e as Error).message.slice(0, 2000)}`);
      process.exitCode = 1;
    }
} finally {
  if (!keptFixtures) fs.rmSync(root, { recursive: true, force: true });
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const table = printTable(figures);
process.stdout.write(`\ntonghop bench — ${new Date().toISOString().slice(0, 10)} — ${machine}\n\n${table}\n\n(${Math.round((Date.now() - t0) / 1000)} s)\n`);
fs.mkdirSync(DEFAULT_EXPORTS_DIR, { recursive: true });
const out = path.join(DEFAULT_EXPORTS_DIR, 'bench.json');
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, quick, figures }, null, 2) + '\n');
process.stdout.write(`Đã ghi ${path.relative(process.cwd(), out)}\n`);
