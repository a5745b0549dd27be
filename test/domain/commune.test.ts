import { describe, expect, it } from 'vitest';
import { communeWindows, indicatorTotals, planLines, spanTarget, statusShares } from '../../src/domain/commune.js';
import type { Target } from '../../src/domain/schemas.js';
import { evaluatePlan } from '../../src/domain/status.js';
import type { EvalMember, EvalPlan, EvalTeam, FormsByMonth } from '../../src/domain/targets.js';

const forms = (byMonth: Record<string, Record<string, number>>): FormsByMonth =>
  new Map(Object.entries(byMonth).map(([m, v]) => [m, new Map(Object.entries(v))]));

const IND = [
  { code: 'luot_ho_tro', aggregation: 'sum' as const },
  { code: 'ho_dung_nen_tang', aggregation: 'last' as const },
  { code: 'chu_ky_so', aggregation: 'sum' as const },
];

describe('commune totals', () => {
  it('windows: the month, its quarter and its year up to it', () => {
    expect(communeWindows('2026-11')).toEqual({
      month: ['2026-11'],
      quarter: ['2026-10', '2026-11'],
      year: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    });
  });

  it('sum indicators add every month; last indicators take each team\'s latest value, then add teams', () => {
    const a = forms({ '2026-01': { luot_ho_tro: 10, ho_dung_nen_tang: 100 }, '2026-02': { luot_ho_tro: 5, ho_dung_nen_tang: 120 }, '2026-03': { luot_ho_tro: 7 } });
    const b = forms({ '2026-01': { luot_ho_tro: 3, ho_dung_nen_tang: 50 }, '2026-03': {} });
    const t = indicatorTotals([a, b], IND, ['2026-01', '2026-02', '2026-03']);
    expect(t).toEqual([
      { code: 'luot_ho_tro', aggregation: 'sum', value: 25, teams: 2 },
      // a: 120 (Feb; March is blank, not 0), b: 50 (January)
      { code: 'ho_dung_nen_tang', aggregation: 'last', value: 170, teams: 2 },
      // nobody reported it: blank, not 0
      { code: 'chu_ky_so', aggregation: 'sum', value: null, teams: 0 },
    ]);
    expect(indicatorTotals([a, b], IND, ['2026-03'])[1]).toEqual({ code: 'ho_dung_nen_tang', aggregation: 'last', value: null, teams: 0 });
    expect(indicatorTotals([a, b], IND, ['2026-03'])[0]).toMatchObject({ value: 7, teams: 1 });
  });

  it('share of teams per status, worst first', () => {
    expect(statusShares({ chua_bao_cao: 1, cham_nhieu: 0, cham: 1, dat: 2 })).toEqual([
      { status: 'chua_bao_cao', count: 1, share: 0.25 },
      { status: 'cham_nhieu', count: 0, share: 0 },
      { status: 'cham', count: 1, share: 0.25 },
      { status: 'dat', count: 2, share: 0.5 },
    ]);
    expect(statusShares({ chua_bao_cao: 0, cham_nhieu: 0, cham: 0, dat: 0 })[3]!.share).toBe(0);
  });
});

describe('the plan at commune level', () => {
  const members = (n: number): EvalMember[] => Array.from({ length: n }, () => ({ role: 'thanh_vien', joinedOn: null, leftOn: null, trainings: [] }));
  const team = (id: number, f: FormsByMonth, area: { households: number; urban: boolean } | null, n = 5): EvalTeam => ({
    id,
    code: `T${id}`,
    name: `Tổ ${id}`,
    level: area ? 'area' : 'commune',
    households: area?.households ?? null,
    adults: null,
    urban: area?.urban ?? null,
    foundedOn: null,
    dissolvedOn: null,
    members: members(n),
    forms: f,
  });
  const targets: Target[] = [
    { id: 'q', kind: 'per_quarter', chi_so: 'luot_ho_tro', value: 30 },
    { id: 'm', kind: 'per_member', chi_so: 'luot_ho_tro', value: 12 },
    { id: 's', kind: 'share', chi_so: 'ho_dung_nen_tang', value: 0.8, base: 'households' },
    { id: 'su', kind: 'share', chi_so: 'ho_dung_nen_tang', value: 0.5, base: 'households', area_filter: 'urban' },
    { id: 'size', kind: 'team_size', chi_so: null, value: 5 },
  ];
  const plan: EvalPlan = {
    id: 'p',
    span_start: '2026-01',
    span_end: '2026-12',
    targets,
    aggregation: new Map([
      ['luot_ho_tro', 'sum'],
      ['ho_dung_nen_tang', 'last'],
    ]),
  };
  // Teams 1 and 2 serve the same urban area of 200 households; team 3 a rural area of 100; team 4 is commune-level.
  const teams = [
    team(1, forms({ '2026-02': { luot_ho_tro: 20, ho_dung_nen_tang: 60 } }), { households: 200, urban: true }),
    team(2, forms({ '2026-03': { luot_ho_tro: 10, ho_dung_nen_tang: 40 } }), { households: 200, urban: true }, 4),
    team(3, forms({ '2026-01': { luot_ho_tro: 6, ho_dung_nen_tang: 30 } }), { households: 100, urban: false }),
    team(4, forms({ '2026-03': { luot_ho_tro: 4, ho_dung_nen_tang: 999 } }), null),
  ];
  const areas = [
    { urban: true, households: 200, adults: null, teamIds: [1, 2] },
    { urban: false, households: 100, adults: null, teamIds: [3] },
    { urban: false, households: 500, adults: null, teamIds: [99] }, // served by no active team
  ];
  const th = { onTrack: 1, behind: 0.7 };
  const report = evaluatePlan(teams, plan, '2026-03', th);
  const lines = planLines(report, teams, plan, areas, th);

  it('per_quarter and per_member: the teams\' actuals, paces and full targets added up', () => {
    expect(lines[0]).toMatchObject({ kind: 'sum', actual: 40, expected: 120, full: 120, ratio: 40 / 120, status: 'cham_nhieu', met: 0, teams: 4 });
    // full = 12 × (5 + 4 + 5 + 5) members = 228; 3 of 12 months: pace 57
    expect(lines[1]).toMatchObject({ kind: 'sum', actual: 40, expected: 57, full: 228 });
  });

  it('share: the teams\' latest values over the households of the areas they serve, each area once', () => {
    // 60 + 40 + 30 over 200 + 100 (the commune-level team has no share targets; area 3 has no active team)
    expect(lines[2]).toMatchObject({ kind: 'share', numerator: 130, base: 300, expected: 0.2, teams: 3 });
    expect((lines[2] as { share: number }).share).toBeCloseTo(130 / 300);
    expect(lines[2]).toMatchObject({ status: 'dat' });
    expect(lines[3]).toMatchObject({ kind: 'share', numerator: 100, base: 200, teams: 2 });
  });

  it('targets with no commune-wide sum count the teams reaching them', () => {
    expect(lines[4]).toEqual({ kind: 'count', target: targets[4], met: 3, teams: 4 });
  });

  it('the whole span\'s figure: quarters × per-quarter targets, members × N, p × each served area once', () => {
    expect(spanTarget(lines[0]!, 12)).toBe(30 * 4 * 4); // 4 teams × 4 quarters
    expect(spanTarget(lines[1]!, 12)).toBe(228);
    // Teams 1 and 2 share the 200 households: 0.8 × (200 + 100), not 0.8 × (200 + 200 + 100)
    expect(spanTarget(lines[2]!, 12)).toBeCloseTo(240);
    expect(spanTarget(lines[3]!, 12)).toBeCloseTo(100);
    expect(spanTarget(lines[4]!, 12)).toBeNull();
    const monthly: Target = { id: 'mm', kind: 'monthly_min', chi_so: 'ngay_hoat_dong', value: 8 };
    expect(spanTarget({ kind: 'count', target: monthly, met: 1, teams: 3 }, 12)).toBe(8 * 12 * 3);
    expect(spanTarget({ kind: 'count', target: monthly, met: 0, teams: 0 }, 12)).toBeNull();
  });

  it('no form in the window at all: no data, not zero', () => {
    const empty = teams.map((t) => ({ ...t, forms: new Map() }));
    const r = evaluatePlan(empty, plan, '2026-03', th);
    const l = planLines(r, empty, plan, areas, th);
    expect(l[0]).toMatchObject({ ratio: null, status: 'chua_bao_cao' });
    expect(l[2]).toMatchObject({ share: null, status: 'chua_bao_cao' });
  });
});
