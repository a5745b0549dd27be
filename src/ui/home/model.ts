// The home screen's view model: the report as home shows it (domain/home-row.ts, from the stored
// evaluation `tonghop status` reads, db/home-cache.ts: only the teams whose data changed since
// the last look are evaluated again, so the numbers are computeStatus's), the next deadline and who still owes forms for it,
// and one row per team with what the list shows. Loaded once per as-of month or data change,
// never per keystroke; `npm run bench` times loadHomeModel + homeFrame.
import type { Db } from '../../db/database.js';
import { cachedHome } from '../../db/home-cache.js';
import type { CacheOptions } from '../../db/status-cache.js';
import { type Deadline, type MissingForms, deadlineMonths, missingForDeadline, nextDeadline } from '../../domain/deadline.js';
import { describeTarget } from '../../domain/describe.js';
import type { HomeReport } from '../../domain/home-row.js';
import { type Month, lastFinishedMonth, maxMonth, minMonth } from '../../domain/period.js';
import { asOfBounds } from '../components/asOfPage.js';
import type { Indicator, Plan } from '../../domain/schemas.js';
import type { EvalTeam, Status } from '../../domain/targets.js';
import { compareVi, fold, matchesFolded, todayIso } from '../../domain/text.js';
import { displayName } from '../components/teamName.js';
import type { StatusFilter } from './reducer.js';

export interface HomeRow {
  teamId: number;
  code: string;
  name: string;
  status: Status;
  /** The worst target in words (describeTarget), '' for a team with no targets. */
  readonly worst: string;
  /** actual / expected of that target for the bar; null when it has no data. */
  worstRatio: number | null;
  /** Folded "name code" for type-to-filter (folded once, not per key). */
  readonly search: string;
}

export interface HomeModel {
  report: HomeReport;
  rows: HomeRow[];
  deadline: Deadline | null;
  /** Months of the deadline's quarter that have finished (forms due), and the teams missing some. */
  missing: { months: Month[]; teams: MissingForms[] };
}

/**
 * The words and the folded text are made when first read: the first frame shows ~20 rows of
 * 2,000, and describing every worst target was ~25 ms of home's first look at 2,000 teams (CPU
 * profile, 03/12/2026); the filter folds the rest at its first key.
 */
export function homeRows(report: HomeReport, indicators: readonly Indicator[]): HomeRow[] {
  const inds = new Map(indicators.map((i) => [i.code, i]));
  return report.teams.map((t) => {
    const w = t.worst;
    let words: string | undefined;
    let folded: string | undefined;
    return {
      teamId: t.teamId,
      code: t.ma_to,
      name: t.ten_to,
      status: t.status,
      get worst() {
        return (words ??= w ? describeTarget(w, inds) : '');
      },
      worstRatio: w?.ratio ?? null,
      get search() {
        return (folded ??= fold(`${t.ten_to} ${t.ma_to}`));
      },
    };
  });
}

/** What "who still owes forms" needs of a team: its dates, not its figures. */
export type DeadlineTeam = Pick<EvalTeam, 'id' | 'name' | 'code' | 'foundedOn' | 'dissolvedOn'>;

/** Pure: the model from a report, the plan and teams it was computed for, and which months each team has a form for. */
export function buildHomeModel(
  report: HomeReport,
  plan: Plan,
  teams: readonly DeadlineTeam[],
  indicators: readonly Indicator[],
  today: string,
  formMonths: (teamId: number, month: Month) => boolean,
): HomeModel {
  const deadline = nextDeadline(plan, today);
  const missing = deadline ? missingForDeadline(plan, teams, deadline, today, formMonths) : { months: [], teams: [] };
  missing.teams.sort((a, b) => compareVi(displayName(a.name), displayName(b.name)));
  return { report, rows: homeRows(report, indicators), deadline, missing };
}

/**
 * Everything the home screen shows for `asOf`, as of the clock `now`. `store`: keep what had to be
 * evaluated for the next look (only when this role may write: a reader computes and writes nothing).
 */
export async function loadHomeModel(q: Db, asOf: Month, now: Date, indicators: readonly Indicator[], opts: CacheOptions = {}): Promise<HomeModel> {
  const today = todayIso(now);
  // The deadline's quarter follows today, not the as-of month: its months that are due, and of
  // those who lacks a form (their dates, not their figures); nothing when no month is due yet.
  const monthsDue = (plan: Plan) => {
    const deadline = nextDeadline(plan, today);
    return deadline ? deadlineMonths(plan, deadline, today) : [];
  };
  const { report, plan, owing } = await cachedHome(q, asOf, monthsDue, opts);
  return buildHomeModel(report, plan, owing.teams, indicators, today, (id, m) => owing.present.get(id)?.has(m) ?? false);
}

/** The month home shows for the working month: the last finished one at most, the plan's first at least. */
export function shownAsOf(spanStart: Month, workMonth: Month, now: Date): Month {
  const bounds = asOfBounds(spanStart, now);
  return minMonth(maxMonth(workMonth, bounds.min), bounds.max);
}

/**
 * Home's first look, loaded by Root with the settings before the app's first frame and handed to
 * the App: it then opens on the figures (no "Đang tính…" frame in between, no second trip through
 * React and Ink).
 */
export interface FirstLook {
  db: Db;
  asOf: Month;
  indicators: readonly Indicator[];
  model: HomeModel;
}

/** Load what home shows at the start (undefined if it fails: the screen then loads it and says why). */
export async function loadFirstLook(q: Db, spanStart: Month, now: Date, indicators: readonly Indicator[], opts: CacheOptions): Promise<FirstLook | undefined> {
  const asOf = shownAsOf(spanStart, lastFinishedMonth(now), now);
  try {
    return { db: q, asOf, indicators, model: await loadHomeModel(q, asOf, now, indicators, opts) };
  } catch {
    return undefined; // loaded again by the screen, which shows the error
  }
}

/** The first look's model if it is of this database, month and plan's indicators. */
export function firstLookModel(look: FirstLook | undefined, q: Db, asOf: Month, indicators: readonly Indicator[]): HomeModel | undefined {
  return look && look.db === q && look.asOf === asOf && look.indicators === indicators ? look.model : undefined;
}

/** The rows shown: status filter, then every word of the query (diacritics and case ignored). */
export function filterRows(rows: readonly HomeRow[], status: StatusFilter, query: string): HomeRow[] {
  // No words: every row matches, and no row's text is folded for it (made when first read).
  const noWords = query.trim() === '';
  return rows.filter((r) => (status === 'all' || r.status === status) && (noWords || matchesFolded(r.search, query)));
}
