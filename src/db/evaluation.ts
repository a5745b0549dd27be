// Load what the target arithmetic needs, in a few queries, and evaluate it. The one path
// behind `tonghop status`, the dashboard and the report.
import { type Month, minMonth, quarterStart } from '../domain/period.js';
import type { Indicator, Plan, Thresholds } from '../domain/schemas.js';
import { type StatusReport, evaluatePlan } from '../domain/status.js';
import type { EvalMember, EvalPlan, EvalTeam } from '../domain/targets.js';
import type { Db } from './database.js';
import { PACKED_FORMS as FORMS, PACKED_VALUES as FORM_VALUES } from './forms.js';
import { PACKED_TRAININGS as TRAININGS } from './members.js';
import { packedRows } from './packed.js';
import { NotInitialisedError, getThresholds, parseThresholds } from './unit.js';

export interface EvalInput {
  plan: Plan;
  /** The plan's indicators in the paper form's order. */
  indicators: Indicator[];
  presetId: string;
  evalPlan: EvalPlan;
  teams: EvalTeam[];
  thresholds: Thresholds;
}

export function toEvalPlan(plan: Plan, aggregation: Map<string, 'sum' | 'last'>): EvalPlan {
  return { id: plan.id, span_start: plan.span_start, span_end: plan.span_end, targets: plan.targets, aggregation };
}

/**
 * Forms from `from` to `to` (inclusive) of every team, as team id → month → values (months in
 * ascending order). One statement (one snapshot) returns two packed strings (packed.ts): the
 * forms in team and month order, and their values.
 */
export async function loadForms(q: Db, from: Month, to: Month, teamId?: number | readonly number[]): Promise<Map<number, Map<Month, Map<string, number>>>> {
  const teamFilter = teamId === undefined ? '' : typeof teamId === 'number' ? ' AND f.team_id = $3' : ' AND f.team_id = ANY($3::int[])';
  const r = await q.query<{ forms: string | null; vals: string | null }>(
    `SELECT (SELECT ${FORMS.sql('f.team_id, f.month')} FROM form f WHERE f.month BETWEEN $1 AND $2${teamFilter}) AS forms,
            (SELECT ${FORM_VALUES.sql()} FROM form_value v JOIN form f ON f.id = v.form_id WHERE f.month BETWEEN $1 AND $2${teamFilter}) AS vals`,
    teamId === undefined ? [from, to] : [from, to, teamId],
  );
  const out = new Map<number, Map<Month, Map<string, number>>>();
  const byFormId = new Map<number, Map<string, number>>();
  const { forms, vals } = r.rows[0] ?? { forms: null, vals: null };
  FORMS.each(forms, ([id, team, month]) => {
    let byMonth = out.get(team);
    if (!byMonth) out.set(team, (byMonth = new Map()));
    const values = new Map<string, number>();
    byMonth.set(month as Month, values);
    byFormId.set(id, values);
  });
  FORM_VALUES.each(vals, ([formId, code, value]) => void byFormId.get(formId)?.set(code, value));
  return out;
}

/** Which months have a form (any form, even all blank), per team: cheaper than loadForms. */
export async function loadFormMonths(q: Db, from: Month, to: Month): Promise<Map<number, Set<Month>>> {
  const r = await q.query<{ team_id: number; months: string }>(
    `SELECT team_id, string_agg(month, ',') AS months FROM form WHERE month BETWEEN $1 AND $2 GROUP BY team_id`,
    [from, to],
  );
  return new Map(r.rows.map((row) => [row.team_id, new Set(row.months.split(','))]));
}

/** A team as "who still owes forms" sees it: its dates, not its figures. */
export interface DeadlineTeamRow {
  id: number;
  name: string;
  code: string;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

/**
 * The teams (in id order, the evaluation's) with no form for one of `months` at least, their
 * dates and which of those months they have, in one statement returning one row: PGlite pays
 * per row and per byte. A team with every month's form owes none (missingForDeadline skips it),
 * so at 2,000 teams that are up to date this reads nothing, where every team's dates took ~100 ms.
 */
export async function loadDeadlineTeams(q: Db, months: readonly Month[]): Promise<DeadlineTeams> {
  return deadlineTeamsFrom(await deadlineTeamsText(q, months));
}

export interface DeadlineTeams {
  teams: DeadlineTeamRow[];
  present: Map<number, Set<Month>>;
}

/** loadDeadlineTeams's one row as the database gives it (home keeps it with its look, db/home-cache.ts). */
export async function deadlineTeamsText(q: Db, months: readonly Month[]): Promise<string> {
  const r = await q.query<{ teams: string | null }>(
    `SELECT json_agg(json_build_array(t.id, t.name, t.code, t.decision_date::text, t.dissolved_on::text, f.months) ORDER BY t.id)::text AS teams
     FROM team t LEFT JOIN (SELECT team_id, string_agg(month, ',') AS months, count(*) AS n FROM form WHERE month = ANY($1::text[]) GROUP BY team_id) f ON f.team_id = t.id
     WHERE coalesce(f.n, 0) < cardinality($1::text[])`,
    [months],
  );
  return r.rows[0]?.teams ?? '[]';
}

export function deadlineTeamsFrom(text: string): DeadlineTeams {
  const rows = JSON.parse(text) as [number, string, string, string | null, string | null, string | null][];
  const teams: DeadlineTeamRow[] = [];
  const present = new Map<number, Set<Month>>();
  for (const [id, name, code, foundedOn, dissolvedOn, have] of rows) {
    teams.push({ id, name, code, foundedOn, dissolvedOn });
    if (have) present.set(id, new Set(have.split(',')));
  }
  return { teams, present };
}

export interface AreaBase {
  areaId: number;
  urban: boolean;
  households: number | null;
  adults: number | null;
  /** Teams (active or not) serving the area: one area may have several. */
  teamIds: number[];
}

/** The areas teams serve, with their denominators (the commune view's shares). */
export async function listAreaBases(q: Db): Promise<AreaBase[]> {
  const r = await q.query<{ id: number; urban: boolean; households: number | null; adults: number | null; team_ids: number[] }>(
    `SELECT a.id, a.urban, a.households, a.adults, array_agg(t.id ORDER BY t.id) AS team_ids
     FROM area a JOIN team t ON t.area_id = a.id GROUP BY a.id ORDER BY a.id`,
  );
  return r.rows.map((a) => ({ areaId: a.id, urban: a.urban, households: a.households, adults: a.adults, teamIds: a.team_ids }));
}

/** The months loadEvalInput reads forms from: what the targets need (span start, M's quarter). */
export function formsWindowStart(plan: Pick<Plan, 'span_start'>, asOf: Month): Month {
  return minMonth(plan.span_start, quarterStart(asOf));
}

const MEMBERS = packedRows([
  ['m.id', 'int'],
  ['m.team_id', 'int'],
  ['m.role', 'text'],
  ['m.joined_on', 'text?'],
  ['m.left_on', 'text?'],
]);

/** The evaluation's input for every team, or only one (`teamId`) or a few (`teamIds`). */
export async function loadEvalInput(
  q: Db,
  asOf: Month,
  opts: { teamId?: number; teamIds?: readonly number[]; /** Read a moment ago by the caller (status-cache's header): not read again. */ known?: Known } = {},
): Promise<EvalInput> {
  const known = opts.known ?? (await readKnown(q));
  const { plan, indicators, evalPlan } = known;
  const ids = opts.teamId !== undefined ? [opts.teamId] : opts.teamIds;
  const teamFilter = ids === undefined ? '' : ' WHERE t.id = ANY($1::int[])';
  const params = ids === undefined ? [] : [ids];
  const teamRows = await q.query<{
    id: number;
    code: string;
    name: string;
    level: 'area' | 'commune';
    households: number | null;
    adults: number | null;
    urban: boolean | null;
    decision_date: string | null;
    dissolved_on: string | null;
  }>(
    `SELECT t.id, t.code, t.name, t.level, a.households, a.adults, a.urban, t.decision_date, t.dissolved_on
     FROM team t LEFT JOIN area a ON a.id = t.area_id${teamFilter}`,
    params,
  );
  // Members and trainings packed (packed.ts), for the same reason as loadForms.
  const memberFilter = ids === undefined ? '' : ' WHERE m.team_id = ANY($1::int[])';
  const packed = await q.query<{ members: string | null; trainings: string | null }>(
    `SELECT (SELECT ${MEMBERS.sql('m.id')} FROM member m${memberFilter}) AS members,
            (SELECT ${TRAININGS.sql('tr.id')} FROM training tr JOIN member m ON m.id = tr.member_id${memberFilter}) AS trainings`,
    params,
  );
  const members = new Map<number, EvalMember[]>();
  const trainings = new Map<number, string[]>();
  MEMBERS.each(packed.rows[0]?.members ?? null, ([id, teamNo, role, joinedOn, leftOn]) => {
    const dates: string[] = [];
    trainings.set(id, dates);
    const m: EvalMember = { role: role as EvalMember['role'], joinedOn, leftOn, trainings: dates };
    let list = members.get(teamNo);
    if (!list) members.set(teamNo, (list = []));
    list.push(m);
  });
  TRAININGS.each(packed.rows[0]?.trainings ?? null, ([memberId, heldOn]) => void trainings.get(memberId)?.push(heldOn));
  const from = formsWindowStart(plan, asOf);
  const forms = await loadForms(q, from, asOf, ids);
  const teams: EvalTeam[] = teamRows.rows.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    level: t.level,
    households: t.households,
    adults: t.adults,
    urban: t.urban,
    foundedOn: t.decision_date,
    dissolvedOn: t.dissolved_on,
    members: members.get(t.id) ?? [],
    forms: forms.get(t.id) ?? new Map(),
  }));
  return { plan, indicators, presetId: known.presetId, evalPlan, teams, thresholds: known.thresholds ?? (await getThresholds(q)) };
}

/** What an evaluation reads besides the teams: the plan, the indicators' aggregation, the thresholds. */
export interface Known {
  plan: Plan;
  presetId: string;
  indicators: Indicator[];
  evalPlan: EvalPlan;
  /** Undefined: read after the teams, as before. */
  thresholds?: Thresholds;
}

/**
 * What readKnown reads, as columns of one statement (home's lookup and status's header ask them
 * beside their own): the plan, its indicators in the paper form's order, the thresholds' setting.
 */
export const KNOWN_SQL = `(SELECT preset_id FROM plan WHERE id = 1) AS preset_id, (SELECT definition::text FROM plan WHERE id = 1) AS definition,
  (SELECT json_agg(json_build_object('code', code, 'label', label, 'unit', unit, 'aggregation', aggregation) ORDER BY position, code)::text FROM indicator) AS indicators,
  (SELECT value FROM setting WHERE key = 'thresholds') AS thresholds`;

export interface KnownRow {
  preset_id: string | null;
  definition: string | null;
  indicators: string | null;
  thresholds: string | null;
}

/** Known from KNOWN_SQL's columns (NotInitialisedError without a plan); `plan`: already parsed from that definition. */
export async function knownFromRow(row: KnownRow, plan?: Plan): Promise<Known & { thresholds: Thresholds }> {
  if (row.preset_id === null || row.definition === null) throw new NotInitialisedError();
  const p = plan ?? (await import('../domain/schemas.js')).planSchema.parse(JSON.parse(row.definition));
  const indicators = JSON.parse(row.indicators ?? '[]') as Indicator[];
  const evalPlan = toEvalPlan(p, new Map(indicators.map((i) => [i.code, i.aggregation])));
  return { plan: p, presetId: row.preset_id, indicators, evalPlan, thresholds: await parseThresholds(row.thresholds) };
}

/** The plan (NotInitialisedError without one), its indicators, the plan as the evaluation reads it and the thresholds: one statement. */
export async function readKnown(q: Db): Promise<Known & { thresholds: Thresholds }> {
  return knownFromRow((await q.query<KnownRow>(`SELECT ${KNOWN_SQL}`)).rows[0]!);
}

export async function computeStatus(q: Db, asOf: Month): Promise<StatusReport & { input: EvalInput }> {
  const input = await loadEvalInput(q, asOf);
  return { ...evaluatePlan(input.teams, input.evalPlan, asOf, input.thresholds), input };
}
