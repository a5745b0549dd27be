// The real command-line program run inside the test process (fast: no build, no new process),
// with what it writes captured. Same result shape as runCliProcess of test/db/datadir.ts. In the
// server project it works on the server's database standing for the data folder named (server.ts).
import { vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { onEngine } from './server.js';

/** asGiven: run the arguments as they are (a test choosing the engine itself). */
export async function runCliInProcess(args: readonly string[], opts: { asGiven?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = opts.asGiven ? [...args] : await onEngine(args);
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
