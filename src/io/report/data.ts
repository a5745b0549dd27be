// Everything the period report says, gathered from the database in a few queries. The
// arithmetic of status is computeStatus's (as of the period's last month); the totals and the
// plan are the commune view's (indicatorTotals, planLines).
import { computeStatus, formsWindowStart, listAreaBases, loadForms } from '../../db/evaluation.js';
import type { Db } from '../../db/database.js';
import { NotInitialisedError, getUnit } from '../../db/unit.js';
import { type Month, type Period, currentMonth, firstDay, lastDay, makeMonth, minMonth, monthParts, monthRange, periodAsOf, periodLabel, periodMonths } from '../../domain/period.js';
import type { Indicator, Plan, Unit } from '../../domain/schemas.js';
import { type PlanLine, indicatorTotals, planLines, spanTarget } from '../../domain/commune.js';
import { type TeamStatus, statusCounts } from '../../domain/status.js';
import { type FormsByMonth, type Status, activeMembers, spanLength, trainedMembers } from '../../domain/targets.js';

export interface ReportTotal {
  indicator: Indicator;
  period: number | null; // null: no team reported it in the period
  cumulative: number | null;
  /** The plan's target for the whole commune over the span, where a target reads this indicator. */
  target: number | null;
}

export interface ReportData {
  unit: Unit;
  plan: Plan;
  period: Period;
  now: Date;
  /** The period's last month once it has ended; else the last finished month inside it (periodAsOf). */
  asOf: Month;
  /** False while the period has not ended: every output says so. */
  ended: boolean;
  cumulativeFrom: Month;
  /** Area-level teams by the kind of their area (thôn: rural, tổ dân phố: urban). */
  teams: { active: number; areaLevel: number; communeLevel: number; rural: number; urban: number };
  members: { active: number; trained: number };
  forms: { due: number; received: number };
  totals: ReportTotal[];
  statuses: TeamStatus[];
  /** Teams per status as of `asOf`. */
  counts: Record<Status, number>;
  indicators: Map<string, Indicator>;
}

/** `known`: the unit, when the caller has read it already (the export does, for the file name). */
export async function loadReportData(q: Db, period: Period, now: Date, known?: Unit): Promise<ReportData> {
  const unit = known ?? (await getUnit(q));
  if (!unit) throw new NotInitialisedError();
  const when = periodAsOf(period, currentMonth(now));
  if (!when) throw new Error(`${periodLabel(period)} chưa bắt đầu: chưa có gì để báo cáo.`);
  const { asOf, ended } = when;
  // Months after asOf (a period not yet over) are neither due nor counted.
  const months = periodMonths(period).filter((m) => m <= asOf);
  const status = await computeStatus(q, asOf);
  const { plan, teams: evalTeams } = status.input;
  const { indicators } = status.input;
  const year = monthParts(asOf).year;
  const cumulativeFrom = plan.span_start <= asOf && monthParts(plan.span_start).year === year ? plan.span_start : makeMonth(year, 1);
  // computeStatus already holds every team's forms from the earlier of span start and the
  // quarter's start (loadEvalInput's window) up to asOf; load again only for an earlier start.
  const from = minMonth(cumulativeFrom, months[0]!);
  const forms: FormsByMonth[] =
    from < formsWindowStart(plan, asOf) ? [...(await loadForms(q, from, asOf)).values()] : evalTeams.map((t) => t.forms);

  const active = new Set(status.teams.map((t) => t.teamId));
  const activeTeams = evalTeams.filter((t) => active.has(t.id));
  const spanFrom = firstDay(plan.span_start);
  const spanTo = lastDay(asOf);
  let activeMembersCount = 0;
  let trained = 0;
  for (const t of activeTeams) {
    const ms = activeMembers(t, asOf);
    activeMembersCount += ms.length;
    trained += trainedMembers(ms, spanFrom, spanTo).length;
  }
  let due = 0;
  let received = 0;
  const inPeriod = new Set(months);
  for (const t of status.teams) {
    const d = t.due.filter((m) => inPeriod.has(m));
    due += d.length;
    received += d.length - t.missing.filter((m) => inPeriod.has(m)).length;
  }

  const lines = planLines(status, evalTeams, status.input.evalPlan, await listAreaBases(q), status.input.thresholds);
  const targets = communeTargets(lines, spanLength(plan));
  const inPeriodTotals = indicatorTotals(forms, indicators, months);
  const cumulative = indicatorTotals(forms, indicators, monthRange(cumulativeFrom, asOf));
  const totals = indicators.map((ind, i) => ({
    indicator: ind,
    period: inPeriodTotals[i]!.value,
    cumulative: cumulative[i]!.value,
    target: targets.get(ind.code) ?? null,
  }));

  return {
    unit,
    plan,
    period,
    now,
    asOf,
    ended,
    cumulativeFrom,
    teams: {
      active: activeTeams.length,
      areaLevel: activeTeams.filter((t) => t.level === 'area').length,
      communeLevel: activeTeams.filter((t) => t.level === 'commune').length,
      rural: activeTeams.filter((t) => t.level === 'area' && t.urban !== true).length,
      urban: activeTeams.filter((t) => t.level === 'area' && t.urban === true).length,
    },
    members: { active: activeMembersCount, trained },
    forms: { due, received },
    totals,
    statuses: status.teams,
    counts: statusCounts(status),
    indicators: new Map(indicators.map((i) => [i.code, i])),
  };
}

/**
 * The plan's commune-level figure over the whole span, per indicator, from the first target that
 * reads it: the commune view's plan lines (planLines), so a shared area counts once.
 */
function communeTargets(lines: readonly PlanLine[], spanMonths: number): Map<string, number> {
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const line of lines) {
    const code = line.target.chi_so;
    if (!code || seen.has(code)) continue;
    seen.add(code);
    const full = spanTarget(line, spanMonths);
    if (full !== null) out.set(code, full);
  }
  return out;
}
