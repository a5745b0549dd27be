// A data folder damaged beyond what PGlite's log replay can fix (e.g. by a power cut with the
// OS writing out of order): opening says so and names the newest backup and the command that
// restores it; the restore works without opening the damaged folder, and keeps it aside.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedDatabaseError, pgDir } from '../../src/store/data-folder.js';
import { openDatabase } from '../../src/store/open.js';
import { freshBackupPath } from '../../src/store/backup-folder.js';
import { restoreBackup } from '../../src/store/restore.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { demoDb } from '../support/db.js';
import { dataDirFrom } from '../support/datadir.js';

describe('a damaged database', () => {
  it('is reported with the way back (newest backup, restore command); restoring it keeps the damaged folder', async () => {
    const dir = await dataDirFrom('demo');
    const backup = freshBackupPath(path.join(dir, 'backups'), new Date(2026, 10, 22, 8), 'auto');
    await writeBackupFile(await demoDb(), backup);
    fs.rmSync(path.join(pgDir(dir), 'global', 'pg_control'));
    const err = await openDatabase({ dataDir: dir, command: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as Error).message).toMatch(/^Không mở được cơ sở dữ liệu trong .*pgdata \(có thể do mất điện khi đang ghi; /u);
    expect((err as Error).message).toContain(`Khôi phục bằng lệnh: tonghop restore "${backup}" --data-dir "${dir}"`);
    expect(fs.existsSync(path.join(dir, 'tonghop.lock'))).toBe(false);

    const r = await restoreBackup(dir, backup);
    expect(fs.existsSync(path.join(r.replaced!, 'global'))).toBe(true); // the damaged one, kept
    const db = await openDatabase({ dataDir: dir, command: 'test' });
    expect((await db.db.query<{ n: number }>('SELECT count(*)::int AS n FROM team')).rows[0]!.n).toBe(15);
    await db.close();
  }, 180_000);
});
