// The target arithmetic of domain.md, rule by rule, with its boundaries.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Target } from '../../src/domain/schemas.js';
import {
  type EvalMember,
  type EvalPlan,
  type EvalTeam,
  aggregate,
  aggregateReported,
  dueMonths,
  elapsedMonths,
  evaluateTarget,
  isMemberActive,
  isMemberActiveOn,
  requiredTeamSize,
  statusFromRatio,
  trainedMembers,
} from '../../src/domain/targets.js';

const th = DEFAULT_THRESHOLDS;

function plan(targets: Target[], span: [string, string] = ['2026-01', '2026-12']): EvalPlan {
  return {
    id: 'p',
    span_start: span[0],
    span_end: span[1],
    targets,
    aggregation: new Map([
      ['luot_ho_tro', 'sum'],
      ['ho_huong_dan', 'sum'],
      ['ho_dung_nen_tang', 'last'],
      ['ngay_hoat_dong', 'sum'],
      ['nguoi_pho_cap', 'last'],
    ]),
  };
}

function forms(entries: Record<string, Record<string, number>>): EvalTeam['forms'] {
  return new Map(Object.entries(entries).map(([m, v]) => [m, new Map(Object.entries(v))]));
}

const member = (over: Partial<EvalMember> = {}): EvalMember => ({ role: 'thanh_vien', joinedOn: null, leftOn: null, trainings: [], ...over });

function team(over: Partial<EvalTeam> = {}): EvalTeam {
  return {
    id: 1,
    code: 'T1',
    name: 'Tổ 1',
    level: 'area',
    households: 200,
    adults: 500,
    urban: true,
    foundedOn: null,
    dissolvedOn: null,
    members: [member(), member(), member()],
    forms: new Map(),
    ...over,
  };
}

const t = (kind: Target['kind'], chi_so: string | null, value: number, extra: Partial<Target> = {}): Target =>
  ({ id: `${kind}_${chi_so ?? ''}`, kind, chi_so, value, ...extra }) as Target;

describe('statusFromRatio', () => {
  it('uses the 1 and 0.7 thresholds with a 1e-9 tolerance', () => {
    expect(statusFromRatio(1, th)).toBe('dat');
    expect(statusFromRatio(1 - 1e-10, th)).toBe('dat');
    expect(statusFromRatio(0.99, th)).toBe('cham');
    expect(statusFromRatio(0.7, th)).toBe('cham');
    expect(statusFromRatio(0.7 - 1e-10, th)).toBe('cham');
    expect(statusFromRatio(0.69999, th)).toBe('cham_nhieu');
    expect(statusFromRatio(0, th)).toBe('cham_nhieu');
  });
});

describe('aggregate', () => {
  const f = forms({ '2026-01': { a: 5 }, '2026-02': {}, '2026-03': { a: 2 } });
  it('sum adds reported values; a blank adds nothing', () => {
    expect(aggregate(f, 'a', 'sum', ['2026-01', '2026-02', '2026-03'])).toEqual({ value: 7, present: true });
  });
  it('last takes the latest non-blank value in the window', () => {
    expect(aggregate(f, 'a', 'last', ['2026-01', '2026-02'])).toEqual({ value: 5, present: true });
    expect(aggregate(f, 'a', 'last', ['2026-01', '2026-02', '2026-03'])).toEqual({ value: 2, present: true });
  });
  it('last is 0 when every cell is blank, but the form is present', () => {
    expect(aggregate(f, 'a', 'last', ['2026-02'])).toEqual({ value: 0, present: true });
  });
  it('no form in the window: not present', () => {
    expect(aggregate(f, 'a', 'sum', ['2026-04'])).toEqual({ value: 0, present: false });
  });
  it('reported: some month has a value, not only a form', () => {
    expect(aggregateReported(f, 'a', 'sum', ['2026-02'])).toEqual({ value: 0, present: true, reported: false });
    expect(aggregateReported(f, 'a', 'sum', ['2026-01', '2026-02'])).toEqual({ value: 5, present: true, reported: true });
    expect(aggregateReported(f, 'a', 'last', ['2026-04'])).toEqual({ value: 0, present: false, reported: false });
  });
});

describe('per_quarter', () => {
  const target = t('per_quarter', 'luot_ho_tro', 50);
  it("sums M's quarter up to M; expected N × months of the quarter so far / 3", () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-09': { luot_ho_tro: 99 }, '2026-10': { luot_ho_tro: 20 }, '2026-11': { luot_ho_tro: 13 } }) }), plan([target]), '2026-11', th)!;
    expect(r.actual).toBe(33);
    expect(r.expected).toBeCloseTo(100 / 3, 12);
    expect(r.target).toBe(50);
    expect(r.ratio).toBeCloseTo(0.99, 12);
    expect(r.status).toBe('cham');
  });
  it("a quarter's first month expects N/3; r exactly 1 is đạt", () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-10': { luot_ho_tro: 50 } }) }), plan([target]), '2026-10', th)!;
    expect(r.expected).toBeCloseTo(50 / 3, 12);
    const exact = evaluateTarget(t('per_quarter', 'luot_ho_tro', 30), team({ forms: forms({ '2026-10': { luot_ho_tro: 10 } }) }), plan([]), '2026-10', th)!;
    expect(exact.ratio).toBe(1);
    expect(exact.status).toBe('dat');
  });
  it('no form in the quarter so far: chưa báo cáo with null actual and ratio', () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-09': { luot_ho_tro: 99 } }) }), plan([target]), '2026-10', th)!;
    expect(r).toMatchObject({ actual: null, ratio: null, status: 'chua_bao_cao' });
  });
  it('a form with blank cells counts as present: actual 0', () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-10': {} }) }), plan([target]), '2026-10', th)!;
    expect(r).toMatchObject({ actual: 0, status: 'cham_nhieu' });
  });
});

describe('per_member', () => {
  const target = t('per_member', 'ho_huong_dan', 10);
  it('full = N × active members at M; expected = full × e / S; aggregate from span start', () => {
    const f = forms({ '2025-12': { ho_huong_dan: 100 }, '2026-01': { ho_huong_dan: 4 }, '2026-03': { ho_huong_dan: 3 } });
    const r = evaluateTarget(target, team({ forms: f }), plan([target]), '2026-03', th)!;
    expect(r.actual).toBe(7); // 2025-12 is before the span
    expect(r.target).toBe(30);
    expect(r.expected).toBeCloseTo((30 * 3) / 12, 12);
    expect(r.ratio).toBeCloseTo(7 / 7.5, 12);
    expect(r.status).toBe('cham');
  });
  it('counts only members active at M (joined by the end of M, not left by then)', () => {
    const members = [
      member({ joinedOn: '2026-03-31' }),
      member({ joinedOn: '2026-04-01' }),
      member({ leftOn: '2026-03-31' }),
      member({ leftOn: '2026-04-01' }),
    ];
    const r = evaluateTarget(target, team({ members, forms: forms({ '2026-03': { ho_huong_dan: 5 } }) }), plan([target]), '2026-03', th)!;
    expect(r.target).toBe(20); // the first and the last
  });
  it('first month of the span', () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-01': { ho_huong_dan: 3 } }) }), plan([target]), '2026-01', th)!;
    expect(r.expected).toBeCloseTo(30 / 12, 12);
    expect(r.status).toBe('dat');
  });
  it('last month of the span expects the full target', () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-12': { ho_huong_dan: 30 } }) }), plan([target]), '2026-12', th)!;
    expect(r.expected).toBe(30);
    expect(r.ratio).toBe(1);
  });
  it('a team with no members: expected 0 → ratio 1', () => {
    const r = evaluateTarget(target, team({ members: [], forms: forms({ '2026-02': {} }) }), plan([target]), '2026-02', th)!;
    expect(r).toMatchObject({ expected: 0, ratio: 1, status: 'dat' });
  });
  it('no forms at all: chưa báo cáo even though expected could be 0', () => {
    const r = evaluateTarget(target, team({ members: [] }), plan([target]), '2026-02', th)!;
    expect(r).toMatchObject({ actual: null, ratio: null, status: 'chua_bao_cao', expected: 0 });
  });
});

describe('share', () => {
  const target = t('share', 'ho_dung_nen_tang', 0.8, { base: 'households' });
  it('aggregate / base against p × e / S; a `last` indicator missing in M uses the latest earlier value', () => {
    const f = forms({ '2026-05': { ho_dung_nen_tang: 120 }, '2026-06': {} });
    const r = evaluateTarget(target, team({ forms: f }), plan([target]), '2026-06', th)!;
    expect(r.actual).toBeCloseTo(0.6, 12);
    expect(r.expected).toBeCloseTo(0.4, 12);
    expect(r.target).toBe(0.8);
    expect(r.ratio).toBeCloseTo(1.5, 12);
    expect(r.status).toBe('dat');
  });
  it('no base (commune-level team, blank or zero households): no share target', () => {
    expect(evaluateTarget(target, team({ households: null, level: 'commune', urban: null }), plan([target]), '2026-06', th)).toBeNull();
    expect(evaluateTarget(target, team({ households: 0 }), plan([target]), '2026-06', th)).toBeNull();
  });
  it('adults base and urban-only filter', () => {
    const urbanOnly = t('share', 'nguoi_pho_cap', 0.5, { base: 'adults', area_filter: 'urban' });
    const f = forms({ '2026-12': { nguoi_pho_cap: 250 } });
    expect(evaluateTarget(urbanOnly, team({ urban: false, forms: f }), plan([urbanOnly]), '2026-12', th)).toBeNull();
    const r = evaluateTarget(urbanOnly, team({ urban: true, forms: f }), plan([urbanOnly]), '2026-12', th)!;
    expect(r.actual).toBeCloseTo(0.5, 12);
    expect(r.ratio).toBeCloseTo(1, 12);
    expect(r.status).toBe('dat');
  });
  it('ratio exactly 0.7 is chậm, not chậm nhiều', () => {
    const p = t('share', 'ho_dung_nen_tang', 1, { base: 'households' });
    // e/S = 12/12, expected 1; actual 140/200 = 0.7
    const r = evaluateTarget(p, team({ forms: forms({ '2026-12': { ho_dung_nen_tang: 140 } }) }), plan([p]), '2026-12', th)!;
    expect(r.ratio).toBeCloseTo(0.7, 12);
    expect(r.status).toBe('cham');
  });
});

describe('monthly_min', () => {
  const target = t('monthly_min', 'ngay_hoat_dong', 8);
  it('reads month M alone', () => {
    const r = evaluateTarget(target, team({ forms: forms({ '2026-05': { ngay_hoat_dong: 20 }, '2026-06': { ngay_hoat_dong: 6 } }) }), plan([target]), '2026-06', th)!;
    expect(r).toMatchObject({ actual: 6, expected: 8, target: 8, ratio: 0.75, status: 'cham' });
  });
  it('no form in M: chưa báo cáo; a blank cell in a present form: 0', () => {
    expect(evaluateTarget(target, team({ forms: forms({ '2026-05': { ngay_hoat_dong: 9 } }) }), plan([target]), '2026-06', th)!.status).toBe('chua_bao_cao');
    expect(evaluateTarget(target, team({ forms: forms({ '2026-06': {} }) }), plan([target]), '2026-06', th)!).toMatchObject({ actual: 0, status: 'cham_nhieu' });
  });
});

describe('team_size, trained, leadership (never chưa báo cáo)', () => {
  it('team_size counts active members; the commune-level team has its own minimum', () => {
    const target = t('team_size', null, 9, { commune_value: 15 });
    expect(evaluateTarget(target, team(), plan([target]), '2026-06', th)!).toMatchObject({ actual: 3, expected: 9, target: 9, status: 'cham_nhieu' });
    const big = Array.from({ length: 15 }, () => member());
    expect(evaluateTarget(target, team({ level: 'commune', members: big }), plan([target]), '2026-06', th)!).toMatchObject({
      actual: 15,
      expected: 15,
      status: 'dat',
    });
  });
  it('trained: active members with a training from span start to the end of M, over active members; paced', () => {
    const target = t('trained', null, 1);
    const members = [
      member({ trainings: ['2026-03-31'] }),
      member({ trainings: ['2026-04-01'] }), // after M
      member({ trainings: ['2025-12-31'] }), // before the span
      member({ trainings: ['2026-02-10'], leftOn: '2026-03-01' }), // left: not active
    ];
    const r = evaluateTarget(target, team({ members }), plan([target]), '2026-03', th)!;
    expect(r.actual).toBeCloseTo(1 / 3, 12);
    expect(r.expected).toBeCloseTo(3 / 12, 12);
    expect(r.target).toBe(1);
    expect(r.status).toBe('dat');
    expect(r.chi_so).toBeNull();
  });
  it('leadership: a Tổ trưởng and a Tổ phó among the active members', () => {
    const target = t('leadership', null, 1);
    const both = [member({ role: 'to_truong' }), member({ role: 'to_pho' })];
    expect(evaluateTarget(target, team({ members: both }), plan([target]), '2026-06', th)!).toMatchObject({ actual: 1, ratio: 1, status: 'dat' });
    const leftDeputy = [member({ role: 'to_truong' }), member({ role: 'to_pho', leftOn: '2026-05-10' })];
    expect(evaluateTarget(target, team({ members: leftDeputy }), plan([target]), '2026-06', th)!).toMatchObject({ actual: 0, status: 'cham_nhieu' });
  });
});

describe('pacing and membership helpers', () => {
  it('e counts span months up to M, clamped to 0..S', () => {
    const p = plan([], ['2025-09', '2025-12']);
    expect(elapsedMonths(p, '2025-08')).toBe(0);
    expect(elapsedMonths(p, '2025-09')).toBe(1);
    expect(elapsedMonths(p, '2025-12')).toBe(4);
    expect(elapsedMonths(p, '2026-03')).toBe(4);
  });
  it('a member who left during M is not active at M', () => {
    expect(isMemberActive(member({ leftOn: '2026-06-15' }), '2026-06')).toBe(false);
    expect(isMemberActive(member({ leftOn: '2026-07-01' }), '2026-06')).toBe(true);
    expect(isMemberActive(member({ joinedOn: '2026-06-30' }), '2026-06')).toBe(true);
  });
  it('on a day: joined by then, not left yet (the roster screens use the same rule)', () => {
    expect(isMemberActiveOn({ joinedOn: '2026-06-15', leftOn: null }, '2026-06-15')).toBe(true);
    expect(isMemberActiveOn({ joinedOn: '2026-06-16', leftOn: null }, '2026-06-15')).toBe(false);
    expect(isMemberActiveOn({ joinedOn: null, leftOn: '2026-06-15' }, '2026-06-15')).toBe(false);
  });
  it('trained between two days, both included', () => {
    const a = member({ trainings: ['2025-12-31'] });
    const b = member({ trainings: ['2026-01-01'] });
    const c = member({ trainings: ['2025-05-01', '2026-03-31'] });
    expect(trainedMembers([a, b, c, member()], '2026-01-01', '2026-03-31')).toEqual([b, c]);
  });
  it('team size: the commune-level team may have its own minimum', () => {
    const size = t('team_size', null, 9, { commune_value: 15 });
    expect(requiredTeamSize(size, 'area')).toBe(9);
    expect(requiredTeamSize(size, 'commune')).toBe(15);
    expect(requiredTeamSize(t('team_size', null, 9), 'commune')).toBe(9);
  });
  it('due months run from the later of span start and founding to M, within the span', () => {
    const p = plan([], ['2026-01', '2026-12']);
    expect(dueMonths(p, { foundedOn: null }, '2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(dueMonths(p, { foundedOn: '2026-02-20' }, '2026-03')).toEqual(['2026-02', '2026-03']);
    expect(dueMonths(p, { foundedOn: '2025-08-22' }, '2026-02')).toEqual(['2026-01', '2026-02']);
    expect(dueMonths(p, { foundedOn: '2026-05-01' }, '2026-03')).toEqual([]);
  });
});
