// The commune view's numbers: the same StatusReport as the dashboard (computeStatus), every
// indicator's totals for the month, quarter and year, and the plan at commune level.
import { computeStatus, formsWindowStart, listAreaBases, loadForms } from '../../db/evaluation.js';
import type { Db } from '../../db/database.js';
import {
  type CommuneWindows,
  type IndicatorTotal,
  type PlanLine,
  communeWindows,
  indicatorTotals,
  planLines,
} from '../../domain/commune.js';
import type { Month } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { type StatusReport, statusCounts } from '../../domain/status.js';
import type { FormsByMonth, Status } from '../../domain/targets.js';

export interface CommuneModel {
  asOf: Month;
  report: StatusReport;
  windows: CommuneWindows;
  totals: { month: IndicatorTotal[]; quarter: IndicatorTotal[]; year: IndicatorTotal[] };
  plan: PlanLine[];
  goals: { label: string; chi_so?: string; total: IndicatorTotal | null }[];
  counts: Record<Status, number>;
}

export async function loadCommuneModel(q: Db, asOf: Month, indicators: readonly Indicator[]): Promise<CommuneModel> {
  const report = await computeStatus(q, asOf);
  const { input } = report;
  const windows = communeWindows(asOf);
  // Totals count every team's forms, dissolved teams' too: their figures were real work.
  const loadedFrom = formsWindowStart(input.plan, asOf);
  let forms: FormsByMonth[] = input.teams.map((t) => t.forms);
  if (windows.year[0]! < loadedFrom) forms = [...(await loadForms(q, windows.year[0]!, asOf)).values()];
  const totals = {
    month: indicatorTotals(forms, indicators, windows.month),
    quarter: indicatorTotals(forms, indicators, windows.quarter),
    year: indicatorTotals(forms, indicators, windows.year),
  };
  const areas = await listAreaBases(q);
  return {
    asOf,
    report,
    windows,
    totals,
    plan: planLines(report, input.teams, input.evalPlan, areas, input.thresholds),
    goals: input.plan.commune_goals.map((g) => ({ ...g, total: totals.year.find((t) => t.code === g.chi_so) ?? null })),
    counts: statusCounts(report),
  };
}
