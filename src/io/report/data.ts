// Everything the period report says, gathered from the database in a few queries. The
// arithmetic of status is computeStatus's (as of the period's last month); the totals here are
// plain sums over the forms (`last` indicators: each team's latest value, then added up).
import { computeStatus, listAreaBases, loadForms } from '../../db/evaluation.js';
import type { Queryable } from '../../db/queryable.js';
import { getUnit, listIndicators } from '../../db/unit.js';
import { type Month, type Period, makeMonth, monthParts, periodLastMonth, periodMonths } from '../../domain/period.js';
import type { Indicator, Plan, Unit } from '../../domain/schemas.js';
import { type PlanLine, planLines, spanTarget } from '../../domain/commune.js';
import type { TeamStatus } from '../../domain/status.js';
import { activeMembers, spanLength } from '../../domain/targets.js';
import { firstDay, lastDay } from '../../domain/period.js';

export interface IndicatorTotal {
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
  asOf: Month;
  cumulativeFrom: Month;
  teams: { active: number; areaLevel: number; communeLevel: number };
  members: { active: number; trained: number };
  forms: { due: number; received: number };
  totals: IndicatorTotal[];
  statuses: TeamStatus[];
  indicators: Map<string, Indicator>;
}

export async function loadReportData(q: Queryable, period: Period, now: Date): Promise<ReportData> {
  const unit = await getUnit(q);
  if (!unit) throw new Error('Chưa có dữ liệu đơn vị: hãy khởi tạo trước.');
  const asOf = periodLastMonth(period);
  const months = periodMonths(period);
  const status = await computeStatus(q, asOf);
  const { plan, teams: evalTeams } = status.input;
  const indicators = await listIndicators(q);
  const year = monthParts(asOf).year;
  const cumulativeFrom = plan.span_start <= asOf && monthParts(plan.span_start).year === year ? plan.span_start : makeMonth(year, 1);
  const from = cumulativeFrom < months[0]! ? cumulativeFrom : months[0]!;
  const forms = await loadForms(q, from, asOf);

  const active = new Set(status.teams.map((t) => t.teamId));
  const activeTeams = evalTeams.filter((t) => active.has(t.id));
  const spanFrom = firstDay(plan.span_start);
  const spanTo = lastDay(asOf);
  let activeMembersCount = 0;
  let trained = 0;
  for (const t of activeTeams) {
    const ms = activeMembers(t, asOf);
    activeMembersCount += ms.length;
    trained += ms.filter((m) => m.trainings.some((d) => d >= spanFrom && d <= spanTo)).length;
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
  const totals = indicators.map((ind) => ({
    indicator: ind,
    period: total(forms, ind, months),
    cumulative: total(forms, ind, monthsFrom(cumulativeFrom, asOf)),
    target: targets.get(ind.code) ?? null,
  }));

  return {
    unit,
    plan,
    period,
    now,
    asOf,
    cumulativeFrom,
    teams: {
      active: activeTeams.length,
      areaLevel: activeTeams.filter((t) => t.level === 'area').length,
      communeLevel: activeTeams.filter((t) => t.level === 'commune').length,
    },
    members: { active: activeMembersCount, trained },
    forms: { due, received },
    totals,
    statuses: status.teams,
    indicators: new Map(indicators.map((i) => [i.code, i])),
  };
}

function monthsFrom(a: Month, b: Month): Month[] {
  const out: Month[] = [];
  for (let m = a; m <= b; ) {
    out.push(m);
    const { year, month } = monthParts(m);
    m = month === 12 ? makeMonth(year + 1, 1) : makeMonth(year, month + 1);
  }
  return out;
}

/** `sum`: every value in the window; `last`: each team's latest value in the window, then added. */
function total(forms: Map<number, Map<Month, Map<string, number>>>, ind: Indicator, months: readonly Month[]): number | null {
  let sum = 0;
  let any = false;
  for (const byMonth of forms.values()) {
    let last: number | null = null;
    for (const m of months) {
      const v = byMonth.get(m)?.get(ind.code);
      if (v === undefined) continue;
      any = true;
      if (ind.aggregation === 'sum') sum += v;
      else last = v;
    }
    if (last !== null) sum += last;
  }
  return any ? sum : null;
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
