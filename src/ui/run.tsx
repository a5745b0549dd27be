// Start the terminal UI: alternate screen, render at once, restore the terminal on every way out
// (quit, Ctrl+C, a signal from outside, a crash). The streams and the process are injectable so a
// test can check the restoring with a fake terminal.
import { render } from 'ink';
import type { EventEmitter } from 'node:events';
import { redactSecrets } from '../db/engines/server-url.js';
import { resolveDataDir } from '../paths.js';
import { backupHooks } from '../store/hooks.js';
import type { Opening } from './opening.js';
import { Root } from './Root.js';
import { guardedStdout } from './terminalGuard.js';

export const ENTER_ALT = '\x1b[?1049h\x1b[H';
export const LEAVE_ALT = '\x1b[?1049l\x1b[?25h';

/** The part of `process` the UI hooks into. */
export interface UiProcess extends Pick<EventEmitter, 'on' | 'once' | 'off'> {
  exit(code?: number): never | void;
}

export interface UiIo {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  process: UiProcess;
}

export interface UiOptions {
  dataDir?: string;
  /** A PostgreSQL server's URL: the database is there (the data folder then only keeps backups). */
  databaseUrl?: string;
  now?: () => Date;
  /** main.ts already switched to the alternate screen and drew a loading splash. */
  splashShown?: boolean;
  /** The database already opening (main.ts starts it before the UI loads): its folder and hooks win. */
  opening?: Opening;
  /** Seconds to wait for the database to close after a signal before leaving anyway. */
  signalGraceSeconds?: number;
}

export async function runUi(opts: UiOptions, io: Partial<UiIo> = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const proc: UiProcess = io.process ?? process;
  const tty = !!stdout.isTTY;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (tty) stdout.write(LEAVE_ALT);
  };
  if (tty && !opts.splashShown) stdout.write(ENTER_ALT);

  let code = 0;
  let message: string | undefined;
  let stop: (() => void) | null = null;
  const instance = render(
    <Root
      dataDir={opts.opening?.dataDir ?? resolveDataDir(opts.dataDir)}
      databaseUrl={opts.opening ? opts.opening.databaseUrl : opts.databaseUrl}
      openHooks={opts.opening?.hooks ?? backupHooks()}
      opening={opts.opening?.database}
      now={opts.now}
      onStopReady={(fn) => (stop = fn)}
      onDone={(c, m) => {
        code = c;
        message = m;
      }}
    />,
    { stdout: guardedStdout(stdout, { plain: !tty }), stdin: io.stdin ?? process.stdin, stderr, exitOnCtrlC: false, patchConsole: !io.stdout, maxFps: 60 },
  );

  // Closing the window or `kill`: close the database properly (checkpoint, lock), then leave.
  // Ctrl+C is a key in raw mode (the `quit` binding); SIGINT only comes from outside. Windows:
  // closing the console window is SIGHUP, Ctrl+Break is SIGBREAK (a signal even in raw mode).
  const onSignal = () => {
    if (stop) stop();
    else instance.unmount();
    setTimeout(() => instance.unmount(), (opts.signalGraceSeconds ?? 5) * 1000).unref();
  };
  // A crash: give the terminal back before anything else, say what happened, leave.
  const onCrash = (e: unknown) => {
    restore();
    const err = e instanceof Error ? e : new Error(String(e));
    stderr.write(redactSecrets(`Lỗi không mong đợi: ${err.stack ?? err.message}`) + '\n');
    proc.exit(70);
  };
  const signals = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGBREAK'] as const;
  for (const s of signals) proc.on(s, onSignal);
  proc.on('uncaughtException', onCrash);
  proc.on('unhandledRejection', onCrash);
  proc.on('exit', restore);
  try {
    await instance.waitUntilExit();
  } catch (e) {
    // A render error: Ink has unmounted; report it like a crash, without exiting here.
    code = 70;
    message = `Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}`;
  } finally {
    restore();
    for (const s of signals) proc.off(s, onSignal);
    proc.off('uncaughtException', onCrash);
    proc.off('unhandledRejection', onCrash);
    proc.off('exit', restore);
  }
  if (message) stderr.write(redactSecrets(message) + '\n');
  return code;
}
