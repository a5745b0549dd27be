// Migrations: numbered, each applied once, in order, in its own transaction; a failing one leaves
// the database at the previous version; an older database is upgraded on open (after a backup of
// it as it was); a database from a newer program is refused (exit 1 from the command line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError, migrate, schemaVersion } from '../../src/db/migrate.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { openDatabase, pgDir } from '../../src/db/open.js';
import type { DbRunner } from '../../src/db/database.js';
import { listBackups } from '../../src/io/backup/folder.js';
import { readBackupFile } from '../../src/io/backup/restore.js';
import { emptyDb } from '../support/db.js';
import { dataDirFrom, runCliProcess, tempDir } from './datadir.js';

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
  it('upgrades a database created at schema version 1, its data intact (the real migrations)', async () => {
    // A data folder exactly as the first version left it: initdb, migration 1 only, rows by v1 SQL.
    // While version 1 is the latest, the empty template is exactly that (no 10 s initdb).
    const dir = SCHEMA_VERSION === 1 ? await dataDirFrom('empty') : tempDir();
    const pg = await openPglite(pgDir(dir));
    await migrate(pg.db, 1);
    expect(await schemaVersion(pg.db)).toBe(1);
    await pg.db.exec(`
      INSERT INTO unit (name, kind, agency) VALUES ('phường Phù Vân', 'phuong', 'UBND PHƯỜNG PHÙ VÂN');
      INSERT INTO indicator (code, label, unit, aggregation, position) VALUES ('luot_ho_tro', 'Số lượt', 'lượt', 'sum', 0);
      INSERT INTO team (code, name, level) VALUES ('TDP01', 'Tổ Đông Sơn', 'area');
      INSERT INTO form (team_id, month, source) VALUES (1, '2026-10', 'typed');
      INSERT INTO form_value (form_id, indicator, value) VALUES (1, 'luot_ho_tro', 57);`);
    await pg.db.exec('CHECKPOINT');
    await pg.close();

    const db = await openDatabase({ dataDir: dir, command: 'test', autoBackup: false });
    expect(await schemaVersion(db.db)).toBe(SCHEMA_VERSION);
    const v = await db.db.query<{ value: number }>(`SELECT value FROM form_value`);
    expect(v.rows).toEqual([{ value: 57 }]);
    await db.close();
    // Upgrading (when there is anything to upgrade) first backs the old database up.
    const pre = listBackups(path.join(dir, 'backups')).filter((b) => b.kind === 'pre-upgrade');
    expect(pre).toHaveLength(SCHEMA_VERSION > 1 ? 1 : 0);
  }, 60_000);

  it('runs pending migrations on open, after a backup of the database as it was', async () => {
    const dir = await dataDirFrom('demo');
    const migrations = synthetic(`ALTER TABLE team ADD COLUMN ghi_chu text`);
    const db = await openDatabase({ dataDir: dir, command: 'test', autoBackup: false, migrations });
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
    await expect(openDatabase({ dataDir: dir, command: 'test', autoBackup: false, migrations })).rejects.toThrow(/khong_co/u);
    expect(fs.existsSync(path.join(dir, 'tonghop.lock'))).toBe(false);
    const db = await openDatabase({ dataDir: dir, command: 'test', autoBackup: false });
    expect(await schemaVersion(db.db)).toBe(V);
    await db.close();
  });

  it('the command line refuses a database from a newer version: exit 1, message, nothing changed', async () => {
    const dir = await dataDirFrom('demo');
    const pg = await openPglite(pgDir(dir));
    await pg.db.query(`INSERT INTO schema_version (version, name) VALUES ($1, 'tuong_lai')`, [V + 1]);
    await pg.db.exec('CHECKPOINT');
    await pg.close();
    const r = await runCliProcess(['status'], { TONGHOP_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mới hơn \(lược đồ số \d+/u);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(['pgdata']);
  });
});
