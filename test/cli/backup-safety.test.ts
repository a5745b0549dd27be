// The data folder as a hostile or clumsy user meets it: a backup never replaces a file, odd paths
// and empty options are refused with exit 1/2 in Vietnamese, a linked pgdata opens, and what a
// killed backup or restore left behind is cleaned on the next start. The refusals and the gzip
// bombs (peak memory of the process) run real processes; the rest runs the program's own runCli
// in this process (support/cli.ts: no Node start and WebAssembly compile per command).
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_SUFFIX } from '../../src/store/backup-folder.js';
import { dataDirFrom, runCliProcess, tempDir } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';
import { runCliInProcess } from '../support/cli.js';

const run = (args: string[], env?: Record<string, string>) => runCliInProcess(args, env ? { env } : {});

// Real processes in some tests; two cores shared by many: a generous ceiling, no timing asserted.
vi.setConfig({ testTimeout: 180_000 });
const backups = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith(BACKUP_SUFFIX));

// About a data folder; on a server the same commands run on the server project's own tests.
describe.skipIf(ON_SERVER)('backup FILE never replaces a file (item 9)', () => {
  it('an existing document and an existing backup get -2, -3…; both stay as they were', async () => {
    const dir = await dataDirFrom();
    const out = tempDir();
    const doc = path.join(out, 'bao-cao.docx');
    fs.writeFileSync(doc, 'tài liệu Word của chị');
    const r = await run(['backup', doc, '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(doc, 'utf8')).toBe('tài liệu Word của chị'); // before the fix: replaced by a backup
    expect(r.stdout).toContain(path.join(out, 'bao-cao-2.docx'));
    expect(fs.readFileSync(path.join(out, 'bao-cao-2.docx')).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const older = path.join(out, 'thang-11.backup.gz');
    fs.writeFileSync(older, 'bản cũ');
    fs.writeFileSync(path.join(out, 'thang-11-2.backup.gz'), 'bản cũ hơn');
    const again = await run(['backup', older, '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(path.join(out, 'thang-11-3.backup.gz'));
    expect(fs.readFileSync(older, 'utf8')).toBe('bản cũ');
    expect(fs.readFileSync(path.join(out, 'thang-11-2.backup.gz'), 'utf8')).toBe('bản cũ hơn');
  });
});

describe.skipIf(ON_SERVER)('paths and options (item 19)', () => {
  it('backup newdir/ writes a dated backup inside a new folder, not a file named newdir', async () => {
    const dir = await dataDirFrom();
    const target = path.join(tempDir(), 'sao-luu-moi');
    const r = await run(['backup', `${target}${path.sep}`, '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(backups(target)).toHaveLength(1);
  });

  it('--data-dir "" and backup --set-dir "" are refused (exit 2), not taken as the default folder', async () => {
    const dir = await dataDirFrom();
    const status = await runCliProcess(['status', '--data-dir', ''], { TONGHOP_DATA_DIR: dir });
    expect(status.code).toBe(2);
    expect(status.stderr).toContain("tùy chọn '--data-dir <DIR>' cần tên một thư mục, không được để trống");
    expect(status.stdout).toBe('');
    const ui = await runCliProcess(['--data-dir='], { TONGHOP_DATA_DIR: dir });
    expect(ui.code).toBe(2);
    expect(ui.stderr).toContain('không được để trống');
    const setDir = await runCliProcess(['backup', '--set-dir', '', '--data-dir', dir]);
    expect(setDir.code).toBe(2);
    expect(setDir.stderr).toContain("tùy chọn '--set-dir <DIR>' cần tên một thư mục, không được để trống");
    const list = await run(['backup', '--list', '--data-dir', dir]);
    expect(list.stdout).toContain(path.join(dir, 'backups')); // still the default
  });

  it.skipIf(process.platform === 'win32')('a symlinked pgdata/ is followed, not reported as damaged', async () => {
    const real = await dataDirFrom();
    const linked = tempDir();
    fs.symlinkSync(path.join(real, 'pgdata'), path.join(linked, 'pgdata'));
    const r = await run(['status', '--data-dir', linked], { TONGHOP_TODAY: '2026-12-01' });
    expect(r.stderr).not.toMatch(/mất điện|object Object/u);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phiếu đã nhận');
    expect(fs.lstatSync(path.join(linked, 'pgdata')).isSymbolicLink()).toBe(true);
  });

  it('leftovers of a killed backup and a killed restore are removed on the next start; finished backups stay', async () => {
    const dir = await dataDirFrom();
    const bk = path.join(dir, 'backups');
    fs.mkdirSync(bk);
    const finished = path.join(bk, 'tonghop-2026-11-30_080000-tu-dong.backup.gz');
    fs.writeFileSync(finished, 'x');
    const halfBackup = path.join(bk, '.tonghop-2026-12-01_080000-tu-dong.backup.gz.tmp-999999-1');
    fs.writeFileSync(halfBackup, 'nửa chừng');
    const halfRestore = path.join(dir, 'pgdata.tmp-restore-999999-1764576000000');
    fs.mkdirSync(halfRestore);
    fs.writeFileSync(path.join(halfRestore, 'PG_VERSION'), '17');
    const r = await run(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-12-01' });
    expect(r.code).toBe(0);
    expect(fs.existsSync(halfBackup)).toBe(false);
    expect(fs.existsSync(halfRestore)).toBe(false);
    expect(fs.existsSync(finished)).toBe(true);
  });
});

/** A gzip bomb: a plausible header, then `mib` MiB of one byte (a 1 MB file per GB). */
async function gzipBomb(file: string, mib: number, header: object, body: 'one-line' | 'rows'): Promise<void> {
  const gz = zlib.createGzip({ level: 9 });
  const done = pipeline(gz, fs.createWriteStream(file));
  gz.write(JSON.stringify(header) + '\n{"table":"unit","columns":["id"],"types":["integer"]}\n' + (body === 'one-line' ? '["' : ''));
  const chunk = body === 'one-line' ? Buffer.alloc(1 << 20, 0x78) : Buffer.from('["1"]\n'.repeat((1 << 20) / 8));
  for (let i = 0; i < mib; i++) if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await done;
}

describe.skipIf(ON_SERVER)('gzip bombs are refused early, in little memory (items 12, 18)', () => {
  const header = { format: 'tonghop-backup', version: 1, schema: 2, created: '2026-12-01T00:00:00.000Z', unit: 'Xã Bom', counts: { unit: 1 }, sha256: '0'.repeat(64) };
  const peakKb = (stderr: string) => Number(/tonghop-rss-kb=(\d+)/u.exec(stderr)?.[1]);

  it('512 MB of one line (more than a string can hold): exit 1 in Vietnamese, not exit 70; peak memory stays small; the database untouched', async () => {
    const dir = await dataDirFrom();
    const bomb = path.join(tempDir(), 'bom.backup.gz');
    await gzipBomb(bomb, 512, header, 'one-line');
    expect(fs.statSync(bomb).size).toBeLessThan(1 << 20);
    const before = fs.readdirSync(dir).sort();
    const r = await runCliProcess(['restore', bomb, '--data-dir', dir], { TONGHOP_REPORT_RSS: '1' });
    expect(r.stderr).not.toMatch(/\n\s+at |Lỗi không mong đợi|ERR_STRING_TOO_LONG/u); // before: exit 70, "Cannot create a string longer than…"
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('có một dòng dài hơn 256 KB');
    expect(r.stderr).toContain('Không có gì bị thay đổi');
    expect(peakKb(r.stderr)).toBeLessThan(250_000); // before: ~2 GB for a 1 GB bomb
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('more rows than the header announces: refused at the first one too many', async () => {
    const dir = await dataDirFrom();
    const bomb = path.join(tempDir(), 'bom-dong.backup.gz');
    await gzipBomb(bomb, 256, header, 'rows');
    const r = await runCliProcess(['restore', bomb, '--data-dir', dir], { TONGHOP_REPORT_RSS: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bảng unit có nhiều dòng hơn đầu tệp ghi (1)');
    expect(peakKb(r.stderr)).toBeLessThan(250_000);
  });
});

describe.skipIf(ON_SERVER)('a path through a file: exit 1 in Vietnamese, not exit 70 (item 18)', () => {
  it('backup FILE/x.backup.gz and export --out FILE', async () => {
    const dir = await dataDirFrom();
    const file = path.join(tempDir(), 'bao-cao.docx');
    fs.writeFileSync(file, 'Word');
    const b = await run(['backup', path.join(file, 'x.backup.gz'), '--data-dir', dir]);
    expect(b.stderr).not.toMatch(/\n\s+at |Lỗi không mong đợi/u); // before: exit 70, EEXIST stack
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('ở đó đã có một tệp, không phải thư mục');
    expect(b.stderr).toContain('Hãy chọn nơi khác');
    const e = await run(['export', 'figures', '--period', '2026-10', '--out', file, '--data-dir', dir], { TONGHOP_TODAY: '2026-12-01' });
    expect(e.stderr).not.toMatch(/\n\s+at |Lỗi không mong đợi/u);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('ở đó đã có một tệp');
    expect(fs.readFileSync(file, 'utf8')).toBe('Word');
  });
});
