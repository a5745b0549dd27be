// A full disk under the data folder during an import (#10 item 18): PostgreSQL's English
// "could not extend file …: No space left on device" reached the officer with a stack trace and
// exit 70. Now: exit 1, a Vietnamese reason saying what to do, and the database as it was.
// The disk is made full by a preload in the real process (test/support/full-disk.cjs): no root,
// no tiny mount, the same failure PGlite's file layer raises on a full drive.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess, snapshot, tempDir, withRawDb } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';
import { pgDir } from '../../src/store/data-folder.js';

const FULL_DISK = path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/full-disk.cjs');

// The preload fills the embedded database's disk; a server's disk is the server's own.
describe.skipIf(ON_SERVER)('tonghop import onto a full disk (real process)', { timeout: 180_000 }, () => {
  it('exit 1, says in Vietnamese to free space and import again, nothing changed', async () => {
    const data = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'to.csv');
    // Enough new teams that PostgreSQL must grow its files: the write the full disk refuses.
    const rows = Array.from({ length: 400 }, (_, i) => `X${String(i).padStart(3, '0')},Tổ tự quản số ${i} ${'thôn Đông '.repeat(8)}`);
    fs.writeFileSync(file, ['ma_to,ten_to', ...rows].join('\n') + '\n');
    const before = await withRawDb(data, snapshot);

    const r = await runCliProcess(['import', 'teams', file, '--data-dir', data], {
      NODE_OPTIONS: `--require ${FULL_DISK}`,
      FULL_DISK_UNDER: path.join(pgDir(data), 'base'), // the tables' files: the import's rows are what fill the disk
      FULL_DISK_AFTER_READING: file,
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Ổ đĩa đã đầy');
    expect(r.stderr).toContain('Không có gì bị thay đổi');
    expect(r.stderr).toContain(`giải phóng chỗ trống trên ổ đĩa chứa thư mục dữ liệu ${data}`);
    expect(r.stderr).toContain('nhập lại tệp');
    expect(r.stderr).not.toMatch(/No space left|could not extend|\n\s+at .+:\d+/u);
    expect(r.stdout).toBe('');

    expect(await withRawDb(data, snapshot)).toEqual(before);
    // With room again, the same import goes through.
    const again = await runCliProcess(['import', 'teams', file, '--data-dir', data]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('a disk already full when the program opens: a full disk, not damaged data (exit 1, what to do)', async () => {
    const data = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'to.csv');
    fs.writeFileSync(file, 'ma_to,ten_to\nX001,Tổ mới\n');
    const before = await withRawDb(data, snapshot);
    for (const args of [['status'], ['import', 'teams', file]]) {
      const r = await runCliProcess([...args, '--data-dir', data], {
        NODE_OPTIONS: `--require ${FULL_DISK}`,
        FULL_DISK_UNDER: pgDir(data),
        FULL_DISK_FILES: 'all', // from the start, every file PostgreSQL writes as it opens
      });
      // Before: "Không mở được cơ sở dữ liệu … (có thể do mất điện khi đang ghi; PGlite failed to initialize properly). Hãy khôi phục…"
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('Ổ đĩa đã đầy nên không mở được dữ liệu');
      expect(r.stderr).toContain(`giải phóng chỗ trống trên ổ đĩa chứa thư mục dữ liệu ${data}`);
      expect(r.stderr).toContain('chạy lại lệnh hoặc mở lại chương trình');
      expect(r.stderr).not.toMatch(/mất điện|khôi phục|PGlite|\n\s+at .+:\d+/u);
      expect(r.stdout).toBe('');
    }
    expect(fs.readdirSync(pgDir(data)).filter((n) => n.includes('space-check'))).toEqual([]); // the probe is gone
    expect(await withRawDb(data, snapshot)).toEqual(before);
    const again = await runCliProcess(['status', '--data-dir', data]);
    expect(again.code, again.stderr).toBe(0);
  });
});
