// The province's view of its communes (domain.md, "Upward: the province"): each commune's status
// is its worst team's, listed worst first, then by completeness (received/due, ascending), then
// by unit code. A commune "chưa gửi" when the bundle held does not reach the last quarter ended.
import { type Month, addMonths, quarterEnd, quarterStart } from './period.js';
import { type StatusReport, statusCounts, worstStatus } from './status.js';
import { STATUS_RANK, type Status } from './targets.js';

export interface UnitStatus {
  unit_code: string;
  unit: string;
  plan: string;
  status: Status;
  completeness: { due: number; received: number };
  teams: Record<Status, number>;
  /** The bundle held: its period's last month and creation time. */
  received: { period: string; periodEnd: Month; created: string };
  /** False when the bundle held ends before the last quarter ended by the as-of month. */
  sent: boolean;
}

/** The last month of the last quarter that has ended by the end of `asOf`. */
export function lastQuarterEnded(asOf: Month): Month {
  return quarterEnd(asOf) === asOf ? asOf : addMonths(quarterStart(asOf), -1);
}

export function unitStatus(
  unit: { code: string; name: string; period: string; periodEnd: Month; created: string },
  report: StatusReport,
): UnitStatus {
  return {
    unit_code: unit.code,
    unit: unit.name,
    plan: report.plan,
    status: worstStatus(report.teams.map((t) => t.status)),
    completeness: report.completeness,
    teams: statusCounts(report),
    received: { period: unit.period, periodEnd: unit.periodEnd, created: unit.created },
    sent: unit.periodEnd >= lastQuarterEnded(report.as_of),
  };
}

/** received/due compared exactly (cross products); nothing due counts as complete. */
function compareCompleteness(a: UnitStatus['completeness'], b: UnitStatus['completeness']): number {
  const [ar, ad] = a.due === 0 ? [1, 1] : [a.received, a.due];
  const [br, bd] = b.due === 0 ? [1, 1] : [b.received, b.due];
  return ar * bd - br * ad;
}

export function compareUnits(a: UnitStatus, b: UnitStatus): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareCompleteness(a.completeness, b.completeness) ||
    (a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0)
  );
}

/** The screen's order: communes that sent nothing for the quarter first, then worst first. */
export function compareUnitsForScreen(a: UnitStatus, b: UnitStatus): number {
  return Number(a.sent) - Number(b.sent) || compareUnits(a, b);
}

/** The JSON contract of a province's `status --json` (domain.md), deterministic. */
export function provinceJson(asOf: Month, province: string, units: readonly UnitStatus[]): string {
  return JSON.stringify({
    as_of: asOf,
    province,
    units: [...units].sort(compareUnits).map((u) => ({
      unit_code: u.unit_code,
      unit: u.unit,
      plan: u.plan,
      status: u.status,
      completeness: u.completeness,
      teams: { dat: u.teams.dat, cham: u.teams.cham, cham_nhieu: u.teams.cham_nhieu, chua_bao_cao: u.teams.chua_bao_cao },
    })),
  });
}
