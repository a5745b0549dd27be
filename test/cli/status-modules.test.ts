// `status --json` that finds nothing changed since the last look reads one stored text: it must
// not load what only an evaluation, a failure or a table needs (#16: module loading was most of
// the distance to the floor). Zod (the plan's schema, ~200 KB even tree-shaken) is the big one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, dataDirFrom, tempDir } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';

const HOOK = path.join(ROOT, 'test/support/module-log.mjs');

function status(dataDir: string, log: string): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', HOOK, CLI, 'status', '--json', '--as-of', '2026-10', '--data-dir', dataDir], {
      env: { ...process.env, TONGHOP_MODULE_LOG: log, TONGHOP_TODAY: '2026-11-23' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, stdout, modules: fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) }));
  });
}

describe.skipIf(ON_SERVER)('status --json with nothing changed', () => {
  it('prints the stored text without loading zod, the plan schema, the refusals or the table code', async () => {
    const data = await dataDirFrom('demo');
    const logs = tempDir('tonghop-modules-');
    const first = await status(data, path.join(logs, 'first.log'));
    expect(first.code).toBe(0);
    const again = await status(data, path.join(logs, 'again.log'));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const ours = again.modules.filter((u) => u.includes('/dist/src/')).map((u) => u.slice(u.indexOf('/dist/src/') + 10));
    expect(ours).toContain('db/status-cache.js'); // the log does see our modules
    for (const unwanted of ['domain/schemas.js', 'cli/refusals.js', 'io/text-table.js', 'db/evaluation.js', 'store/backup.js']) expect(ours).not.toContain(unwanted);
    expect(again.modules.filter((u) => u.includes('/node_modules/zod/'))).toEqual([]);
  });
});
