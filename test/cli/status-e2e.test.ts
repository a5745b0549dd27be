// End to end, the way the officer (and the acceptance check) does it: init on Phù Vân, import
// teams, members and figures from CSV, then `status --as-of 2026-11 --json`. The result is
// compared with an independent evaluation written here straight from domain.md, sharing no
// code with src/domain, over randomly generated data with gaps, blanks, leavers and trainings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/domain/random.js';
import { loadPreset } from '../../src/io/presets.js';
import { runCliInProcess } from '../support/cli.js';
import { placeFor } from '../support/server.js';

const preset = loadPreset('phu-van-2026')!;
const AS_OF = '2026-11';
const INDICATORS = [
  ['ho_huong_dan', 'sum'],
  ['luot_ho_tro', 'sum'],
  ['ho_dung_nen_tang', 'last'],
  ['ho_tuyen_truyen', 'last'],
  ['vneid_muc2', 'sum'],
  ['ho_so_dvc', 'sum'],
  ['chu_ky_so', 'sum'],
  ['tk_thanh_toan', 'sum'],
  ['ocop_len_san', 'last'],
  ['nguoi_pho_cap', 'last'],
  ['nguoi_co_smartphone', 'last'],
  ['ngay_hoat_dong', 'sum'],
  ['gio_hoat_dong', 'sum'],
] as const;

interface Gen {
  teams: { code: string; name: string; level: 'area' | 'commune'; households: number | null; founded: string }[];
  members: { code: string; role: string; joined: string | null; left: string | null; trainings: string[] }[];
  forms: Map<string, Map<string, Map<string, number>>>; // code → month → values
}

const MONTHS = ['2025-11', '2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function generate(seed: number): Gen {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const teams: Gen['teams'] = [];
  const members: Gen['members'] = [];
  const forms: Gen['forms'] = new Map();
  for (let i = 0; i < 14; i++) {
    const commune = i === 13;
    const code = commune ? 'PHUONG' : `TDP${String(i + 1).padStart(2, '0')}`;
    teams.push({
      code,
      name: commune ? 'Tổ CNSCĐ phường' : `Tổ CNSCĐ TDP số ${i + 1}`,
      level: commune ? 'commune' : 'area',
      households: commune ? null : i === 5 ? 0 : 80 + Math.floor(r() * 300),
      founded: i === 7 ? '2026-04-10' : '2025-08-22',
    });
    const size = commune ? 14 + Math.floor(r() * 3) : 4 + Math.floor(r() * 8);
    for (let k = 0; k < size; k++) {
      const left = r() < 0.1 ? pick(['2026-03-15', '2026-10-31', '2026-11-30', '2026-11-01']) : null;
      const joined = r() < 0.15 ? pick(['2026-11-20', '2026-06-01', '2026-11-01']) : r() < 0.5 ? '2025-08-22' : null;
      const trainings = r() < 0.7 ? [pick(['2025-12-20', '2026-02-10', '2026-11-20', '2026-07-07'])] : [];
      members.push({ code, role: k === 0 ? 'Tổ trưởng' : k === 1 && r() < 0.8 ? 'Tổ phó' : 'Thành viên', joined, left, trainings });
    }
    const byMonth = new Map<string, Map<string, number>>();
    for (const m of MONTHS) {
      if (r() < 0.18) continue; // a missing form
      const vals = new Map<string, number>();
      for (const [c] of INDICATORS) {
        if (r() < 0.12) continue; // a blank cell
        vals.set(c, Math.floor(r() * (c.startsWith('ho_d') || c === 'ho_tuyen_truyen' ? 250 : 40)));
      }
      // Possible values only (an import refuses more days than the month has, or more than 24
      // hours a day): days up to 28, hours up to 8 a day of them (blank hours stay blank).
      const days = vals.get('ngay_hoat_dong');
      if (days !== undefined) vals.set('ngay_hoat_dong', days % 29);
      const hours = vals.get('gio_hoat_dong');
      if (hours !== undefined) vals.set('gio_hoat_dong', Math.min(hours, 8 * (vals.get('ngay_hoat_dong') ?? 0)));
      byMonth.set(m, vals);
    }
    if (i === 2) byMonth.clear(); // a team that never reported
    forms.set(code, byMonth);
  }
  return { teams, members, forms };
}

// ---- the independent evaluation, straight from domain.md ----
function lastDayOf(m: string) {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
}
function expectedStatus(g: Gen) {
  const span = MONTHS.filter((m) => m >= '2026-01' && m <= '2026-12');
  const S = 12;
  const e = span.filter((m) => m <= AS_OF).length;
  const end = lastDayOf(AS_OF);
  const qMonths = ['2026-10', '2026-11'];
  const agg = (code: string, f: Map<string, Map<string, number>>, months: string[]) => {
    const kind = INDICATORS.find(([c]) => c === code)![1];
    let present = false;
    let sum = 0;
    let last = 0;
    for (const m of [...months].sort()) {
      const form = f.get(m);
      if (!form) continue;
      present = true;
      if (form.has(code)) {
        sum += form.get(code)!;
        last = form.get(code)!;
      }
    }
    return present ? (kind === 'sum' ? sum : last) : null;
  };
  const st = (actual: number | null, expected: number) => {
    if (actual === null) return { actual, ratio: null, status: 'chua_bao_cao' };
    const ratio = expected === 0 ? 1 : actual / expected;
    return { actual, ratio, status: ratio >= 1 - 1e-9 ? 'dat' : ratio >= 0.7 - 1e-9 ? 'cham' : 'cham_nhieu' };
  };
  const windowToM = MONTHS.filter((m) => m >= '2026-01' && m <= AS_OF);
  const teams = g.teams.map((t) => {
    const f = g.forms.get(t.code)!;
    const active = g.members.filter((m) => m.code === t.code && (!m.joined || m.joined <= end) && (!m.left || m.left > end));
    const out: Record<string, { actual: number | null; expected: number; target: number; ratio: number | null; status: string }> = {};
    const full = 10 * active.length;
    out.per_member_ho_huong_dan = { expected: (full * e) / S, target: full, ...st(agg('ho_huong_dan', f, windowToM), (full * e) / S) };
    out.per_quarter_luot_ho_tro = { expected: (50 * 2) / 3, target: 50, ...st(agg('luot_ho_tro', f, qMonths), (50 * 2) / 3) };
    out.monthly_min_ngay_hoat_dong = { expected: 8, target: 8, ...st(agg('ngay_hoat_dong', f, [AS_OF]), 8) };
    out.monthly_min_gio_hoat_dong = { expected: 32, target: 32, ...st(agg('gio_hoat_dong', f, [AS_OF]), 32) };
    const trained = active.filter((m) => m.trainings.some((d) => d >= '2026-01-01' && d <= end)).length;
    const tr = active.length ? trained / active.length : 0;
    out.trained = { expected: e / S, target: 1, ...st(tr, e / S) };
    if (t.households) {
      for (const [id, code, p] of [
        ['share_ho_tuyen_truyen', 'ho_tuyen_truyen', 1],
        ['share_ho_dung_nen_tang', 'ho_dung_nen_tang', 0.8],
      ] as const) {
        const a = agg(code, f, windowToM);
        out[id] = { expected: (p * e) / S, target: p, ...st(a === null ? null : a / t.households, (p * e) / S) };
      }
    }
    const n = t.level === 'commune' ? 15 : 9;
    out.team_size = { expected: n, target: n, ...st(active.length, n) };
    const rank = { chua_bao_cao: 0, cham_nhieu: 1, cham: 2, dat: 3 } as Record<string, number>;
    const statuses = Object.values(out).map((x) => x.status);
    const status = statuses.sort((a, b) => rank[a]! - rank[b]!)[0] ?? 'dat';
    const ratios = Object.values(out).map((x) => x.ratio);
    const lowest = ratios.includes(null) ? null : Math.min(...(ratios as number[]));
    const founded = t.founded.slice(0, 7) > '2026-01' ? t.founded.slice(0, 7) : '2026-01';
    const due = windowToM.filter((m) => m >= founded);
    return { code: t.code, status, rank: rank[status]!, lowest, out, due: due.length, received: due.filter((m) => f.has(m)).length };
  });
  teams.sort((a, b) => a.rank - b.rank || (a.lowest === b.lowest ? 0 : a.lowest === null ? -1 : b.lowest === null ? 1 : a.lowest - b.lowest) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    teams,
    due: teams.reduce((s, t) => s + t.due, 0),
    received: teams.reduce((s, t) => s + t.received, 0),
  };
}

// ---- CSV files as an officer's spreadsheet would hold them ----
function csvFiles(g: Gen, dir: string) {
  const teams = ['ma_to,ten_to,dia_ban,loai_dia_ban,so_ho,so_nguoi_truong_thanh,cap,so_quyet_dinh,ngay_quyet_dinh'];
  for (const t of g.teams) {
    const area = t.level === 'commune' ? '' : `TDP ${t.code.slice(3)}`;
    teams.push(
      [t.code, t.name, area, area ? 'tổ dân phố' : '', t.households ?? '', '', t.level === 'commune' ? 'phường' : 'tổ dân phố', '484/QĐ-UBND', dmy(t.founded)].join(','),
    );
  }
  const members = ['ma_to,ho_ten,vai_tro,to_chuc,nam_sinh,dien_thoai,ngay_tham_gia,ngay_tap_huan'];
  g.members.forEach((m, i) => members.push([m.code, `Nguyễn Văn ${i}`, m.role, 'Đoàn Thanh niên', 1990, '', m.joined ? dmy(m.joined) : '', m.trainings.map(dmy).join(' ')].join(',')));
  const figures = [`ma_to,thang,${INDICATORS.map(([c]) => c).join(',')},ngay_nhan,ghi_chu`];
  for (const [code, byMonth] of g.forms)
    for (const [m, vals] of byMonth) figures.push([code, m, ...INDICATORS.map(([c]) => vals.get(c) ?? ''), '', ''].join(','));
  const files = { teams: path.join(dir, 'to.csv'), members: path.join(dir, 'tv.csv'), figures: path.join(dir, 'so-lieu.csv') };
  fs.writeFileSync(files.teams, teams.join('\r\n'));
  fs.writeFileSync(files.members, members.join('\n'));
  fs.writeFileSync(files.figures, figures.join('\n'));
  return files;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const cli = (args: string[]) => runCliInProcess(args);

/** `status --json`'s output against the independent evaluation. */
function check(got: any, want: ReturnType<typeof expectedStatus>) {
  expect(got.plan).toBe(preset.plan.id);
  expect(got.completeness).toEqual({ due: want.due, received: want.received });
  expect(got.teams.map((t: { ma_to: string }) => t.ma_to)).toEqual(want.teams.map((t) => t.code));
  for (const [i, t] of want.teams.entries()) {
    const gt = got.teams[i];
    expect(gt.status, t.code).toBe(t.status);
    expect(gt.targets.map((x: { id: string }) => x.id).sort()).toEqual(Object.keys(t.out).sort());
    for (const x of gt.targets) {
      const w = t.out[x.id]!;
      expect(x.status, `${t.code} ${x.id}`).toBe(w.status);
      expect(x.target).toBeCloseTo(w.target, 12);
      expect(x.expected).toBeCloseTo(w.expected, 12);
      if (w.actual === null) expect(x.actual).toBeNull();
      else expect(x.actual).toBeCloseTo(w.actual, 12);
      if (w.ratio === null) expect(x.ratio).toBeNull();
      else expect(x.ratio).toBeCloseTo(w.ratio, 12);
    }
  }
}

describe('status after init + CSV imports matches an independent evaluation', () => {
  it.each([1, 2, 3])('random commune #%i', async (seed) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-e2e-'));
    dirs.push(dir);
    const data = path.join(dir, 'data');
    const g = generate(seed);
    // Leavers: the members file has no "left" column, so they are written to the database later.
    const files = csvFiles(g, dir);
    expect((await cli(['init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân', '--data-dir', data])).code).toBe(0);
    for (const kind of ['teams', 'members', 'figures'] as const) {
      const r = await cli(['import', kind, files[kind], '--data-dir', data]);
      expect(r.stderr + r.code).toBe('0');
    }
    // Before the leaving dates: the first status evaluates every team and stores the results.
    const first = await cli(['status', '--as-of', AS_OF, '--json', '--data-dir', data]);
    expect(first.code).toBe(0);
    check(JSON.parse(first.stdout), expectedStatus({ ...g, members: g.members.map((m) => ({ ...m, left: null })) }));
    // Leaving dates through the storage layer (as the members screen does): the stored results
    // of those teams go stale, and the next status is again the independent evaluation.
    const { withDatabase } = await import('../../src/cli/context.js');
    await withDatabase(await placeFor(data), 'test', async (db) => {
      const rows = await db.db.query<{ id: number }>('SELECT id FROM member ORDER BY id');
      await db.db.transaction(async (tx) => {
        for (const [i, m] of g.members.entries()) if (m.left) await tx.query('UPDATE member SET left_on = $2 WHERE id = $1', [rows.rows[i]!.id, m.left]);
      });
    });
    const r = await cli(['status', '--as-of', AS_OF, '--json', '--data-dir', data]);
    expect(r.code).toBe(0);
    check(JSON.parse(r.stdout), expectedStatus(g));
    // Nothing changed since: the stored text, the same bytes.
    expect((await cli(['status', '--as-of', AS_OF, '--json', '--data-dir', data])).stdout).toBe(r.stdout);
  });
});
