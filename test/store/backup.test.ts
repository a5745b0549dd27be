// Backups: a round trip gives back every row of every table (and the same figures export);
// refused files change nothing; the replaced database is kept aside; an older-schema backup is
// migrated up after loading.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setValue } from '../../src/db/forms.js';
import { moveMember } from '../../src/db/members.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import { setSetting } from '../../src/db/unit.js';
import { parsePeriod } from '../../src/domain/period.js';
import { BackupError, sha256 } from '../../src/io/backup/format.js';
import { prepareRestore, restoreBackup, swapIn } from '../../src/store/restore.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { exportFigures } from '../../src/io/export/figures.js';
import { dataDirFrom, snapshot, tempDir } from '../support/datadir.js';
import { demoDb } from '../support/db.js';


const open = (dataDir: string) => openDatabase({ dataDir, command: 'test' });

/** Unzip, change, zip again (to forge files: newer, tampered). */
function rewrite(file: string, out: string, change: (text: string) => string): string {
  fs.writeFileSync(out, zlib.gzipSync(change(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))));
  return out;
}

describe('backup and restore round trip', () => {
  it('restore then export equals the export before backup (figures CSV byte for byte, every table row by row); old database kept aside', async () => {
    const dir = await dataDirFrom('demo');
    const db = await open(dir);
    // Give every table something: typed changes (change log), a moved member, a setting.
    await db.db.transaction(async (tx) => {
      await setValue(tx, 1, '2026-11', 'luot_ho_tro', 42);
      await setValue(tx, 1, '2026-10', 'luot_ho_tro', null);
      const m = await tx.query<{ id: number }>('SELECT id FROM member WHERE team_id = 1 AND left_on IS NULL ORDER BY id LIMIT 1');
      await moveMember(tx, m.rows[0]!.id, 2, '2026-11-01');
      await setSetting(tx, 'thresholds', '{"on_track":1,"behind":0.7}');
      await tx.query(`UPDATE team SET name = 'Tổ “Đông Sơn” – 1' WHERE id = 1`); // quotes, dashes
    });
    const before = await snapshot(db.db);
    const csvBefore = (await exportFigures(db.db, parsePeriod('2026')!, 'wide')).text;
    const file = path.join(tempDir(), 'sao-luu.backup.gz');
    const written = await writeBackupFile(db.db, file);
    expect(written.header.counts.value_change).toBeGreaterThan(0);
    expect(written.header.schema).toBe(SCHEMA_VERSION);
    // Work goes on after the backup: the restore must take it back out.
    await db.db.transaction((tx) => setValue(tx, 3, '2026-11', 'luot_ho_tro', 7));
    await db.close();

    const r = await restoreBackup(dir, file);
    expect(r.replaced).toMatch(/pgdata\.replaced-\d{8}-\d{6}$/u);
    expect(fs.existsSync(path.join(r.replaced!, 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('pgdata.tmp'))).toEqual([]);

    const again = await open(dir);
    expect(await snapshot(again.db)).toEqual(before);
    expect((await exportFigures(again.db, parsePeriod('2026')!, 'wide')).text).toBe(csvBefore);
    // Counters moved past the restored rows: new rows get fresh ids, no key clash.
    await again.db.transaction((tx) => setValue(tx, 4, '2026-11', 'luot_ho_tro', 9));
    await again.db.query(`INSERT INTO area (name) VALUES ('Thôn mới')`);
    await again.close();
  });

  it('restores onto a new computer (no database yet) and into an open app (reopenAfter)', async () => {
    const src = await dataDirFrom('demo');
    const db = await open(src);
    const file = path.join(tempDir(), 'b.backup.gz');
    await writeBackupFile(db.db, file);
    const want = await snapshot(db.db);
    // The app keeps its Database; the folder is swapped under it and queries follow.
    await db.db.transaction((tx) => setValue(tx, 1, '2026-11', 'luot_ho_tro', 5));
    const prepared = await prepareRestore(src, file);
    const pending = db.db.query('SELECT count(*) FROM team'); // made while swapping: waits, then works
    await db.reopenAfter!(() => {
      swapIn(src, prepared);
    });
    await pending;
    expect(await snapshot(db.db)).toEqual(want);
    await db.close();

    const fresh = path.join(tempDir(), 'may-moi');
    const r = await restoreBackup(fresh, file);
    expect(r.replaced).toBeNull();
    const there = await open(fresh);
    expect(await snapshot(there.db)).toEqual(want);
    await there.close();
  });

  it('a restore killed between its two renames is finished by the next start (never no database)', async () => {
    const dir = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'b.backup.gz');
    const db = await open(dir);
    await writeBackupFile(db.db, file);
    const want = await snapshot(db.db);
    await db.db.transaction((tx) => setValue(tx, 1, '2026-11', 'luot_ho_tro', 5));
    await db.close();
    const prepared = await prepareRestore(dir, file);
    fs.renameSync(pgDir(dir), path.join(dir, 'pgdata.replaced-20261123-090000')); // …and killed here
    const again = await open(dir);
    expect(await snapshot(again.db)).toEqual(want);
    await again.close();
    expect(fs.existsSync(prepared.folder)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['pgdata', 'pgdata.replaced-20261123-090000']);
  });

  it('an older-schema backup is loaded at its own schema, then migrated up', async () => {
    const dir = await dataDirFrom('demo');
    const db = await open(dir);
    const file = path.join(tempDir(), 'v1.backup.gz');
    await writeBackupFile(db.db, file);
    await db.close();
    const next = SCHEMA_VERSION + 1;
    const migrations = [...MIGRATIONS, { version: next, name: 'test_column', sql: `ALTER TABLE team ADD COLUMN ghi_chu text NOT NULL DEFAULT 'mới'` }];
    const r = await restoreBackup(dir, file, { migrations });
    expect(r.header.schema).toBe(SCHEMA_VERSION);
    const up = await openDatabase({ dataDir: dir, command: 'test', migrations });
    const v = await up.db.query<{ v: number }>('SELECT max(version) AS v FROM schema_version');
    expect(v.rows[0]!.v).toBe(next);
    const t = await up.db.query<{ n: number; g: string }>(`SELECT count(*)::int AS n, min(ghi_chu) AS g FROM team`);
    expect(t.rows[0]).toEqual({ n: 15, g: 'mới' });
    await up.close();
  }, 180_000);
});

describe('restore refuses, and changes nothing', () => {
  async function refused(dir: string, file: string, problem: string, message: RegExp) {
    const before = fs.readdirSync(dir).sort();
    const err = await restoreBackup(dir, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).problem).toBe(problem);
    expect((err as Error).message).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before); // no tmp folder, nothing replaced, lock gone
    expect(fs.existsSync(path.join(pgDir(dir), 'PG_VERSION'))).toBe(true);
  }

  async function goodBackup(): Promise<string> {
    const file = path.join(tempDir(), 'good.backup.gz');
    await writeBackupFile(await demoDb(), file);
    return file;
  }

  it('a file that is not a tonghop backup', async () => {
    const dir = await dataDirFrom('demo');
    const t = tempDir();
    const csv = path.join(t, 'so-lieu.csv');
    fs.writeFileSync(csv, 'ma_to,thang,luot_ho_tro\nTDP01,2026-10,5\n');
    await refused(dir, csv, 'not-backup', /không phải là bản sao lưu của tonghop/u);
    const otherGz = path.join(t, 'khac.gz');
    fs.writeFileSync(otherGz, zlib.gzipSync('{"format":"something-else"}\n[]\n'));
    await refused(dir, otherGz, 'not-backup', /không phải là bản sao lưu/u);
    await refused(dir, path.join(t, 'khong-co.backup.gz'), 'missing', /không có tệp này/u);
  });

  it('a corrupted backup: a flipped byte, a truncated file, a changed row', async () => {
    const dir = await dataDirFrom('demo');
    const file = await goodBackup();
    const bytes = fs.readFileSync(file);
    const t = tempDir();
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    fs.writeFileSync(path.join(t, 'flipped.backup.gz'), flipped);
    await refused(dir, path.join(t, 'flipped.backup.gz'), 'corrupt', /bị hỏng/u);
    fs.writeFileSync(path.join(t, 'cut.backup.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await refused(dir, path.join(t, 'cut.backup.gz'), 'corrupt', /bị hỏng .*không giải nén được/u);
    const tampered = rewrite(file, path.join(t, 'tampered.backup.gz'), (s) => s.replace('"Tổ dân phố Đông Sơn"', '"Tổ dân phố Tây Sơn"'));
    await refused(dir, tampered, 'corrupt', /SHA-256 không khớp/u);
  });

  it('a backup from a newer schema or a newer format', async () => {
    const dir = await dataDirFrom('demo');
    const file = await goodBackup();
    const t = tempDir();
    const newer = rewrite(file, path.join(t, 'newer.backup.gz'), (s) => s.replace(`"schema":${SCHEMA_VERSION},`, `"schema":${SCHEMA_VERSION + 1},`));
    await refused(dir, newer, 'newer', /phiên bản tonghop mới hơn \(lược đồ số \d+/u);
    const format2 = rewrite(file, path.join(t, 'v2.backup.gz'), (s) => s.replace('"version":1,', '"version":2,'));
    await refused(dir, format2, 'newer', /định dạng số 2, mới hơn/u);
  });

  it('a header whose counts disagree with the rows (checksum recomputed) is corrupt', async () => {
    const dir = await dataDirFrom('demo');
    const file = await goodBackup();
    const forged = rewrite(file, path.join(tempDir(), 'forged.backup.gz'), (s) => {
      const nl = s.indexOf('\n');
      const header = JSON.parse(s.slice(0, nl)) as { counts: Record<string, number>; sha256: string };
      header.counts.team = 16;
      return JSON.stringify(header) + s.slice(nl);
    });
    await refused(dir, forged, 'corrupt', /bảng team có 15 dòng, đầu tệp ghi 16/u);
    const body = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(sha256(body.slice(body.indexOf('\n') + 1))).toMatch(/^[0-9a-f]{64}$/u);
  });
});
