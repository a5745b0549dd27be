// Migrations: numbered, each applied once, in order, in its own transaction; a failing one leaves
// the database at the previous version; an older database is upgraded on open (after a backup of
// it as it was); a database from a newer program is refused (exit 1 from the command line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationFailedError, NewerDatabaseError, migrate, schemaVersion } from '../../src/db/migrate.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { backupHooks } from '../../src/store/hooks.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import type { DbRunner } from '../../src/db/database.js';
import { listBackups } from '../../src/store/backup-folder.js';
import { readBackupFile, restoreBackup } from '../../src/store/restore.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { emptyDb } from '../support/db.js';
import { dataDirFrom, runCliProcess, tempDir, withRawDb } from '../support/datadir.js';
import { ON_SERVER, placeFor } from '../support/server.js';

const V = SCHEMA_VERSION;
const synthetic = (...sqls: string[]): Migration[] => [...MIGRATIONS, ...sqls.map((sql, i) => ({ version: V + 1 + i, name: `test_${i + 1}`, sql }))];
const tableExists = async (pg: DbRunner, name: string) =>
  (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = $1`, [name])).rows[0]!.n === 1;

describe('migrate (synthetic migration lists)', () => {
  it('applies each pending migration once, in order', async () => {
    const pg = await emptyDb();
    const list = synthetic('CREATE TABLE m_a (id int PRIMARY KEY)', 'CREATE TABLE m_b (id int REFERENCES m_a (id))', 'ALTER TABLE m_b ADD COLUMN x text');
    expect(await migrate(pg, V + 3, list)).toEqual([V + 1, V + 2, V + 3]);
    expect(await schemaVersion(pg)).toBe(V + 3);
    expect(await migrate(pg, V + 3, list)).toEqual([]); // once only
    const names = await pg.query<{ name: string }>('SELECT name FROM schema_version ORDER BY version');
    expect(names.rows.map((r) => r.name).slice(-3)).toEqual(['test_1', 'test_2', 'test_3']);
  });

  it('a failing migration rolls back alone: the database stays at the previous version, then resumes', async () => {
    const pg = await emptyDb();
    const broken = synthetic('CREATE TABLE m_a (id int)', 'CREATE TABLE m_half (id int); SELECT 1 / 0');
    await expect(migrate(pg, V + 2, broken)).rejects.toThrow(/division by zero/u);
    expect(await schemaVersion(pg)).toBe(V + 1); // the first one, in its own transaction, stands
    expect(await tableExists(pg, 'm_a')).toBe(true);
    expect(await tableExists(pg, 'm_half')).toBe(false); // half of the failed one is undone
    const fixed = synthetic('CREATE TABLE m_a (id int)', 'CREATE TABLE m_half (id int)');
    expect(await migrate(pg, V + 2, fixed)).toEqual([V + 2]);
  });

  it('refuses a database made by a newer program, changing nothing', async () => {
    const pg = await emptyDb();
    await pg.query(`INSERT INTO schema_version (version, name) VALUES ($1, 'tuong_lai')`, [V + 5]);
    const err = await migrate(pg).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerDatabaseError);
    expect((err as Error).message).toMatch(/phiên bản tonghop mới hơn \(lược đồ số \d+, chương trình này chỉ hiểu đến số \d+\).*chưa bị thay đổi/u);
    expect(await schemaVersion(pg)).toBe(V + 5);
  });
});

describe('opening a database made by an older version', () => {
  // A PGlite data folder made at version 1 (the server's own upgrade: test/store/server.test.ts).
  it.skipIf(ON_SERVER)('upgrades a database created at schema version 1, its data intact (the real migrations)', async () => {
    // A data folder exactly as the first version left it: initdb, migration 1 only, rows by v1 SQL.
    const dir = tempDir();
    const pg = await openPglite(pgDir(dir));
    await migrate(pg.db, 1);
    expect(await schemaVersion(pg.db)).toBe(1);
    await pg.db.exec(`
      INSERT INTO unit (name, kind, agency) VALUES ('phường Phù Vân', 'phuong', 'UBND PHƯỜNG PHÙ VÂN');
      INSERT INTO indicator (code, label, unit, aggregation, position) VALUES ('luot_ho_tro', 'Số lượt', 'lượt', 'sum', 0);
      INSERT INTO team (code, name, level) VALUES ('TDP01', 'Tổ Đông Sơn', 'area'), ('THON-A.2_B', 'Tổ thôn A', 'area');
      INSERT INTO form (team_id, month, source) VALUES (1, '2026-10', 'typed');
      INSERT INTO form_value (form_id, indicator, value) VALUES (1, 'luot_ho_tro', 57);
      INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES (1, '2026-10', 'luot_ho_tro', NULL, '57', 'typed');`);
    await pg.flush();
    const v1Backup = path.join(tempDir(), 'v1.backup.gz');
    await writeBackupFile(pg.db, v1Backup);
    await pg.close();
    // A second copy whose rows break a rule version 2 enforces (written behind the program's back).
    const bad = tempDir();
    fs.cpSync(pgDir(dir), pgDir(bad), { recursive: true });

    const db = await openDatabase({ dataDir: dir, command: 'test', ...backupHooks() });
    expect(await schemaVersion(db.db)).toBe(SCHEMA_VERSION);
    expect((await db.db.query(`SELECT value FROM form_value`)).rows).toEqual([{ value: 57 }]);
    expect((await db.db.query(`SELECT code FROM team ORDER BY id`)).rows).toEqual([{ code: 'TDP01' }, { code: 'THON-A.2_B' }]);
    // What the packed-rows codec relies on is now the database's to enforce.
    await expect(db.db.query(`INSERT INTO indicator (code, label, unit, aggregation, position) VALUES ('so ho', 'x', 'x', 'sum', 1)`)).rejects.toThrow(/indicator_code_shape/u);
    await expect(db.db.query(`INSERT INTO indicator (code, label, unit, aggregation, position) VALUES ('a,b', 'x', 'x', 'sum', 1)`)).rejects.toThrow(/indicator_code_shape/u);
    await expect(db.db.query(`INSERT INTO team (code, name, level) VALUES ('tdp 02', 'x', 'area')`)).rejects.toThrow(/team_code_shape/u);
    await expect(db.db.query(`INSERT INTO team (code, name, level) VALUES ('A23456789012345678901', 'x', 'area')`)).rejects.toThrow(/team_code_shape/u);
    await expect(db.db.query(`INSERT INTO value_change (team_id, month, field, source) VALUES (1, '2026-13', 'x', 'typed')`)).rejects.toThrow(/value_change_month_shape/u);
    await db.close();
    // Upgrading first backs the old database up.
    const pre = listBackups(path.join(dir, 'backups')).filter((b) => b.kind === 'pre-upgrade');
    expect(pre).toHaveLength(1);

    // A backup made at version 1 restores into version 2 with its rows.
    const elsewhere = tempDir();
    const restored = await restoreBackup(elsewhere, v1Backup);
    expect(restored.header.schema).toBe(1);
    const again = await openDatabase({ dataDir: elsewhere, command: 'test' });
    expect(await schemaVersion(again.db)).toBe(SCHEMA_VERSION);
    expect((await again.db.query(`SELECT count(*) AS n FROM value_change`)).rows).toEqual([{ n: 1 }]);
    await again.close();

    // A version-1 database with a row version 2 forbids: refused in Vietnamese, left at version 1.
    const raw = await openPglite(pgDir(bad));
    await raw.db.exec(`INSERT INTO team (code, name, level) VALUES ('tdp 03', 'Tổ viết tay', 'area')`);
    await raw.flush();
    await raw.close();
    const err = await openDatabase({ dataDir: bad, command: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationFailedError);
    expect((err as Error).message).toMatch(/^Không nâng cấp được dữ liệu lên lược đồ số 2 \(.*team_code_shape.*\)\. Dữ liệu vẫn ở lược đồ số 1, chưa bị thay đổi/u);
    expect(fs.existsSync(path.join(bad, 'tonghop.lock'))).toBe(false);
    const check = await openPglite(pgDir(bad));
    expect(await schemaVersion(check.db)).toBe(1);
    await check.close();
  }, 120_000);

  it('runs pending migrations on open, after a backup of the database as it was', async () => {
    const dir = await dataDirFrom('demo');
    const migrations = synthetic(`ALTER TABLE team ADD COLUMN ghi_chu text`);
    const db = await openDatabase({ ...(await placeFor(dir)), command: 'test', migrations, ...backupHooks() });
    expect(await schemaVersion(db.db)).toBe(V + 1);
    await db.close();
    const pre = listBackups(path.join(dir, 'backups'));
    expect(pre.map((b) => b.kind)).toEqual(['pre-upgrade']);
    expect(pre[0]!.name).toMatch(new RegExp(`-truoc-nang-cap-v${V}\\.backup\\.gz$`, 'u'));
    const backup = await readBackupFile(pre[0]!.file);
    expect(backup.header.schema).toBe(V);
    expect(backup.header.counts.team).toBe(15);
  });

  it('a failing upgrade leaves the folder at its version and the lock free', async () => {
    const dir = await dataDirFrom('demo');
    const migrations = synthetic(`ALTER TABLE khong_co ADD COLUMN x int`);
    await expect(openDatabase({ ...(await placeFor(dir)), command: 'test', migrations })).rejects.toThrow(/khong_co/u);
    expect(fs.existsSync(path.join(dir, 'tonghop.lock'))).toBe(false);
    const db = await openDatabase({ ...(await placeFor(dir)), command: 'test' });
    expect(await schemaVersion(db.db)).toBe(V);
    await db.close();
  });

  it('the command line refuses a database from a newer version: exit 1, message, nothing changed', async () => {
    const dir = await dataDirFrom('demo');
    await withRawDb(dir, (db) => db.query(`INSERT INTO schema_version (version, name) VALUES ($1, 'tuong_lai')`, [V + 1]));
    const r = await runCliProcess(['status'], { TONGHOP_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mới hơn \(lược đồ số \d+/u);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(ON_SERVER ? [] : ['pgdata']);
    expect(await withRawDb(dir, schemaVersion)).toBe(V + 1);
  });
});
