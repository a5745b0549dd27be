// The quarterly reporting deadline (domain.md, "Reporting"): team leaders' reports reach the
// officer before day D of the quarter's last month, or by the quarter's last day when the plan
// names no day. Pure: "today" is passed in (the app's injectable clock).
import {
  type Month,
  addMonths,
  lastDay,
  monthOfDate,
  monthParts,
  monthRange,
  quarterEnd,
  quarterStart,
} from './period.js';
import { daysInMonth, pad2 } from './text.js';
import { type EvalPlan, type EvalTeam, dueMonths, isTeamActive } from './targets.js';

export interface Deadline {
  /** The quarter being reported (its three months). */
  quarter: Month[];
  /** ISO date of the deadline day. */
  date: string;
  /**
   * true: the report must arrive *before* `date` (plan names day D, so on day D it is late);
   * false: it may arrive on `date` itself (the quarter's last day).
   */
  before: boolean;
  /** Whole days from today to `date` (0 = today is the deadline day). */
  daysLeft: number;
}

/** Days from ISO date a to ISO date b (calendar days, no time zone involved). */
export function daysBetween(a: string, b: string): number {
  const t = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The deadline date of the quarter containing `m`: day D of its last month (clamped to the month), or its last day. */
export function quarterDeadline(m: Month, deadlineDay: number | null): { date: string; before: boolean } {
  const last = quarterEnd(m);
  if (deadlineDay === null) return { date: lastDay(last), before: false };
  const { year, month } = monthParts(last);
  return { date: `${last}-${pad2(Math.min(deadlineDay, daysInMonth(year, month)))}`, before: true };
}

/**
 * The next deadline from `today` (ISO) among the quarters that overlap the plan's span, or null
 * when the plan's last deadline has passed.
 */
export function nextDeadline(
  plan: Pick<EvalPlan, 'span_start' | 'span_end'> & { deadline_day: number | null },
  today: string,
): Deadline | null {
  let q = quarterStart(monthOfDate(today));
  if (quarterEnd(q) < plan.span_start) q = quarterStart(plan.span_start);
  for (; q <= plan.span_end; q = addMonths(q, 3)) {
    if (quarterEnd(q) < plan.span_start) continue;
    const d = quarterDeadline(q, plan.deadline_day);
    const daysLeft = daysBetween(today, d.date);
    if (daysLeft > 0 || (daysLeft === 0 && !d.before)) return { quarter: monthRange(q, quarterEnd(q)), ...d, daysLeft };
  }
  return null;
}

export interface MissingForms {
  teamId: number;
  name: string;
  code: string;
  months: Month[];
}

/** The months of a deadline's quarter whose forms are due by today: finished, and in the plan's span. */
export function deadlineMonths(plan: Pick<EvalPlan, 'span_start' | 'span_end'>, deadline: Pick<Deadline, 'quarter'>, today: string): Month[] {
  const finished = addMonths(monthOfDate(today), -1);
  return deadline.quarter.filter((m) => m <= finished && m >= plan.span_start && m <= plan.span_end);
}

/**
 * Who still owes forms for a deadline's quarter: the months of that quarter that have finished
 * by today (and are due under the plan: in the span, after the team was founded), per active
 * team, in the teams' given order. `has(teamId, month)` says whether a form exists.
 */
export function missingForDeadline(
  plan: Pick<EvalPlan, 'span_start' | 'span_end'>,
  teams: readonly Pick<EvalTeam, 'id' | 'name' | 'code' | 'foundedOn' | 'dissolvedOn'>[],
  deadline: Pick<Deadline, 'quarter'>,
  today: string,
  has: (teamId: number, month: Month) => boolean,
): { months: Month[]; teams: MissingForms[] } {
  const months = deadlineMonths(plan, deadline, today);
  const out: MissingForms[] = [];
  if (months.length === 0) return { months, teams: out };
  const upTo = months[months.length - 1]!;
  for (const t of teams) {
    if (!isTeamActive(t, upTo)) continue;
    const due = new Set(dueMonths(plan, t, upTo));
    const missing = months.filter((m) => due.has(m) && !has(t.id, m));
    if (missing.length) out.push({ teamId: t.id, name: t.name, code: t.code, months: missing });
  }
  return { months, teams: out };
}

/** `T10` or `T10, T11`: months written short, as in "thiếu phiếu T10". */
export function shortMonths(months: readonly Month[]): string {
  return months.map((m) => `T${monthParts(m).month}`).join(', ');
}

/** `T12/2025; T1, T2/2026`: a list of months grouped by year, ascending. */
export function monthList(months: readonly Month[]): string {
  const byYear = new Map<number, number[]>();
  for (const m of [...months].sort()) {
    const { year, month } = monthParts(m);
    byYear.set(year, [...(byYear.get(year) ?? []), month]);
  }
  return [...byYear].map(([y, ms]) => `${ms.map((n) => `T${n}`).join(', ')}/${y}`).join('; ');
}
