// `status` is over in a second or two: V8's optimising recompilation of PGlite's WebAssembly
// (TurboFan, on background threads) was ~850 ms of CPU of such a process, never earned back.
// The shipped program keeps PGlite on the baseline compiler for a status (store/wasm-tiering.ts);
// V8's own trace of every compiled function says which compiler compiled it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROGRAM, dataDirFrom } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';

function traced(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--trace-wasm-compilation-times', PROGRAM, ...args], {
      env: { ...process.env, TONGHOP_TODAY: '2026-11-23' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, stdout }));
  });
}

const compiledBy = (out: string, compiler: string) => out.split('\n').filter((l) => l.startsWith('Compiled function') && l.includes(`using ${compiler}`)).length;

describe.skipIf(ON_SERVER)('status and V8’s WebAssembly compilers', () => {
  it('a status runs PGlite on the baseline compiler: a few functions at most recompiled by TurboFan, not hundreds', async () => {
    const data = await dataDirFrom('demo');
    for (const args of [['--json'], []]) {
      const r = await traced(['status', ...args, '--as-of', '2026-10', '--data-dir', data]);
      expect(r.code).toBe(0);
      expect(compiledBy(r.stdout, 'Liftoff')).toBeGreaterThan(100); // the trace is there
      // Before: ~290 functions recompiled. A function that runs very long (the executor, on a first
      // full evaluation) may still tier up: the budget delays tiering, it does not forbid it.
      expect(compiledBy(r.stdout, 'TurboFan')).toBeLessThanOrEqual(10);
    }
  }, 120_000);
});
