// Whole-process measurements: a command timed from spawn to exit, peak RSS reported by the
// child itself at exit. (The UI in a pseudo-terminal: pty.ts.)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The shipped program: the esbuild bundle that `npm start` runs. */
export const MAIN = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'main.js');
export const FLOOR = path.join(PACKAGE_ROOT, 'dist', 'test', 'bench', 'floor.js');

export interface ProcessRun {
  /** Spawn → exit (commands) or spawn → the last marker (UI). */
  ms: number;
  /** Spawn → each marker seen, in order. */
  marks: number[];
  rssMb: number | null;
  code: number | null;
  output: string;
}

const RSS_RE = /tonghop-rss-kb=(\d+)/u;

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TONGHOP_REPORT_RSS: '1', FORCE_COLOR: '0' };
  delete env.CI; // Ink draws only the last frame in CI mode
  return env;
}

/** Run `node <script> args…` to completion. */
export function runNode(script: string, args: string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [script, ...args], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      const rss = RSS_RE.exec(out);
      resolve({ ms: performance.now() - t0, marks: [], rssMb: rss ? Number(rss[1]) / 1024 : null, code, output: out });
    });
  });
}
