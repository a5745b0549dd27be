// Load what the target arithmetic needs, in three queries, and evaluate it. The one path
// behind `tonghop status`, the dashboard and the report.
import { type Month, minMonth, quarterStart } from '../domain/period.js';
import type { Plan, Thresholds } from '../domain/schemas.js';
import { type StatusReport, evaluatePlan } from '../domain/status.js';
import type { EvalMember, EvalPlan, EvalTeam } from '../domain/targets.js';
import type { Queryable } from './queryable.js';
import { getPlan, getThresholds, listIndicators } from './unit.js';

export interface EvalInput {
  plan: Plan;
  presetId: string;
  evalPlan: EvalPlan;
  teams: EvalTeam[];
  thresholds: Thresholds;
}

export function toEvalPlan(plan: Plan, aggregation: Map<string, 'sum' | 'last'>): EvalPlan {
  return { id: plan.id, span_start: plan.span_start, span_end: plan.span_end, targets: plan.targets, aggregation };
}

/** Forms from `from` to `to` (inclusive) of every team, as team id → month → values. */
export async function loadForms(q: Queryable, from: Month, to: Month, teamId?: number): Promise<Map<number, Map<Month, Map<string, number>>>> {
  const r = await q.query<{ team_id: number; month: Month; vals: string | null }>(
    `SELECT f.team_id, f.month, string_agg(v.indicator || '=' || v.value, ',') AS vals
     FROM form f LEFT JOIN form_value v ON v.form_id = f.id
     WHERE f.month BETWEEN $1 AND $2 ${teamId === undefined ? '' : 'AND f.team_id = $3'}
     GROUP BY f.team_id, f.month ORDER BY f.team_id, f.month`,
    teamId === undefined ? [from, to] : [from, to, teamId],
  );
  const out = new Map<number, Map<Month, Map<string, number>>>();
  for (const row of r.rows) {
    let byMonth = out.get(row.team_id);
    if (!byMonth) out.set(row.team_id, (byMonth = new Map()));
    const values = new Map<string, number>();
    if (row.vals) {
      for (const pair of row.vals.split(',')) {
        const eq = pair.indexOf('=');
        values.set(pair.slice(0, eq), Number(pair.slice(eq + 1)));
      }
    }
    byMonth.set(row.month, values);
  }
  return out;
}

export async function loadEvalInput(q: Queryable, asOf: Month, opts: { teamId?: number } = {}): Promise<EvalInput> {
  const planRow = await getPlan(q);
  if (!planRow) throw new Error('Chưa có kế hoạch: hãy chạy "tonghop init" trước.');
  const { plan } = planRow;
  const indicators = await listIndicators(q);
  const evalPlan = toEvalPlan(plan, new Map(indicators.map((i) => [i.code, i.aggregation])));
  const teamFilter = opts.teamId === undefined ? '' : ' WHERE t.id = $1';
  const params = opts.teamId === undefined ? [] : [opts.teamId];
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
  const memberRows = await q.query<{ team_id: number; role: EvalMember['role']; joined_on: string | null; left_on: string | null; trainings: string | null }>(
    `SELECT m.team_id, m.role, m.joined_on, m.left_on,
            (SELECT string_agg(tr.held_on::text, ',') FROM training tr WHERE tr.member_id = m.id) AS trainings
     FROM member m${opts.teamId === undefined ? '' : ' WHERE m.team_id = $1'}`,
    params,
  );
  const members = new Map<number, EvalMember[]>();
  for (const m of memberRows.rows) {
    const list = members.get(m.team_id) ?? [];
    list.push({ role: m.role, joinedOn: m.joined_on, leftOn: m.left_on, trainings: m.trainings ? m.trainings.split(',') : [] });
    members.set(m.team_id, list);
  }
  const from = minMonth(plan.span_start, quarterStart(asOf));
  const forms = await loadForms(q, from, asOf, opts.teamId);
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
  return { plan, presetId: planRow.presetId, evalPlan, teams, thresholds: await getThresholds(q) };
}

export async function computeStatus(q: Queryable, asOf: Month): Promise<StatusReport & { input: EvalInput }> {
  const input = await loadEvalInput(q, asOf);
  return { ...evaluatePlan(input.teams, input.evalPlan, asOf, input.thresholds), input };
}
