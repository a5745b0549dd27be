// Files at province scale (#16 item 3), whole processes of the shipped bundle interleaved in one
// loop so the machine's load is the same for all: export the 2,000-team year's figures, back it
// up, import the exported figures into the teams without forms, restore the backup there, and
// import a 50 MB long-layout figures file. Ratios are per iteration (backup ÷ the export beside
// it, restore ÷ the import beside it); peak RSS is each child's own (TONGHOP_REPORT_RSS).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { MAIN, type ProcessRun, runNode } from './process.js';
import { type Figure, summarise } from './stats.js';

const FIXTURES = path.join(PACKAGE_ROOT, 'dist', 'test', 'bench', 'stream-fixtures.js');

function buildFixtures(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [FIXTURES, root], { stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`stream fixtures failed (${code})`))));
  });
}

const ok = (r: ProcessRun, what: string) => {
  if (r.code !== 0) throw new Error(`${what}: exit ${r.code}\n${r.output.slice(-1500)}`);
  return r;
};
const peak = (rs: ProcessRun[]) => Math.max(...rs.map((r) => r.rssMb ?? 0));

/** A fresh copy of the teams-only folder (outside the timing). */
function freshTeams(root: string, name: string): string {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'teams'), dir, { recursive: true });
  return dir;
}

export async function streamFigures(parent: string, opts: { runs: number; log: (s: string) => void }): Promise<Figure[]> {
  const root = path.join(parent, 'stream');
  opts.log('files at province scale: fixtures (2,000-team year on disk, 50 MB figures CSV)');
  if (!fs.existsSync(path.join(root, 'big.csv'))) await buildFixtures(root); // kept when working on these figures alone
  // The year's received dates run to 05/01/2027: "today" after them, or the import refuses them.
  const today = process.env.TONGHOP_TODAY;
  process.env.TONGHOP_TODAY = '2027-01-15';
  try {
    return await measure(root, opts);
  } finally {
    if (today === undefined) delete process.env.TONGHOP_TODAY;
    else process.env.TONGHOP_TODAY = today;
  }
}

async function measure(root: string, opts: { runs: number; log: (s: string) => void }): Promise<Figure[]> {
  const year = path.join(root, 'year');
  const out = path.join(root, 'out');
  const big = path.join(root, 'big.csv');
  const runs = { export: [] as ProcessRun[], backup: [] as ProcessRun[], import: [] as ProcessRun[], restore: [] as ProcessRun[], big: [] as ProcessRun[] };
  const backupRatio: number[] = [];
  const restoreRatio: number[] = [];
  // The first command of the day writes the daily automatic backup (in the background, finished
  // at exit): done once here for both folders, or each import would also back up what it wrote.
  ok(await runNode(MAIN, ['status', '--data-dir', year]), 'status');
  ok(await runNode(MAIN, ['status', '--data-dir', path.join(root, 'teams')]), 'status');
  for (let i = 0; i < opts.runs; i++) {
    opts.log(`files at province scale: run ${i + 1}/${opts.runs}`);
    fs.rmSync(out, { recursive: true, force: true });
    const exp = ok(await runNode(MAIN, ['export', 'figures', '--period', '2026', '--out', out, '--data-dir', year]), 'export');
    const csv = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.csv'))!);
    const file = path.join(root, `year-${i}.backup.gz`);
    const bak = ok(await runNode(MAIN, ['backup', file, '--data-dir', year]), 'backup');
    const imp = ok(await runNode(MAIN, ['import', 'figures', csv, '--data-dir', freshTeams(root, 'import')]), 'import');
    const res = ok(await runNode(MAIN, ['restore', file, '--data-dir', freshTeams(root, 'restore')]), 'restore');
    fs.rmSync(file, { force: true });
    // The 50 MB file costs ~10× the others: every other run (and the first).
    if (i % 2 === 0) runs.big.push(ok(await runNode(MAIN, ['import', 'figures', big, '--data-dir', freshTeams(root, 'big')]), 'import 50 MB'));
    runs.export.push(exp);
    runs.backup.push(bak);
    runs.import.push(imp);
    runs.restore.push(res);
    backupRatio.push(bak.ms / exp.ms);
    restoreRatio.push(res.ms / imp.ms);
  }
  const bigMb = (fs.statSync(big).size / 2 ** 20).toFixed(0);
  const ms = (rs: ProcessRun[]) => rs.map((r) => r.ms);
  const rss = (rs: ProcessRun[]) => rs.map((r) => r.rssMb ?? NaN);
  const g = 'files';
  return [
    summarise(g, 'export figures, 2,000-team year (process)', ms(runs.export), { peakRssMb: peak(runs.export) }),
    summarise(g, 'backup, 2,000-team year (process)', ms(runs.backup), { peakRssMb: peak(runs.backup) }),
    summarise(g, 'backup ÷ export (same loop)', backupRatio, { unit: 'x', goalMax: 3 }),
    summarise(g, 'backup peak RSS', rss(runs.backup), { unit: 'MB', goalMax: 1024 }),
    summarise(g, 'import the exported figures (process)', ms(runs.import), { peakRssMb: peak(runs.import) }),
    summarise(g, 'restore the backup (process)', ms(runs.restore), { peakRssMb: peak(runs.restore) }),
    summarise(g, 'restore ÷ import (same loop)', restoreRatio, { unit: 'x', goalMax: 2 }),
    summarise(g, 'restore peak RSS', rss(runs.restore), { unit: 'MB', goalMax: 1024 }),
    summarise(g, `import ${bigMb} MB figures CSV (long, process)`, ms(runs.big), { peakRssMb: peak(runs.big) }),
    summarise(g, `import ${bigMb} MB CSV peak RSS`, rss(runs.big), { unit: 'MB', goalMax: 600 }),
  ];
}

// `node dist/test/bench/stream.js [RUNS]`: these figures alone (while working on them).
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const { printTable } = await import('./stats.js');
  const os = await import('node:os');
  // A folder as third argument keeps the fixtures between runs.
  const keep = process.argv[3];
  const tmp = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-stream-'));
  try {
    const figs = await streamFigures(tmp, { runs: Number(process.argv[2] ?? 3), log: (s) => process.stderr.write(`· ${s}\n`) });
    process.stdout.write(`${printTable(figs)}\n(load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
