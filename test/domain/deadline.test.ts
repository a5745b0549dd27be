import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  missingForDeadline,
  monthList,
  nextDeadline,
  quarterDeadline,
  shortMonths,
} from '../../src/domain/deadline.js';

const phuVan = { span_start: '2026-01', span_end: '2026-12', deadline_day: 21 };
const noDay = { span_start: '2026-01', span_end: '2026-12', deadline_day: null };

describe('quarterly deadline', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-11-23', '2026-12-21')).toBe(28);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a DST change elsewhere: still whole days
  });

  it('is day D of the quarter\'s last month, clamped to the month; or its last day', () => {
    expect(quarterDeadline('2026-11', 21)).toEqual({ date: '2026-12-21', before: true });
    expect(quarterDeadline('2026-04', 31)).toEqual({ date: '2026-06-30', before: true });
    expect(quarterDeadline('2026-01', null)).toEqual({ date: '2026-03-31', before: false });
  });

  it('Phù Vân on 23/11/2026: Quý IV, before 21/12/2026, 28 days left', () => {
    expect(nextDeadline(phuVan, '2026-11-23')).toEqual({
      quarter: ['2026-10', '2026-11', '2026-12'],
      date: '2026-12-21',
      before: true,
      daysLeft: 28,
    });
  });

  it('"before day D": on day D that deadline has passed; the last day of a quarter still counts', () => {
    expect(nextDeadline(phuVan, '2026-12-20')?.daysLeft).toBe(1);
    expect(nextDeadline(phuVan, '2026-12-21')).toBeNull(); // the plan has no later quarter
    expect(nextDeadline(phuVan, '2026-09-21')?.date).toBe('2026-12-21');
    expect(nextDeadline(noDay, '2026-12-31')).toMatchObject({ date: '2026-12-31', daysLeft: 0, before: false });
    expect(nextDeadline(noDay, '2027-01-01')).toBeNull();
  });

  it('before the span starts: the first quarter that overlaps the span', () => {
    const trungThanh = { span_start: '2026-06', span_end: '2026-12', deadline_day: null };
    expect(nextDeadline(trungThanh, '2026-02-10')).toMatchObject({ quarter: ['2026-04', '2026-05', '2026-06'], date: '2026-06-30', daysLeft: 140 });
    expect(nextDeadline(phuVan, '2025-11-30')).toMatchObject({ date: '2026-03-21' });
  });
});

describe('who still owes forms for the deadline', () => {
  const team = (id: number, name: string, extra: Partial<{ foundedOn: string | null; dissolvedOn: string | null }> = {}) => ({
    id,
    name,
    code: `T${id}`,
    foundedOn: null,
    dissolvedOn: null,
    ...extra,
  });
  const forms = new Map<number, Set<string>>([
    [1, new Set(['2026-10', '2026-11'])],
    [2, new Set(['2026-11'])],
    [3, new Set()],
  ]);
  const has = (id: number, m: string) => forms.get(id)?.has(m) ?? false;
  const quarter = { quarter: ['2026-10', '2026-11', '2026-12'] };

  it('reads the finished months of the quarter only', () => {
    const r = missingForDeadline(phuVan, [team(1, 'A'), team(2, 'B'), team(3, 'C')], quarter, '2026-12-05', has);
    expect(r.months).toEqual(['2026-10', '2026-11']);
    expect(r.teams).toEqual([
      { teamId: 2, name: 'B', code: 'T2', months: ['2026-10'] },
      { teamId: 3, name: 'C', code: 'T3', months: ['2026-10', '2026-11'] },
    ]);
  });

  it('skips months before a team was founded, and dissolved teams', () => {
    const r = missingForDeadline(
      phuVan,
      [team(2, 'B', { foundedOn: '2026-11-02' }), team(3, 'C', { dissolvedOn: '2026-11-15' })],
      quarter,
      '2026-12-05',
      has,
    );
    expect(r.teams).toEqual([]);
  });

  it('no month of the quarter has finished yet: nobody owes anything', () => {
    expect(missingForDeadline(phuVan, [team(3, 'C')], quarter, '2026-10-05', has)).toEqual({ months: [], teams: [] });
  });

  it('writes months short', () => {
    expect(shortMonths(['2026-10', '2026-11'])).toBe('T10, T11');
    expect(monthList(['2026-01', '2025-12', '2026-02'])).toBe('T12/2025; T1, T2/2026');
  });
});
