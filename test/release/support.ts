// Shared by the release tests (npm run test:release, after npm run dist): where the archives
// are, running a program with its output in files, the officer's CSV files, a folder snapshot.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { AS_OF, FIGURES_CSV, MEMBERS_CSV, PLAN, TEAMS_CSV, UNIT } from './fixtures.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
export const RUNTIME: { node: string } = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/release/runtime.json'), 'utf8'));

/** A release archive; a missing one fails the test with what to run. */
export function releaseArchive(platform: 'win-x64' | 'linux-x64'): string {
  const file = path.join(ROOT, 'release', `tonghop-${VERSION}-${platform}.${platform === 'win-x64' ? 'zip' : 'tar.gz'}`);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npm run dist" first`);
  return file;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a program with stdout and stderr going to files, not pipes: under Wine, Node cannot open a
 * Unix pipe as its stdout (EBADF), while a file works — as a pipe does on real Windows. Killed
 * after timeoutMs (an answer, never a hang).
 */
export async function runToFiles(cmd: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; scratch: string }): Promise<Run> {
  const out = path.join(opts.scratch, `out-${process.pid}-${Date.now()}.txt`);
  const err = `${out}.err`;
  const fo = fs.openSync(out, 'w');
  const fe = fs.openSync(err, 'w');
  try {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fo, fe] });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs);
      p.on('error', reject);
      p.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    return { code, stdout: fs.readFileSync(out, 'utf8'), stderr: fs.readFileSync(err, 'utf8') };
  } finally {
    fs.closeSync(fo);
    fs.closeSync(fe);
    fs.rmSync(out, { force: true });
    fs.rmSync(err, { force: true });
  }
}

/** The officer's three CSV files (Vietnamese file names) in dir. */
export function writeCsvFiles(dir: string): { teams: string; members: string; figures: string } {
  fs.mkdirSync(dir, { recursive: true });
  const files = { teams: 'danh sách tổ.csv', members: 'thành viên.csv', figures: 'số liệu 2026.csv' };
  fs.writeFileSync(path.join(dir, files.teams), TEAMS_CSV);
  fs.writeFileSync(path.join(dir, files.members), MEMBERS_CSV);
  fs.writeFileSync(path.join(dir, files.figures), FIGURES_CSV);
  return files;
}

/** The command lines of the officer's first day: create, three imports, the status. */
export const FLOW = {
  init: ['init', '--plan', PLAN, '--unit', UNIT, '--officer', 'Nguyễn Văn An'],
  status: ['status', '--as-of', AS_OF, '--json'],
};

/** Every entry under dir with its size and modification time, to show nothing was written there. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.statSync(p);
      out.push(`${path.relative(dir, p)} ${e.isDirectory() ? 'dir' : st.size} ${st.mtimeMs}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The Linux release unpacked into dir; returns the launcher's path. */
export async function unpackLinux(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  await tar.x({ file: releaseArchive('linux-x64'), cwd: dir });
  return path.join(dir, `tonghop-${VERSION}-linux-x64`, 'tonghop');
}

export const TEST_ENV = { TZ: 'Asia/Ho_Chi_Minh', NO_COLOR: '1', CI: 'true' };

/** What the Linux release prints and writes for the officer's first day, to hold Windows to. */
export interface Reference {
  status: string;
  report: Buffer;
}

/**
 * The Linux release, unpacked under `dir` in a folder named with Vietnamese letters and spaces:
 * init, the three imports, status --json and the quarter's report, on a data folder of its own.
 */
export async function linuxFirstDay(dir: string): Promise<Reference & { launcher: string; programBefore: string[]; dataDir: string; run: (args: string[]) => Promise<Run> }> {
  const launcher = await unpackLinux(path.join(dir, 'Chương trình', 'tổng hợp'));
  const programBefore = snapshot(path.dirname(launcher));
  const home = path.join(dir, 'nhà');
  const dataDir = path.join(dir, 'Dữ liệu tổng hợp');
  const csv = path.join(dir, 'Tệp CSV');
  const files = writeCsvFiles(csv);
  fs.mkdirSync(home, { recursive: true });
  const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', ...TEST_ENV };
  const run = (args: string[]) => runToFiles(launcher, [...args, '--data-dir', dataDir], { cwd: home, env, timeoutMs: 300_000, scratch: dir });
  const must = async (args: string[]) => {
    const r = await run(args);
    if (r.code !== 0) throw new Error(`tonghop ${args.join(' ')} → ${r.code}\n${r.stdout}${r.stderr}`);
    return r;
  };
  await must(FLOW.init);
  for (const kind of ['teams', 'members', 'figures'] as const) await must(['import', kind, path.join(csv, files[kind])]);
  const status = (await must(FLOW.status)).stdout;
  const out = path.join(dir, 'xuất');
  const written = (await must(['export', 'report', '--period', REPORT_PERIOD, '--out', out])).stdout;
  const report = fs.readFileSync(written.replace(/^Đã ghi /u, '').trim());
  return { status, report, launcher, programBefore, dataDir, run };
}

export const REPORT_PERIOD = '2026-Q3';
