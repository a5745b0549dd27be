// The home screen's view model: the one StatusReport (computeStatus — the same numbers as
// `tonghop status`), the next deadline and who still owes forms for it, and one row per team with
// what the list shows. Computed once per as-of month or data change, never per keystroke;
// `npm run bench` times loadHomeModel + homeFrame.
import { loadFormMonths, computeStatus } from '../../db/evaluation.js';
import type { Db } from '../../db/database.js';
import { type Deadline, type MissingForms, missingForDeadline, nextDeadline } from '../../domain/deadline.js';
import { describeTarget, worstTarget } from '../../domain/describe.js';
import type { Month } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import type { StatusReport } from '../../domain/status.js';
import type { Status } from '../../domain/targets.js';
import { compareVi, fold, matchesFolded, todayIso } from '../../domain/text.js';
import type { EvalInput } from '../../db/evaluation.js';
import { displayName } from '../components/teamName.js';
import type { StatusFilter } from './reducer.js';

export interface HomeRow {
  teamId: number;
  code: string;
  name: string;
  status: Status;
  /** The worst target in words (describeTarget), '' for a team with no targets. */
  worst: string;
  /** actual / expected of that target for the bar; null when it has no data. */
  worstRatio: number | null;
  /** Folded "name code" for type-to-filter (folded once here, not per key). */
  search: string;
}

export interface HomeModel {
  report: StatusReport;
  rows: HomeRow[];
  deadline: Deadline | null;
  /** Months of the deadline's quarter that have finished (forms due), and the teams missing some. */
  missing: { months: Month[]; teams: MissingForms[] };
}

export function homeRows(report: StatusReport, indicators: readonly Indicator[]): HomeRow[] {
  const inds = new Map(indicators.map((i) => [i.code, i]));
  return report.teams.map((t) => {
    const w = worstTarget(t.targets);
    return {
      teamId: t.teamId,
      code: t.ma_to,
      name: t.ten_to,
      status: t.status,
      worst: w ? describeTarget(w, inds) : '',
      worstRatio: w?.ratio ?? null,
      search: fold(`${t.ten_to} ${t.ma_to}`),
    };
  });
}

/** Pure: the model from a report (with its input) and which months each team has a form for. */
export function buildHomeModel(
  report: StatusReport & { input: EvalInput },
  indicators: readonly Indicator[],
  today: string,
  formMonths: (teamId: number, month: Month) => boolean,
): HomeModel {
  const { plan, teams } = report.input;
  const deadline = nextDeadline(plan, today);
  const missing = deadline ? missingForDeadline(plan, teams, deadline, today, formMonths) : { months: [], teams: [] };
  missing.teams.sort((a, b) => compareVi(displayName(a.name), displayName(b.name)));
  return { report, rows: homeRows(report, indicators), deadline, missing };
}

/** Compute everything the home screen shows for `asOf`, as of the clock `now`. */
export async function loadHomeModel(q: Db, asOf: Month, now: Date, indicators: readonly Indicator[]): Promise<HomeModel> {
  const report = await computeStatus(q, asOf);
  const today = todayIso(now);
  const deadline = nextDeadline(report.input.plan, today);
  // The deadline's quarter follows today, not the as-of month: read its form months apart.
  let present = new Map<number, Set<Month>>();
  if (deadline) present = await loadFormMonths(q, deadline.quarter[0]!, deadline.quarter[2]!);
  return buildHomeModel(report, indicators, today, (id, m) => present.get(id)?.has(m) ?? false);
}

/** The rows shown: status filter, then every word of the query (diacritics and case ignored). */
export function filterRows(rows: readonly HomeRow[], status: StatusFilter, query: string): HomeRow[] {
  return rows.filter((r) => (status === 'all' || r.status === status) && matchesFolded(r.search, query));
}
