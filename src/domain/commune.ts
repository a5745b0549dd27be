// The commune as a whole: every indicator added up over a month, a quarter and a year, set
// against the plan where the plan has a commune-wide meaning, and the share of teams per status.
// `sum` indicators add every team's months; `last` indicators (stocks) take each team's latest
// non-blank value in the window and then add across teams (a stock must not be added over months).
import { type Month, makeMonth, monthParts, monthRange, quarterStart } from './period.js';
import type { Aggregation, Indicator, Target, Thresholds } from './schemas.js';
import type { StatusReport } from './status.js';
import {
  type EvalPlan,
  type EvalTeam,
  type FormsByMonth,
  type Status,
  STATUS_ORDER,
  aggregate,
  aggregateReported,
  elapsedMonths,
  ratioOf,
  shareBase,
  spanLength,
  statusFromRatio,
} from './targets.js';

export interface IndicatorTotal {
  code: string;
  aggregation: Aggregation;
  /** null when no team reported a value in the window (blank is not 0). */
  value: number | null;
  /** Teams that reported at least one value of it in the window. */
  teams: number;
}

export interface CommuneWindows {
  month: Month[];
  /** The as-of month's quarter, up to the as-of month. */
  quarter: Month[];
  /** The as-of month's year, up to the as-of month. */
  year: Month[];
}

export function communeWindows(asOf: Month): CommuneWindows {
  return {
    month: [asOf],
    quarter: monthRange(quarterStart(asOf), asOf),
    year: monthRange(makeMonth(monthParts(asOf).year, 1), asOf),
  };
}

/** Commune totals of each indicator over `months`, over every team's forms given (`aggregate` per team, then added). */
export function indicatorTotals(
  teams: Iterable<FormsByMonth>,
  indicators: readonly Pick<Indicator, 'code' | 'aggregation'>[],
  months: readonly Month[],
): IndicatorTotal[] {
  const out = indicators.map((i) => ({ code: i.code, aggregation: i.aggregation, value: null as number | null, teams: 0 }));
  for (const forms of teams) {
    for (const total of out) {
      const a = aggregateReported(forms, total.code, total.aggregation, months);
      if (!a.reported) continue;
      total.teams++;
      total.value = (total.value ?? 0) + a.value;
    }
  }
  return out;
}

/** How the commune stands on one target of the plan. */
export type PlanLine =
  /** per_quarter / per_member: the teams' actuals, paces and full targets added up. */
  | { kind: 'sum'; target: Target; actual: number; expected: number; full: number; ratio: number | null; status: Status; met: number; teams: number }
  /** share: the commune's total of the indicator over the households/adults of the areas served. */
  | {
      kind: 'share';
      target: Target;
      numerator: number;
      base: number;
      share: number | null;
      expected: number;
      ratio: number | null;
      status: Status;
      met: number;
      teams: number;
    }
  /** Targets with no commune-wide sum (monthly minimum, team size, training, leaders): teams reaching it. */
  | { kind: 'count'; target: Target; met: number; teams: number };

export interface AreaOfTeams {
  urban: boolean;
  households: number | null;
  adults: number | null;
  teamIds: readonly number[];
}

/**
 * The plan's targets at commune level, as of the report's month. `teams` are the evaluated
 * input (their forms must cover span start..as-of), `areas` the areas teams serve (each area's
 * households/adults counted once even if several teams serve it).
 */
export function planLines(
  report: Pick<StatusReport, 'as_of' | 'teams'>,
  teams: readonly EvalTeam[],
  plan: EvalPlan,
  areas: readonly AreaOfTeams[],
  th: Thresholds,
): PlanLine[] {
  const asOf = report.as_of;
  const S = spanLength(plan);
  const pace = S === 0 ? 1 : elapsedMonths(plan, asOf) / S;
  const byId = new Map(teams.map((t) => [t.id, t]));
  const active = new Set(report.teams.map((t) => t.teamId));
  const spanWindow = monthRange(plan.span_start, asOf);
  return plan.targets.map((target): PlanLine => {
    const results = report.teams.flatMap((t) => t.targets.filter((x) => x.id === target.id));
    const met = results.filter((r) => r.status === 'dat').length;
    const reported = results.some((r) => r.actual !== null);
    if (target.kind === 'per_quarter' || target.kind === 'per_member') {
      let actual = 0;
      let expected = 0;
      let full = 0;
      for (const r of results) {
        actual += r.actual ?? 0;
        expected += r.expected;
        full += r.target;
      }
      const ratio = reported ? ratioOf(actual, expected) : null;
      return { kind: 'sum', target, actual, expected, full, ratio, status: ratio === null ? 'chua_bao_cao' : statusFromRatio(ratio, th), met, teams: results.length };
    }
    if (target.kind === 'share') {
      let numerator = 0;
      let present = false;
      for (const id of active) {
        const team = byId.get(id);
        if (!team || shareBase(target, team) === null) continue;
        const a = aggregate(team.forms, target.chi_so!, plan.aggregation.get(target.chi_so!) ?? 'sum', spanWindow);
        numerator += a.value;
        present ||= a.present;
      }
      let base = 0;
      for (const area of areas) {
        if (!area.teamIds.some((id) => active.has(id))) continue;
        if (target.area_filter === 'urban' && !area.urban) continue;
        if (target.area_filter === 'rural' && area.urban) continue;
        base += (target.base === 'adults' ? area.adults : area.households) ?? 0;
      }
      const share = present && base > 0 ? numerator / base : null;
      const expected = target.value * pace;
      const ratio = share === null ? null : ratioOf(share, expected);
      return {
        kind: 'share',
        target,
        numerator,
        base,
        share,
        expected,
        ratio,
        status: ratio === null ? 'chua_bao_cao' : statusFromRatio(ratio, th),
        met,
        teams: results.length,
      };
    }
    return { kind: 'count', target, met, teams: results.length };
  });
}

/**
 * A plan line as one figure for the whole commune over the whole span of `spanMonths` months
 * (the report's "Kế hoạch"): per_quarter N × quarters and per_member N × members, added over the
 * teams; share p × the households/adults of the areas served, each area once however many teams
 * serve it; monthly_min N × months per team. Null when the target has no such figure or applies
 * to no team.
 */
export function spanTarget(line: PlanLine, spanMonths: number): number | null {
  if (line.teams === 0) return null;
  if (line.kind === 'sum') return line.target.kind === 'per_quarter' ? (line.full * spanMonths) / 3 : line.full;
  if (line.kind === 'share') return line.target.value * line.base;
  if (line.target.kind === 'monthly_min') return line.target.value * spanMonths * line.teams;
  return null;
}

/** Share of teams per status, worst first, for bars. */
export function statusShares(counts: Record<Status, number>): { status: Status; count: number; share: number }[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return STATUS_ORDER.map((status) => ({
    status,
    count: counts[status],
    share: total === 0 ? 0 : counts[status] / total,
  }));
}
