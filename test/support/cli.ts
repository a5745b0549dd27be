// The real command-line program run inside the test process (fast: no build, no new process),
// with what it writes captured. Same result shape as runCliProcess of test/db/datadir.ts.
import { vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';

export async function runCliInProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await runCli([...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
