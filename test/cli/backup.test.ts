// tonghop backup / restore from the command line (in process, the real program): exit codes and
// Vietnamese messages of the contract.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';
import { ON_SERVER, onEngine } from '../support/server.js';

afterEach(() => vi.restoreAllMocks());

const cli = (...args: string[]) => runCliInProcess(args);

describe('tonghop backup / restore', () => {
  it('backs up to a file, lists, restores it (the replaced database kept), refuses bad files with exit 1', async () => {
    const dir = await dataDirFrom('demo');
    const out = tempDir();
    const file = path.join(out, 'phu-van.backup.gz');
    const b = await cli('backup', file, '--data-dir', dir);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^Đã sao lưu vào .*phu-van\.backup\.gz \([\d,]+ KB; 15 tổ, \d+ thành viên, 146 phiếu, 1\.825 số liệu; đã đọc lại và kiểm tra\)\.\n$/u);

    // A folder as target: a dated name inside it. No target: the backups folder.
    expect((await cli('backup', out, '--data-dir', dir)).stdout).toMatch(/tonghop-\d{4}-\d{2}-\d{2}_\d{6}\.backup\.gz/u);
    expect((await cli('backup', '--data-dir', dir)).stdout).toContain(path.join(dir, 'backups'));
    const list = await cli('backup', '--list', '--data-dir', dir);
    expect(list.stdout).toContain(`Thư mục sao lưu: ${path.join(dir, 'backups')}`);
    expect(list.stdout).toMatch(/Lúc tạo +Cách đây +Dung lượng +Loại/u);
    expect(list.stdout).toContain('thủ công');

    const r = await cli('restore', file, '--data-dir', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // A data folder keeps the replaced one aside; a server's replaced rows go to a backup first.
    const kept = ON_SERVER ? /Dữ liệu trước đó đã được sao lưu vào .*backups.*-truoc-khoi-phuc\.backup\.gz\.$/mu : /Dữ liệu trước đó được giữ nguyên ở .*pgdata\.replaced-/u;
    expect(r.stdout).toMatch(/^Đã khôi phục dữ liệu của phường Phù Vân từ bản sao lưu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(15 tổ, .*\)\./u);
    expect(r.stdout).toMatch(kept);
    const keptAside = () => (ON_SERVER ? fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('-truoc-khoi-phuc')) : fs.readdirSync(dir).filter((n) => n.startsWith('pgdata.replaced-')));
    expect(keptAside()).toHaveLength(1);

    const csv = path.join(out, 'x.csv');
    fs.writeFileSync(csv, 'ma_to\n');
    const bad = await cli('restore', csv, '--data-dir', dir);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/không phải là bản sao lưu của tonghop/u);
    const newer = path.join(out, 'newer.backup.gz');
    fs.writeFileSync(newer, zlib.gzipSync(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').replace(/"schema":\d+/u, '"schema":99')));
    const n = await cli('restore', newer, '--data-dir', dir);
    expect(n.code).toBe(1);
    expect(n.stderr).toMatch(/mới hơn \(lược đồ số 99/u);
    expect((await cli('restore', path.join(out, 'khong-co.gz'), '--data-dir', dir)).stderr).toMatch(/không có tệp này/u);
    expect(keptAside()).toHaveLength(1); // refusals changed nothing
  }, 180_000);

  it.skipIf(process.platform !== 'linux')('backup to a full disk: exit 1 with the reason, no file; wrong usage: exit 2', async () => {
    const dir = await dataDirFrom('demo');
    const out = tempDir();
    const real = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      // Only the backup's own temp file fails; the database and lock files write normally.
      if (fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(out)) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCli(await onEngine(['backup', path.join(out, 'b.backup.gz'), '--data-dir', dir]));
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(err).toMatch(/ổ đĩa đã đầy/u);
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await cli('backup', 'a', 'b', '--data-dir', dir)).code).toBe(2);
    expect((await cli('backup', 'a', '--list', '--data-dir', dir)).code).toBe(2);
    expect((await cli('restore', '--data-dir', dir)).code).toBe(2);
  });

  it('--set-dir chooses the folder for the daily backups, --default-dir goes back', async () => {
    const dir = await dataDirFrom('demo');
    const stick = path.join(tempDir(), 'USB', 'tonghop');
    expect((await cli('backup', '--set-dir', stick, '--data-dir', dir)).stdout).toBe(`Thư mục sao lưu tự động: ${stick}\n`);
    expect(fs.existsSync(stick)).toBe(true);
    expect((await cli('backup', '--data-dir', dir)).stdout).toContain(stick);
    expect((await cli('backup', '--default-dir', '--data-dir', dir)).stdout).toContain(path.join(dir, 'backups'));
  });

  it("a restore keeps this database's folder settings, not the backup's (on a server too)", async () => {
    const dir = await dataDirFrom('demo');
    const [usb, nas] = [path.join(tempDir(), 'USB'), path.join(tempDir(), 'NAS')];
    await cli('backup', '--set-dir', usb, '--data-dir', dir);
    const file = path.join(tempDir(), 'ban.backup.gz');
    expect((await cli('backup', file, '--data-dir', dir)).code).toBe(0); // holds backup_dir = USB
    await cli('backup', '--set-dir', nas, '--data-dir', dir);
    expect((await cli('restore', file, '--data-dir', dir)).code).toBe(0);
    expect((await cli('backup', '--list', '--data-dir', dir)).stdout).toContain(`Thư mục sao lưu: ${nas}`);
  });
});
