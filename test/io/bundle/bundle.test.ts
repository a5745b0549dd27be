// The bundle over real databases: what it carries (and never carries), how a tampered or hostile
// file is refused, and the province's merge: replace, unchanged, older, --force, dry run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbRunner } from '../../../src/db/database.js';
import { computeStatus } from '../../../src/db/evaluation.js';
import { setValue } from '../../../src/db/forms.js';
import { openUnitDb, setupProvince } from '../../../src/db/province.js';
import { setUnitCode } from '../../../src/db/unit-level.js';
import { getTeamByCode } from '../../../src/db/teams.js';
import { statusJson } from '../../../src/domain/status.js';
import { exportBundle } from '../../../src/io/bundle/export.js';
import { BUNDLE_MAX_TEXT_BYTES, BundleError, encodeBundle, parseBundle } from '../../../src/io/bundle/format.js';
import { importBundle, readBundleFile } from '../../../src/io/bundle/import.js';
import { readBundleContent } from '../../../src/db/bundle.js';
import { demoDb, emptyDb } from '../../support/db.js';
import { TEST_NOW } from '../../support/templates.js';

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bundle-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const Q3 = { kind: 'quarter', year: 2026, quarter: 3 } as const;
const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

async function commune(): Promise<DbRunner> {
  const db = await demoDb();
  await setUnitCode(db, '00004');
  return db;
}

async function province(): Promise<DbRunner> {
  const db = await emptyDb();
  await setupProvince(db, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
  return db;
}

/** Every row of every table of a schema, as sorted JSON (to see that nothing changed). */
async function snapshot(db: DbRunner, schema: string): Promise<string> {
  const t = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`, [schema]);
  const out: Record<string, unknown> = {};
  for (const { name } of t.rows)
    out[name] = (await db.query<{ r: unknown }>(`SELECT json_agg(to_jsonb(x) ORDER BY to_jsonb(x)::text) AS r FROM "${schema}"."${name}" x`)).rows[0]!.r;
  return JSON.stringify(out);
}

describe('export bundle', () => {
  it('carries the unit, plan, teams, bases, roles and dates — never a name, phone, birth year or note', async () => {
    const db = await commune();
    const { path: file, header } = await exportBundle(db, Q3, { outDir: dir, now: later(0) });
    expect(path.basename(file)).toBe('00004_phuong-phu-van_2026-Q3_bundle.gz');
    expect(header).toMatchObject({ format: 'tonghop-bundle', unit_code: '00004', period: '2026-Q3', period_end: '2026-09' });
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const people = await db.query<{ full_name: string; phone: string | null; birth_year: number | null; organisation: string | null }>(
      'SELECT full_name, phone, birth_year, organisation FROM member',
    );
    expect(people.rows.length).toBeGreaterThan(100);
    for (const m of people.rows) {
      expect(text).not.toContain(m.full_name);
      if (m.phone) expect(text).not.toContain(m.phone);
    }
    const notes = await db.query<{ note: string }>(`SELECT note FROM form WHERE note IS NOT NULL AND note <> ''`);
    expect(notes.rows.length).toBeGreaterThan(0);
    for (const n of notes.rows) expect(text).not.toContain(JSON.stringify(n.note).slice(1, -1));
    expect(text).not.toContain('Nguyễn Thị Lan'); // the officer
    expect(text).not.toMatch(/"(full_name|phone|birth_year|organisation|officer|topic)"/u);
    const parsed = await parseBundle(fs.readFileSync(file), file);
    expect(parsed.content.members.length).toBe(people.rows.length);
    expect(parsed.content.forms.every((f) => f.month <= '2026-09')).toBe(true);
    // Never over an earlier file.
    const again = await exportBundle(db, Q3, { outDir: dir, now: later(1) });
    expect(path.basename(again.path)).toBe('00004_phuong-phu-van_2026-Q3_bundle-2.gz');
  });

  it('is refused without a unit code, and for a period not yet begun', async () => {
    const db = await demoDb();
    await expect(exportBundle(db, Q3, { outDir: dir, now: later(0) })).rejects.toThrow(/Chưa có mã đơn vị/u);
    await setUnitCode(db, '00004');
    await expect(exportBundle(db, { kind: 'quarter', year: 2027, quarter: 1 }, { outDir: dir, now: later(0) })).rejects.toThrow(/chưa bắt đầu/u);
  });
});

describe('a bundle file that is not whole is refused', () => {
  it('checksum, format, foreign records, caps', async () => {
    const content = (await readBundleContent(await commune(), '2026-09'))!;
    const { bytes } = await encodeBundle(content, '2026-Q3', later(0));
    const text = zlib.gunzipSync(bytes).toString('utf8');
    const bad = (t: string) => parseBundle(zlib.gzipSync(Buffer.from(t)), 'x.gz');
    await expect(bad(text.replace('"ho_huong_dan":', '"ho_huong_dan":1'))).rejects.toThrow(/SHA-256/u);
    await expect(parseBundle(Buffer.from('ma_to,thang\n'), 'x.csv')).rejects.toThrow(/không phải tệp tổng hợp/u);
    // A record the format does not know, with a right checksum: refused by the shapes.
    const [head, ...body] = text.split('\n');
    const withName = body.map((l) => (l.includes('"type":"member"') ? l.replace('{', '{"full_name":"Nguyễn Văn A",') : l)).join('\n');
    const h = JSON.parse(head!) as { sha256: string };
    h.sha256 = (await import('node:crypto')).createHash('sha256').update(withName).digest('hex');
    const forged = JSON.stringify(h) + '\n' + withName;
    // zod strips unknown keys: the name never reaches the database; the file still reads.
    const parsed = await bad(forged);
    expect(JSON.stringify(parsed.content)).not.toContain('Nguyễn Văn A');
    const ctl = body.map((l) => (l.includes('"type":"team"') ? l.replace('"name":"', '"name":"\\u001b[31m') : l)).join('\n');
    h.sha256 = (await import('node:crypto')).createHash('sha256').update(ctl).digest('hex');
    await expect(bad(JSON.stringify(h) + '\n' + ctl)).rejects.toThrow(/ký tự điều khiển/u);
    // A gzip bomb: refused once the text passes the cap, never held whole.
    const bomb = zlib.gzipSync(Buffer.alloc(BUNDLE_MAX_TEXT_BYTES + 1024, 0x20));
    await expect(parseBundle(bomb, 'bomb.gz')).rejects.toThrow(/giải nén ra quá/u);
    const big = path.join(dir, 'big.gz');
    fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024));
    await expect(readBundleFile(big)).rejects.toThrow(/lớn quá 20 MB/u);
  });
});

describe('import bundle', () => {
  it('adds the commune, is unchanged the second time, replaces with a corrected bundle, refuses an older one unless forced', async () => {
    const c = await commune();
    const p = await province();
    const first = await exportBundle(c, Q3, { outDir: dir, now: later(10) });
    const parsedFirst = await readBundleFile(first.path);
    let s = await importBundle(p, first.path, parsedFirst, { now: later(11) });
    expect(s.unit).toBe('added');
    expect(s.forms.added).toBe(parsedFirst.content.forms.length);
    const unitDb = await openUnitDb(p, '00004');
    expect(statusJson(await computeStatus(unitDb, '2026-09'))).toBe(statusJson(await computeStatus(c, '2026-09')));

    const before = await snapshot(p, 'unit_00004') + (await snapshot(p, 'public'));
    s = await importBundle(p, first.path, parsedFirst, { now: later(12) });
    expect(s.unit).toBe('unchanged');
    expect(await snapshot(p, 'unit_00004') + (await snapshot(p, 'public'))).toBe(before);

    // A correction in the commune, re-exported: the newer bundle replaces the quarter.
    const team = (await getTeamByCode(c, 'TDP01'))!;
    await c.transaction((tx) => setValue(tx, team.id, '2026-09', 'luot_ho_tro', 999));
    const second = await exportBundle(c, Q3, { outDir: dir, now: later(20) });
    const parsedSecond = await readBundleFile(second.path);
    const dry = await importBundle(p, second.path, parsedSecond, { now: later(21), dryRun: true });
    expect(dry).toMatchObject({ unit: 'updated', dryRun: true, forms: { changed: 1, added: 0 } });
    expect(await snapshot(p, 'unit_00004') + (await snapshot(p, 'public'))).toBe(before);
    s = await importBundle(p, second.path, parsedSecond, { now: later(22) });
    expect(s).toMatchObject({ unit: 'updated', forms: { changed: 1, added: 0, removed: 0 } });
    expect(s.forms.unchanged).toBe(parsedSecond.content.forms.length - 1);
    expect(statusJson(await computeStatus(unitDb, '2026-09'))).toBe(statusJson(await computeStatus(c, '2026-09')));

    await expect(importBundle(p, first.path, parsedFirst, { now: later(23) })).rejects.toThrow(/cũ hơn tệp đang giữ/u);
    s = await importBundle(p, first.path, parsedFirst, { now: later(24), force: true });
    expect(s.forms.changed).toBe(1);
  });

  it('is refused by a commune database', async () => {
    const c = await commune();
    const { path: file } = await exportBundle(c, Q3, { outDir: dir, now: later(30) });
    const err = await importBundle(c, file, await readBundleFile(file), { now: later(31) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect((err as Error).message).toContain('chỉ dữ liệu của tỉnh');
  });
});
