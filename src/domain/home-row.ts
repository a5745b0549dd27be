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

/**
 * Home's whole look as stored (db/home-cache.ts, migration 13): the completeness, the teams in
 * the list's order (worst first) each as [id, the stored form above], the deadline's months and
 * the text of who owes forms for them as the database gave it (null when none is due yet).
 */
export function homeSnapshotJson(report: HomeReport, months: readonly string[], owing: string | null): string {
  const teams = report.teams.map((t) => [t.teamId, [t.ma_to, t.ten_to, t.status, t.lowestRatio, t.worst]]);
  return JSON.stringify({ due: report.completeness.due, received: report.completeness.received, months, owing, teams });
}

export interface HomeSnapshot {
  completeness: { due: number; received: number };
  teams: HomeTeam[];
  months: string[];
  owing: string | null;
}

/** The stored look back, or null when the text is not one (then home computes it as without). */
export function fromHomeSnapshot(text: string): HomeSnapshot | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const o = v as { due?: unknown; received?: unknown; months?: unknown; owing?: unknown; teams?: unknown };
  if (typeof o !== 'object' || o === null || typeof o.due !== 'number' || typeof o.received !== 'number') return null;
  if (!Array.isArray(o.months) || !o.months.every((m) => typeof m === 'string') || !(o.owing === null || typeof o.owing === 'string')) return null;
  if (!Array.isArray(o.teams) || !o.teams.every((t) => Array.isArray(t) && typeof t[0] === 'number' && Array.isArray(t[1]) && t[1].length === 5)) return null;
  const teams = (o.teams as [number, Parameters<typeof fromHomeJson>[1]][]).map(([id, stored]) => fromHomeJson(id, stored));
  return { completeness: { due: o.due, received: o.received }, teams, months: o.months as string[], owing: o.owing };
}
