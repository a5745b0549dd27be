// `tonghop status | head`: the reader goes away before the program has printed everything. That
// is not the command's failure: no stack trace, exit 0, the database closed as usual (the next
// command opens it at once).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, dataDirFrom, runCliProcess } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';

function statusIntoClosedPipe(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [CLI, 'status', '--json', '--as-of', '2026-10', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout.destroy(); // the reader is gone before the first byte
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, stderr }));
  });
}

// The pipe is the program's, not the engine's: run once, on the embedded database.
describe.skipIf(ON_SERVER)('output into a closed pipe', () => {
  it('ends normally: exit 0, no stack trace, the database closed', async () => {
    const dir = await dataDirFrom('demo');
    const r = await statusIntoClosedPipe(dir);
    expect(r.stderr).not.toMatch(/EPIPE|node:events|\n\s+at /u);
    expect(r.code).toBe(0);
    const again = await runCliProcess(['status', '--as-of', '2026-10', '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Phiếu đã nhận');
  });
});
