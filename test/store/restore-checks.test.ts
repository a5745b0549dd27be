// Restore checks every row as live data is checked (item 11): crafted backups whose checksum is
// right are refused with the reason, and nothing in the data folder changes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setValue, undoLast } from '../../src/db/forms.js';
import { getSetting, setSetting } from '../../src/db/unit.js';
import { BackupError, sha256 } from '../../src/io/backup/format.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { pgDir } from '../../src/store/data-folder.js';
import { openDatabase } from '../../src/store/open.js';
import { restoreBackup } from '../../src/store/restore.js';
import { checkRestoredRows } from '../../src/store/restore-checks.js';
import type { Db } from '../../src/db/database.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';
import { demoDb } from '../support/db.js';

type Sections = Map<string, { head: string; columns: string[]; rows: unknown[][] }>;

/** A backup of the demo commune, edited row by row, with counts and checksum made right again. */
async function crafted(edit: (t: Sections) => void): Promise<string> {
  const good = path.join(tempDir(), 'good.backup.gz');
  await writeBackupFile(await demoDb(), good);
  const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').split('\n').filter(Boolean);
  const header = JSON.parse(lines[0]!) as { counts: Record<string, number>; sha256: string };
  const tables: Sections = new Map();
  let cur = '';
  for (const l of lines.slice(1)) {
    if (l.startsWith('[')) tables.get(cur)!.rows.push(JSON.parse(l) as unknown[]);
    else {
      const s = JSON.parse(l) as { table: string; columns: string[] };
      cur = s.table;
      tables.set(cur, { head: l, columns: s.columns, rows: [] });
    }
  }
  edit(tables);
  let body = '';
  header.counts = {};
  for (const [name, t] of tables) {
    header.counts[name] = t.rows.length;
    body += t.head + '\n' + t.rows.map((r) => JSON.stringify(r) + '\n').join('');
  }
  header.sha256 = sha256(body);
  const out = path.join(tempDir(), 'crafted.backup.gz');
  fs.writeFileSync(out, zlib.gzipSync(JSON.stringify(header) + '\n' + body));
  return out;
}

const set = (t: Sections, table: string, column: string, value: unknown, row = 0) => {
  const s = t.get(table)!;
  s.rows[row]![s.columns.indexOf(column)] = value;
};

async function refused(file: string, message: RegExp) {
  const dir = await dataDirFrom('demo');
  const before = fs.readdirSync(dir).sort();
  const err = await restoreBackup(dir, file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BackupError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toContain('Không có gì bị thay đổi');
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  expect(fs.existsSync(path.join(pgDir(dir), 'PG_VERSION'))).toBe(true);
}

describe('restore checks every row with the live schemas (item 11)', { timeout: 240_000 }, () => {
  it('a backup with no tables, or no commune, is refused (before: restored, then every command said "chưa được khởi tạo")', async () => {
    await refused(await crafted((t) => t.clear()), /bản sao lưu trống: không có xã\/phường nào/u);
    await refused(await crafted((t) => (t.get('unit')!.rows = [])), /bản sao lưu trống/u);
  });

  it('a team name longer than the schema allows, a team name holding ESC, a broken plan', async () => {
    await refused(await crafted((t) => set(t, 'team', 'name', 'T'.repeat(5000))), /tổ \S+ không hợp lệ \(.*Tên tổ dài quá 120 ký tự\)/u);
    await refused(await crafted((t) => set(t, 'team', 'name', 'Tổ \u001b]0;pwned\u0007')), /bảng team, dòng 1, cột name: có ký tự điều khiển U\+001B/u);
    await refused(await crafted((t) => set(t, 'team', 'name', 'Tổ \u202eusb')), /có ký tự điều khiển U\+202E/u);
    await refused(await crafted((t) => set(t, 'plan', 'definition', '{"span":"x"}')), /kế hoạch không hợp lệ/u);
    await refused(await crafted((t) => set(t, 'unit', 'kind', 'tinh')), /thông tin xã\/phường không hợp lệ|bị hỏng/u);
  });

  it("this machine's folder settings are never taken from a backup, and are kept", async () => {
    const dir = await dataDirFrom('demo');
    const mine = tempDir();
    const db = await openDatabase({ dataDir: dir, command: 'test' });
    await setSetting(db.db, 'backup_dir', mine);
    await db.close();
    const file = await crafted((t) => {
      t.get('setting')!.rows.push(['backup_dir', '/media/ke-la/usb'], ['export_dir', '/tmp/nơi-khác']);
    });
    await restoreBackup(dir, file);
    const after = await openDatabase({ dataDir: dir, command: 'test' });
    expect(await getSetting(after.db, 'backup_dir')).toBe(mine);
    expect(await getSetting(after.db, 'export_dir')).toBeNull();
    await after.close();
  });
  it('undo never reaches back past a restore: a change typed before the backup is not undone after restoring it (#10 item 14)', async () => {
    const dir = await dataDirFrom('demo');
    const db = await openDatabase({ dataDir: dir, command: 'test' });
    const team = await db.db.query<{ id: number }>('SELECT id FROM team ORDER BY id LIMIT 1');
    const teamId = team.rows[0]!.id;
    await db.db.transaction((tx) => setValue(tx, teamId, '2026-10', 'ho_huong_dan', 4321));
    const file = path.join(tempDir(), 'typed.backup.gz');
    await writeBackupFile(db.db, file);
    await db.close();
    await restoreBackup(dir, file);
    const after = await openDatabase({ dataDir: dir, command: 'test' });
    expect(await after.db.transaction((tx) => undoLast(tx, { teamId, month: '2026-10' }))).toBeNull();
    const v = await after.db.query<{ value: number }>(
      "SELECT v.value FROM form_value v JOIN form f ON f.id = v.form_id WHERE f.team_id = $1 AND f.month = '2026-10' AND v.indicator = 'ho_huong_dan'",
      [teamId],
    );
    expect(v.rows[0]?.value).toBe(4321);
    await after.close();
  });

  it('checks the members of every team in one query, not one per team (2,000 round trips at province scale)', async () => {
    const db = await demoDb();
    const queries = async () => {
      let n = 0;
      const counted: Db = { query: (sql, p) => (n++, db.query(sql, p)), exec: (sql) => (n++, db.exec(sql)), copyRows: (t, c, r) => db.copyRows(t, c, r) };
      await checkRestoredRows(counted, 'x.backup.gz');
      return n;
    };
    const before = await queries();
    await db.exec(`INSERT INTO team (code, name, level) SELECT 'THEM' || i, 'Tổ thêm ' || i, 'commune' FROM generate_series(1, 5) AS i;
                   INSERT INTO member (team_id, full_name, role) SELECT id, 'Nguyễn Văn ' || code, 'to_truong' FROM team WHERE code LIKE 'THEM%'`);
    expect(await queries()).toBe(before);
    // Still every member checked, and named by its team.
    await db.exec(`UPDATE member SET birth_year = 1200 WHERE team_id = (SELECT id FROM team WHERE code = 'THEM3')`);
    await expect(checkRestoredRows(db, 'x.backup.gz')).rejects.toThrow(/thành viên của tổ THEM3 không hợp lệ/u);
  });

  it('a backup whose values name a form or an indicator that is not there is refused (keys checked after the fast load)', async () => {
    await refused(await crafted((t) => set(t, 'form_value', 'indicator', 'khong_co')), /không khớp tổ\/chỉ số\/phiếu/u);
    await refused(await crafted((t) => set(t, 'form_value', 'form_id', '999999')), /không khớp tổ\/chỉ số\/phiếu/u);
  });
});
