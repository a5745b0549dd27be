// A Wine prefix for the Windows release test: Windows 10, a user whose name has Vietnamese
// letters, drive letters mapped to folders. Every wine call is time-boxed and reads nothing
// from standard input (CI has none); kill() ends every process of the prefix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Run, runToFiles } from './support.js';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

/** Debian's wine64 package puts wine64 in /usr/lib/wine (the `wine` package adds /usr/bin links). */
export function findWine(): { wine: string; wineserver: string } | null {
  for (const wine of [onPath('wine64'), '/usr/lib/wine/wine64', onPath('wine')]) {
    if (!wine || !fs.existsSync(wine)) continue;
    const wineserver = [path.join(path.dirname(wine), 'wineserver'), onPath('wineserver')].find((p) => p && fs.existsSync(p));
    if (wineserver) return { wine, wineserver };
  }
  return null;
}

export class WinePrefix {
  readonly env: NodeJS.ProcessEnv;
  readonly driveC: string;

  constructor(
    private readonly tools: { wine: string; wineserver: string },
    readonly prefix: string,
    readonly user: string,
  ) {
    this.driveC = path.join(prefix, 'drive_c');
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? os.homedir(),
      WINEPREFIX: prefix,
      WINEDEBUG: '-all',
      // No Mono or Gecko: their install would ask (a window) and needs the network.
      WINEDLLOVERRIDES: 'mscoree,mshtml=',
      // Wine turns the Unix command line and file names into UTF-16 through the locale.
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      // The Windows account is named after the Unix user: C:\users\<user>.
      USER: user,
      LOGNAME: user,
      TZ: 'Asia/Ho_Chi_Minh',
      NO_COLOR: '1',
    };
  }

  /** A new prefix as Windows 10 (Node refuses the Windows 7 that Wine 8 reports by default). */
  async boot(): Promise<void> {
    fs.mkdirSync(this.prefix, { recursive: true });
    for (const args of [['wineboot', '-i'], ['winecfg', '-v', 'win10']]) {
      const r = await this.run(args, this.prefix, 240_000);
      if (r.code !== 0) throw new Error(`wine ${args.join(' ')} → ${r.code}\n${r.stderr}`);
    }
  }

  /** C:\… for a path under drive_c. */
  windowsPath(unixPath: string): string {
    const rel = path.relative(this.driveC, unixPath);
    if (rel.startsWith('..')) throw new Error(`${unixPath} is not on drive C:`);
    return `C:\\${rel.split(path.sep).join('\\')}`;
  }

  /** The folder a drive letter shows, like a USB stick plugged in as E:. */
  mapDrive(letter: string, unixDir: string): void {
    fs.mkdirSync(unixDir, { recursive: true });
    const link = path.join(this.prefix, 'dosdevices', `${letter.toLowerCase()}:`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(unixDir, link);
  }

  run(args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<Run> {
    return runToFiles(this.tools.wine, args, { cwd, env: this.env, timeoutMs, scratch: this.prefix });
  }

  /** The wine command line for a shell (the UI test runs it under `script`, in a terminal). */
  get wine(): string {
    return this.tools.wine;
  }

  /** End every Windows process of this prefix and its wineserver. */
  kill(): void {
    try {
      execFileSync(this.tools.wineserver, ['-k'], { env: this.env, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // no server running
    }
  }
}
