// What home's list shows of one team's evaluation: its code, name, status, lowest ratio (the
// order) and worst target (the words and the bar), without the other targets and months. Stored
// beside each team's result (migration 12) so home reads a fifth of the bytes; the full
// evaluation goes through the same toHomeTeam, so both give the same model.
import { worstTarget } from './describe.js';
import type { StatusReport, TeamStatus } from './status.js';
import type { TargetResult } from './targets.js';

export type HomeTeam = Pick<TeamStatus, 'teamId' | 'ma_to' | 'ten_to' | 'status' | 'lowestRatio'> & { worst: TargetResult | null };

/** Home's report: the completeness and, worst first, each evaluated team as the list shows it. */
export type HomeReport = Omit<StatusReport, 'teams'> & { teams: HomeTeam[] };

export function toHomeTeam(t: TeamStatus): HomeTeam {
  return { teamId: t.teamId, ma_to: t.ma_to, ten_to: t.ten_to, status: t.status, lowestRatio: t.lowestRatio, worst: worstTarget(t.targets) };
}

export function toHomeReport(r: StatusReport): HomeReport {
  return { as_of: r.as_of, plan: r.plan, completeness: r.completeness, teams: r.teams.map(toHomeTeam) };
}

/** The stored form (the team's id is its row's): [ma_to, ten_to, status, lowestRatio, worst]. */
export function homeJson(t: TeamStatus): string {
  const h = toHomeTeam(t);
  return JSON.stringify([h.ma_to, h.ten_to, h.status, h.lowestRatio, h.worst]);
}

export function fromHomeJson(teamId: number, stored: readonly [string, string, HomeTeam['status'], number | null, TargetResult | null]): HomeTeam {
  const [ma_to, ten_to, status, lowestRatio, worst] = stored;
  return { teamId, ma_to, ten_to, status, lowestRatio, worst };
}
