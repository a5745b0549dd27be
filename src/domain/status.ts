// Who is behind: every active team's targets, its worst status, worst-first order and
// completeness. The one code path behind `tonghop status`, the dashboard and the report.
import type { Month } from './period.js';
import type { Thresholds } from './schemas.js';
import { compareCode, jsonSafe } from './text.js';
import {
  type EvalPlan,
  type EvalTeam,
  type Status,
  type TargetResult,
  STATUS_RANK,
  dueMonths,
  evaluateTarget,
  isTeamActive,
} from './targets.js';

export interface TeamStatus {
  teamId: number;
  ma_to: string;
  ten_to: string;
  status: Status;
  /** Lowest ratio over the team's targets; null when one has no data (or there are none). */
  lowestRatio: number | null;
  targets: TargetResult[];
  due: Month[];
  missing: Month[];
}

export interface StatusReport {
  as_of: Month;
  plan: string;
  completeness: { due: number; received: number };
  teams: TeamStatus[];
}

export function worstStatus(statuses: readonly Status[]): Status {
  let worst: Status = 'dat';
  for (const s of statuses) if (STATUS_RANK[s] < STATUS_RANK[worst]) worst = s;
  return worst;
}

function lowestRatio(targets: readonly TargetResult[]): number | null {
  if (targets.length === 0) return null;
  let low = Infinity;
  for (const t of targets) {
    if (t.ratio === null) return null;
    if (t.ratio < low) low = t.ratio;
  }
  return low;
}

export function evaluateTeam(team: EvalTeam, plan: EvalPlan, asOf: Month, th: Thresholds): TeamStatus {
  const targets: TargetResult[] = [];
  for (const t of plan.targets) {
    const r = evaluateTarget(t, team, plan, asOf, th);
    if (r) targets.push(r);
  }
  const due = dueMonths(plan, team, asOf);
  return {
    teamId: team.id,
    ma_to: team.code,
    ten_to: team.name,
    status: worstStatus(targets.map((t) => t.status)),
    lowestRatio: lowestRatio(targets),
    targets,
    due,
    missing: due.filter((m) => !team.forms.has(m)),
  };
}

/** Worst first: by status, then lowest ratio (null first), then ma_to. */
export function compareTeams(a: Pick<TeamStatus, 'status' | 'lowestRatio' | 'ma_to'>, b: Pick<TeamStatus, 'status' | 'lowestRatio' | 'ma_to'>): number {
  const s = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (s !== 0) return s;
  if (a.lowestRatio !== b.lowestRatio) {
    if (a.lowestRatio === null) return -1;
    if (b.lowestRatio === null) return 1;
    return a.lowestRatio - b.lowestRatio;
  }
  return compareCode(a.ma_to, b.ma_to);
}

export function evaluatePlan(
  teams: readonly EvalTeam[],
  plan: EvalPlan,
  asOf: Month,
  th: Thresholds,
): StatusReport {
  return assembleReport(teams.map((t) => evaluateTeamIfActive(t, plan, asOf, th)), plan.id, asOf);
}

/** A team's status as of M, or null when it is not evaluated then (not founded yet, or dissolved). */
export function evaluateTeamIfActive(team: EvalTeam, plan: EvalPlan, asOf: Month, th: Thresholds): TeamStatus | null {
  return isTeamActive(team, asOf) ? evaluateTeam(team, plan, asOf, th) : null;
}

/**
 * The report from each team's result (null: not evaluated), worst first, with completeness:
 * the second half of evaluatePlan, shared with the stored evaluations (db/status-cache.ts).
 */
export function assembleReport(perTeam: readonly (TeamStatus | null)[], planId: string, asOf: Month): StatusReport {
  const results = perTeam.filter((r): r is TeamStatus => r !== null);
  results.sort(compareTeams);
  let due = 0;
  let received = 0;
  for (const r of results) {
    due += r.due.length;
    received += r.due.length - r.missing.length;
  }
  return { as_of: asOf, plan: planId, completeness: { due, received }, teams: results };
}

/** The JSON contract of `tonghop status --json` (domain.md), deterministic. */
export function statusJson(report: StatusReport): string {
  return statusJsonHead(report.as_of, report.plan, report.completeness) + report.teams.map(teamJson).join(',') + STATUS_JSON_TAIL;
}

// Names are untrusted text: C1 and bidi controls escaped too (JSON.stringify escapes only C0).
// jsonSafe works character by character, so the pieces escaped apart equal the whole escaped at once.

/** The text before the teams: `{"as_of":…,"plan":…,"completeness":{…},"teams":[`. */
export function statusJsonHead(asOf: Month, plan: string, completeness: { due: number; received: number }): string {
  const head = JSON.stringify({ as_of: asOf, plan, completeness: { due: completeness.due, received: completeness.received } });
  return jsonSafe(head.slice(0, -1)) + ',"teams":[';
}

export const STATUS_JSON_TAIL = ']}';

/** One team's object in `status --json` (stored per team, so a change re-serialises only that team). */
export function teamJson(t: TeamStatus): string {
  return jsonSafe(JSON.stringify({
    ma_to: t.ma_to,
    ten_to: t.ten_to,
    status: t.status,
    targets: t.targets.map((x) => ({
      id: x.id,
      kind: x.kind,
      chi_so: x.chi_so,
      actual: x.actual,
      expected: x.expected,
      target: x.target,
      ratio: x.ratio,
      status: x.status,
    })),
  }));
}

/** Count of teams per status (commune view). */
export function statusCounts(report: StatusReport): Record<Status, number> {
  const c: Record<Status, number> = { chua_bao_cao: 0, cham_nhieu: 0, cham: 0, dat: 0 };
  for (const t of report.teams) c[t.status]++;
  return c;
}
