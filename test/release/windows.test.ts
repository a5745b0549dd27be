// The Windows download (release/tonghop-<version>-win-x64.zip) on Windows code paths, under Wine:
// unzipped into C:\Chương trình\tổng hợp, run through tonghop.cmd with its own node.exe by a user
// named Nguyễn Văn An, data in C:\users\Nguyễn Văn An\Dữ liệu tổng hợp, a USB stick as E:.
// The officer's first day must print byte for byte what the Linux release prints; then backup,
// restore, the UI holding the lock against a second process and quitting on Ctrl+C.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW, REPORT_PERIOD, type Reference, RUNTIME, VERSION, linuxFirstDay, releaseArchive, snapshot, writeCsvFiles } from './support.js';
import { WinePrefix, findWine } from './wine.js';

const tools = findWine();
const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const missing = !tools ? 'wine64 (apt-get install wine64)' : !hasUnzip ? 'unzip (apt-get install unzip)' : null;
if (missing) process.stderr.write(`\n[release/windows] SKIPPED: ${missing} is not installed; .ci/run installs it.\n\n`);

const USER = 'Nguyễn Văn An';
let tmp: string;
let wine: WinePrefix;
let program: string; // the unzipped folder, Unix side
let dataDir: string; // Windows path
let csv: { teams: string; members: string; figures: string }; // Windows paths
let linux: Reference;
let programBefore: string[];

const cmd = (...args: string[]) => wine.run(['cmd', '/c', 'tonghop.cmd', ...args], program);
const onData = (...args: string[]) => cmd(...args, '--data-dir', dataDir);

describe.skipIf(missing)('the Windows release under Wine', () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-wine-'));
    const zip = releaseArchive('win-x64');
    wine = new WinePrefix(tools!, path.join(tmp, 'prefix'), USER);
    // The Linux reference meanwhile: the same program on the same inputs.
    const [ref] = await Promise.all([linuxFirstDay(path.join(tmp, 'linux')), wine.boot()]);
    linux = ref;
    const installed = path.join(wine.driveC, 'Chương trình', 'tổng hợp');
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('unzip', ['-q', zip, '-d', installed], { timeout: 120_000 });
    program = path.join(installed, `tonghop-${VERSION}-win-x64`);
    programBefore = snapshot(program);
    const home = path.join(wine.driveC, 'users', USER);
    dataDir = wine.windowsPath(path.join(home, 'Dữ liệu tổng hợp'));
    const csvDir = path.join(home, 'Documents', 'Số liệu tháng');
    const files = writeCsvFiles(csvDir);
    csv = {
      teams: wine.windowsPath(path.join(csvDir, files.teams)),
      members: wine.windowsPath(path.join(csvDir, files.members)),
      figures: wine.windowsPath(path.join(csvDir, files.figures)),
    };
  }, 600_000);

  afterAll(() => {
    wine?.kill();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('holds tonghop.cmd, HUONG-DAN.txt and its own node.exe of the shipped LTS', async () => {
    expect(fs.readdirSync(program).sort()).toEqual(['HUONG-DAN.txt', 'app', 'tonghop.cmd']);
    const launcher = fs.readFileSync(path.join(program, 'tonghop.cmd'), 'latin1');
    expect(launcher.startsWith('@echo off\r\n')).toBe(true);
    expect(launcher).not.toMatch(/[^\r]\n/u); // CRLF only: cmd.exe misreads LF-only batch files
    const guide = fs.readFileSync(path.join(program, 'HUONG-DAN.txt'), 'utf8');
    expect(guide.startsWith('\ufeffTONGHOP')).toBe(true);
    expect(guide).toContain('%LOCALAPPDATA%\\tonghop\\Data');
    const r = await wine.run([path.join(program, 'app', 'node.exe'), '--version'], program);
    expect(r.stdout.trim()).toBe(`v${RUNTIME.node}`);
  });

  it('finds the data in %LOCALAPPDATA%\\tonghop\\Data by default', async () => {
    const r = await cmd('status');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Chưa có dữ liệu trong thư mục C:\\users\\${USER}\\AppData\\Local\\tonghop\\Data.`);
  });

  it('the first day prints what Linux prints: init, three imports, status --json', async () => {
    expect((await onData(...FLOW.init)).code).toBe(0);
    for (const kind of ['teams', 'members', 'figures'] as const) {
      const r = await onData('import', kind, csv[kind]);
      expect(r.code, r.stderr).toBe(0);
    }
    const status = await onData(...FLOW.status);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe('');
    expect(status.stdout).toBe(linux.status);
  });

  it('writes the report (same bytes as on Linux) into a folder with Vietnamese letters', async () => {
    const out = wine.windowsPath(path.join(wine.driveC, 'users', USER, 'Documents', 'Báo cáo quý'));
    const r = await onData('export', 'report', '--period', REPORT_PERIOD, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const written = r.stdout.replace(/^Đã ghi /u, '').trim();
    expect(written.startsWith(`${out}\\`)).toBe(true);
    const unix = path.join(wine.driveC, ...written.slice(3).split('\\'));
    expect(fs.readFileSync(unix).equals(linux.report)).toBe(true);
  });

  it('backs up to a USB stick (E:\\) and restores from it', async () => {
    const usb = path.join(tmp, 'usb');
    wine.mapDrive('E', usb);
    const b = await onData('backup', 'E:\\');
    expect(b.code, b.stderr).toBe(0);
    const [file] = fs.readdirSync(usb);
    expect(b.stdout).toContain(`E:\\${file}`);
    const r = await onData('restore', `E:\\${file}`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Dữ liệu trước đó được giữ nguyên ở C:\\users\\');
    const again = await onData(...FLOW.status);
    expect(again.stdout).toBe(linux.status);
  });

  /** The UI in a terminal, as a double-click gives one (`script` makes a pseudo-terminal). */
  function openUi() {
    const ui: ChildProcess = spawn('script', ['-qfec', `'${wine.wine}' cmd /c tonghop.cmd --data-dir '${dataDir}'`, '/dev/null'], {
      cwd: program,
      env: { ...wine.env, TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((res) => ui.on('exit', (c) => res(c)));
    let screen = '';
    ui.stdout!.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    // Wine's console re-flows lines: look at the text with escapes and line ends taken out.
    // eslint-disable-next-line no-control-regex
    const text = () => screen.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/gu, '').replace(/[\r\n]/gu, '');
    const shows = async (what: string) => {
      for (let i = 0; i < 600 && !text().includes(what); i++) await new Promise((r) => setTimeout(r, 100));
      if (!text().includes(what)) throw new Error(`the UI never showed ${what}:\n${text().slice(-1500)}`);
    };
    return { ui, exited, shows, type: (keys: string) => ui.stdin!.write(keys) };
  }
  const lockFile = () => path.join(wine.driveC, ...dataDir.slice(3).split('\\'), 'tonghop.lock');

  it('the UI holds the lock against a second process, and lets go when it quits (q)', async () => {
    const { ui, exited, shows, type } = openUi();
    try {
      await shows('Phiếu đã nhận');
      expect(fs.existsSync(lockFile())).toBe(true);
      const second = await onData(...FLOW.status);
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toMatch(/^Dữ liệu đang được mở bởi một chương trình tonghop khác \(PID \d+, lệnh "tonghop \(giao diện\)" từ \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)\. Hãy đóng cửa sổ đó rồi thử lại\.\n$/u);
      type('q');
      expect(await exited).toBe(0);
    } finally {
      ui.kill('SIGKILL');
    }
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('Ctrl+C: the lock of a UI that did not close is taken over by the next command', async () => {
    const { ui, exited, shows, type } = openUi();
    try {
      await shows('Phiếu đã nhận');
      // On Windows Ctrl+C is a key in the UI (raw console mode) and quits as q does. Wine's
      // console ends the process instead — the harder case: the lock stays behind, its pid dead.
      type('\x03');
      await exited;
    } finally {
      ui.kill('SIGKILL');
    }
    wine.kill(); // and every Windows process with it, as after a shutdown
    const r = await onData(...FLOW.status);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(linux.status);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('a lock naming a pid that Windows gave to another process since is taken over', async () => {
    // Windows hands out pids again soon (Wine even starts over at each boot): a lock left by a
    // tonghop that died must not be judged alive because its number now belongs to another program.
    const other = spawn(wine.wine, ['cmd', '/c', 'app\\node.exe', '-e', "require('fs').writeFileSync('C:\\\\other.pid', String(process.pid)); setInterval(() => {}, 1000)"], {
      cwd: program,
      env: wine.env,
      stdio: 'ignore',
    });
    try {
      const pidFile = path.join(wine.driveC, 'other.pid');
      for (let i = 0; i < 600 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      expect(pid).toBeGreaterThan(0);
      const boot = new Date(Date.now() - os.uptime() * 1000).toISOString();
      fs.writeFileSync(lockFile(), JSON.stringify({ pid, start: null, command: 'tonghop (giao diện)', host: os.hostname(), since: new Date().toISOString(), boot }));
      const r = await onData(...FLOW.status);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(linux.status);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it("wrote nothing into the program's folder", () => {
    expect(snapshot(program)).toEqual(programBefore);
  });
});
