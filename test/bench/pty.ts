// The shipped program in a real pseudo-terminal (util-linux `script`, no native addon): what the
// officer's terminal receives, through Ink's production renderer with its frame throttle. The
// bench writes keys to the terminal and times the bytes that come back.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { MAIN } from './process.js';

/** Ink brackets a frame in "synchronized update" marks: a terminal shows it at the closing one. */
export const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';
/** On the home screen only once its data is there (not the splash, not "Đang tính…"). */
export const HOME_DATA = 'Phiếu đã nhận';
/** USER_HZ: the unit of /proc/PID/stat's times, 100 on every Linux build. */
const CLOCK_TICKS = 100;

export interface PtyOptions {
  dataDir: string;
  columns?: number;
  rows?: number;
  /** Extra environment (e.g. TONGHOP_TODAY). */
  env?: Record<string, string>;
  /** Another build of the program (default: dist/bundle/main.js), to compare two builds in one loop. */
  main?: string;
}

function count(s: string, what: string): number {
  let n = 0;
  for (let i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length)) n++;
  return n;
}

/** One running UI. Output is kept from the last `mark()` on (a key, or the spawn). */
export class PtyApp {
  /** performance.now() at spawn. */
  readonly spawnedAt: number;
  private readonly child: ChildProcess;
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private lastByteAt: number;
  private wake: (() => void) | null = null;
  private exitCode: number | null | undefined = undefined;
  /** Everything the terminal received, for a failure's message (the tail only). */
  private tail = '';

  constructor(opts: PtyOptions) {
    // TONGHOP_BENCH_CPU_PROF=DIR: a CPU profile of each program run, to see where a key's time goes.
    const prof = process.env.TONGHOP_BENCH_CPU_PROF ? `--cpu-prof --cpu-prof-dir='${process.env.TONGHOP_BENCH_CPU_PROF}' ` : '';
    const cmd = `stty cols ${opts.columns ?? 100} rows ${opts.rows ?? 30}; exec '${process.execPath}' ${prof}'${opts.main ?? MAIN}' --data-dir '${opts.dataDir}'`;
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', TONGHOP_REPORT_RSS: '1', ...opts.env };
    delete env.CI; // the program removes it too; kept out so nothing differs from a terminal
    this.spawnedAt = performance.now();
    this.lastByteAt = this.spawnedAt;
    this.child = spawn('script', ['-qfc', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => {
      const s = this.decoder.write(d);
      this.lastByteAt = performance.now();
      this.text += s;
      this.tail = (this.tail + s).slice(-4000);
      this.notify();
    });
    this.child.on('exit', (code) => {
      this.exitCode = code;
      this.notify();
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private next(untilMs: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, Math.max(0, untilMs - performance.now()));
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  /** Forget the output so far: what comes after is the answer to what is written next. */
  mark(): void {
    this.text = '';
  }

  get output(): string {
    return this.text;
  }

  get recent(): string {
    return this.tail;
  }

  /** Peak RSS the program reported as it exited (TONGHOP_REPORT_RSS), after close(). */
  get rssMb(): number | null {
    const m = /tonghop-rss-kb=(\d+)/u.exec(this.tail);
    return m ? Number(m[1]) / 1024 : null;
  }

  /**
   * CPU time (user + system, ms) the program has used so far, read from Linux's /proc (the
   * program is `script`'s child); null elsewhere. Unlike wall time it hardly depends on the load
   * of the machine, so it tells a change in the work per key under a busy machine.
   */
  cpuMs(): number | null {
    try {
      const pid = fs.readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8').trim().split(/\s+/u)[0];
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  /** Write to the terminal; returns performance.now() just before. */
  write(bytes: string): number {
    const t = performance.now();
    this.child.stdin!.write(bytes);
    return t;
  }

  /**
   * performance.now() when the output since the last mark() (from `from` on) first holds `marker`
   * in a finished frame (every synchronized update it opened is closed); null after `timeoutMs`.
   * An empty marker: the first finished frame.
   */
  async waitFor(marker: string, timeoutMs: number, from = 0): Promise<number | null> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const t = this.lastByteAt;
      const seen = this.text.slice(from);
      const at = marker ? seen.indexOf(marker) : seen.length ? 0 : -1;
      if (at >= 0 && count(seen, BSU) <= count(seen, ESU)) return t;
      if (this.exitCode !== undefined || performance.now() >= until) return null;
      await this.next(until);
    }
  }

  /** Resolve once nothing has come for `ms` (false if output never stopped within `timeoutMs`). */
  async quiet(ms: number, timeoutMs = 10_000): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const silentUntil = this.lastByteAt + ms;
      if (performance.now() >= silentUntil) return true;
      if (performance.now() >= until) return false;
      await this.next(Math.min(silentUntil, until));
    }
  }

  /** Quit (Ctrl+C, the quit key on every screen) and wait for the exit; killed if it hangs. */
  async close(timeoutMs = 10_000): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.quiet(60);
      this.write('\x03');
    }
    const until = performance.now() + timeoutMs;
    while (this.exitCode === undefined && performance.now() < until) await this.next(until);
    if (this.exitCode === undefined) {
      this.child.kill('SIGKILL');
      await new Promise((r) => this.child.once('exit', r));
    }
    return this.exitCode ?? null;
  }
}

export interface KeyStep {
  key: string;
  /** What the key's frame must show (e.g. the typed digits before the cursor); '' = any frame. */
  expect: string;
  /** After the answer: if it shows `when`, wait until `then` comes after it (e.g. a save's end). */
  settle?: { when: string; then: string };
  /** After the answer: wait for this too (a screen the key leads to) before the next key. */
  leadsTo?: string;
}

export interface KeyRun {
  samples: number[];
  /** The program's CPU time over these keys (ms; null where /proc is not there). */
  cpuMs?: number | null;
  /** Keys that got no answer within the ceiling: said, never dropped. */
  failures: string[];
}

export const KEY_CEILING_MS = 5000;
/** For what is not timed (a screen being read, a save ending): only a hang should reach it. */
export const SCREEN_CEILING_MS = 60_000;
/** Silence before each key: longer than Ink's throttle (17 ms) and a background save. */
export const QUIET_MS = 60;

const show = (k: string) => JSON.stringify(k);

/** Press each key once the terminal is quiet; time key → the frame that answers it (within `ceilingMs`). */
export async function pressKeys(app: PtyApp, steps: readonly KeyStep[], run: KeyRun, ceilingMs = KEY_CEILING_MS): Promise<void> {
  await app.quiet(QUIET_MS);
  const cpu0 = app.cpuMs();
  for (const step of steps) {
    await app.quiet(QUIET_MS);
    app.mark();
    const t0 = app.write(step.key);
    const t1 = await app.waitFor(step.expect, ceilingMs);
    if (t1 === null) {
      run.failures.push(`${show(step.key)} (expected ${show(step.expect)}): no answer in ${ceilingMs} ms; got ${show(app.output.slice(-300))}`);
      continue;
    }
    run.samples.push(t1 - t0);
    if (step.settle) {
      const at = app.output.indexOf(step.settle.when);
      if (at >= 0 && (await app.waitFor(step.settle.then, SCREEN_CEILING_MS, at + step.settle.when.length)) === null)
        run.failures.push(`${show(step.key)}: "${step.settle.then}" never came after "${step.settle.when}"`);
    }
    if (step.leadsTo && (await app.waitFor(step.leadsTo, SCREEN_CEILING_MS)) === null)
      run.failures.push(`${show(step.key)}: never led to "${step.leadsTo}"`);
  }
  await app.quiet(QUIET_MS);
  const cpu1 = app.cpuMs();
  if (run.cpuMs !== null) run.cpuMs = cpu0 === null || cpu1 === null ? null : (run.cpuMs ?? 0) + cpu1 - cpu0;
}
