// Team status, worst-first order, completeness and the status JSON contract.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Target } from '../../src/domain/schemas.js';
import { compareTeams, evaluatePlan, statusJson, worstStatus } from '../../src/domain/status.js';
import type { EvalPlan, EvalTeam } from '../../src/domain/targets.js';

const targets: Target[] = [
  { id: 'q', kind: 'per_quarter', chi_so: 'luot_ho_tro', value: 30 },
  { id: 'size', kind: 'team_size', chi_so: null, value: 2 },
];
const plan: EvalPlan = { id: 'p', span_start: '2026-01', span_end: '2026-12', targets, aggregation: new Map([['luot_ho_tro', 'sum']]) };
const m = { role: 'thanh_vien' as const, joinedOn: null, leftOn: null, trainings: [] };

function team(id: number, code: string, luot: number | null, over: Partial<EvalTeam> = {}): EvalTeam {
  return {
    id,
    code,
    name: `Tổ ${code}`,
    level: 'area',
    households: 100,
    adults: 300,
    urban: false,
    foundedOn: null,
    dissolvedOn: null,
    members: [m, m],
    forms: luot === null ? new Map() : new Map([['2026-10', new Map([['luot_ho_tro', luot]])]]),
    ...over,
  };
}

describe('worstStatus', () => {
  it('chưa báo cáo counts as worst; no targets is đạt', () => {
    expect(worstStatus(['dat', 'chua_bao_cao', 'cham_nhieu'])).toBe('chua_bao_cao');
    expect(worstStatus(['dat', 'cham'])).toBe('cham');
    expect(worstStatus([])).toBe('dat');
  });
});

describe('evaluatePlan', () => {
  const teams = [
    team(1, 'B', 10), // ratio 1 → đạt
    team(2, 'A', 10), // đạt, same lowest ratio → by ma_to
    team(3, 'C', 8), // 0.8 → chậm
    team(4, 'D', 5), // 0.5 → chậm nhiều
    team(5, 'E', null), // no form → chưa báo cáo
    team(6, 'F', 9), // 0.9 → chậm
    team(7, 'G', 1, { dissolvedOn: '2026-09-01' }), // dissolved: not evaluated
    team(8, 'H', 50, { dissolvedOn: '2026-11-05' }), // dissolved after M: still active at M
    team(9, 'I', null, { foundedOn: '2026-11-02' }), // founded after M: did not exist yet
  ];
  const report = evaluatePlan(teams, plan, '2026-10', DEFAULT_THRESHOLDS);

  it('lists active teams worst first: status, then lowest ratio (null first), then ma_to', () => {
    expect(report.teams.map((t) => t.ma_to)).toEqual(['E', 'D', 'C', 'F', 'A', 'B', 'H']);
    expect(report.teams.map((t) => t.status)).toEqual(['chua_bao_cao', 'cham_nhieu', 'cham', 'cham', 'dat', 'dat', 'dat']);
  });

  it('completeness counts due team-months (span start to M) and forms received', () => {
    // 7 active teams × 10 months due; 6 of them have one form (October).
    expect(report.completeness).toEqual({ due: 70, received: 6 });
    expect(report.teams.find((t) => t.ma_to === 'E')!.missing).toHaveLength(10);
  });

  it('team_size never becomes chưa báo cáo', () => {
    const e = report.teams.find((t) => t.ma_to === 'E')!;
    expect(e.targets.find((t) => t.id === 'size')).toMatchObject({ status: 'dat', actual: 2 });
  });

  it('prints the JSON contract, deterministic, numbers as numbers, null chi_so for member targets', () => {
    const json = statusJson(report);
    expect(json).toBe(statusJson(evaluatePlan(teams, plan, '2026-10', DEFAULT_THRESHOLDS)));
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['as_of', 'plan', 'completeness', 'teams']);
    expect(parsed.as_of).toBe('2026-10');
    expect(Object.keys(parsed.teams[0])).toEqual(['ma_to', 'ten_to', 'status', 'targets']);
    expect(Object.keys(parsed.teams[0].targets[0])).toEqual(['id', 'kind', 'chi_so', 'actual', 'expected', 'target', 'ratio', 'status']);
    expect(parsed.teams[0].targets[0]).toMatchObject({ actual: null, ratio: null, status: 'chua_bao_cao', expected: 10 });
    expect(parsed.teams[0].targets[1].chi_so).toBeNull();
  });
});

describe('compareTeams', () => {
  it('a null lowest ratio sorts before any number within the same status', () => {
    const base = { teamId: 0, ten_to: '', targets: [], due: [], missing: [] };
    const a = { ...base, ma_to: 'Z', status: 'dat' as const, lowestRatio: null };
    const b = { ...base, ma_to: 'A', status: 'dat' as const, lowestRatio: 1.2 };
    expect(compareTeams(a, b)).toBeLessThan(0);
  });
  it('worse status first, then lower ratio, then ma_to when the ratios are equal', () => {
    const base = { teamId: 0, ten_to: '', targets: [], due: [], missing: [] };
    const row = (ma_to: string, status: 'dat' | 'cham', lowestRatio: number | null) => ({ ...base, ma_to, status, lowestRatio });
    const sorted = [row('A', 'dat', null), row('B', 'cham', 0.9), row('C', 'dat', 1.1), row('E', 'dat', 1.05), row('D', 'dat', 1.05)].sort(compareTeams);
    expect(sorted.map((t) => t.ma_to)).toEqual(['B', 'A', 'D', 'E', 'C']);
    expect(compareTeams(row('D', 'dat', 1.05), row('D', 'dat', 1.05))).toBe(0);
  });
});
