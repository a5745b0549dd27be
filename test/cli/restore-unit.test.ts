// Restoring another commune's backup, and taking a restore back (item 11), on real data folders.
// The commands run the program's own runCli in this process (support/cli.ts: no Node start and
// WebAssembly compile each); the refusal runs as a real process (exit 1, no stack, as the shell sees it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess, tempDir } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';
import { runCliInProcess } from '../support/cli.js';

const env = { TONGHOP_TODAY: '2026-12-01' };
const run = (args: string[], vars: Record<string, string>) => runCliInProcess(args, { env: vars });

// About a data folder (the server's restore keeps a backup of what it replaces instead).
describe.skipIf(ON_SERVER)("another commune's backup; restore --undo (item 11)", { timeout: 300_000 }, () => {
  it('refused without --force naming both communes; with --force restored; --undo brings back what it replaced', async () => {
    const demo = await dataDirFrom('demo');
    const mine = path.join(tempDir(), 'du-lieu');
    expect((await run(['init', '--plan', 'ngoc-lien-2026', '--unit', 'Xã Thử Nghiệm', '--data-dir', mine], env)).code).toBe(0);
    const backup = path.join(tempDir(), 'cua-xa-khac.backup.gz');
    expect((await run(['backup', backup, '--data-dir', demo], env)).code).toBe(0);
    const before = (await run(['status', '--json', '--data-dir', mine], env)).stdout;
    const folders = fs.readdirSync(mine).sort();

    const r = await runCliProcess(['restore', backup, '--data-dir', mine], env);
    expect(r.code).toBe(1); // before the fix: restored without a word
    expect(r.stderr).toMatch(/là dữ liệu của .+, còn dữ liệu đang dùng là của xã Thử Nghiệm\. Không có gì bị thay đổi\..*--force/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(fs.readdirSync(mine).sort()).toEqual(folders);
    expect((await run(['status', '--json', '--data-dir', mine], env)).stdout).toBe(before);

    const forced = await run(['restore', backup, '--force', '--data-dir', mine], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('tonghop restore --undo');
    const restored = (await run(['status', '--json', '--data-dir', mine], env)).stdout;
    expect(restored).toBe((await run(['status', '--json', '--data-dir', demo], env)).stdout);

    const undo = await run(['restore', '--undo', '--data-dir', mine], env);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Đã hoàn tác lần khôi phục');
    expect((await run(['status', '--json', '--data-dir', mine], env)).stdout).toBe(before);
    expect(fs.readdirSync(mine).filter((n) => n.startsWith('pgdata.replaced-'))).toHaveLength(1); // the undone restore is kept too

    const again = await run(['restore', '--undo', '--data-dir', mine], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Không có lần khôi phục nào để hoàn tác');
    expect((await run(['restore', '--undo', backup, '--data-dir', mine], env)).code).toBe(2);
  });
});
