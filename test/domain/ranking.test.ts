import { describe, expect, it } from 'vitest';
import { cappedRatio, meanCappedRatio, rankTeams, rankingAsOf, teamCompleteness } from '../../src/domain/ranking.js';
import type { TeamStatus } from '../../src/domain/status.js';
import type { Status, TargetResult } from '../../src/domain/targets.js';

const target = (ratio: number | null, status: Status = ratio === null ? 'chua_bao_cao' : ratio >= 1 ? 'dat' : 'cham'): TargetResult => ({
  id: `t${Math.random()}`,
  kind: 'per_quarter',
  chi_so: 'luot_ho_tro',
  actual: ratio === null ? null : ratio * 50,
  expected: 50,
  target: 50,
  ratio,
  status,
});

let nextId = 1;
const team = (name: string, ratios: (number | null)[], due = 10, missing = 0): TeamStatus => ({
  teamId: nextId++,
  ma_to: name.toUpperCase().replace(/\s/gu, ''),
  ten_to: name,
  status: 'cham',
  lowestRatio: null,
  targets: ratios.map((r) => target(r)),
  due: Array.from({ length: due }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
  missing: Array.from({ length: missing }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
});

describe('commendation ranking', () => {
  it('caps each ratio at 1 and counts a target with no data as 0', () => {
    expect(cappedRatio({ ratio: 2.5 })).toBe(1);
    expect(cappedRatio({ ratio: null })).toBe(0);
    expect(meanCappedRatio([{ ratio: 2 }, { ratio: 0.5 }])).toBe(0.75);
    expect(meanCappedRatio([{ ratio: 1 }, { ratio: null }, { ratio: 0.5 }])).toBe(0.5);
    expect(meanCappedRatio([])).toBe(0);
  });

  it('completeness is forms received / due, 1 when nothing is due', () => {
    expect(teamCompleteness({ due: ['a', 'b', 'c', 'd'], missing: ['a'] })).toBe(0.75);
    expect(teamCompleteness({ due: [], missing: [] })).toBe(1);
  });

  it('ranks by capped mean; over-achieving one target cannot hide another', () => {
    const rows = rankTeams({
      teams: [team('Tổ A', [3, 0.2]), team('Tổ B', [0.9, 0.9]), team('Tổ C', [1, 1])],
    });
    expect(rows.map((r) => [r.rank, r.ten_to])).toEqual([
      [1, 'Tổ C'],
      [2, 'Tổ B'],
      [3, 'Tổ A'],
    ]);
    expect(rows[2]!.score).toBeCloseTo(0.6);
    expect(rows[0]).toMatchObject({ met: 2, targets: 2, received: 10, due: 10, completeness: 1 });
  });

  it('breaks ties by completeness, then by Vietnamese name order (d before đ)', () => {
    const rows = rankTeams({
      teams: [
        team('Tổ Đông', [0.8]),
        team('Tổ Dương', [0.8]),
        team('Tổ Anh', [0.8], 10, 1),
        // The same score reached by different sums: equal within 1e-9.
        team('Tổ Em', [0.1 + 0.7, 0.8]),
      ],
    });
    expect(rows.map((r) => r.ten_to)).toEqual(['Tổ Dương', 'Tổ Đông', 'Tổ Em', 'Tổ Anh']);
  });

  it('is judged at the span\'s last month, or the latest finished month if earlier', () => {
    expect(rankingAsOf('2026-12', '2026-10')).toBe('2026-10');
    expect(rankingAsOf('2025-12', '2026-10')).toBe('2025-12');
  });
});
