// A role that may only read (GRANT SELECT on the tables of public), on a real server: it opens,
// runs status and exports, and writes nothing; every writing command is refused with "chỉ có
// quyền xem" before its input is read (the file named does not even exist), exit 1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { snapshot, tempDir } from '../support/datadir.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { ON_SERVER, adminPool, freshDatabase, urlOf } from '../support/server.js';

const cli = (...args: string[]) => runCliInProcess(args, { asGiven: true });
const roles: string[] = [];
afterAll(async () => {
  for (const r of roles) await adminPool().query(`DROP ROLE IF EXISTS "${r}"`).catch(() => undefined);
});

/** A login role given only SELECT (or also writes) on the tables of database url's public schema; its URL. */
async function reader(url: string, writes = false): Promise<string> {
  const name = `tonghop_${writes ? 'ghi' : 'xem'}_${crypto.randomBytes(4).toString('hex')}`;
  const password = crypto.randomBytes(9).toString('hex');
  roles.push(name);
  await adminPool().query(`CREATE ROLE "${name}" LOGIN PASSWORD '${password}'`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO "${name}"; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${name}"`);
  if (writes) await c.query(`GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${name}"; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${name}"`);
  await c.end();
  return urlOf(new URL(url).pathname.slice(1), { user: name, password });
}

async function rows(url: string) {
  const h = await openPostgres(url);
  try {
    return await snapshot(h.db);
  } finally {
    await h.close();
  }
}

describe.skipIf(!ON_SERVER)('a role that may only read', () => {
  it('runs status and the exports like the owner, writes nothing, and is refused every writing command', async () => {
    const url = await freshDatabase('demo');
    const ro = await reader(url);
    const before = await rows(url);
    const out = tempDir();

    const mine = await cli('status', '--as-of', '2026-10', '--json', '--database-url', url);
    const theirs = await cli('status', '--as-of', '2026-10', '--json', '--database-url', ro);
    expect(theirs.stderr).toBe('');
    expect(theirs).toEqual(mine);
    for (const args of [['export', 'figures', '--period', '2026-Q3', '--out', out], ['export', 'report', '--period', '2026-Q3', '--out', out], ['export', 'teams', '--out', out], ['backup', '--list']]) {
      const r = await cli(...args, '--database-url', ro);
      expect(r.stderr + r.code, args.join(' ')).toBe('0');
    }
    const backup = await cli('backup', path.join(out, 'xem.backup.gz'), '--database-url', ro);
    expect(backup.stderr + backup.code).toBe('0');

    const missing = path.join(out, 'khong-co-tep-nay.csv');
    const refused = [
      ['import', 'figures', missing],
      ['init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân'],
      ['restore', path.join(out, 'xem.backup.gz')],
      ['backup', '--set-dir', path.join(out, 'usb')],
    ];
    for (const args of refused) {
      const r = await cli(...args, '--database-url', ro);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^Trên máy chủ tonghop_xem_\w+@127\.0\.0\.1:\d+\/\S+ bạn chỉ có quyền xem: không [^\n]+ được\./u);
      expect(r.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(out, 'usb'))).toBe(false);
    // A dry run only reads: a reader may check a file.
    const file = path.join(out, 'so-lieu.csv');
    fs.writeFileSync(file, 'ma_to,thang,luot_ho_tro\nTDP01,2026-11,41\n');
    const dry = await cli('import', 'figures', file, '--dry-run', '--database-url', ro);
    expect(dry.stderr + dry.code).toBe('0');
    expect(await rows(url)).toEqual(before);
  }, 180_000);

  it('an officer with a role of their own: the change log says which role and which officer', async () => {
    const url = await freshDatabase('demo');
    const writer = await reader(url, true);
    const file = path.join(tempDir(), 'so-lieu.csv');
    fs.writeFileSync(file, 'ma_to,thang,luot_ho_tro\nTDP01,2026-10,99\n');
    const r = await cli('import', 'figures', file, '--database-url', writer);
    expect(r.stderr + r.code).toBe('0');
    const h = await openPostgres(url);
    const log = await h.db.query<{ by_role: string; by_officer: string }>(`SELECT by_role, by_officer FROM value_change WHERE source = 'csv' ORDER BY id DESC LIMIT 1`);
    await h.close();
    expect(log.rows).toEqual([{ by_role: new URL(writer).username, by_officer: 'Nguyễn Thị Lan' }]);
  });

  it('cannot create the database on a blank server (says so, exit 1)', async () => {
    const url = await freshDatabase('blank');
    const ro = await reader(url);
    const r = await cli('status', '--database-url', ro);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Chưa có dữ liệu tonghop trên máy chủ');
    const i = await cli('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--database-url', ro);
    expect(i.code).toBe(1);
    expect(i.stderr).toContain('bạn chỉ có quyền xem: không tạo dữ liệu được');
  });
});
