// The target arithmetic of domain.md ("Targets"), one function per rule. Pure and exact:
// expected values, shares and ratios stay unrounded; rounding is for display only.
import {
  type Month,
  lastDay,
  maxMonth,
  monthOfQuarter,
  monthRange,
  monthsBetween,
  firstDay,
  quarterStart,
} from './period.js';
import type { Aggregation, Role, Target, TargetKind, TeamLevel, Thresholds } from './schemas.js';

export type Status = 'dat' | 'cham' | 'cham_nhieu' | 'chua_bao_cao';
/** Worst first: the order of the dashboard. */
export const STATUS_ORDER: readonly Status[] = ['chua_bao_cao', 'cham_nhieu', 'cham', 'dat'];
export const STATUS_RANK: Record<Status, number> = { chua_bao_cao: 0, cham_nhieu: 1, cham: 2, dat: 3 };

/** A team's forms: month → (indicator → value). A blank cell has no entry; a form with no values is still a form. */
export type FormsByMonth = ReadonlyMap<Month, ReadonlyMap<string, number>>;

export interface EvalMember {
  role: Role;
  joinedOn: string | null; // ISO date; null = member since before anything we track
  leftOn: string | null;
  trainings: readonly string[]; // ISO dates of trainings attended
}

export interface EvalTeam {
  id: number;
  code: string;
  name: string;
  level: TeamLevel;
  households: number | null;
  adults: number | null;
  urban: boolean | null; // null: no area (commune-level team)
  foundedOn: string | null;
  dissolvedOn: string | null;
  members: readonly EvalMember[];
  forms: FormsByMonth;
}

export interface EvalPlan {
  id: string;
  span_start: Month;
  span_end: Month;
  targets: readonly Target[];
  aggregation: ReadonlyMap<string, Aggregation>; // indicator code → sum | last
}

export interface TargetResult {
  id: string;
  kind: TargetKind;
  chi_so: string | null;
  actual: number | null;
  expected: number;
  target: number;
  ratio: number | null;
  status: Status;
}

const EPS = 1e-9;

export function statusFromRatio(r: number, th: Thresholds): Status {
  if (r >= th.onTrack - EPS) return 'dat';
  if (r >= th.behind - EPS) return 'cham';
  return 'cham_nhieu';
}

export function ratioOf(actual: number, expected: number): number {
  return expected === 0 ? 1 : actual / expected;
}

/** Aggregate an indicator over a window of months. `present` is false when no month has a form. */
export function aggregate(
  forms: FormsByMonth,
  code: string,
  agg: Aggregation,
  months: readonly Month[],
): { value: number; present: boolean } {
  const { value, present } = aggregateReported(forms, code, agg, months);
  return { value, present };
}

/**
 * `aggregate`, also telling whether any month has a value of the indicator (`reported`), not
 * only a form: the commune's totals leave an indicator nobody reported blank, not 0.
 */
export function aggregateReported(
  forms: FormsByMonth,
  code: string,
  agg: Aggregation,
  months: readonly Month[],
): { value: number; present: boolean; reported: boolean } {
  let present = false;
  let sum = 0;
  let last: number | null = null;
  for (const m of months) {
    const form = forms.get(m);
    if (!form) continue;
    present = true;
    const v = form.get(code);
    if (v === undefined) continue;
    sum += v;
    last = v; // months are ascending, so the latest non-blank wins
  }
  return { value: agg === 'sum' ? sum : (last ?? 0), present, reported: last !== null };
}

/** In the team on this day (ISO date): joined by then (or no date known) and not left yet. */
export function isMemberActiveOn(m: Pick<EvalMember, 'joinedOn' | 'leftOn'>, iso: string): boolean {
  if (m.joinedOn && m.joinedOn > iso) return false;
  return !m.leftOn || m.leftOn > iso;
}

/** In the team at the end of month M. */
export function isMemberActive(m: EvalMember, asOf: Month): boolean {
  return isMemberActiveOn(m, lastDay(asOf));
}

/** The members who attended a training between two ISO dates (inclusive). */
export function trainedMembers<M extends Pick<EvalMember, 'trainings'>>(members: readonly M[], from: string, to: string): M[] {
  return members.filter((m) => m.trainings.some((d) => d >= from && d <= to));
}

/** A team_size target's minimum for a team of this level (the commune-level team may have its own). */
export function requiredTeamSize(t: Pick<Target, 'value' | 'commune_value'>, level: TeamLevel): number {
  return level === 'commune' && t.commune_value !== undefined ? t.commune_value : t.value;
}

export function activeMembers(team: Pick<EvalTeam, 'members'>, asOf: Month): EvalMember[] {
  return team.members.filter((m) => isMemberActive(m, asOf));
}

/** A team is evaluated at M when it existed then: founded by the end of M, not dissolved by then. */
export function isTeamActive(team: Pick<EvalTeam, 'dissolvedOn' | 'foundedOn'>, asOf: Month): boolean {
  const end = lastDay(asOf);
  if (team.foundedOn && team.foundedOn > end) return false;
  return !team.dissolvedOn || team.dissolvedOn > end;
}

/** Months of the span up to and including M (0..S). */
export function elapsedMonths(plan: Pick<EvalPlan, 'span_start' | 'span_end'>, asOf: Month): number {
  const S = monthsBetween(plan.span_start, plan.span_end);
  return Math.min(S, monthsBetween(plan.span_start, asOf));
}

export function spanLength(plan: Pick<EvalPlan, 'span_start' | 'span_end'>): number {
  return monthsBetween(plan.span_start, plan.span_end);
}

/** The share target's denominator for a team, or null if the target does not apply to it. */
export function shareBase(t: Target, team: EvalTeam): number | null {
  if (t.area_filter) {
    if (team.urban === null) return null;
    if (t.area_filter === 'urban' && !team.urban) return null;
    if (t.area_filter === 'rural' && team.urban) return null;
  }
  const base = t.base === 'adults' ? team.adults : team.households;
  return base && base > 0 ? base : null;
}

/** Evaluate one target for one team as of M; null when the target does not apply to the team. */
export function evaluateTarget(
  t: Target,
  team: EvalTeam,
  plan: EvalPlan,
  asOf: Month,
  th: Thresholds,
): TargetResult | null {
  const e = elapsedMonths(plan, asOf);
  const S = spanLength(plan);
  const pace = S === 0 ? 1 : e / S;
  const spanWindow = () => monthRange(plan.span_start, asOf);
  const agg = (months: Month[]) => aggregate(team.forms, t.chi_so!, plan.aggregation.get(t.chi_so!) ?? 'sum', months);
  const done = (actual: number | null, expected: number, target: number): TargetResult => {
    if (actual === null) {
      return { id: t.id, kind: t.kind, chi_so: t.chi_so, actual: null, expected, target, ratio: null, status: 'chua_bao_cao' };
    }
    const ratio = ratioOf(actual, expected);
    return { id: t.id, kind: t.kind, chi_so: t.chi_so, actual, expected, target, ratio, status: statusFromRatio(ratio, th) };
  };

  switch (t.kind) {
    case 'per_quarter': {
      const q = monthOfQuarter(asOf);
      const a = agg(monthRange(quarterStart(asOf), asOf));
      return done(a.present ? a.value : null, (t.value * q) / 3, t.value);
    }
    case 'per_member': {
      const full = t.value * activeMembers(team, asOf).length;
      const a = agg(spanWindow());
      return done(a.present ? a.value : null, full * pace, full);
    }
    case 'share': {
      const base = shareBase(t, team);
      if (base === null) return null;
      const a = agg(spanWindow());
      return done(a.present ? a.value / base : null, t.value * pace, t.value);
    }
    case 'monthly_min': {
      const a = agg([asOf]);
      return done(a.present ? a.value : null, t.value, t.value);
    }
    case 'team_size': {
      const n = requiredTeamSize(t, team.level);
      return done(activeMembers(team, asOf).length, n, n);
    }
    case 'trained': {
      const active = activeMembers(team, asOf);
      const from = firstDay(plan.span_start);
      const to = lastDay(asOf);
      const trained = trainedMembers(active, from, to).length;
      const actual = active.length === 0 ? 0 : trained / active.length;
      return done(actual, t.value * pace, t.value);
    }
    case 'leadership': {
      const active = activeMembers(team, asOf);
      const ok = active.some((m) => m.role === 'to_truong') && active.some((m) => m.role === 'to_pho');
      return done(ok ? 1 : 0, 1, 1);
    }
  }
}

/** Due team-months: span months from the later of span start and the founding month, up to M. */
export function dueMonths(plan: Pick<EvalPlan, 'span_start' | 'span_end'>, team: Pick<EvalTeam, 'foundedOn'>, asOf: Month): Month[] {
  const from = team.foundedOn ? maxMonth(plan.span_start, team.foundedOn.slice(0, 7)) : plan.span_start;
  const to = asOf < plan.span_end ? asOf : plan.span_end;
  return from <= to ? monthRange(from, to) : [];
}
