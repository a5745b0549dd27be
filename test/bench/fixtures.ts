// Province-scale data for the benchmark: N teams (each with an area and 9 members) and M months
// of full forms. Built with set-based inserts (unnest) so it takes seconds, not minutes.
import { planIndicators } from '../../src/domain/indicators.js';
import { type Month, monthRange } from '../../src/domain/period.js';
import { mulberry32 } from '../../src/domain/random.js';
import type { Plan } from '../../src/domain/schemas.js';
import type { Db, DbRunner } from '../../src/db/database.js';
import { setupUnit } from '../../src/db/setup.js';
import { getPlan } from '../../src/db/unit.js';
import { loadPreset } from '../../src/io/presets.js';

export interface ProvinceOptions {
  teams: number;
  from: Month;
  to: Month;
  presetId?: string;
}

const VILLAGES = ['Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung', 'Yên', 'Phú', 'An', 'Hòa', 'Tân', 'Ngọc', 'Thanh', 'Quang'];

export function teamCode(i: number): string {
  return `T${String(i + 1).padStart(4, '0')}`;
}

/** Insert teams, areas, members (and trainings) in a few statements. */
async function insertTeams(q: Db, n: number, r: () => number): Promise<number[]> {
  const names: string[] = [];
  const urban: boolean[] = [];
  const hh: number[] = [];
  const adults: number[] = [];
  for (let i = 0; i < n; i++) {
    names.push(`Thôn ${VILLAGES[i % VILLAGES.length]} ${Math.floor(i / VILLAGES.length) + 1}`);
    urban.push(i % 3 === 0);
    const h = 120 + Math.floor(r() * 300);
    hh.push(h);
    adults.push(Math.round(h * 2.7));
  }
  const areas = await q.query<{ id: number }>(
    `INSERT INTO area (name, kind, urban, households, adults)
     SELECT n, 'thôn', u, h, a FROM unnest($1::text[], $2::bool[], $3::int[], $4::int[]) WITH ORDINALITY AS x(n, u, h, a, o) ORDER BY o
     RETURNING id`,
    [names, urban, hh, adults],
  );
  const teams = await q.query<{ id: number }>(
    `INSERT INTO team (code, name, area_id, level, decision_no, decision_date)
     SELECT c, 'Tổ CNSCĐ ' || n, a, 'area', '484/QĐ-UBND', '2025-08-22'
     FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS x(c, n, a, o) ORDER BY o RETURNING id`,
    [Array.from({ length: n }, (_, i) => teamCode(i)), names, areas.rows.map((a) => a.id)],
  );
  const ids = teams.rows.map((t) => t.id);
  await q.query(
    `INSERT INTO member (team_id, full_name, role, organisation, birth_year, joined_on)
     SELECT t, 'Thành viên ' || k, CASE k WHEN 1 THEN 'to_truong' WHEN 2 THEN 'to_pho' ELSE 'thanh_vien' END,
            'Đoàn Thanh niên', 1970 + k * 3, '2025-08-22'
     FROM unnest($1::int[]) AS t, generate_series(1, 9) AS k`,
    [ids],
  );
  await q.query(`INSERT INTO training (member_id, held_on, topic) SELECT id, '2026-03-15', 'Tập huấn kỹ năng số' FROM member WHERE id % 4 <> 0`);
  return ids;
}

/** Forms for every team and month with every indicator reported (a few blanks). */
async function insertForms(q: Db, teamIds: number[], months: Month[], plan: Plan, r: () => number): Promise<number> {
  const codes = planIndicators(plan).map((i) => i.code);
  const formTeam: number[] = [];
  const formMonth: string[] = [];
  for (const t of teamIds)
    for (const m of months) {
      formTeam.push(t);
      formMonth.push(m);
    }
  const forms = await q.query<{ id: number }>(
    `INSERT INTO form (team_id, month, received_on, source)
     SELECT t, m, (m || '-01')::date + interval '1 month' + interval '4 days', 'csv'
     FROM unnest($1::int[], $2::text[]) WITH ORDINALITY AS x(t, m, o) ORDER BY o RETURNING id`,
    [formTeam, formMonth],
  );
  const fid: number[] = [];
  const ind: string[] = [];
  const val: number[] = [];
  for (const f of forms.rows) {
    let days = 0;
    for (const c of codes) {
      if (r() < 0.02) continue;
      let v = Math.floor(r() * 60);
      // Possible values only (an import refuses more days than a month has, or over 24 hours a day).
      if (c === 'ngay_hoat_dong') v = days = v % 29;
      if (c === 'gio_hoat_dong') v = Math.min(v, 8 * days);
      fid.push(f.id);
      ind.push(c);
      val.push(v);
    }
  }
  // In chunks: one statement with millions of parameters is slower than a few medium ones.
  const chunk = 100_000;
  for (let i = 0; i < fid.length; i += chunk) {
    await q.query(`INSERT INTO form_value (form_id, indicator, value) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`, [
      fid.slice(i, i + chunk),
      ind.slice(i, i + chunk),
      val.slice(i, i + chunk),
    ]);
  }
  return fid.length;
}

/** Set up the unit and fill it. `db` must be freshly migrated and empty. */
export async function buildProvince(db: DbRunner, opts: ProvinceOptions): Promise<{ teams: number; forms: number; values: number }> {
  const preset = loadPreset(opts.presetId ?? 'phu-van-2026')!;
  await setupUnit(db, { preset, unitName: 'xã Bench', officer: null });
  const plan = (await getPlan(db))!.plan;
  const r = mulberry32(42);
  const months = monthRange(opts.from, opts.to);
  return db.transaction(async (tx) => {
    const ids = await insertTeams(tx, opts.teams, r);
    const values = await insertForms(tx, ids, months, plan, r);
    return { teams: ids.length, forms: ids.length * months.length, values };
  });
}
