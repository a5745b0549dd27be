// The real command-line program run inside the test process (fast: no build, no new process),
// with what it writes captured. Same result shape as runCliProcess of test/db/datadir.ts. In the
// server project it works on the server's database standing for the data folder named (server.ts).
// A spawned program costs a Node start, the bundle's load and PGlite's WebAssembly compile (~1 s
// quiet, several on a loaded machine): a test about what a command does, not about the process
// (its exit status as the shell sees it, signals, pipes), runs it here.
import { vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { onEngine } from './server.js';

export interface InProcess {
  /** Run the arguments as they are (a test choosing the engine itself). */
  asGiven?: boolean;
  /** Environment variables for this run only (as runCliProcess's env), put back after. */
  env?: Record<string, string>;
}

// One command at a time: stdout and stderr are captured for the whole process.
let queue: Promise<unknown> = Promise.resolve();

export function runCliInProcess(args: readonly string[], opts: InProcess = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = queue.then(() => runNow(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], opts: InProcess): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...opts.env };
  const argv = opts.asGiven ? [...args] : await onEngine(args, env);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const keep =
    (to: Buffer[]) =>
    (s: string | Uint8Array, a?: unknown, b?: unknown): boolean => {
      to.push(typeof s === 'string' ? Buffer.from(s, typeof a === 'string' ? (a as BufferEncoding) : 'utf8') : Buffer.from(s));
      const done = typeof a === 'function' ? a : b;
      if (typeof done === 'function') queueMicrotask(() => done());
      return true;
    };
  const before = Object.fromEntries(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, opts.env);
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(keep(out));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(keep(err));
  try {
    const code = await runCli(argv);
    // Decoded whole, as a reader of the pipe would: a character split across two writes stays one.
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
