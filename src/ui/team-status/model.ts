// One team's drill-down: the same evaluation as the dashboard (loadEvalInput + evaluatePlan, the
// body of computeStatus) for this team only, and its last 12 months of figures for sparklines.
import { loadEvalInput, loadForms } from '../../db/evaluation.js';
import type { Db } from '../../db/database.js';
import type { Month } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { lastMonths, mainIndicators, monthlySeries } from '../../domain/sparkline.js';
import { type TeamStatus, evaluatePlan } from '../../domain/status.js';
import type { EvalTeam } from '../../domain/targets.js';

export interface SparkSeries {
  code: string;
  values: (number | null)[];
}

export interface TeamStatusModel {
  asOf: Month;
  team: EvalTeam | null;
  /** null when the team is not active at the as-of month (dissolved): it has no targets then. */
  status: TeamStatus | null;
  months: Month[];
  series: SparkSeries[];
}

export async function loadTeamStatusModel(q: Db, teamId: number, asOf: Month, indicators: readonly Indicator[]): Promise<TeamStatusModel> {
  const input = await loadEvalInput(q, asOf, { teamId });
  const team = input.teams[0] ?? null;
  const report = evaluatePlan(input.teams, input.evalPlan, asOf, input.thresholds);
  const months = lastMonths(asOf, 12);
  const forms = (await loadForms(q, months[0]!, asOf, teamId)).get(teamId) ?? new Map();
  const codes = mainIndicators(input.plan, indicators.map((i) => i.code));
  return {
    asOf,
    team,
    status: report.teams[0] ?? null,
    months,
    series: codes.map((code) => ({ code, values: monthlySeries(forms, code, months) })),
  };
}
