// The acceptance check of issue #14, as the real program on real data folders: three communes on
// different plans export their quarter; a province imports them; its status lists them worst
// first with each commune's own completeness, and `status --unit` prints each commune's own JSON
// byte for byte; the same bundle twice changes nothing; a corrected bundle replaces the quarter;
// a dry run changes nothing; an older bundle is refused unless --force; no member's name or
// phone number is in any bundle.
// The commands run in this process (support/cli.ts: the same runCli the program runs, ~35 fewer
// Node starts and WebAssembly compiles); the province's import of the three bundles and the
// refusal of an older one run as real processes, the exit status as the shell sees it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/open.js';
import { runCliProcess } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';
import { placeFor } from '../support/server.js';

const COMMUNES = [
  { code: '00025', plan: 'phu-van-2026', unit: 'phường Phù Vân' },
  { code: '16279', plan: 'ngoc-lien-2026', unit: 'xã Ngọc Liên' },
  { code: '10117', plan: 'ngoc-hoi-2026', unit: 'xã Ngọc Hồi' },
] as const;

let root: string;
let out: string;
let prov: string;
const dirOf = (code: string) => path.join(root, code);
const bundles = new Map<string, string>();

async function cli(args: string[], ok = true, { spawned = false } = {}) {
  const r = spawned ? await runCliProcess(args) : await runCliInProcess(args);
  if (ok) {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  return r;
}

/** Every row of every schema of a data folder (read after the process ended): to see that nothing changed. */
async function wholeDatabase(dataDir: string): Promise<string> {
  return onDatabase(dataDir, async (pg) => {
    const t = await pg.db.query<{ s: string; n: string }>(
      `SELECT table_schema AS s, table_name AS n FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const rows: Record<string, unknown> = {};
    for (const { s, n } of t.rows)
      rows[`${s}.${n}`] = (await pg.db.query<{ r: unknown }>(`SELECT json_agg(to_jsonb(x) ORDER BY to_jsonb(x)::text) AS r FROM "${s}"."${n}" x`)).rows[0]!.r;
    return JSON.stringify(rows);
  });
}

async function people(dataDir: string): Promise<{ full_name: string; phone: string | null }[]> {
  return onDatabase(dataDir, async (pg) => (await pg.db.query<{ full_name: string; phone: string | null }>('SELECT full_name, phone FROM member')).rows);
}

/** The database of a data folder, on the run's engine (a server database stands for it in the server project). */
async function onDatabase<T>(dataDir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ ...(await placeFor(dataDir)), command: 'test' });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  // One folder for the whole file (support/datadir's temp folders go after each test).
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-province-'));
  out = path.join(root, 'thu-gui-tinh');
  prov = path.join(root, 'tinh');
  await Promise.all(
    COMMUNES.map(async (c) => {
      await cli(['init', '--plan', c.plan, '--unit', c.unit, '--unit-code', c.code, '--demo', '--data-dir', dirOf(c.code)]);
      const r = await cli(['export', 'bundle', '--period', '2026-Q3', '--out', out, '--data-dir', dirOf(c.code)]);
      const file = /^Đã ghi (.+)$/mu.exec(r.stdout)![1]!;
      expect(path.basename(file)).toMatch(new RegExp(`^${c.code}_.+_2026-Q3_bundle\\.gz$`, 'u'));
      bundles.set(c.code, file);
    }),
  );
  await cli(['init', '--province', 'tỉnh Phú Thọ', '--data-dir', prov]);
}, 600_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// A shared 2-core machine: generous limits, no timing in any assertion.
describe('a province receives its communes', { timeout: 300_000 }, () => {
  it('imports three bundles, lists the communes worst first and prints each commune’s own status', async () => {
    const files = COMMUNES.map((c) => bundles.get(c.code)!);
    const dry = await cli(['import', 'bundle', ...files, '--dry-run', '--data-dir', prov]);
    expect(dry.stdout).toContain('Chạy thử');
    expect(JSON.parse((await cli(['status', '--as-of', '2026-09', '--json', '--data-dir', prov])).stdout).units).toEqual([]);

    const r = await cli(['import', 'bundle', ...files, '--data-dir', prov], true, { spawned: true });
    expect(r.stdout.match(/Đơn vị: thêm mới/gu)).toHaveLength(3);

    const status = JSON.parse((await cli(['status', '--as-of', '2026-09', '--json', '--data-dir', prov])).stdout) as {
      as_of: string;
      province: string;
      units: { unit_code: string; plan: string; status: string; completeness: { due: number; received: number }; teams: Record<string, number> }[];
    };
    expect(status).toMatchObject({ as_of: '2026-09', province: 'tỉnh Phú Thọ' });
    expect(status.units.map((u) => u.unit_code).sort()).toEqual(COMMUNES.map((c) => c.code).sort());
    const RANK: Record<string, number> = { chua_bao_cao: 0, cham_nhieu: 1, cham: 2, dat: 3 };
    for (let i = 1; i < status.units.length; i++) {
      const [a, b] = [status.units[i - 1]!, status.units[i]!];
      const share = (u: typeof a) => (u.completeness.due ? u.completeness.received / u.completeness.due : 1);
      expect(RANK[a.status]! < RANK[b.status]! || (RANK[a.status] === RANK[b.status] && share(a) <= share(b))).toBe(true);
    }
    for (const c of COMMUNES) {
      // An earlier month too (for one commune: each process costs seconds on a loaded machine).
      for (const asOf of c === COMMUNES[1] ? ['2026-09', '2026-07'] : ['2026-09']) {
        const own = await cli(['status', '--as-of', asOf, '--json', '--data-dir', dirOf(c.code)]);
        const seen = await cli(['status', '--as-of', asOf, '--json', '--unit', c.code, '--data-dir', prov]);
        expect(seen.stdout).toBe(own.stdout);
        if (asOf === '2026-09') {
          const mine = JSON.parse(own.stdout) as { plan: string; completeness: unknown; teams: { status: string }[] };
          const u = status.units.find((x) => x.unit_code === c.code)!;
          expect(u.plan).toBe(c.plan);
          expect(u.completeness).toEqual(mine.completeness);
          for (const s of Object.keys(RANK)) expect(u.teams[s]).toBe(mine.teams.filter((t) => t.status === s).length);
        }
      }
    }
    const beyond = await cli(['status', '--as-of', '2026-10', '--json', '--unit', COMMUNES[0].code, '--data-dir', prov], false);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toContain('chỉ đến hết tháng 09/2026');
  });

  it('changes nothing with the same bundle again or a dry run; a corrected bundle replaces the quarter; an older one needs --force', async () => {
    const c = COMMUNES[0];
    const before = await wholeDatabase(prov);
    const same = await cli(['import', 'bundle', bundles.get(c.code)!, '--data-dir', prov]);
    expect(same.stdout).toContain('không đổi');
    expect(await wholeDatabase(prov)).toBe(before);

    // The officer corrects September for one team and sends the quarter again.
    const csv = path.join(root, 'sua.csv');
    fs.writeFileSync(csv, 'ma_to,thang,luot_ho_tro\nTDP01,2026-09,777\n');
    await cli(['import', 'figures', csv, '--data-dir', dirOf(c.code)]);
    const again = await cli(['export', 'bundle', '--period', '2026-Q3', '--out', out, '--data-dir', dirOf(c.code)]);
    const corrected = /^Đã ghi (.+)$/mu.exec(again.stdout)![1]!;
    expect(path.basename(corrected)).toMatch(/_2026-Q3_bundle-2\.gz$/u);

    const dry = await cli(['import', 'bundle', corrected, '--dry-run', '--data-dir', prov]);
    expect(dry.stdout).toMatch(/Đơn vị: cập nhật.*\n.*thay đổi 1,/u);
    expect(await wholeDatabase(prov)).toBe(before);

    const r = await cli(['import', 'bundle', corrected, '--data-dir', prov]);
    expect(r.stdout).toMatch(/Phiếu: thêm 0, thay đổi 1, /u);
    const own = await cli(['status', '--as-of', '2026-09', '--json', '--data-dir', dirOf(c.code)]);
    expect((await cli(['status', '--as-of', '2026-09', '--json', '--unit', c.code, '--data-dir', prov])).stdout).toBe(own.stdout);

    // The first bundle is older than the one now held: refused (exit 1, nothing changed), then forced.
    const held = await wholeDatabase(prov);
    const older = await cli(['import', 'bundle', bundles.get(c.code)!, '--data-dir', prov], false, { spawned: true });
    expect(older.code).toBe(1);
    expect(older.stderr).toContain('cũ hơn tệp đang giữ');
    expect(await wholeDatabase(prov)).toBe(held);
    const forced = await cli(['import', 'bundle', bundles.get(c.code)!, '--force', '--data-dir', prov]);
    expect(forced.stdout).toMatch(/thay đổi 1,/u);
  });

  it('is refused by a commune database, and a damaged file among good ones is refused alone', async () => {
    const c = COMMUNES[1];
    const r = await cli(['import', 'bundle', bundles.get(c.code)!, '--data-dir', dirOf(COMMUNES[2].code)], false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chỉ dữ liệu của tỉnh');
    const broken = path.join(root, 'hong.gz');
    const bytes = fs.readFileSync(bundles.get(c.code)!);
    fs.writeFileSync(broken, bytes.subarray(0, bytes.length - 40));
    const mixed = await cli(['import', 'bundle', broken, bundles.get(c.code)!, '--data-dir', prov], false);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('hong.gz');
    expect(mixed.stdout).toContain('không đổi');
  });

  it('carries no member’s name or phone number', async () => {
    for (const c of COMMUNES) {
      const ps = await people(dirOf(c.code));
      expect(ps.length).toBeGreaterThan(50);
      for (const f of fs.readdirSync(out).filter((n) => n.startsWith(c.code))) {
        const text = zlib.gunzipSync(fs.readFileSync(path.join(out, f))).toString('utf8');
        for (const m of ps) {
          expect(text).not.toContain(m.full_name);
          if (m.phone) expect(text).not.toContain(m.phone);
        }
      }
    }
  });
});
