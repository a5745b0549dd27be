// "Tổ CNSCĐ tiêu biểu": the year-end ranking for commendation. Score = the mean over a team's
// targets of its ratio capped at 1 (a target with no data counts 0), so over-achieving one
// target cannot hide another; ties go to the team that handed in more of its forms, then to
// Vietnamese name order. Built on the same StatusReport as the dashboard and `tonghop status`.
import { type Month, minMonth } from './period.js';
import type { StatusReport, TeamStatus } from './status.js';
import type { Status, TargetResult } from './targets.js';
import { compareVi } from './text.js';

export interface RankRow {
  rank: number;
  teamId: number;
  ma_to: string;
  ten_to: string;
  status: Status;
  /** Mean capped ratio, 0..1 (0 for a team with no targets). */
  score: number;
  /** Targets with status `dat` out of `targets`. */
  met: number;
  targets: number;
  received: number;
  due: number;
  /** received / due; 1 when nothing was due. */
  completeness: number;
}

const EPS = 1e-9;

export function cappedRatio(t: Pick<TargetResult, 'ratio'>): number {
  return t.ratio === null ? 0 : Math.max(0, Math.min(1, t.ratio));
}

export function meanCappedRatio(targets: readonly Pick<TargetResult, 'ratio'>[]): number {
  if (targets.length === 0) return 0;
  let sum = 0;
  for (const t of targets) sum += cappedRatio(t);
  return sum / targets.length;
}

export function teamCompleteness(t: Pick<TeamStatus, 'due' | 'missing'>): number {
  return t.due.length === 0 ? 1 : (t.due.length - t.missing.length) / t.due.length;
}

/** The month a year-end ranking is judged at: the span's last month, or the latest finished month if earlier. */
export function rankingAsOf(spanEnd: Month, lastFinished: Month): Month {
  return minMonth(spanEnd, lastFinished);
}

export function compareRank(a: RankRow, b: RankRow): number {
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  if (Math.abs(a.completeness - b.completeness) > EPS) return b.completeness - a.completeness;
  return compareVi(a.ten_to, b.ten_to) || (a.ma_to < b.ma_to ? -1 : a.ma_to > b.ma_to ? 1 : 0);
}

/** Every evaluated team, best first, ranked 1..n. */
export function rankTeams(report: Pick<StatusReport, 'teams'>): RankRow[] {
  const rows: RankRow[] = report.teams.map((t) => ({
    rank: 0,
    teamId: t.teamId,
    ma_to: t.ma_to,
    ten_to: t.ten_to,
    status: t.status,
    score: meanCappedRatio(t.targets),
    met: t.targets.filter((x) => x.status === 'dat').length,
    targets: t.targets.length,
    received: t.due.length - t.missing.length,
    due: t.due.length,
    completeness: teamCompleteness(t),
  }));
  rows.sort(compareRank);
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
