// Home's stored row of a team (migration 12): read back, it is the row the full evaluation gives.
import { describe, expect, it } from 'vitest';
import { fromHomeJson, homeJson, toHomeTeam } from '../../src/domain/home-row.js';
import type { TeamStatus } from '../../src/domain/status.js';

const team = (over: Partial<TeamStatus> = {}): TeamStatus => ({
  teamId: 7,
  ma_to: 'TDP07',
  ten_to: 'Tổ "Đông" \u202e\u0085 Hưng',
  status: 'cham',
  lowestRatio: 0.1 + 0.2,
  targets: [
    { id: 'a', kind: 'per_quarter', chi_so: 'ho_huong_dan', actual: 3, expected: 10 / 3, target: 12, ratio: 0.9, status: 'cham' },
    { id: 'b', kind: 'share', chi_so: null, actual: 0.1 + 0.2, expected: 1, target: 1, ratio: 0.1 + 0.2, status: 'cham_nhieu' },
  ],
  due: ['2026-10'],
  missing: [],
  ...over,
});

describe('home row', () => {
  it('round-trips exactly: name with quotes and controls, unrounded ratios, the worst target', () => {
    const t = team();
    expect(fromHomeJson(t.teamId, JSON.parse(homeJson(t)))).toEqual(toHomeTeam(t));
    expect(toHomeTeam(t).worst?.id).toBe('b');
  });

  it('a team with no targets has no worst target and no lowest ratio', () => {
    const t = team({ targets: [], lowestRatio: null, status: 'dat' });
    expect(fromHomeJson(t.teamId, JSON.parse(homeJson(t)))).toEqual({ teamId: 7, ma_to: 'TDP07', ten_to: t.ten_to, status: 'dat', lowestRatio: null, worst: null });
  });
});
